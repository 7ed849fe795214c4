/**
 * The offline edition (dist/offline/scorecard.html) opened from file:// in headless Debian
 * Chromium with every request refused: the real table through the pane's whole flow, the
 * download read back with exceljs, the message for a .csv/.xls, and hidden sheets kept hidden.
 * Fails, never skips, when Chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, FIXTURES, gridCellsOf, launchChromium, published, rowOf } from './browser';
import { ROOT } from './demoServer';

const INPUT = join(FIXTURES, 'wenxian-2023-q3-input.xlsx');
const PAGE = join(ROOT, 'dist', 'offline', 'scorecard.html');

let browser: BrowserContext;
let page: Page;
let userData: string;
let work: string;
/** Every request the page made, and those refused: only file://, blob: and data: may appear. */
const requested: string[] = [];
const refused: string[] = [];
const pageErrors: string[] = [];

jest.setTimeout(90_000);

beforeAll(async () => {
  expect(existsSync(CHROMIUM)).toBe(true);
  // Builds dist/ (the offline page included) when it is missing or older than the sources.
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.mjs'), '--build-only'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  expect({ status: build.status, stderr: build.status === 0 ? '' : build.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });
  expect(existsSync(PAGE)).toBe(true);
  userData = mkdtempSync(join(tmpdir(), 'scorecard-offline-chromium-'));
  work = mkdtempSync(join(tmpdir(), 'scorecard-offline-'));
  browser = await launchChromium(userData, { acceptDownloads: true });
  // Every request is refused but the page's own file: it must need nothing else.
  const own = pathToFileURL(PAGE).href;
  await browser.route('**/*', (route) => {
    const url = route.request().url();
    if (url === own || url.startsWith(`${own}?`)) return route.continue();
    refused.push(url);
    return route.abort();
  });
}, 660_000);

afterAll(async () => {
  await browser?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser.newPage();
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // A Content-Security-Policy refusal is reported on the console.
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(pathToFileURL(PAGE).href);
  await page.locator('[data-testid="welcome"]').waitFor();
});

afterEach(async () => {
  await page?.close();
  expect(refused).toEqual([]);
  expect(requested.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
  expect(pageErrors).toEqual([]);
});

const pane = () => page.locator('[data-testid="pane"]');

async function openFile(file: string): Promise<void> {
  await page.locator('[data-testid="file-input"]').setInputFiles(file);
}

const gridCells = () => gridCellsOf(page);

async function recalcWithPreview(): Promise<string> {
  await pane().getByRole('button', { name: '重新计算排名' }).click();
  const dialog = page.locator('[data-testid="preview-dialog"]');
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: '写入' }).click();
  await pane().locator('[data-testid="result"]').filter({ hasText: '已写入' }).waitFor();
  return text;
}

async function download(): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download"]').click()]);
  const file = join(work, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return file;
}

describe('offline page, one file from file:// with no network', () => {
  it('is one file: the script inline and allowed by its hash, nothing loaded from anywhere', () => {
    expect(readdirSync(join(ROOT, 'dist', 'offline'))).toEqual(['scorecard.html']);
    const html = readFileSync(PAGE, 'utf8');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/appsforoffice\.microsoft\.com\/lib/);
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]{44}';/);
    expect(csp).not.toMatch(/unsafe-inline'[^;]*;.*script|script-src[^;]*unsafe/);
  });

  it('opens the real table, checks, recalculates with a preview, makes the summary, undoes and downloads the published totals and ranks', async () => {
    await openFile(INPUT);
    await pane().locator('[data-testid="table-card"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-testid="demo-status"]').textContent()).resolves.toBe('wenxian-2023-q3-input.xlsx');

    await pane().getByRole('button', { name: '校验', exact: true }).click();
    await pane().locator('[data-testid="table-card"]').waitFor();

    const units = published();
    const before = await gridCells();
    for (const u of units) expect([before.get(`E${rowOf(before, u.unit)}`), before.get(`F${rowOf(before, u.unit)}`)]).toEqual(['', '']);

    const preview = await recalcWithPreview();
    expect(preview).toContain('47 个单位');
    const after = await gridCells();
    for (const u of units) {
      const row = rowOf(after, u.unit);
      expect({ unit: u.unit, total: after.get(`E${row}`), rank: after.get(`F${row}`) }).toEqual({ unit: u.unit, total: u.total, rank: u.rank });
    }

    // The notice text in the pane names the published first places.
    const notice = readFileSync(join(FIXTURES, 'wenxian-2023-q3.notice.txt'), 'utf8').split(/\r?\n/).filter(Boolean);
    const noticeText = (await pane().locator('[data-testid="notice-lines"]').textContent()) ?? '';
    expect(noticeText).toContain(notice[0]!.slice(0, 12));

    await pane().getByRole('button', { name: '生成汇总表' }).click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已生成工作表' }).waitFor();
    await page.getByRole('tab', { name: '考评汇总' }).click();
    await page.locator('[data-testid="grid"][data-sheet="考评汇总"]').waitFor();
    const summaryTexts = [...(await gridCells()).values()].join('\n');
    for (const line of notice) expect(summaryTexts).toContain(line);
    await page.getByRole('tab', { name: '7-9月得分' }).click();

    await pane().getByRole('button', { name: '撤销上次计算' }).click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已恢复' }).waitFor();
    const undone = await gridCells();
    for (const u of units) expect([undone.get(`E${rowOf(undone, u.unit)}`), undone.get(`F${rowOf(undone, u.unit)}`)]).toEqual(['', '']);

    await recalcWithPreview();
    const file = await download();
    expect(file.endsWith('-结果.xlsx')).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet('7-9月得分')!;
    const byName = new Map<string, { total: unknown; rank: unknown }>();
    ws.eachRow((row) => {
      const name = row.getCell(1).value;
      if (typeof name === 'string') byName.set(name, { total: row.getCell(5).value, rank: row.getCell(6).value });
    });
    for (const u of units) expect({ unit: u.unit, ...byName.get(u.unit) }).toEqual({ unit: u.unit, total: Number(u.total), rank: Number(u.rank) });
    expect(book.getWorksheet('考评汇总')).toBeDefined();
  });

  it('says in Chinese to save a .csv or .xls as .xlsx, never a zip library error, and keeps the open workbook', async () => {
    const csv = join(work, '得分.csv');
    writeFileSync(csv, '单位,基础得分\n水利局,100\n');
    await openFile(csv);
    const error = page.locator('[data-testid="open-error"]');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('“得分.csv”');
    expect(text).toContain('.csv');
    expect(text).toContain('另存为');
    expect(text).toContain('.xlsx');
    expect(text).not.toMatch(/central directory|zip/i);
    await page.locator('[data-testid="welcome"]').waitFor();

    // An Excel 97-2003 file (an OLE compound file), named .xls.
    await openFile(INPUT);
    await pane().locator('[data-testid="table-card"]').waitFor({ timeout: 30_000 });
    const xls = join(work, '旧表.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await openFile(xls);
    await page.locator('[data-testid="open-error"]', { hasText: '“旧表.xls”' }).waitFor();
    await expect(page.locator('[data-testid="open-error"]').textContent()).resolves.toContain('Excel 或 WPS');
    // The workbook already open stays open.
    await expect(page.locator('[data-testid="demo-status"]').textContent()).resolves.toBe('wenxian-2023-q3-input.xlsx');
    await pane().locator('[data-testid="table-card"]').waitFor();
  });

  it('keeps hidden and very hidden sheets hidden: no tab, and hidden in the download', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(INPUT);
    const record = book.addWorksheet('__scorecard_undo');
    record.getCell('A1').value = '{"version":1,"cells":[]}';
    record.state = 'veryHidden';
    const notes = book.addWorksheet('内部备注');
    notes.getCell('A1').value = '不公开';
    notes.state = 'hidden';
    book.addWorksheet('说明').getCell('A1').value = '可见的说明';
    const file = join(work, 'hidden-sheets.xlsx');
    await book.xlsx.writeFile(file);

    await openFile(file);
    await pane().locator('[data-testid="table-card"]').waitFor({ timeout: 30_000 });
    const tabs = await page.locator('[data-testid="sheet-tabs"] [role="tab"]').allTextContents();
    expect(tabs).toEqual(['7-9月得分', '说明']);
    await expect(page.locator('[data-testid="grid"]').getAttribute('data-sheet')).resolves.toBe('7-9月得分');

    const out = await download();
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['7-9月得分', 'visible'],
      ['__scorecard_undo', 'veryHidden'],
      ['内部备注', 'hidden'],
      ['说明', 'visible'],
    ]);
  });
});
