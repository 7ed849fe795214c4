// The "pane" group of npm run bench (scripts/bench.mjs): the task pane's bundle size, its time to
// interactive in headless Chromium behind the demo server, and the offline page's first screen.
// Kept apart from bench.mjs because it drives a browser and a server rather than bench/worker.ts;
// bench.mjs passes in what it shares (root, flags, row/raw/log) instead of this module reaching for globals.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

// ---- the task pane: bundle size and time to interactive ----------------------------------

/** Start scripts/demo.mjs on a free port (it builds dist/ first when stale, unless noBuild); resolves its URL. */
function startDemo(root, noBuild) {
  return new Promise((resolve, reject) => {
    const demoScript = path.join(root, 'scripts', 'demo.mjs');
    if (!existsSync(demoScript)) return reject(new Error('scripts/demo.mjs missing'));
    const child = spawn(process.execPath, [demoScript, '--port', '0', ...(noBuild ? ['--no-build'] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let settled = false;
    const timer = setTimeout(() => finish(new Error('demo server did not start within 240 s')), 240_000);
    function finish(error, url) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGTERM');
        reject(error);
      } else resolve({ url, stop: () => stopChild(child) });
    }
    child.stdout.on('data', (d) => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/demo\.html/.exec(String(d));
      if (match) finish(null, match[0]);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
      const reason = lines.find((l) => /^ERROR\b/.test(l)) ?? lines[lines.length - 1] ?? '';
      finish(new Error(`demo server exited (${code}): ${reason.slice(0, 160)}`));
    });
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/** The scripts taskpane.html loads at start (its own <script src>, office.js aside), raw and gzip. */
function paneBundleSize(root) {
  const html = path.join(root, 'dist', 'taskpane.html');
  if (!existsSync(html)) return { na: 'dist/taskpane.html not built' };
  const text = readFileSync(html, 'utf8');
  const files = [];
  // Minified HTML may leave attribute values unquoted.
  for (const match of text.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const src = match[1] ?? match[2] ?? match[3];
    if (/^(https?:)?\/\//.test(src)) continue; // office.js from Microsoft's CDN: not ours to size
    const file = path.join(root, 'dist', src.replace(/^\.?\//, '').split('?')[0]);
    if (!existsSync(file)) return { na: `${src} named by taskpane.html is missing` };
    const bytes = readFileSync(file);
    files.push({ file: path.relative(root, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  if (files.length === 0) return { na: 'taskpane.html loads no local script' };
  // The stylesheet made at build time (Griffel extraction) loads at start too: reported beside the scripts.
  const styles = [];
  for (const match of text.matchAll(/<link\b[^>]*?\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/g)) {
    if (!/\brel=["']?stylesheet/.test(match[0])) continue;
    const file = path.join(root, 'dist', (match[1] ?? match[2] ?? match[3]).replace(/^\.?\//, '').split('?')[0]);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    styles.push({ file: path.relative(root, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return { value: { files, styles, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) } };
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Set in every frame before any page script: when the pane shows the detected table, note the time. */
const MARK_INTERACTIVE = () => {
  const mark = () => {
    const card = document.querySelector('[data-testid="table-card"]');
    if (card && window.__benchInteractive === undefined) {
      window.__benchInteractive = { at: performance.now(), timeOrigin: performance.timeOrigin };
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => {
    if (mark()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

async function paneInteractive(url, runs) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    return { na: `playwright-core not installed: ${error.message}` };
  }
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return { na: `no Chromium at ${chromiumPath}` };
  const profile = mkdtempSync(path.join(os.tmpdir(), 'scorecard-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  try {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    await context.addInitScript(MARK_INTERACTIVE);
    const samples = [];
    const paneOnly = [];
    const phases = [];
    // One untimed load: Chromium's own start-up is not the pane's.
    for (let i = 0; i < runs + 1; i++) {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'commit' });
        const frame = await waitForPaneFrame(page, 30_000);
        const handle = await frame.waitForFunction(() => window.__benchInteractive, null, { timeout: 30_000, polling: 50 });
        const pane = await handle.jsonValue();
        const top = await page.evaluate(() => performance.timeOrigin);
        if (i > 0) {
          samples.push(pane.timeOrigin + pane.at - top);
          paneOnly.push(pane.at);
          // Where the time went, in ms from the top page's navigation start.
          const loaded = (entries, offset) => Object.fromEntries(entries.map(([name, end]) => [name.split('/').pop(), Math.round(end + offset)]));
          const resources = () => performance.getEntriesByType('resource').map((e) => [e.name, e.responseEnd]);
          const paneOffset = pane.timeOrigin - top;
          phases.push({
            page: loaded(await page.evaluate(resources), 0),
            paneStart: Math.round(paneOffset),
            pane: loaded(await frame.evaluate(resources), paneOffset),
            interactive: Math.round(paneOffset + pane.at),
          });
        }
      } finally {
        // The demo server answers no-store, so every load fetches and compiles afresh, like a first visit.
        await page.close();
      }
    }
    return { value: { runs, ms: median(samples), paneMs: median(paneOnly), samples: samples.map((n) => Math.round(n)), phases } };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function waitForPaneFrame(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => /taskpane\.html/.test(f.url()));
    if (frame) return frame;
    await page.waitForTimeout(20);
  }
  throw new Error('the demo page never opened taskpane.html');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Set before the offline page's script: when its first screen (the open-a-file prompt) shows, note the time. */
const MARK_FIRST_SCREEN = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="welcome"]') && window.__benchFirstScreen === undefined) {
      window.__benchFirstScreen = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** dist/offline/scorecard.html from file://, every other request refused: navigation to its first screen. */
async function offlineFirstScreen(root, runs) {
  const file = path.join(root, 'dist', 'offline', 'scorecard.html');
  if (!existsSync(file)) return { na: 'dist/offline/scorecard.html not built' };
  const { chromium } = await import('playwright-core');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return { na: `no Chromium at ${chromiumPath}` };
  const profile = mkdtempSync(path.join(os.tmpdir(), 'scorecard-bench-offline-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  const url = pathToFileURL(file).href;
  try {
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await context.addInitScript(MARK_FIRST_SCREEN);
    const samples = [];
    for (let i = 0; i < runs + 1; i++) {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'commit' });
        const at = await (await page.waitForFunction(() => window.__benchFirstScreen, null, { timeout: 30_000, polling: 50 })).jsonValue();
        if (i > 0) samples.push(at);
      } finally {
        await page.close();
      }
    }
    return { value: { runs, ms: median(samples), samples: samples.map((n) => Math.round(n)), bytes: statSync(file).size } };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The "pane" group of npm run bench. bench.mjs owns the table and results.json, so it hands in
 * what the rows need: `row` and `raw` collect into its table, `log` writes its progress lines.
 * @param {{ root: string, quick: boolean, noBuild: boolean, log: (s: string) => void, fmt: (n: number, digits?: number) => string,
 *   row: (id: string, figure: string, measured: string, budget: string, status: string, extra?: object) => void,
 *   raw: Record<string, unknown>, na: (result: { na: string }) => string, verdict: (pass: boolean) => string,
 *   firstLine: (text: string) => string }} ctx
 */
export async function paneFigures({ root, quick, noBuild, log, fmt, row, raw, na, verdict, firstLine }) {
  log('task pane: demo server (builds dist/ when stale)');
  let demo = null;
  let demoError = null;
  try {
    demo = await startDemo(root, noBuild);
  } catch (error) {
    demoError = error.message;
  }
  try {
    const size = paneBundleSize(root);
    raw.paneSize = size;
    const label = 'task pane: JavaScript loaded at start';
    if (size.na) row('pane-js', label, `n/a (${demoError ?? size.na})`, '≤ 150 KB gzip', 'n/a');
    else {
      row('pane-js', label, `${fmt(size.value.raw / 1024)} KB raw, ${fmt(size.value.gzip / 1024)} KB gzip (${size.value.files.map((f) => f.file).join(', ')})`, '≤ 150 KB gzip', verdict(size.value.gzip <= 150 * 1024));
      for (const css of size.value.styles) log(`  stylesheet loaded at start: ${css.file}, ${fmt(css.raw / 1024)} KB raw, ${fmt(css.gzip / 1024)} KB gzip`);
    }

    const tti = 'task pane: navigation to interactive, headless Chromium (demo page)';
    if (!demo) return row('pane-tti', tti, `n/a (${demoError})`, '≤ 1,000 ms', 'n/a');
    log(`task pane: ${demo.url} in headless Chromium`);
    let result;
    try {
      result = await paneInteractive(demo.url, quick ? 2 : 5);
    } catch (error) {
      result = { na: firstLine(String(error?.message ?? error)) };
    }
    raw.paneInteractive = result;
    if (result.na) return row('pane-tti', tti, na(result), '≤ 1,000 ms', 'n/a');
    const v = result.value;
    // Lazy chunks the pane fetched during start-up anyway (after its first screen); sim-office.js stands in for office.js.
    const fetched = new Set(v.phases.flatMap((p) => Object.keys(p.pane)).filter((n) => n.endsWith('.js') && n !== 'sim-office.js'));
    const later = [...fetched].filter((n) => !(size.value?.files ?? []).some((f) => f.file.endsWith(n))).map((n) => path.join(root, 'dist', n)).filter(existsSync);
    if (later.length) {
      const gz = later.reduce((a, f) => a + gzipSync(readFileSync(f), { level: 9 }).length, 0);
      const rawBytes = later.reduce((a, f) => a + readFileSync(f).length, 0);
      raw.paneLazyFetched = { files: later.map((f) => path.relative(root, f)), raw: rawBytes, gzip: gz };
      log(`  lazy chunks fetched during start-up, after the first screen: ${fmt(rawBytes / 1024)} KB raw, ${fmt(gz / 1024)} KB gzip`);
    }
    row('pane-tti', tti, `${fmt(v.ms)} ms (demo page ${fmt(v.ms - v.paneMs)} ms before the pane iframe starts, pane ${fmt(v.paneMs)} ms)`, '≤ 1,000 ms', verdict(v.ms <= 1000), { runs: v.runs });
    const last = v.phases[v.phases.length - 1];
    if (last) log(`  one load, ms from navigation: ${JSON.stringify(last)}`);

    const offline = 'offline page (one file, file://): navigation to first screen, headless Chromium';
    let first;
    try {
      first = await offlineFirstScreen(root, quick ? 2 : 5);
    } catch (error) {
      first = { na: firstLine(String(error?.message ?? error)) };
    }
    raw.offlineFirstScreen = first;
    if (first.na) row('offline-first', offline, na(first), '≤ 1,000 ms', 'n/a');
    else row('offline-first', offline, `${fmt(first.value.ms)} ms (${fmt(first.value.bytes / 1024)} KB page)`, '≤ 1,000 ms', verdict(first.value.ms <= 1000), { runs: first.value.runs });
  } finally {
    await demo?.stop();
  }
}
