/** Hostile cell text (= + - @ and apostrophes) is written as text, never as a formula. */
import { gridFromRows, type CellValue } from '../../src/core';
import { SimWorkbook } from '../../src/sim';
import { simHost } from './simHost';

const HOSTILE = ['=cmd|\' /C calc\'!A0', '+86 办公室', '-5分队', '@SUM(1)', "'引号单位", '0012', 'TRUE'];

function hostileGrid() {
  const rows: CellValue[][] = [['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名']];
  HOSTILE.forEach((name, i) => rows.push([name, 30 - i * 5, 10, 0, null, null]));
  return gridFromRows(rows, '测试');
}

describe('hostile unit names', () => {
  test('summary sheet and flag column keep them as text', async () => {
    const wb = SimWorkbook.fromGrids([hostileGrid()]);
    const { host } = simHost(wb);
    const recalc = await host.recalcNow();
    if (!recalc.ok) throw new Error(recalc.error.key);
    const summary = await host.writeSummary();
    if (!summary.ok) throw new Error(summary.error.key);
    for (const sheet of wb.sheets) {
      for (const cell of sheet.cells.values()) expect(cell.formula).toBeNull();
    }
    const texts = [...wb.sheet('考评汇总')!.cells.values()].map((c) => c.value);
    for (const name of HOSTILE) expect(texts).toContain(name);
    // Names on the score sheet are untouched.
    expect(wb.toGrids()[0]!.values.map((r) => r[0]).slice(1)).toEqual(HOSTILE);
  });

  test('undo puts back a text total that looked like a formula as text', async () => {
    const grid = hostileGrid();
    grid.values[1]![4] = '=不是公式';
    grid.values[2]![4] = '135.40';
    const wb = SimWorkbook.fromGrids([grid]);
    const { host } = simHost(wb);
    expect((await host.recalcNow()).ok).toBe(true);
    expect(wb.sheets[0]!.cell(1, 4)?.value).toBe(30 + 10);
    expect((await host.undoLast()).ok).toBe(true);
    expect(wb.sheets[0]!.cell(1, 4)).toMatchObject({ value: '=不是公式', formula: null });
    expect(wb.sheets[0]!.cell(2, 4)).toMatchObject({ value: '135.40', formula: null });
  });
});
