// npm run build:wps: the WPS 表格 add-in (WPS加载项) in dist/wps/, with Kingsoft's wpsjs toolkit's pieces.
//   node scripts/build-wps.mjs [--url https://intranet.example/scorecard/] [--demo] [--out DIR]
// --url is where the add-in folder will be served (online install; default http://127.0.0.1:3889/govinfoscorecard/).
// Output:
//   dist/wps/              the add-in: index.html + main.js (ribbon callbacks), ribbon.xml, taskpane.html/.js,
//                          dialog.html/.js, manifest.xml, assets/
//   dist/wps/publish.html  online install page (wpsjs's publish page, listing this add-in at --url)
//   dist/wps/offline/      jsplugins.xml + govinfoscorecard.7z (7-Zip from wpsjs's 7zip-bin, via node-7z)
// With --demo also dist/wps-demo/: the add-in beside a page presenting a simulated WPS (no WPS needed),
// served by `node scripts/demo.mjs --no-build` at /wps-demo/demo.html (webpack's clean keeps dist/wps*).
// The bundles' syntax is lowered to TARGET (see README "WPS 表格" for the WPS versions behind it).
import { build } from 'esbuild';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
/** --out DIR builds elsewhere (tests build into their own folders, so parallel runs never share one). */
const out = outArg >= 0 ? resolve(argv[outArg + 1]) : join(root, 'dist', 'wps');
const demoOut = `${out}-demo`;
const pkgDir = join(root, 'src', 'wps', 'package');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** ASCII only: wpsjs refuses other add-in names, and WPS uses it as a folder name. */
export const ADDIN_NAME = 'govinfoscorecard';
export const ADDIN_VERSION = pkg.version;
/** The oldest Chromium the supported WPS builds embed (README "WPS 表格"). */
export const TARGET = 'chrome69';

const args = argv;
const urlArg = args.indexOf('--url');
let url = urlArg >= 0 ? args[urlArg + 1] : 'http://127.0.0.1:3889/govinfoscorecard/';
if (!url.endsWith('/')) url += '/';

function xmlAttr(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function bundle(entry, file, dir = out, target = TARGET) {
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(dir, file),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target,
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

function ribbonXml() {
  const text = readFileSync(join(pkgDir, 'ribbon.xml'), 'utf8');
  // The publish validator of some WPS builds rejects a ribbon.xml that starts with an XML declaration.
  if (text.trimStart().startsWith('<?xml')) throw new Error('ribbon.xml must not start with an XML declaration');
  return text;
}

function dialogHtml() {
  // The Office dialog page, without office.js (dialog.ts falls back to window.close()).
  const html = readFileSync(join(root, 'src', 'commands', 'dialog.html'), 'utf8')
    .replace(/\s*<script src="https:\/\/appsforoffice\.microsoft\.com[^"]*"><\/script>/, '')
    .replace(/ https:\/\/appsforoffice\.microsoft\.com/g, '');
  return html.replace('</body>', '    <script src="dialog.js"></script>\n  </body>');
}

function manifestXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${ADDIN_NAME}</Name>
  <Description>政务信息考评助手：累计得分、类内排名、标记与考评汇总</Description>
</JsPlugin>
`;
}

/** wpsjs's publish page with this add-in listed (what `wpsjs publish` writes). */
function publishHtml() {
  const template = readFileSync(join(root, 'node_modules', 'wpsjs', 'src', 'lib', 'res', 'publish.html'), 'utf8');
  const list = [{ name: ADDIN_NAME, addonType: 'et', online: 'true', multiUser: 'false', url }];
  if (!template.includes('PUBLISH_REPLACE_STRING')) throw new Error('wpsjs publish.html template changed: PUBLISH_REPLACE_STRING missing');
  return template.replace(/PUBLISH_REPLACE_STRING/, JSON.stringify(list)).replace(/SERVERID_REPLEASE_STRING/, 'undefined');
}

export function jspluginsXml(archiveUrl) {
  return `<jsplugins>
  <jsplugin name="${xmlAttr(ADDIN_NAME)}" type="et" url="${xmlAttr(archiveUrl)}" version="${xmlAttr(ADDIN_VERSION)}"/>
</jsplugins>
`;
}

/**
 * 7-Zip from 7zip-bin (what wpsjs uses). npm can leave its binary without the execute bit
 * (it did here), so a private copy is made executable first.
 */
async function make7z(archive, folder) {
  const sevenBin = require('7zip-bin');
  const Seven = require('node-7z');
  const tools = mkdtempSync(join(tmpdir(), 'wps-7z-'));
  try {
    const bin = join(tools, process.platform === 'win32' ? '7za.exe' : '7za');
    copyFileSync(sevenBin.path7za, bin);
    chmodSync(bin, 0o755);
    await new Promise((done, fail) => {
      const stream = Seven.add(archive, [folder], { $bin: bin, recursive: true });
      stream.on('end', done);
      stream.on('error', fail);
    });
  } finally {
    rmSync(tools, { recursive: true, force: true });
  }
}

async function main() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  await bundle('src/wps/main.ts', 'main.js');
  await bundle('src/wps/pane.ts', 'taskpane.js');
  await bundle('src/commands/dialog.ts', 'dialog.js');
  writeFileSync(join(out, 'ribbon.xml'), ribbonXml());
  copyFileSync(join(pkgDir, 'index.html'), join(out, 'index.html'));
  copyFileSync(join(pkgDir, 'taskpane.html'), join(out, 'taskpane.html'));
  writeFileSync(join(out, 'dialog.html'), dialogHtml());
  writeFileSync(join(out, 'manifest.xml'), manifestXml());
  for (const icon of ['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']) {
    if (existsSync(join(root, 'assets', icon))) copyFileSync(join(root, 'assets', icon), join(out, 'assets', icon));
  }
  writeFileSync(join(out, 'publish.html'), publishHtml());

  // Offline: the add-in folder as <name>_<version> inside <name>.7z, and the jsplugins.xml that names it.
  const offline = join(out, 'offline');
  const staging = mkdtempSync(join(tmpdir(), 'wps-offline-'));
  try {
    const folder = join(staging, `${ADDIN_NAME}_${ADDIN_VERSION}`);
    mkdirSync(offline, { recursive: true });
    cpSync(out, folder, { recursive: true, filter: (src) => !src.startsWith(offline) && !src.endsWith('publish.html') });
    await make7z(join(offline, `${ADDIN_NAME}.7z`), folder);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  writeFileSync(join(offline, 'jsplugins.xml'), jspluginsXml(`${url}${ADDIN_NAME}.7z`));
  process.stdout.write(`WPS add-in in ${out} (served from ${url}; offline package in ${offline})\n`);
  if (args.includes('--demo')) await demo();
}

/** dist/wps-demo: the built add-in files, the pane page taking the parent's simulated Application, and the demo page. */
async function demo() {
  const dir = demoOut;
  rmSync(dir, { recursive: true, force: true });
  cpSync(out, dir, { recursive: true, filter: (src) => !src.startsWith(join(out, 'offline')) && !/(publish|index)\.html$/.test(src) });
  const pane = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  writeFileSync(join(dir, 'taskpane.html'), pane.replace('<script src="taskpane.js"></script>', '<script src="sim-parent.js"></script>\n    <script src="taskpane.js"></script>'));
  await bundle('src/sim/wps/demo/parent.ts', 'sim-parent.js', dir, 'es2020');
  await bundle('src/sim/wps/demo/index.tsx', 'demo.js', dir, 'es2020');
  const html = readFileSync(join(root, 'src', 'sim', 'wps', 'demo', 'demo.html'), 'utf8');
  writeFileSync(join(dir, 'demo.html'), html.replace('</body>', '  <script src="demo.js"></script>\n  </body>'));
  process.stdout.write(`WPS demo in ${dir} (open /wps-demo/demo.html)\n`);
}

main().catch((error) => {
  process.stderr.write(`build:wps failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
