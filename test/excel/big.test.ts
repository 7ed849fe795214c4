/** A sheet too big for one request: the write splits into chunks under 5 MB, all or nothing. */
import { gridFromRows, type CellValue } from '../../src/core';
import { PAYLOAD_LIMIT_BYTES, SimWorkbook } from '../../src/sim';
import { simHost } from './simHost';

const CATEGORIES = 60;
const PER_CATEGORY = 1000;

function bigGrid() {
  const rows: CellValue[][] = [['2023年7—9月份全县政务信息得分情况'], ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名']];
  for (let c = 0; c < CATEGORIES; c++) {
    rows.push([`第${c + 1}组`]);
    for (let u = 0; u < PER_CATEGORY; u++) {
      // Base at the cap for most units, some below, so flags are written too.
      const base = u % 7 === 0 ? 20 : 30;
      rows.push([`单位${c}-${u}`, base, (u % 13) * 5, (u % 3) * 0.5, null, null]);
    }
  }
  return gridFromRows(rows, '大表');
}

describe('60,000 units', () => {
  test('recalculation splits into chunks each under 5 MB, then undo restores the blanks', async () => {
    const wb = SimWorkbook.fromGrids([bigGrid()]);
    const original = JSON.stringify(wb.toGrids()[0]);
    const { host } = simHost(wb);
    const result = await host.recalcNow();
    if (!result.ok) throw new Error(result.message.key);
    expect(result.value.syncs).toBeGreaterThan(2);
    expect(wb.syncLog.every((s) => s.ok && s.bytes < 5_000_000 && s.bytes < PAYLOAD_LIMIT_BYTES)).toBe(true);
    const total = wb.syncLog.slice(1).reduce((n, s) => n + s.bytes, 0);
    expect(total).toBeGreaterThan(5_000_000);
    const grid = wb.toGrids()[0]!;
    const row = grid.values.find((r) => r[0] === '单位59-999')!;
    // 999 % 7 != 0 -> base 30; adoption (999 % 13 = 11) * 5 = 55; bonus (999 % 3 = 0) * 0.5 = 0.
    expect(row[4]).toBe(85);
    expect(typeof row[5]).toBe('number');

    const undo = await host.undoLast();
    if (!undo.ok) throw new Error(undo.message.key);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(original);
  }, 120000);

  test('a later chunk failing puts back the earlier chunks: never half a write', async () => {
    const wb = SimWorkbook.fromGrids([bigGrid()]);
    const before = wb.snapshot();
    const { host } = simHost(wb);
    wb.failSync({ code: 'ConnectionFailure' }, 3);
    const result = await host.recalcNow();
    expect(!result.ok && result.message.key).toBe('host.error.connection');
    expect(wb.syncLog[1]!.ok).toBe(true);
    expect(wb.snapshot()).toBe(before);
    const retry = await host.recalcNow();
    expect(retry.ok).toBe(true);
  }, 120000);
});
