/** The exceljs adapter on its own: worksheet -> Grid, plan -> cells, spec -> sheet. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ValueType, type Worksheet } from 'exceljs';
import type { CellWrite, SheetSpec } from '../../src/core';
import { planOf, SUMMARY_MARKER } from '../../src/core';
import { applyWrites, findOwnSummarySheet, freeSheetName, gridFromWorksheet, renderSheetSpec, writeSummarySheet } from '../../src/xlsx/workbook';
import { buildWorkbook, readXlsx, buildXlsx, type XlsxSheet } from '../support/xlsx';

/** Write and read back, so the adapter sees what exceljs gives for a real file. */
async function roundTrip(sheets: XlsxSheet[]): Promise<Worksheet[]> {
  return (await readXlsx(await buildXlsx(sheets))).worksheets;
}

describe('gridFromWorksheet', () => {
  it('reads numbers, text, booleans, rich text, errors, formulas with their cached results and dates', async () => {
    const [ws] = await roundTrip([
      {
        name: 'S',
        origin: 'B3',
        rows: [
          ['单位', 12.5, true, { richText: ['温泉', '街道'] }],
          [{ error: '#REF!' }, { formula: 'B3*2', result: 25 }, { value: new Date(Date.UTC(2023, 8, 30)), numFmt: 'yyyy-mm-dd' }, null],
          ['=1+1', { formula: '1/0' }, { value: 3, numFmt: '0.0' }, '  '],
        ],
      },
    ]);
    const grid = gridFromWorksheet(ws!);
    expect([grid.sheetName, grid.originRow, grid.originCol]).toEqual(['S', 2, 1]);
    expect(grid.values).toEqual([
      ['单位', 12.5, true, '温泉街道'],
      ['#REF!', 25, 45199, null],
      ['=1+1', null, 3, '  '],
    ]);
    // Rows without a formula, or with only General formats, are left out.
    expect(grid.formulas).toEqual([undefined, [null, '=B3*2', null, null], [null, '=1/0', null, null]]);
    expect(grid.numberFormats?.[0]).toBeUndefined();
    expect(grid.numberFormats?.[1]?.[2]).toBe('yyyy-mm-dd');
    expect(grid.numberFormats?.[2]?.[2]).toBe('0.0');
  });

  it('keeps a formula\'s cached 0, false and empty-text results (exceljs drops falsy results from cell.value)', async () => {
    const [ws] = await roundTrip([{ name: 'S', rows: [[{ formula: '0*1', result: 0 }, { formula: '1>2', result: false }, { formula: 'A1+1', result: 1 }]] }]);
    const grid = gridFromWorksheet(ws!);
    expect(grid.values).toEqual([[0, false, 1]]);
    expect(grid.formulas).toEqual([['=0*1', '=1>2', '=A1+1']]);
  });

  it('keeps a merge value only in its top-left cell and gives merges 0-based', async () => {
    const [ws] = await roundTrip([{ name: 'S', rows: [['标题', null, null], ['单位', '基础得分', '采用得分'], ['乡镇(街道)']], merges: ['A1:C1', 'A3:C3'] }]);
    const grid = gridFromWorksheet(ws!);
    expect(grid.values[0]).toEqual(['标题', null, null]);
    expect(grid.values[2]).toEqual(['乡镇(街道)', null, null]);
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 0, bottom: 2, right: 2 },
    ]);
  });

  it('lists hidden rows by absolute 0-based index', async () => {
    const [ws] = await roundTrip([{ name: 'S', rows: [['a'], ['b'], ['c'], ['d']], hidden: [2, 4] }]);
    expect(gridFromWorksheet(ws!).hiddenRows).toEqual([1, 3]);
  });

  it('translates shared formulas for every cell that borrows them', async () => {
    const wb = buildWorkbook([{ name: 'S', rows: [[1, 2, null], [3, 4, null]] }]);
    const ws = wb.worksheets[0]!;
    ws.getCell('C1').value = { formula: 'A1+B1', result: 3, shareType: 'shared', ref: 'C1:C2' } as never;
    ws.getCell('C2').value = { sharedFormula: 'C1', result: 7 };
    const grid = gridFromWorksheet((await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).worksheets[0]!);
    expect(grid.formulas?.map((r) => r?.[2])).toEqual(['=A1+B1', '=A2+B2']);
    expect(grid.values.map((r) => r[2])).toEqual([3, 7]);
  });

  it('gives an empty grid for an empty sheet', () => {
    const ws = buildWorkbook([{ name: 'Empty', rows: [] }]).worksheets[0]!;
    expect(gridFromWorksheet(ws)).toMatchObject({ sheetName: 'Empty', values: [] });
  });
});

const write = (address: string, row: number, col: number, value: string | number | null, kind: CellWrite['kind'] = 'total'): CellWrite => ({
  row,
  col,
  address,
  kind,
  unit: null,
  before: { value: null, formula: null },
  after: { value, formula: null },
});

describe('applyWrites', () => {
  it('writes text that starts with = + - @ as text', async () => {
    const wb = buildWorkbook([{ name: 'S', rows: [['x']] }]);
    const ws = wb.worksheets[0]!;
    applyWrites(ws, planOf('S', ['=1+1', '+x', '-x', '@x'].map((v, i) => write(`B${i + 1}`, i, 1, v, 'flag'))));
    const back = (await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).worksheets[0]!;
    expect([1, 2, 3, 4].map((r) => [back.getCell(r, 2).type, back.getCell(r, 2).value])).toEqual([
      [ValueType.String, '=1+1'],
      [ValueType.String, '+x'],
      [ValueType.String, '-x'],
      [ValueType.String, '@x'],
    ]);
  });

  it('never lets a written cell share a style object with a cell outside the plan, and keeps its look', async () => {
    const [ws] = await roundTrip([{ name: 'S', rows: [['a', 1, 2, 3]], styled: true }]);
    const sheet = ws!;
    expect(sheet.getCell('B1').style).toBe(sheet.getCell('D1').style); // exceljs shares them on read
    const look = JSON.stringify(sheet.getCell('B1').style);
    applyWrites(sheet, planOf('S', [write('B1', 0, 1, 99), write('C1', 0, 2, 98), write('E1', 0, 4, '零报送', 'flag')]));
    for (const written of ['B1', 'C1', 'E1']) {
      for (const other of ['A1', 'D1']) expect(sheet.getCell(written).style).not.toBe(sheet.getCell(other).style);
      expect(JSON.stringify(sheet.getCell(written).style)).toBe(look); // E1 borrowed D1's look
    }
    sheet.getCell('B1').font = { name: 'Arial', size: 20 };
    sheet.getCell('E1').font = { name: 'Arial', size: 20 };
    expect([sheet.getCell('A1').font, sheet.getCell('D1').font]).toEqual([
      expect.objectContaining({ name: '宋体', size: 11 }),
      expect.objectContaining({ name: '宋体', size: 11 }),
    ]);
  });

  it('writes a formula with its cached result when the plan asks for one (undo of a user formula)', async () => {
    const wb = buildWorkbook([{ name: 'S', rows: [[1, 2]] }]);
    applyWrites(wb.worksheets[0]!, planOf('S', [
      { ...write('C1', 0, 2, 3), after: { value: 3, formula: '=A1+B1' } },
      { ...write('D1', 0, 3, 0), after: { value: 0, formula: '=A1-1' } },
    ]));
    const grid = gridFromWorksheet((await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).worksheets[0]!);
    expect([grid.values[0], grid.formulas?.[0]]).toEqual([
      [1, 2, 3, 0],
      [null, null, '=A1+B1', '=A1-1'],
    ]);
  });

  it('keeps the cells borrowing a shared formula working when its master is overwritten', async () => {
    const wb = buildWorkbook([{ name: 'S', rows: [[1, 2, null], [3, 4, null]] }]);
    const ws = wb.worksheets[0]!;
    ws.getCell('C1').value = { formula: 'A1+B1', result: 3, shareType: 'shared', ref: 'C1:C2' } as never;
    ws.getCell('C2').value = { sharedFormula: 'C1', result: 7 };
    applyWrites(ws, planOf('S', [write('C1', 0, 2, 30)]));
    const back = (await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).worksheets[0]!;
    expect([back.getCell('C1').value, back.getCell('C2').formula]).toEqual([30, 'A2+B2']);
  });

  it('refuses to write inside a merged area', () => {
    const ws = buildWorkbook([{ name: 'S', rows: [['t', null]], merges: ['A1:B1'] }]).worksheets[0]!;
    expect(() => applyWrites(ws, planOf('S', [write('B1', 0, 1, 1)]))).toThrow(/merged area of A1/);
  });
});

const spec = (name: string, marker = true): SheetSpec => ({
  name,
  columnWidths: [20, 10],
  rows: [
    [{ value: '2023年7—9月份考评汇总', style: 'title' }],
    [{ value: '单位', style: 'header' }, { value: '总分', style: 'header' }],
    [{ value: '=1+1', style: 'text' }, { value: 135.4, style: 'number' }],
    [{ value: '乡镇(街道)前3名：温泉街道（152分）、张羌街道（135.4分）、祥云镇（131.6分）', style: 'notice' }],
    [{ value: marker ? `${SUMMARY_MARKER}。` : '备注', style: 'footer' }],
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 1 },
    { top: 3, left: 0, bottom: 3, right: 1 },
  ],
  charts: [],
  print: { paperSize: 'A4', orientation: 'portrait', fitToWidth: 1, header: '', footer: '' },
});

describe('renderSheetSpec and the summary sheet name', () => {
  it('draws the spec with office-document styles, merges, widths and A4 print setup', () => {
    const wb = buildWorkbook([]);
    const ws = renderSheetSpec(wb, spec('考评汇总'));
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(ws.getCell('A2').border).toMatchObject({ top: { style: 'thin' } });
    expect([ws.getCell('A3').type, ws.getCell('A3').value]).toEqual([ValueType.String, '=1+1']);
    expect(ws.getCell('B3').value).toBe(135.4);
    expect(ws.getCell('A4').font).toMatchObject({ name: '仿宋' });
    expect(ws.getRow(4).height).toBeGreaterThan(18); // a long notice line wraps onto more lines
    expect(ws.model.merges).toEqual(['A1:B1', 'A4:B4']);
    expect([ws.getColumn(1).width, ws.getColumn(2).width]).toEqual([20, 10]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 });
  });

  it('keeps a column width of 9 through a write (exceljs drops its default width)', async () => {
    const wb = buildWorkbook([]);
    renderSheetSpec(wb, { ...spec('九'), columnWidths: [9, 20] });
    const back = (await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).worksheets[0]!;
    expect(back.getColumn(1).width).toBeCloseTo(9, 1);
  });

  it('finds only its own sheet and picks a free name otherwise', () => {
    const wb = buildWorkbook([{ name: '考评汇总', rows: [['用户的表']] }]);
    expect(findOwnSummarySheet(wb)).toBeUndefined();
    expect(freeSheetName(wb, '考评汇总')).toBe('考评汇总(2)');
    const first = writeSummarySheet(wb, spec('考评汇总'));
    expect([first.name, first.replaced]).toEqual(['考评汇总(2)', false]);
    expect(findOwnSummarySheet(wb)?.name).toBe('考评汇总(2)');
    const again = writeSummarySheet(wb, spec('考评汇总'));
    expect([again.name, again.replaced]).toEqual(['考评汇总(2)', true]);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['考评汇总', '考评汇总(2)']);
    expect(wb.getWorksheet('考评汇总')!.getCell('A1').value).toBe('用户的表');
  });

  it('does not take a sheet without the marker for its own, even if it has our name and layout', () => {
    const wb = buildWorkbook([]);
    renderSheetSpec(wb, spec('考评汇总', false));
    expect(findOwnSummarySheet(wb)).toBeUndefined();
  });
});

describe('layering', () => {
  it('src/xlsx/workbook.ts imports no Node module and exceljs only for types (the browser demo reuses it)', () => {
    const source = readFileSync(path.join(__dirname, '../../src/xlsx/workbook.ts'), 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => [m[2], !!m[1]]);
    expect(imports.filter(([from]) => from === 'exceljs')).toEqual([['exceljs', true]]);
    expect(imports.map(([from]) => from).filter((from) => !String(from).startsWith('../core'))).toEqual(['exceljs']);
  });
});
