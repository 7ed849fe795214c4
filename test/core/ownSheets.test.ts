/** #12 item 6: one rule, in the core, for "this sheet is the product's own", used by every host. */
import ExcelJS from 'exceljs';
import { analyze, freeSheetName, gridFromRows, isOwnSheetName, isOwnSheetRows, readA1, readRangeA1, SUMMARY_MARKER } from '../../src/core';
import { SimWorkbook } from '../../src/sim';
import { isOwnSummarySheet as isOwnWorksheet } from '../../src/xlsx/workbook';
import { fixtureGrids, simHost } from '../excel/simHost';

const FOOTER = `${SUMMARY_MARKER}，数据以考评表为准。`;
/** A clerk's sheet that quotes the marker inside a sentence, in its last row. */
const QUOTING: unknown[][] = [['我自己的汇总'], ['单位', '说明'], ['县委办', `上一版${SUMMARY_MARKER}，已核对`]];

describe('core/ownSheets', () => {
  test('ours: the footer starts the first filled cell of one of the last three rows holding text', () => {
    expect(isOwnSheetRows([['标题'], [FOOTER]])).toBe(true);
    expect(isOwnSheetRows([['标题'], [null, '', `  ${FOOTER}`], [], [null, null]])).toBe(true);
    expect(isOwnSheetRows([['标题'], [FOOTER], ['注一'], ['注二']])).toBe(true);
    expect(isOwnSheetRows([['标题'], [FOOTER], ['注一'], ['注二'], ['注三']])).toBe(false);
  });

  test('not ours: the marker quoted inside a sentence or in a later cell, or nowhere', () => {
    expect(isOwnSheetRows(QUOTING)).toBe(false);
    expect(isOwnSheetRows([['备注', FOOTER]])).toBe(false);
    expect(isOwnSheetRows([])).toBe(false);
  });

  test('names: base or base(n), compared without case; the first free one', () => {
    expect(isOwnSheetName('考评汇总', '考评汇总')).toBe(true);
    expect(isOwnSheetName('考评汇总(12)', '考评汇总')).toBe(true);
    expect(isOwnSheetName('Summary(2)', 'summary')).toBe(true);
    expect(isOwnSheetName('考评汇总（2）', '考评汇总')).toBe(false);
    expect(isOwnSheetName('考评汇总备份', '考评汇总')).toBe(false);
    expect(freeSheetName(['考评汇总', '考评汇总(2)'], '考评汇总')).toBe('考评汇总(3)');
    expect(freeSheetName(['SUMMARY'], 'Summary')).toBe('Summary(2)');
    expect(freeSheetName(['别的'], '考评汇总')).toBe('考评汇总');
  });

  test('the core, the Excel host and the file reader agree on a sheet whose last row quotes the marker', async () => {
    const mine = gridFromRows(QUOTING as (string | number | null)[][], '考评汇总');
    // The core does not take it for the product's sheet …
    expect(analyze(mine).findings.map((f) => f.code)).not.toContain('SUMMARY_SHEET');
    // … the file reader neither …
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('考评汇总');
    QUOTING.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v as string)));
    expect(isOwnWorksheet(ws)).toBe(false);
    // … and the Excel host leaves it alone and writes its summary beside it.
    const wb = SimWorkbook.fromGrids([...(await fixtureGrids()), mine]);
    const before = JSON.stringify(wb.toGrids().find((g) => g.sheetName === '考评汇总'));
    const { host } = simHost(wb);
    const result = await host.writeSummary();
    expect(result.ok && result.value.sheetName).toBe('考评汇总(2)');
    expect(JSON.stringify(wb.toGrids().find((g) => g.sheetName === '考评汇总'))).toBe(before);
    // The summary it wrote is recognised as its own by the same rule.
    expect(isOwnSheetRows(wb.toGrids().find((g) => g.sheetName === '考评汇总(2)')!.values)).toBe(true);
  });
});

describe('core/grid A1 references, shared by every host and file reader', () => {
  test('cells inside Excel\'s grid, with or without dollars, in any case', () => {
    expect(readA1('B17')).toEqual({ row: 16, col: 1 });
    expect(readA1('$xfd$1048576')).toEqual({ row: 1_048_575, col: 16_383 });
    for (const bad of ['', 'B', '17', 'B0', 'XFE1', 'B1048577', 'B1:C2', 'ABCD1', 'B1 ', 'B١']) expect(readA1(bad)).toBeNull();
    expect(readRangeA1('D9:B2')).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(readRangeA1('C3')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(readRangeA1('C3:')).toBeNull();
  });
});
