/** #11 item 7 写入公式 in the simulated Excel: formulas written, read back as correct, undone to what was there. */
import type { MessageKey } from '../../src/i18n';
import { t } from '../../src/i18n';
import { formulaAt, valueAt, type Grid } from '../../src/core';
import { SimWorkbook } from '../../src/sim';
import { DEFAULT_SETTINGS } from '../../src/host/port';
import { computeSheet } from '../support/formulaEval';
import { publishedUnits } from '../support/fixtures';
import { fixtureGrids, simHost } from './simHost';

const ON = { ...DEFAULT_SETTINGS, writeFormulas: true };

function must<T>(outcome: { ok: true; value: T } | { ok: false; error: { key: MessageKey; params?: Record<string, string | number> } }): T {
  if (!outcome.ok) throw new Error(t(outcome.error.key, 'zh-CN', outcome.error.params));
  return outcome.value;
}

/** Unit → [total, rank] evaluated from the formulas the sheet holds (the simulated Excel has no formula engine). */
function evaluatedUnits(grid: Grid): Map<string, [unknown, unknown]> {
  const rows = grid.originRow + grid.values.length;
  const cols = grid.originCol + Math.max(0, ...grid.values.map((r) => r.length));
  const cell = computeSheet(rows, cols, (row, col) => ({ formula: formulaAt(grid, row, col), value: valueAt(grid, row, col) }));
  const header = grid.values.findIndex((row) => row.includes('累计得分'));
  const totalCol = grid.values[header]!.indexOf('累计得分');
  const out = new Map<string, [unknown, unknown]>();
  grid.values.forEach((row, i) => {
    if (i > header && typeof row[0] === 'string' && formulaAt(grid, i, totalCol)) out.set(row[0], [cell(i, totalCol), cell(i, totalCol + 1)]);
  });
  return out;
}

describe('写入公式 in the simulated Excel', () => {
  test('recalculation writes live formulas that compute the published results; a second run writes nothing; undo brings back the blanks', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const original = JSON.stringify(wb.toGrids()[0]);
    const { host, reopen } = simHost(wb);
    must(await host.saveSettings(ON));
    const preview = must(await host.previewRecalc());
    // The preview shows the computed numbers: each formula carries its value.
    expect(preview.changes.find((c) => c.unit === '温泉街道')).toMatchObject({ totalAfter: '152', rankAfter: '1' });
    must(await host.applyRecalc(preview));
    const grid = wb.toGrids()[0]!;
    expect(formulaAt(grid, 3, 4)).toBe('=ROUND(SUM(B4:D4),2)');
    expect(formulaAt(grid, 3, 5)).toBe('=COUNTIF($E$4:$E$14,">"&E4)+1');
    const units = evaluatedUnits(grid);
    expect(units.size).toBe(47);
    for (const u of publishedUnits()) expect([u.name, ...units.get(u.name)!]).toEqual([u.name, u.total, u.rank]);

    // The sheet now holding our formulas reads as correct and needs no write.
    const fresh = reopen();
    const insp = must(await fresh.inspect());
    expect(insp.settings.writeFormulas).toBe(true);
    expect(insp.analysis.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(must(await fresh.recalcNow()).cellsWritten).toBe(0);

    must(await fresh.undoLast());
    expect(JSON.stringify(wb.toGrids()[0])).toBe(original);
  });

  test('over the published values: formulas replace them, and undo puts the values back and takes our formulas out', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids('wenxian-2023-q3.xlsx'));
    const original = JSON.stringify(wb.toGrids()[0]);
    const { host } = simHost(wb);
    must(await host.saveSettings(ON));
    const result = must(await host.recalcNow());
    expect(result.cellsWritten).toBeGreaterThanOrEqual(94);
    const grid = wb.toGrids()[0]!;
    const row = grid.values.findIndex((r) => r[0] === '张羌街道');
    expect(formulaAt(grid, row, 4)).toBe(`=ROUND(SUM(B${row + 1}:D${row + 1}),2)`);
    must(await host.undoLast());
    const back = wb.toGrids()[0]!;
    expect(JSON.stringify(back)).toBe(original);
    expect(back.values[row]!.slice(4, 6)).toEqual([135.4, 2]);
    expect(formulaAt(back, row, 4)).toBeNull();
  });

  test('dense mode writes the SUMPRODUCT ranks; with the setting off values are written as before', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const { host } = simHost(wb);
    must(await host.saveSettings({ ...ON, rankMode: 'dense' }));
    must(await host.recalcNow());
    expect(formulaAt(wb.toGrids()[0]!, 3, 5)).toBe('=SUMPRODUCT(($E$4:$E$14>E4)/(COUNTIF($E$4:$E$14,$E$4:$E$14)))+1');
    const plain = SimWorkbook.fromGrids(await fixtureGrids());
    must(await simHost(plain).host.recalcNow());
    const grid = plain.toGrids()[0]!;
    expect(formulaAt(grid, 3, 4)).toBeNull();
    expect(valueAt(grid, 3, 4)).toBe(152);
  });
});
