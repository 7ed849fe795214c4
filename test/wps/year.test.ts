/**
 * #14 年度汇总 through the WPS adapter on the strict simulated ET: several period sheets, a unit
 * renamed between quarters and matched through the roster's alias, preview that writes nothing,
 * write beside a user's sheet of that name, replace, undo, refusal over errors and protection,
 * no half-written sheet on a failed write. Simulation only: no WPS runs here.
 */
import type { MessageKey } from '../../src/i18n';
import { buildYear, analyze, gridFromRows, SUMMARY_MARKER, YEAR_SHEET_NAME, type CellValue, type Grid } from '../../src/core';
import { YEAR_BACKUP_NAME as EXCEL_BACKUP_NAME } from '../../src/excel/year';
import { t } from '../../src/i18n';
import { SimWorkbook } from '../../src/sim';
import { YEAR_BACKUP_NAME } from '../../src/wps/year';
import { simHost } from '../excel/simHost';
import { wpsHost } from './simWps';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
function periodGrid(name: string, title: string | null, units: Array<[string, CellValue, number, number]>): Grid {
  return gridFromRows([...(title ? [[title]] : []), HEADER, ['一类考评单位'], ...units.map((u) => [...u])], name);
}
const OLD = '陈家沟景区管理局';
const NEW = '陈家沟景区发展中心';
const Q1 = periodGrid('一季度', '2023年第一季度全县政务信息得分情况', [['甲', 120, 10, 0], ['乙', 100, 0, 0], ['水利局', 0, 0, 0], [OLD, 110, 0, 0]]);
const Q2 = periodGrid('二季度', '2023年4—6月份全县政务信息得分情况', [['甲', 100, 0, 0], ['乙', 120, 5, 0], ['水利局', 0, 0, 0], [NEW, 120, 20, 0]]);
const Q3 = periodGrid('三季度', '2023年7—9月份全县政务信息得分情况', [['甲', 120, 0, 0], ['乙', 90, 0, 0], ['水利局', 0, 0, 0], [NEW, 100, 0, 0]]);
const ROSTER = gridFromRows([['单位', '类别', '别名'], ['甲', '一类考评单位', ''], ['乙', '一类考评单位', ''], ['水利局', '一类考评单位', ''], [NEW, '一类考评单位', OLD]], '单位名录');

type Outcome<T> = { ok: true; value: T } | { ok: false; error: { key: MessageKey; params?: Record<string, string | number> } };
function value<T>(r: Outcome<T>): T {
  if (!r.ok) throw new Error(t(r.error.key, 'zh-CN', r.error.params ?? {}));
  return r.value;
}
const keyOf = <T>(r: Outcome<T>) => (r.ok ? 'ok' : r.error.key);

function texts(wb: SimWorkbook, name: string): CellValue[][] {
  return wb.toGrids().find((g) => g.sheetName === name)!.values;
}

/** Three quarters (the latest active) and the roster; the sheets are out of date order on purpose. */
function threeQuarters(extra: Grid[] = []): SimWorkbook {
  const wb = SimWorkbook.fromGrids([Q3, Q1, Q2, ROSTER, ...extra]);
  wb.activateSheet('三季度');
  return wb;
}

describe('年度汇总 in WPS', () => {
  test('preview orders the periods by date, matches the renamed unit through the roster, and writes nothing', async () => {
    const wb = threeQuarters();
    const before = wb.snapshot();
    const { host } = wpsHost(wb);
    const insp = value(await host.inspect());
    // The pane offers 年度汇总: three sheets could be periods (the roster is not one).
    expect(insp.periodCandidates).toEqual(['三季度', '一季度', '二季度']);
    const preview = value(await host.previewYear());
    expect(preview.year.periods.map((p) => p.sheetName)).toEqual(['一季度', '二季度', '三季度']);
    expect(preview.sheetName).toBe(YEAR_SHEET_NAME);
    expect(preview.replaces).toBe(false);
    const units = preview.year.categories[0]!.units;
    // One unit under its current name, with a total in every quarter.
    expect(units.filter((u) => u.name === NEW || u.name === OLD).map((u) => ({ name: u.name, periods: u.periods }))).toEqual([{ name: NEW, periods: [11000, 14000, 10000] }]);
    expect(units.find((u) => u.name === NEW)!.totalCents).toBe(35000);
    expect(units.find((u) => u.name === '水利局')!.flags).toContain('REPEAT_ZERO_SUBMISSION');
    // Against 二季度 (140 ↑, then 乙 90): 甲 goes up, 乙 down.
    expect(preview.context?.units.get('甲')?.text).toBe('↑2');
    expect(wb.snapshot()).toBe(before);
  });

  test('the year is the one the core makes from the same sheets (what the CLI and the Excel host call)', async () => {
    const wb = threeQuarters();
    const preview = value(await wpsHost(wb).host.previewYear());
    const sheets = [Q3, Q1, Q2].map((g) => ({ analysis: analyze(g) }));
    const core = buildYear(sheets, { resolve: (n) => (n === OLD ? NEW : n) });
    expect(preview.year.categories).toEqual(core.categories);
    expect(preview.year.notice).toEqual(core.notice);
  });

  test('without renamed units the WPS year and the Excel host’s are identical, and so are their 年度汇总 sheets', async () => {
    const plain = [periodGrid('一季度', '2023年第一季度', [['甲', 120, 10, 0], ['乙', 100, 0, 0]]), periodGrid('二季度', '2023年第二季度', [['甲', 100, 0, 0], ['乙', 120, 5, 0]])];
    const wpsBook = SimWorkbook.fromGrids(structuredClone(plain));
    const excelBook = SimWorkbook.fromGrids(structuredClone(plain));
    const wps = wpsHost(wpsBook).host;
    const excel = simHost(excelBook).host;
    const a = value(await wps.previewYear());
    const b = value(await excel.previewYear());
    expect(a.year.categories).toEqual(b.year.categories);
    expect(a.year.notice).toEqual(b.year.notice);
    expect(value(await wps.applyYear(a)).sheetName).toBe(value(await excel.applyYear(b)).sheetName);
    expect(texts(wpsBook, YEAR_SHEET_NAME)).toEqual(texts(excelBook, YEAR_SHEET_NAME));
  });

  test('with a points table, each period’s 采用得分 comes from the ledger over its own dates, in WPS as in Excel', async () => {
    const periods = [periodGrid('一季度', '2023年第一季度', [['甲', 120, 0, 0], ['乙', 100, 0, 0]]), periodGrid('二季度', '2023年第二季度', [['甲', 100, 0, 0], ['乙', 120, 0, 0]])];
    const rules = gridFromRows([['采用情况', '分值'], ['市政府采用', 10], ['约稿', 5]], '考评规则');
    const ledger = gridFromRows(
      [['序号', '日期', '报送单位', '信息标题', '采用情况', '评价/备注'], [1, '2023-02-10', '甲', '春耕', '市政府采用', ''], [2, '2023-05-05', '乙', '防汛', '约稿', '']],
      '信息采用登记',
    );
    const book = () => SimWorkbook.fromGrids(structuredClone([...periods, rules, ledger]), 1);
    const a = value(await wpsHost(book()).host.previewYear());
    const b = value(await simHost(book()).host.previewYear());
    expect(b.year.categories[0]!.units.map((u) => [u.name, u.periods])).toEqual([
      ['甲', [13000, 10000]],
      ['乙', [10000, 12500]],
    ]);
    expect(a.year.categories).toEqual(b.year.categories);
    expect(a.year.notice).toEqual(b.year.notice);
  });

  test('with a unit renamed through the roster, WPS and Excel match units by the one core rule: the same year, notice and 年度汇总', async () => {
    const grids = [Q3, Q1, Q2, ROSTER];
    const wpsBook = SimWorkbook.fromGrids(structuredClone(grids));
    const excelBook = SimWorkbook.fromGrids(structuredClone(grids));
    wpsBook.activateSheet('三季度');
    excelBook.activateSheet('三季度');
    const wps = wpsHost(wpsBook).host;
    const excel = simHost(excelBook).host;
    const a = value(await wps.previewYear());
    const b = value(await excel.previewYear());
    expect(a.year.categories[0]!.units.map((u) => u.name)).toContain(NEW);
    expect(a.year.categories[0]!.units.map((u) => u.name)).not.toContain(OLD);
    expect(a.year.categories).toEqual(b.year.categories);
    expect(a.year.notice).toEqual(b.year.notice);
    value(await wps.applyYear(a));
    value(await excel.applyYear(b));
    expect(texts(wpsBook, YEAR_SHEET_NAME)).toEqual(texts(excelBook, YEAR_SHEET_NAME));
  });

  test('writes beside a user sheet of that name, replaces its own in place, and undo puts the earlier one back', async () => {
    const mine = gridFromRows([['我的年度汇总'], ['=别动', 1]], YEAR_SHEET_NAME);
    const wb = threeQuarters([mine]);
    const userSheet = JSON.stringify(texts(wb, YEAR_SHEET_NAME));
    const { host, reopen } = wpsHost(wb);
    const first = value(await host.previewYear());
    const written = value(await host.applyYear(first));
    expect(written.sheetName).toBe('年度汇总(2)');
    const sheet = texts(wb, '年度汇总(2)');
    expect(sheet).toContainEqual(['名次', '单位', '2023年第一季度', '2023年4—6月份', '2023年7—9月份', '年度累计得分', '名次变化', '标记']);
    expect(sheet.flat()).toContain(NEW);
    expect(sheet.flat()).not.toContain(OLD);
    expect(sheet.flat().some((v) => typeof v === 'string' && v.includes(SUMMARY_MARKER))).toBe(true);
    expect(sheet.flat()).toContain('连续零报送单位：水利局（连续3期）');
    expect(JSON.stringify(texts(wb, YEAR_SHEET_NAME))).toBe(userSheet);
    expect(wb.sheets.find((s) => s.id === wb.activeSheetId)?.name).toBe('年度汇总(2)');

    // A period changed: the year again replaces our sheet in place and keeps the old one hidden.
    wb.activateSheet('三季度');
    const order = wb.sheets.map((s) => s.name);
    wb.sheet('三季度')!.touch(3, 1).value = 60;
    const second = value(await host.previewYear());
    expect(second.replaces).toBe(true);
    expect(second.sheetName).toBe('年度汇总(2)');
    expect(keyOf(await host.applyYear(second))).toBe('ok');
    expect(wb.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(order);
    expect(wb.sheet(YEAR_BACKUP_NAME)?.visibility).toBe('VeryHidden');
    const replaced = JSON.stringify(texts(wb, '年度汇总(2)'));
    expect(replaced).not.toBe(JSON.stringify(sheet));

    // Undo from a new pane: the earlier 年度汇总(2) is back in its place, the user's sheet untouched.
    const fresh = reopen();
    expect(keyOf(await fresh.undoYear())).toBe('ok');
    expect(wb.sheets.map((s) => s.name)).toEqual(order);
    expect(texts(wb, '年度汇总(2)')).toEqual(sheet);
    expect(JSON.stringify(texts(wb, YEAR_SHEET_NAME))).toBe(userSheet);

    // Undo again: the first one goes too; then there is nothing left to undo.
    expect(keyOf(await fresh.undoYear())).toBe('ok');
    expect(wb.sheets.map((s) => s.name)).toEqual(['三季度', '一季度', '二季度', '单位名录', YEAR_SHEET_NAME]);
    expect(keyOf(await fresh.undoYear())).toBe('host.error.nothingToUndoYear');
  });

  test('undo puts the earlier 年度汇总 back where the newer one stood, even after the user moved sheets', async () => {
    const wb = threeQuarters();
    const { host } = wpsHost(wb);
    value(await host.applyYear(value(await host.previewYear())));
    const earlier = JSON.stringify(texts(wb, YEAR_SHEET_NAME));
    wb.activateSheet('三季度');
    wb.sheet('三季度')!.touch(3, 1).value = 60;
    value(await host.applyYear(value(await host.previewYear())));
    // The user drags 年度汇总 to the front.
    const own = wb.sheet(YEAR_SHEET_NAME)!;
    wb.sheets.splice(wb.sheets.indexOf(own), 1);
    wb.sheets.unshift(own);
    const order = wb.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    expect(order[0]).toBe(YEAR_SHEET_NAME);
    expect(keyOf(await host.undoYear())).toBe('ok');
    expect(wb.sheets.map((s) => s.name)).toEqual(order);
    expect(JSON.stringify(texts(wb, YEAR_SHEET_NAME))).toBe(earlier);
  });

  test('run from the roster sheet itself, the renamed unit is still one unit and the roster is no period', async () => {
    const wb = threeQuarters();
    wb.activateSheet('单位名录');
    const { host } = wpsHost(wb);
    expect(value(await host.inspect()).periodCandidates).toEqual(['三季度', '一季度', '二季度']);
    const preview = value(await host.previewYear());
    expect(preview.year.categories[0]!.units.map((u) => u.name).sort()).toEqual([NEW, '乙', '水利局', '甲'].sort());
    expect(preview.context).toBeNull();
  });

  test('the backup sheet has the Excel host’s name, so either add-in can undo the other’s year', () => {
    expect(YEAR_BACKUP_NAME).toBe(EXCEL_BACKUP_NAME);
  });

  test('a period with errors is not written unless confirmed', async () => {
    const bad = periodGrid('二季度', '2023年第二季度', [['甲', '未报送', 0, 0], ['乙', 120, 5, 0]]);
    const wb = SimWorkbook.fromGrids([Q1, bad]);
    const { host } = wpsHost(wb);
    const preview = value(await host.previewYear());
    expect(preview.year.blocked).toBe(true);
    const before = wb.snapshot();
    const refused = await host.applyYear(preview);
    expect(keyOf(refused)).toBe('host.error.yearHasErrors');
    expect(!refused.ok && refused.error.params?.sheet).toBe('二季度');
    expect(wb.snapshot()).toBe(before);
    expect(value(await host.applyYear(preview, true)).sheetName).toBe(YEAR_SHEET_NAME);
  });

  test('one period only: the pane is told there is no year to make', async () => {
    const wb = SimWorkbook.fromGrids([Q1, ROSTER]);
    const { host } = wpsHost(wb);
    expect(value(await host.inspect()).periodCandidates).toEqual(['一季度']);
    const r = await host.previewYear();
    expect(keyOf(r)).toBe('host.error.yearTooFewPeriods');
  });

  test('a protected workbook structure: refused with the sheet named, nothing written', async () => {
    const wb = threeQuarters();
    const { host } = wpsHost(wb);
    const preview = value(await host.previewYear());
    wb.structureProtected = true;
    const before = wb.snapshot();
    const r = await host.applyYear(preview);
    expect(keyOf(r)).toBe('host.error.workbookProtected');
    expect(wb.snapshot()).toBe(before);
  });

  test('a write that fails part way leaves no half-written sheet and keeps the earlier 年度汇总', async () => {
    const wb = threeQuarters();
    const { app, host } = wpsHost(wb);
    value(await host.applyYear(value(await host.previewYear())));
    wb.activateSheet('三季度');
    const names = wb.sheets.map((s) => s.name);
    const earlier = JSON.stringify(texts(wb, YEAR_SHEET_NAME));
    const preview = value(await host.previewYear());
    app.failWrite(3, '磁盘已满');
    const r = await host.applyYear(preview);
    expect(keyOf(r)).toBe('host.wps.error.failed');
    expect(!r.ok && t(r.error.key, 'zh-CN', r.error.params ?? {})).toContain('磁盘已满');
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
    expect(JSON.stringify(texts(wb, YEAR_SHEET_NAME))).toBe(earlier);
    expect(wb.sheet(YEAR_BACKUP_NAME)).toBeUndefined();
  });

  test('periodContext gives the active quarter’s movement, the renamed unit included', async () => {
    const wb = threeQuarters();
    const context = value(await wpsHost(wb).host.periodContext());
    expect(context?.previous).toBe('2023年4—6月份');
    expect(context?.units.get('乙')?.text).toBe('↓1');
    expect(context?.units.get(NEW)?.movement).not.toBeUndefined();
  });

  test('考评汇总 of a quarter shows the movement against the quarter before, as in Excel', async () => {
    const plain = [periodGrid('二季度', '2023年第二季度', [['甲', 100, 0, 0], ['乙', 120, 5, 0]]), periodGrid('一季度', '2023年第一季度', [['甲', 120, 10, 0], ['乙', 100, 0, 0]])];
    const wpsBook = SimWorkbook.fromGrids(structuredClone(plain));
    const excelBook = SimWorkbook.fromGrids(structuredClone(plain));
    expect(value(await wpsHost(wpsBook).host.writeSummary()).sheetName).toBe('考评汇总');
    expect(value(await simHost(excelBook).host.writeSummary()).sheetName).toBe('考评汇总');
    const wps = texts(wpsBook, '考评汇总');
    expect(wps).toEqual(texts(excelBook, '考评汇总'));
    expect(wps.flat()).toContain('↑1');
  });
});
