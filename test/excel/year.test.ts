/** #14 年度汇总 through the adapter on the simulated Excel: preview, write beside a user's sheet, replace, undo. */
import { gridFromRows, SUMMARY_MARKER, type CellValue, type Grid } from '../../src/core';
import { SimWorkbook } from '../../src/sim';
import { YEAR_BACKUP_NAME } from '../../src/excel/year';
import { simHost } from './simHost';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
function periodGrid(name: string, title: string | null, units: Array<[string, CellValue, number, number]>): Grid {
  return gridFromRows([...(title ? [[title]] : []), HEADER, ['一类考评单位'], ...units.map((u) => [...u])], name);
}
const Q1 = periodGrid('一季度', '2023年第一季度全县政务信息得分情况', [['甲', 120, 10, 0], ['乙', 100, 0, 0], ['水利局', 0, 0, 0]]);
const Q2 = periodGrid('二季度', '2023年4—6月份全县政务信息得分情况', [['甲', 100, 0, 0], ['乙', 120, 5, 0], ['水利局', 0, 0, 0]]);

function texts(wb: SimWorkbook, name: string): CellValue[][] {
  return wb.toGrids().find((g) => g.sheetName === name)!.values;
}

describe('年度汇总 in Excel', () => {
  test('preview reads every period and writes nothing', async () => {
    const wb = SimWorkbook.fromGrids([Q2, Q1]);
    const { host } = simHost(wb);
    const preview = await host.previewYear();
    if (!preview.ok) throw new Error(preview.error.key);
    expect(preview.value.year.periods.map((p) => p.sheetName)).toEqual(['一季度', '二季度']);
    expect(preview.value.sheetName).toBe('年度汇总');
    expect(preview.value.replaces).toBe(false);
    expect(wb.sheets.map((s) => s.name)).toEqual(['二季度', '一季度']);
    // The active sheet is 二季度: against 一季度, 乙 went up and 甲 down.
    expect(preview.value.context?.units.get('乙')?.text).toBe('↑1');
  });

  test('writes beside a user sheet of that name, replaces its own, and undo puts the earlier one back', async () => {
    const mine = gridFromRows([['我的年度汇总'], ['=别动', 1]], '年度汇总');
    const wb = SimWorkbook.fromGrids([Q1, Q2, mine]);
    const userSheet = JSON.stringify(texts(wb, '年度汇总'));
    const { host, reported } = simHost(wb);
    const first = await host.previewYear();
    if (!first.ok) throw new Error(first.error.key);
    const written = await host.applyYear(first.value);
    expect(written.ok && written.value.sheetName).toBe('年度汇总(2)');
    if (written.ok) expect(reported('applyYear')).toBeLessThanOrEqual(3);
    const sheet = texts(wb, '年度汇总(2)');
    expect(sheet).toContainEqual(['名次', '单位', '2023年第一季度', '2023年4—6月份', '年度累计得分', '名次变化', '标记']);
    expect(sheet.flat().some((v) => typeof v === 'string' && v.includes(SUMMARY_MARKER))).toBe(true);
    expect(sheet.flat()).toContain('连续零报送单位：水利局（连续2期）');
    expect(JSON.stringify(texts(wb, '年度汇总'))).toBe(userSheet);

    // The year again, after a period changed: our sheet is replaced in place, the old one kept hidden.
    wb.activateSheet('二季度');
    const order = wb.sheets.map((s) => s.name);
    wb.sheet('二季度')!.touch(3, 1).value = 120;
    const second = await host.previewYear();
    if (!second.ok) throw new Error(second.error.key);
    expect(second.value.replaces).toBe(true);
    expect((await host.applyYear(second.value)).ok).toBe(true);
    expect(wb.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(order);
    expect(wb.sheet(YEAR_BACKUP_NAME)?.visibility).toBe('Hidden');
    const replaced = JSON.stringify(texts(wb, '年度汇总(2)'));

    // Undo: the earlier 年度汇总(2) is back, in its place; the user's sheet untouched.
    const undone = await host.undoYear();
    expect(undone.ok).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(order);
    expect(JSON.stringify(texts(wb, '年度汇总(2)'))).not.toBe(replaced);
    expect(texts(wb, '年度汇总(2)')).toEqual(sheet);
    expect(JSON.stringify(texts(wb, '年度汇总'))).toBe(userSheet);

    // Undo again: the first one goes too; then there is nothing left to undo.
    expect((await host.undoYear()).ok).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(['一季度', '二季度', '年度汇总']);
    const none = await host.undoYear();
    expect(!none.ok && none.error.key).toBe('host.error.nothingToUndoYear');
  });

  test('a period with errors is not written unless confirmed', async () => {
    const bad = periodGrid('二季度', '2023年第二季度', [['甲', '未报送', 0, 0], ['乙', 120, 5, 0]]);
    const wb = SimWorkbook.fromGrids([Q1, bad]);
    const { host } = simHost(wb);
    const preview = await host.previewYear();
    if (!preview.ok) throw new Error(preview.error.key);
    expect(preview.value.year.blocked).toBe(true);
    const refused = await host.applyYear(preview.value);
    expect(!refused.ok && refused.error.key).toBe('host.error.yearHasErrors');
    expect(wb.sheets.map((s) => s.name)).toEqual(['一季度', '二季度']);
    expect((await host.applyYear(preview.value, true)).ok).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(['一季度', '二季度', '年度汇总']);
  });

  test('one period is not a year', async () => {
    const { host } = simHost(SimWorkbook.fromGrids([Q1, gridFromRows([['其他']], '附表')]));
    const preview = await host.previewYear();
    expect(!preview.ok && preview.error.key).toBe('host.error.yearTooFewPeriods');
  });

  test('the quarterly summary and the pane get movement from sheets named for earlier periods', async () => {
    const wb = SimWorkbook.fromGrids([Q2, Q1]);
    const { host } = simHost(wb);
    const inspected = await host.inspect();
    expect(inspected.ok && inspected.value.periodCandidates).toEqual(['二季度', '一季度']);
    const context = await host.periodContext();
    expect(context.ok && context.value?.units.get('甲')?.text).toBe('↓1');
    wb.activateSheet('二季度');
    const summary = await host.writeSummary();
    if (!summary.ok) throw new Error(summary.error.key);
    const values = texts(wb, '考评汇总');
    expect(values.flat()).toContain('名次变化');
    expect(values.flat()).toContain('零报送单位：水利局（连续2期）');
  });
});
