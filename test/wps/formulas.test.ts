/** #11 item 7 写入公式 through the WPS adapter (simulated ET): the same plan, formulas written with Formula, undone. */
import { formulaAt } from '../../src/core';
import { t } from '../../src/i18n';
import { DEFAULT_SETTINGS } from '../../src/host/port';
import { fixtureWorkbook, wpsHost } from './simWps';

describe('写入公式 in WPS', () => {
  test('a saved 写入公式 setting writes the formulas; a new pane reads it; undo puts back the blanks', async () => {
    const wb = await fixtureWorkbook();
    const index = wb.sheets.findIndex((s) => s.id === wb.activeSheetId);
    const original = JSON.stringify(wb.toGrids()[index]);
    const { host, reopen } = wpsHost(wb);
    expect((await host.saveSettings({ ...DEFAULT_SETTINGS, writeFormulas: true })).ok).toBe(true);
    const fresh = reopen();
    const insp = await fresh.inspect();
    expect(insp.ok && insp.value.settings.writeFormulas).toBe(true);
    const result = await fresh.recalcNow();
    if (!result.ok) throw new Error(t(result.error.key, 'zh-CN', result.error.params ?? {}));
    const grid = wb.toGrids()[index]!;
    const row = grid.values.findIndex((r) => r[0] === '温泉街道');
    expect(formulaAt(grid, row, 4)).toBe(`=ROUND(SUM(B${row + 1}:D${row + 1}),2)`);
    expect(formulaAt(grid, row, 5)).toMatch(/^=COUNTIF\(\$E\$\d+:\$E\$\d+,">"&E\d+\)\+1$/);
    // 标记 stays text.
    const flagCol = grid.values.find((r) => r.includes('标记'))!.indexOf('标记');
    expect(grid.values.some((r, i) => typeof r[flagCol] === 'string' && formulaAt(grid, i, flagCol) === null && r[flagCol] === '零报送')).toBe(true);
    expect((await reopen().undoLast()).ok).toBe(true);
    expect(JSON.stringify(wb.toGrids()[index])).toBe(original);
  });
});
