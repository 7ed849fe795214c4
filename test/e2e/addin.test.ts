/**
 * End to end in headless Debian Chromium: the real task pane (built bundle) beside the
 * simulated workbook of the demo page, loaded with the real fixture. Fails, never skips,
 * when Chromium is missing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Frame } from 'playwright-core';
import { FIXTURES, published, rowOf } from './browser';
import { useDemoPage } from './demoPage';
import { ROOT } from './demoServer';

// UPDATE_SCREENSHOTS=1 refreshes the README's screenshots; otherwise they go to test-output/ (ignored by git).
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-output', 'screenshots');

// Dialogs are recorded and must stay empty: hostile cell text shown in the pane must never run alert().
const { page, server, browser, pane, paneFrame, gridCells, editCell, recalcInPane } = useDemoPage({ timeout: 60_000, acceptDownloads: true, recordDialogs: true });

describe('add-in in Chromium on the simulated workbook', () => {
  it('recalculates from the pane after a preview and writes every published total and rank', async () => {
    const units = published();
    const before = await gridCells();
    for (const u of units) {
      const row = rowOf(before, u.unit);
      expect([before.get(`E${row}`), before.get(`F${row}`)]).toEqual(['', '']);
    }
    await pane().getByRole('button', { name: '重新计算排名' }).click();
    const dialog = pane().locator('[data-testid="preview-dialog"]');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('47 个单位的累计得分或排名将改变');
    await dialog.getByRole('button', { name: '写入' }).click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已写入' }).waitFor();

    const after = await gridCells();
    for (const u of units) {
      const row = rowOf(after, u.unit);
      expect({ unit: u.unit, total: after.get(`E${row}`), rank: after.get(`F${row}`) }).toEqual({ unit: u.unit, total: u.total, rank: u.rank });
    }
    // Closing the modal gives the pane back to assistive technology (no aria-hidden left behind).
    // (Fluent lifts it a moment after the close animation; unmounting the open dialog left it for good.)
    await paneFrame().waitForFunction(
      () => {
        for (let el: Element | null = document.querySelector('main'); el; el = el.parentElement) if (el.getAttribute('aria-hidden')) return false;
        return true;
      },
      undefined,
      { timeout: 5000 },
    );
    // The confirmation fades out before it leaves the page: picture the pane, not the fading dialog.
    await paneFrame().locator('[role="dialog"], [role="alertdialog"]').first().waitFor({ state: 'detached', timeout: 5000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page().locator('[data-testid="pane"]').screenshot({ path: join(SCREENSHOTS, 'taskpane.png') });

    // 撤销上次计算 puts the blanks back.
    await pane().getByRole('button', { name: '撤销上次计算' }).click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已恢复' }).waitFor();
    const undone = await gridCells();
    for (const u of units) {
      const row = rowOf(undone, u.unit);
      expect([undone.get(`E${row}`), undone.get(`F${row}`)]).toEqual(['', '']);
    }
  });

  it('generates the summary sheet with the notice lines', async () => {
    await pane().getByRole('button', { name: '生成汇总表' }).click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已生成工作表' }).waitFor();
    await page().getByRole('tab', { name: '考评汇总' }).click();
    await page().locator('[data-testid="grid"][data-sheet="考评汇总"]').waitFor();
    const texts = [...(await gridCells()).values()].join('\n');
    const notice = readFileSync(join(FIXTURES, 'wenxian-2023-q3.notice.txt'), 'utf8').split(/\r?\n/).filter(Boolean);
    expect(notice.length).toBe(4);
    for (const line of notice) expect(texts).toContain(line);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page().screenshot({ path: join(SCREENSHOTS, 'summary.png') });
  });

  it('selects the cell of a finding when it is clicked', async () => {
    await editCell('C5', '未报送');
    await page().locator('[data-testid="grid"] td[data-address="A1"]').click();
    await pane().getByRole('button', { name: '校验' }).click();
    const finding = pane().locator('[data-testid="finding"][data-cell="C5"]');
    await finding.waitFor();
    await expect(finding.textContent()).resolves.toContain('张羌街道');
    await finding.click();
    await page().locator('[data-testid="grid"] td[data-address="C5"].selected').waitFor();
    await expect(page().locator('[data-testid="name-box"]').textContent()).resolves.toBe('C5');
    await expect(page().locator('[data-testid="grid"] td.selected').count()).resolves.toBe(1);
  });

  it('tells the user when the ribbon recalculation finds errors, and writes nothing', async () => {
    await editCell('B4', 'abc');
    const before = await gridCells();
    await page().locator('[data-testid="ribbon-recalc"]').click();
    await page().waitForFunction(() => (window as unknown as { __scorecardDemo?: { lastCommand: unknown } }).__scorecardDemo?.lastCommand != null);
    const report = await page().evaluate(() => (window as unknown as { __scorecardDemo: { lastCommand: unknown } }).__scorecardDemo.lastCommand);
    expect(report).toMatchObject({ status: 'told', via: 'taskpane' });
    // The reopened pane shows the error at its cell.
    await pane().locator('[data-testid="finding"][data-cell="B4"]').waitFor();
    expect(await gridCells()).toEqual(before);
  });

  it('ribbon 重新计算排名 runs the same command without the pane', async () => {
    await page().locator('[data-testid="ribbon-recalc"]').click();
    await page().locator('[data-testid="demo-status"]', { hasText: '重新计算排名：已完成。' }).waitFor();
    const cells = await gridCells();
    for (const u of published()) expect(cells.get(`E${rowOf(cells, u.unit)}`)).toBe(u.total);
  });

  it('shows hostile cell text as text in the pane; no script runs and no dialog opens', async () => {
    const img = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(2)</script>';
    await editCell('A4', img); // first in its category: named in the notice lines
    await editCell('A14', script); // 基础数量不足: in the flag list
    await pane().getByRole('button', { name: '校验' }).click();
    await pane().locator('[data-testid="flags"]').getByText(script, { exact: true }).waitFor();
    await expect(pane().locator('[data-testid="notice-lines"]').textContent()).resolves.toContain(`${img}（152分）`);
    await recalcInPane();
    const frame = paneFrame();
    const result = await frame.evaluate(() => ({
      imgs: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('alert')).length,
      text: document.body.innerText,
    }));
    expect(result.imgs).toBe(0);
    expect(result.scripts).toBe(0);
    expect(result.text).toContain(img);
    expect(result.text).toContain(script);
    // Give a stray onerror handler time to fire before afterEach checks for dialogs.
    await page().waitForTimeout(300);
  });

  it('sends a Content-Security-Policy that allows scripts only from itself and the office.js CDN', async () => {
    const response = await page().request.get(`${server().url}/taskpane.html`);
    const header = response.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(header).toContain("connect-src 'self'");
    expect(header).toContain("object-src 'none'");
    // The built page carries the same policy itself (Office serves it from any host).
    const built = readFileSync(join(ROOT, 'dist', 'taskpane.html'), 'utf8');
    expect(built).toMatch(/<meta\s+http-equiv="?Content-Security-Policy"?\s+content="[^"]*script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(built).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    expect(built).not.toMatch(/<script>(?!<\/script>)/); // no inline script for the policy to allow
    // And Chromium enforces it: an injected inline script is refused.
    const violated = await paneFrame().evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
          const s = document.createElement('script');
          s.textContent = 'window.__injected = true';
          document.body.appendChild(s);
          setTimeout(() => resolve('not blocked'), 2000);
        }),
    );
    expect(violated).toBe('script-src-elem');
    expect(await paneFrame().evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });

  // #11 item 9: the pane's JavaScript at start ≤ 150 KB gzip. Its styles are one stylesheet made at
  // build time (webpack.config.js, Griffel extraction), the writing half and en-US come on first use.
  it('keeps the first-screen script of the pane within 150 KB gzip, without exceljs, docx, the simulator, the Accordion, the writing code or the English texts', async () => {
    const html = readFileSync(join(ROOT, 'dist', 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]!).filter((src) => !src.startsWith('https://'));
    expect(scripts).toEqual(['taskpane.js']);
    const styles = [...html.matchAll(/<link[^>]*href="?([^" >]+)"?[^>]*rel="?stylesheet/g)].map((m) => m[1]!);
    expect(styles).toEqual(['griffel.css']);
    const js = readFileSync(join(ROOT, 'dist', 'taskpane.js'));
    expect(gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(150 * 1024);
    const text = js.toString('utf8');
    expect(text).not.toContain('xl/worksheets'); // exceljs
    expect(text).not.toContain('word/document.xml'); // docx
    expect(text).not.toContain('PropertyNotLoaded'); // the simulated Office's error code
    expect(text).not.toContain('fui-AccordionHeader'); // folds are the pane's own Fold
    expect(text).not.toContain('Recalculate ranks'); // en-US texts
    expect(text).not.toContain('values,formulas'); // the write's read-back of its cells (excel/write.ts)
    // The rules are in the stylesheet, not in the script.
    const css = readFileSync(join(ROOT, 'dist', 'griffel.css'), 'utf8');
    expect(css).toContain('.fui-Button');
  });

  it('speaks English in an English Office, fetching the English texts then', async () => {
    const other = await browser().newPage();
    try {
      const fetched: string[] = [];
      other.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await other.goto(`${server().url}/demo.html?lang=en-US`);
      const frame = other.frameLocator('[data-testid="pane"]');
      await frame.getByRole('button', { name: 'Recalculate ranks' }).click();
      await frame.locator('[data-testid="preview-dialog"]').getByRole('button', { name: 'Write' }).click();
      await frame.getByText('Totals and ranks of 47 units updated', { exact: false }).waitFor({ timeout: 30_000 });
      expect(fetched.some((p) => /\/en-US\.[0-9a-f]+\.js$/.test(p))).toBe(true);
      // The Chinese pane never asks for them.
      expect(await paneFrame().evaluate(() => performance.getEntriesByType('resource').some((e) => /en-US/.test(e.name)))).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('fetches the dark theme only under a dark Office theme, from its own origin', async () => {
    const light = await paneFrame().evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
    expect(light).toBe('rgb(255, 255, 255)');
    // The same simulated Office, reporting a dark body background as Office's dark themes do.
    const dark = Buffer.concat([
      readFileSync(join(ROOT, 'dist', 'sim-office.js')),
      Buffer.from(';window.Office.context.officeTheme = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#333333", controlForegroundColor: "#FFFFFF" };'),
    ]);
    const other = await browser().newPage();
    try {
      await other.route(/sim-office\.js$|appsforoffice\.microsoft\.com/, (route) => route.fulfill({ body: dark, contentType: 'text/javascript' }));
      await other.goto(`${server().url}/demo.html`);
      const frame = other.frameLocator('[data-testid="pane"]');
      await frame.locator('[data-testid="table-card"]').waitFor({ timeout: 30_000 });
      const paneOf = other.frames().find((f) => f.url().includes('/taskpane.html'))!;
      const background = await paneOf.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
      expect(background).not.toBe('rgb(255, 255, 255)');
      const [r] = /\d+/.exec(background)!.map(Number);
      expect(r).toBeLessThan(80);
      // One script more than the light pane fetched (the dark theme's chunk), all from the add-in's origin.
      const scripts = (frame: Frame) => frame.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
      const lightScripts = await scripts(paneFrame());
      const darkScripts = await scripts(paneOf);
      expect(darkScripts.filter((u) => !lightScripts.includes(u))).toHaveLength(1);
      expect(darkScripts.every((u) => u.startsWith(server().url))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('starts the demo page without exceljs: the first workbook is a prebuilt snapshot, exceljs comes with the download', async () => {
    const scripts = () => page().evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()!).filter((n) => n.endsWith('.js')));
    expect(await scripts()).toEqual(['demo.js']);
    // The snapshot is in demo.html: the pane does not wait for a second request to start.
    const fetched = await page().evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()!));
    expect(fetched).not.toContain('wenxian-2023-q3-input.json');
    const [download] = await Promise.all([page().waitForEvent('download'), page().locator('[data-testid="download"]').click()]);
    await download.path();
    const later = await scripts();
    expect(later.length).toBeGreaterThan(1);
    const exceljsChunk = later.filter((n) => n !== 'demo.js').some((n) => readFileSync(join(ROOT, 'dist', n), 'utf8').includes('xl/worksheets'));
    expect(exceljsChunk).toBe(true);
  });

  it('downloads the result as an .xlsx that keeps the published totals', async () => {
    await recalcInPane();
    const [download] = await Promise.all([page().waitForEvent('download'), page().locator('[data-testid="download"]').click()]);
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-download-'));
    try {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const ws = book.worksheets[0]!;
      const byName = new Map<string, { total: unknown; rank: unknown }>();
      ws.eachRow((row) => {
        const name = row.getCell(1).value;
        if (typeof name === 'string') byName.set(name, { total: row.getCell(5).value, rank: row.getCell(6).value });
      });
      for (const u of published()) expect(byName.get(u.unit)).toEqual({ total: Number(u.total), rank: Number(u.rank) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
