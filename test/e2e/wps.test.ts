/**
 * End to end in headless Debian Chromium: the real WPS build (main.js ribbon entry and the
 * task pane, from `node scripts/build-wps.mjs --demo`) inside a page presenting the simulated
 * WPS 表格 over the real fixture (or, with ?book=, the ledger fixture or a workbook of two
 * quarters made here, for 年度汇总). Simulation only: no WPS runs here. Fails, never skips, when
 * Chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, FIXTURES, gridCellsOf, launchChromium, periodWorkbook, published, rowOf } from './browser';
import { ROOT } from './demoServer';

// A folder of its own (the package test builds the WPS package too, possibly at the same time).
const BUILD = mkdtempSync(join(tmpdir(), 'scorecard-wps-e2e-'));
const DEMO = join(BUILD, 'wps-demo');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.xlsx': 'application/octet-stream' };

/** Files under `base` only (no path escapes). */
function inside(base: string, rel: string): string | null {
  const file = join(base, normalize(rel).replace(/^([/\\])+/, ''));
  return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Workbooks made by the tests, served beside the fixtures (the demo opens one with ?book=<name>). */
const made = new Map<string, Buffer>();

/**
 * Two quarters, the later one first (the active sheet), and the roster: 水利局 has 零报送 in both,
 * 乙 overtakes 甲, and 陈家沟景区管理局 is renamed 陈家沟景区发展中心 in the second quarter.
 */
function twoQuarters(): Promise<Buffer> {
  return periodWorkbook(
    [
      { name: '二季度', title: '2023年4—6月份全县政务信息得分情况', units: [['甲', 100, 0, 0], ['乙', 120, 5, 0], ['水利局', 0, 0, 0], ['陈家沟景区发展中心', 120, 10, 0]] },
      { name: '一季度', title: '2023年1—3月份全县政务信息得分情况', units: [['甲', 120, 10, 0], ['乙', 100, 0, 0], ['水利局', 0, 0, 0], ['陈家沟景区管理局', 110, 0, 0]] },
    ],
    [['陈家沟景区发展中心', '一类考评单位', '陈家沟景区管理局']],
  );
}

let server: Server;
let origin = '';
let browser: BrowserContext;
let page: Page;
let userData: string;
const offSite: string[] = [];
const pageErrors: string[] = [];

jest.setTimeout(90_000);

beforeAll(async () => {
  expect(existsSync(CHROMIUM)).toBe(true);
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-wps.mjs'), '--demo', '--out', join(BUILD, 'wps')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-wps --demo failed:\n${built.stderr}`);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const book = path.startsWith('/fixtures/') ? made.get(path.slice('/fixtures/'.length)) : undefined;
    if (book) {
      res.writeHead(200, { 'Content-Type': TYPES['.xlsx']!, 'Cache-Control': 'no-store' });
      res.end(book);
      return;
    }
    const file = path.startsWith('/wps-demo/') ? inside(DEMO, path.slice('/wps-demo/'.length)) : path.startsWith('/fixtures/') ? inside(FIXTURES, path.slice('/fixtures/'.length)) : null;
    if (!file) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  made.set('two-quarters.xlsx', await twoQuarters());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  userData = mkdtempSync(join(tmpdir(), 'scorecard-wps-chromium-'));
  // The pane follows the embedded browser's language, as in WPS.
  browser = await launchChromium(userData, { locale: 'zh-CN' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (userData) rmSync(userData, { recursive: true, force: true });
  rmSync(BUILD, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offSite.push(url);
    return route.abort();
  });
  await page.goto(`${origin}/wps-demo/demo.html`);
  await pane().locator('[data-testid="table-card"]').waitFor({ timeout: 45_000 });
});

afterEach(async () => {
  await page?.close();
  expect(offSite).toEqual([]);
  expect(pageErrors).toEqual([]);
});

const pane = () => page.frameLocator('[data-testid="pane"]');

const gridCells = () => gridCellsOf(page);

test('the pane inside the simulated WPS writes the published totals and ranks, generates 考评汇总 and undoes', async () => {
  // The pane was opened through CreateTaskPane by main.js (the 考评面板 path).
  const panes = await page.evaluate(() => window.__wpsDemo!.app.taskPanes.map((p) => ({ url: p.url, visible: p.visible })));
  expect(panes).toEqual([{ url: `${origin}/wps-demo/taskpane.html`, visible: true }]);
  const before = await gridCells();

  await pane().getByRole('button', { name: '重新计算排名' }).click();
  const dialog = pane().locator('[data-testid="preview-dialog"]');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '写入' }).click();
  await pane().locator('[data-testid="result"]').filter({ hasText: '已写入' }).waitFor();

  const after = await gridCells();
  const units = published();
  expect(units.length).toBeGreaterThan(40);
  for (const u of units) {
    const row = rowOf(after, u.unit);
    expect({ unit: u.unit, total: after.get(`E${row}`), rank: after.get(`F${row}`) }).toEqual({ unit: u.unit, total: u.total, rank: u.rank });
  }

  await pane().getByRole('button', { name: '生成汇总表' }).click();
  await pane().locator('[data-testid="result"]').filter({ hasText: '已生成工作表' }).waitFor();
  await page.locator('[data-testid="grid"][data-sheet="考评汇总"]').waitFor();
  const summary = [...(await gridCells()).values()];
  expect(summary).toContain('水利局');
  expect(summary.some((text) => text.includes('政务信息考评助手'))).toBe(true);

  // Back on the score sheet: 撤销上次计算 puts back exactly what was there.
  await page.getByRole('tab', { name: '7-9月得分' }).click();
  await pane().getByRole('button', { name: '撤销上次计算' }).click();
  await pane().locator('[data-testid="result"]').filter({ hasText: '已恢复' }).waitFor();
  await page.locator('[data-testid="grid"][data-sheet="7-9月得分"]').waitFor();
  expect(await gridCells()).toEqual(before);
});

test('the ribbon buttons run main.js callbacks: 重新计算排名 writes the table', async () => {
  await page.locator('[data-testid="ribbon-recalc"]').click();
  await page.waitForFunction(() => (window as unknown as { __scorecardWps?: { last: { status?: string } | null } }).__scorecardWps?.last?.status === 'done');
  const cells = await gridCells();
  const water = rowOf(cells, '水利局');
  expect(cells.get(`E${water}`)).toBe('0');
  expect(cells.get(`G${water}`)).toBe('零报送');
});

test('one quarter with its ledger and roster: the pane offers no 年度汇总 (those sheets are not periods)', async () => {
  await page.goto(`${origin}/wps-demo/demo.html?book=wenxian-2023-q3-ledger.xlsx`);
  await pane().locator('[data-testid="table-card"]').waitFor({ timeout: 45_000 });
  await expect(page.getByRole('tab').allTextContents()).resolves.toHaveLength(3);
  await pane().getByRole('button', { name: '重新计算排名' }).waitFor();
  await expect(pane().getByRole('button', { name: '年度汇总' }).count()).resolves.toBe(0);
});

test('a workbook of two quarters: the pane previews 年度汇总, writes it through ET and undoes it', async () => {
  await page.goto(`${origin}/wps-demo/demo.html?book=two-quarters.xlsx`);
  await pane().locator('[data-testid="table-card"]').waitFor({ timeout: 45_000 });
  // Movement beside the flagged unit (水利局: 零报送, same rank as in 一季度).
  await pane().locator('[data-testid="flag-ZERO_SUBMISSION"] [data-testid="movement"]').filter({ hasText: '—' }).waitFor();

  await pane().getByRole('button', { name: '年度汇总' }).click();
  const panel = pane().locator('[data-testid="year-panel"]');
  await panel.locator('[data-testid="year-periods"]').filter({ hasText: '2023年1—3月份、2023年4—6月份' }).waitFor();
  const rows = await panel.locator('[data-testid="year-unit"]').allTextContents();
  // The renamed unit is one unit, under its current name, with both quarters (110 + 130), 2nd → 1st.
  expect(rows).toEqual(['1陈家沟景区发展中心240↑1', '2甲230↓2基础数量不足', '3乙225↑1', '4水利局0—零报送、连续零报送']);
  await expect(panel.locator('[data-testid="year-notice"]').textContent()).resolves.toContain('连续零报送单位：水利局（连续2期）');
  // The preview wrote nothing.
  await expect(page.getByRole('tab', { name: '年度汇总' }).count()).resolves.toBe(0);

  await panel.locator('[data-testid="year-write"]').click();
  await pane().locator('[data-testid="result"]').filter({ hasText: '已写入工作表“年度汇总”' }).waitFor();
  await page.locator('[data-testid="grid"][data-sheet="年度汇总"]').waitFor();
  const written = [...(await gridCells()).values()];
  expect(written).toContain('年度累计得分');
  expect(written).toContain('陈家沟景区发展中心');
  expect(written).toContain('连续零报送单位：水利局（连续2期）');

  await pane().locator('[data-testid="year-undo"]').click();
  await pane().locator('[data-testid="result"]').filter({ hasText: '已撤销年度汇总' }).waitFor();
  await expect(page.getByRole('tab', { name: '年度汇总' }).count()).resolves.toBe(0);
  await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['二季度', '一季度', '单位名录']);
});
