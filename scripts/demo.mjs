// npm run demo: builds dist/ when it is missing or older than the sources, then serves the
// demo (simulated Excel beside the real task pane) on 127.0.0.1 only. No other network.
//   node scripts/demo.mjs [--port N] [--no-build]     (--port 0 picks a free port)
//   node scripts/demo.mjs --build-only                (build dist/ when stale, then exit; the tests use it)
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const sharedFixtures = resolve(root, '..', 'shared', 'fixtures');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 3100);
const build = !args.includes('--no-build');
const buildOnly = args.includes('--build-only');

/** Newest modification time under a path (files only). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const BUILT = ['demo.html', 'taskpane.html', 'sim-office.js', 'commands.html', join('offline', 'scorecard.html')].map((f) => join(dist, f));

export function distIsStale() {
  const built = BUILT;
  if (!built.every(existsSync)) return true;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const sources = Math.max(
    newest(join(root, 'src')),
    newest(join(root, 'assets')),
    newest(join(root, 'manifest.xml')),
    newest(join(root, 'webpack.config.js')),
    // Build settings that live there (sideEffects decides what the pane's first script carries).
    newest(join(root, 'package.json')),
  );
  return sources > builtAt;
}

if (build && distIsStale()) {
  process.stderr.write('Building dist/ (webpack --mode production)…\n');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write('Build failed.\n');
    process.exit(1);
  }
  // webpack leaves a file it would write unchanged as it was, old date and all: mark the build's time.
  const now = new Date();
  for (const file of BUILT) if (existsSync(file)) utimesSync(file, now, now);
}
if (buildOnly) process.exit(0);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const PANE_CSP =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";
const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

function fileFor(urlPath) {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  if (rel === '' ) return join(dist, 'demo.html');
  const inDist = join(dist, rel);
  if (inDist.startsWith(dist + sep) && existsSync(inDist) && statSync(inDist).isFile()) return inDist;
  // The fixture straight from the shared folder when the build did not copy it.
  if (rel.startsWith(`fixtures${sep}`)) {
    const shared = join(sharedFixtures, rel.slice('fixtures'.length + 1));
    if (shared.startsWith(sharedFixtures + sep) && existsSync(shared)) return shared;
  }
  return null;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(url.pathname) : null;
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  let body = readFileSync(file);
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (extname(file) === '.html') {
    // The add-in pages ask Microsoft's CDN for office.js; here the simulated Office answers.
    body = Buffer.from(body.toString('utf8').split(OFFICE_JS).join('/sim-office.js'));
    headers['Content-Security-Policy'] = file.endsWith('demo.html') ? DEMO_CSP : PANE_CSP;
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`Demo: http://127.0.0.1:${actual}/demo.html\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
