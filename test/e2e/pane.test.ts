/**
 * #11 items 1–4 end to end in headless Chromium: the real task pane beside the simulated
 * workbook of the demo page, the clerk typing in its formula bar. Fails, never skips, when
 * Chromium is missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, rowOf as rowIn } from './browser';
import { useDemoPage } from './demoPage';

const { page, pane, paneFrame, gridCells, editCell, recalcInPane } = useDemoPage({ timeout: 60_000, profilePrefix: 'scorecard-pane-' });

/** The row of a unit in column A of the active sheet as it is now. */
async function rowOf(unit: string): Promise<number> {
  return rowIn(await gridCells(), unit);
}

/** Text of the element that has the focus inside the pane. */
const focused = () => paneFrame().evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName ?? null);

async function waitFocused(text: string): Promise<void> {
  await paneFrame().waitForFunction((want) => document.activeElement?.textContent === want, text, { timeout: 5000 });
}

describe('the task pane a clerk can trust (#11)', () => {
  it('1. with errors: warns above the notice; copying and 生成汇总表 need a confirmation naming them; the summary says so', async () => {
    const row = await rowOf('公安局');
    await editCell(`B${row}`, '70'); // over the 二类 cap of 60
    // The edit alone (no 校验) brings the warning.
    const warning = pane().locator('[data-testid="notice-errors"]');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('表格中有 1 个错误');

    const copy = pane().getByRole('button', { name: '复制通报文字' });
    await copy.click();
    const dialog = pane().locator('[data-testid="confirm-dialog"]');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('表格中有 1 个错误');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
    await waitFocused('复制通报文字');
    await expect(pane().locator('[data-testid="notice-result"]').count()).resolves.toBe(0);

    await pane().getByRole('button', { name: '生成汇总表' }).click();
    await dialog.waitFor();
    await expect(dialog.getByRole('button', { name: '仍然生成（有 1 个错误）' }).count()).resolves.toBe(1);
    await dialog.getByRole('button', { name: '仍然生成（有 1 个错误）' }).click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '表中注明了生成时的 1 处错误' }).waitFor();
    await page().getByRole('tab', { name: '考评汇总' }).click();
    await page().locator('[data-testid="grid"][data-sheet="考评汇总"]').waitFor();
    const cells = await gridCells();
    const warned = [...cells.values()].filter((v) => v.startsWith('注意：生成本表时，来源工作表中有 1 处错误'));
    expect(warned).toHaveLength(2); // at its top and above its notice lines
    expect(cells.get('A3')).toBe(warned[0]);
  });

  it('1. the ribbon 生成汇总表 refuses a sheet with errors and writes no summary', async () => {
    await editCell(`B${await rowOf('公安局')}`, '70');
    await page().locator('[data-testid="ribbon-summary"]').click();
    await page().waitForFunction(() => (window as unknown as { __scorecardDemo?: { lastCommand: unknown } }).__scorecardDemo?.lastCommand != null);
    const report = await page().evaluate(() => (window as unknown as { __scorecardDemo: { lastCommand: unknown } }).__scorecardDemo.lastCommand);
    expect(report).toMatchObject({ status: 'told' });
    await expect(page().getByRole('tab', { name: '考评汇总' }).count()).resolves.toBe(0);
  });

  it('2. stays true after an edit: says what the edit did, without 校验', async () => {
    await recalcInPane();
    await expect(pane().locator('[data-testid="stale-line"]').count()).resolves.toBe(0);
    const row = await rowOf('张羌街道');
    await editCell(`C${row}`, '40'); // adoption 15 → 40: its total and the ranks above it change
    const note = pane().locator('[data-testid="edit-note"]');
    await note.waitFor();
    await expect(note.textContent()).resolves.toMatch(new RegExp(`单元格 C${row} 已修改.*\\d+ 个单位的累计得分和排名已过期`));
    await expect(pane().locator('[data-testid="stale-line"]').textContent()).resolves.toContain('点击“重新计算排名”即可全部更新');
    // A new error is named with its cell.
    await editCell(`B${row}`, 'abc');
    await note.filter({ hasText: `新增 1 个错误（第一处在单元格 B${row}）` }).waitFor();
    await pane().locator(`[data-testid="finding"][data-cell="B${row}"]`).waitFor();
  });

  it('3. the notice panel holds the whole draft the summary sheet has', async () => {
    const text = (await pane().locator('[data-testid="notice-lines"]').textContent()) ?? '';
    const lines = text.split('\n');
    const top = readFileSync(join(FIXTURES, 'wenxian-2023-q3.notice.txt'), 'utf8').split(/\r?\n/).filter(Boolean);
    // The notice opens with its title and section 一's opening line, then the top-N lines.
    expect(lines[0]).toBe('关于三季度全县政务信息工作情况的通报');
    const first = lines.indexOf(top[0]!);
    expect(first).toBeGreaterThan(0);
    expect(lines.slice(first, first + top.length)).toEqual(top);
    expect(lines).toContain('零报送单位：水利局');
    expect(lines.some((l) => l.startsWith('基础数量不足单位：'))).toBe(true);
    expect(lines.some((l) => l.startsWith('报送数量达标但未被采用、信息质量待提高的单位：'))).toBe(true);
  });

  it('4. findings first, the card folds, the preview groups by category, units are counted, focus comes back', async () => {
    await editCell(`B${await rowOf('公安局')}`, '70');
    await pane().locator('[data-testid="finding"][data-severity="error"]').waitFor();
    const order = await paneFrame().evaluate(() => {
      const findings = document.querySelector('[data-testid="findings"]')!;
      const card = document.querySelector('[data-testid="table-card"]')!;
      return Boolean(findings.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    const fold = pane().locator('[data-testid="table-card"] button[aria-expanded]');
    await fold.click();
    await expect(fold.getAttribute('aria-expanded')).resolves.toBe('false');
    await editCell(`B${await rowOf('公安局')}`, '60');
    await pane().locator('[data-testid="edit-note"]').filter({ hasText: '改正了 1 个错误' }).waitFor();

    // The preview, grouped by category; cancelling gives the focus back to the button.
    const recalc = pane().getByRole('button', { name: '重新计算排名' });
    await recalc.click();
    const dialog = pane().locator('[data-testid="preview-dialog"]');
    await dialog.waitFor();
    const groups = await dialog.locator('[data-testid="preview-category"] th').allTextContents();
    expect(groups).toEqual(['乡镇(街道)（11 个单位）', '一类考评单位（19 个单位）', '二类考评单位（11 个单位）', '三类考评单位（6 个单位）']);
    await dialog.getByRole('button', { name: '取消' }).click();
    await waitFocused('重新计算排名');

    await recalcInPane();
    await expect(pane().locator('[data-testid="result"]').textContent()).resolves.toMatch(/^47 个单位的累计得分和排名已更新/);
    await waitFocused('重新计算排名');

    // After a settings change: say 请重新计算排名, next to the control; the stale ranks are one line.
    const settings = pane().locator('[data-testid="settings"]');
    await settings.getByText('并列不占位（中国式排名）：1,2,2,3').click();
    await settings.getByRole('button', { name: '保存设置' }).click();
    await settings.locator('[data-testid="settings-result"]').filter({ hasText: '请重新计算排名' }).waitFor();
    await pane().locator('[data-testid="stale-line"]').waitFor();
    const rankWarnings = await pane().locator('[data-testid="finding"]').filter({ hasText: /排名为 .*，应为/ }).count();
    expect(rankWarnings).toBe(0);
    expect(await focused()).toBe('保存设置');
  });

  it('5. on the add-in\'s own 考评汇总 sheet: a neutral note, no red error', async () => {
    await pane().getByRole('button', { name: '生成汇总表' }).click();
    await pane().locator('[data-testid="result"]').filter({ hasText: '已生成工作表' }).waitFor();
    const note = pane().locator('[data-testid="own-summary"]');
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain('无需校验');
    await expect(pane().locator('[data-testid="finding"]').count()).resolves.toBe(0);
    await expect(pane().locator('[data-testid="findings"]').count()).resolves.toBe(0);
  });
});
