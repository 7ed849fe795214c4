/** The adapter's one-sync read builds the same table as the exceljs adapter from the same workbook. */
import { analyze, gridFromRows } from '../../src/core';
import { readActiveSheet } from '../../src/excel/read';
import type { OfficeLike } from '../../src/excel/office';
import { parseAreas } from '../../src/excel/cells';
import { createSimExcel, createSimOffice, SimWorkbook } from '../../src/sim';
import { fixtureGrids, manyMergedCategories, simHost } from './simHost';

async function readWith(wb: SimWorkbook) {
  const office = createSimOffice(wb) as unknown as OfficeLike;
  return createSimExcel(wb).run(async (ctx) => readActiveSheet(ctx as unknown as Excel.RequestContext, office));
}

describe('reading the active sheet', () => {
  test('one sync; same scored table as the exceljs adapter (differential)', async () => {
    const grids = await fixtureGrids();
    const wb = SimWorkbook.fromGrids(grids);
    const read = await readWith(wb);
    expect(wb.syncCount).toBe(1);
    expect(read).not.toBeNull();
    const viaExcel = analyze(read!.grid);
    const viaFile = analyze(grids[0]!);
    expect(viaExcel.findings).toEqual(viaFile.findings);
    expect(JSON.stringify(viaExcel.scored)).toBe(JSON.stringify(viaFile.scored));
    expect(read!.grid.merges).toEqual(grids[0]!.merges);
    expect(read!.grid.hiddenRows).toEqual([]);
  });

  test('hidden rows, the rules sheet and a used range away from A1', async () => {
    const score = gridFromRows([['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'], ['甲', 30, 5, 0, null, null], ['乙', 30, 0, 0, null, null]], '表', 2, 1);
    score.hiddenRows = [3];
    const rules = gridFromRows([['类别', '基础分上限'], ['全部', 30]], '考评规则');
    const wb = SimWorkbook.fromGrids([score, rules]);
    const read = await readWith(wb);
    expect(read!.grid.originRow).toBe(2);
    expect(read!.grid.originCol).toBe(1);
    expect(read!.grid.hiddenRows).toEqual([3]);
    expect(read!.rulesGrid?.values[1]).toEqual(['全部', 30]);
    expect(read!.undo).toEqual({ exists: false, header: null, usedRows: 0 });
  });

  test('formulas and number formats arrive sparse: only rows that have one are kept, whole', async () => {
    const score = gridFromRows([['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'], ['甲', 30, 5, 0, 35, 1], ['乙', 30, 0, 0, null, null], ['丙', 30, 0, 0, null, null]], '表');
    score.formulas = [undefined, [null, null, null, null, '=B2+C2+D2', null], undefined, undefined];
    score.numberFormats = [undefined, undefined, [null, null, null, 'yyyy-mm-dd', null, null], undefined];
    const read = await readWith(SimWorkbook.fromGrids([score]));
    expect(read!.grid.formulas).toEqual([undefined, [null, null, null, null, '=B2+C2+D2', null], undefined, undefined]);
    expect(Array.from(read!.grid.numberFormats ?? [], (row) => row?.[3] ?? 'left out')).toEqual(['left out', 'left out', 'yyyy-mm-dd', 'left out']);
    expect(analyze(read!.grid).findings.map((f) => [f.code, f.cell])).toEqual(analyze(score).findings.map((f) => [f.code, f.cell]));
  });

  test('on Office 2019 (ExcelApi 1.7: no 1.9/1.13) the read still works, without merges or hidden rows', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    wb.requirements = { ExcelApi: '1.7' };
    const read = await readWith(wb);
    expect(read!.grid.merges).toBeUndefined();
    expect(read!.grid.hiddenRows).toBeUndefined();
    const { host } = simHost(wb);
    const r = await host.recalcNow();
    expect(r.ok).toBe(true);
  });

  test('inspect costs one sync and reports the table', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const { host } = simHost(wb);
    const r = await host.inspect();
    expect(wb.syncCount).toBe(1);
    expect(r.ok && r.value.analysis.scored?.categories.length).toBe(4);
    expect(r.ok && r.value.canUndo).toBe(false);
  });

  test('RangeAreas addresses with quoted sheet names parse', () => {
    expect(parseAreas("'My, sheet'!A1:F1,'My, sheet'!$A$3:$F$3")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 2, left: 0, bottom: 2, right: 5 },
    ]);
  });
});

test('more than 512 merged areas: Excel refuses the merge list, the read is retried without it', async () => {
  const grid = manyMergedCategories(600);
  const wb = SimWorkbook.fromGrids([grid]);
  const read = await readWith(wb);
  expect(wb.syncLog.map((s) => s.ok)).toEqual([false, true]);
  expect(read!.grid.merges).toBeUndefined();
  expect(read!.grid.values).toHaveLength(1201);
});
