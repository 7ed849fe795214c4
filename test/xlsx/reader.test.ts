/**
 * The package reader (src/xlsx/read.ts, jszip + saxes) against the exceljs reader it replaces
 * (test/support/exceljsReader.ts, the old src/xlsx/workbook.ts path): on every fixture, every
 * corpus case and every bomb, each sheet reads as the same Grid, with the same far cells left
 * out and the same merges clipped. Then what exceljs read wrongly, and the new reader reads right.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { bombXlsx, type BombKind } from '../../bench/bombs';
import { writeScoreWorkbook } from '../../bench/xlsx';
import { numberFormatAt, SUMMARY_MARKER, type Grid } from '../../src/core';
import { Book, findOwnSummary } from '../../src/xlsx/read';
import { CASES } from '../corpus/cases';
import { workbookFromGrid } from '../corpus/xlsx';
import { buildCorpus } from './corpus';
import { fixture, tempDir } from '../cli/helpers';
import { exceljsRead } from '../support/exceljsReader';

const tmp = tempDir();

/** Dates: exceljs turned a serial into a Date rounded to the millisecond and back; the new reader keeps the serial. */
function comparable(grid: Grid): Grid {
  const values = grid.values.map((row, r) =>
    row.map((v, c) => (typeof v === 'number' && numberFormatAt(grid, grid.originRow + r, grid.originCol + c) !== null ? Math.round(v * 86_400_000) / 86_400_000 : v)),
  );
  const dense = (rows: Grid['formulas']) => grid.values.map((row, r) => rows?.[r] ?? row.map(() => null));
  return { ...grid, values, formulas: dense(grid.formulas), numberFormats: dense(grid.numberFormats) };
}

async function expectSameReading(data: Uint8Array, label: string): Promise<number> {
  const old = await exceljsRead(data);
  const book = await Book.open(data);
  expect(book.worksheets.map((ws) => ws.name)).toEqual(old.sheets.map((s) => s.name));
  book.worksheets.forEach((ws, i) => {
    const before = old.sheets[i]!;
    const now = ws.read();
    expect({ label, sheet: ws.name, grid: comparable(now.grid) }).toEqual({ label, sheet: ws.name, grid: comparable(before.grid) });
    expect(now.outside).toEqual(before.outside);
    expect(ws.isOwnSummary()).toBe(before.ownSummary);
  });
  expect(book.clippedMerges()).toEqual(old.clipped);
  return book.worksheets.length;
}

describe('the package reader reads what the exceljs reader read', () => {
  it.each(['wenxian-2023-q3.xlsx', 'wenxian-2023-q3-input.xlsx', 'wenxian-2023-q3-ledger.xlsx'])('fixture %s', async (name) => {
    expect(await expectSameReading(readFileSync(fixture(name)), name)).toBeGreaterThan(0);
  });

  it('every corpus case, written as Excel would store it', async () => {
    for (const c of CASES) {
      const data = new Uint8Array(await workbookFromGrid(c.grid).xlsx.writeBuffer());
      await expectSameReading(data, c.id);
    }
    expect(CASES.length).toBeGreaterThan(20);
  });

  it('the in-place corpus workbook (hidden sheet, defined names, protection, web extensions)', async () => {
    expect(await expectSameReading(await buildCorpus({ settings: { rankMode: 'dense' } }), 'corpus')).toBe(2);
  });

  it.each(['farCell', 'hugeMerge', 'columnMerge', 'all'] as BombKind[])('bomb %s', async (kind) => {
    await expectSameReading(await bombXlsx(kind), kind);
  });

  it('the benchmark workbook (shared strings, formulas, many rows)', async () => {
    const file = tmp.file('bench.xlsx');
    await writeScoreWorkbook(file, 300);
    await expectSameReading(readFileSync(file), 'bench');
  });
});

// ---- parts exceljs can write only as XML ------------------------------------------------

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A one-sheet workbook whose sheet XML (and optionally shared strings and workbook flags) is given. */
async function withSheetXml(sheetData: string, options: { strings?: string[]; richStrings?: string; workbookPr?: string; extraSheets?: number } = {}): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.addWorksheet('S').getCell('A1').value = 'x';
  for (let i = 0; i < (options.extraSheets ?? 0); i++) wb.addWorksheet(`E${i}`);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`);
  if (options.strings || options.richStrings) {
    const items = options.richStrings ?? (options.strings ?? []).map((s) => `<si><t>${s}</t></si>`).join('');
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${items}</sst>`);
  }
  if (options.workbookPr) {
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', xml.replace(/<workbookPr[^>]*\/>/, options.workbookPr));
  }
  return zip.generateAsync({ type: 'uint8array' });
}

describe('cells as Excel, WPS and other tools store them', () => {
  it('shared formulas read as each cell sees them, like exceljs', async () => {
    const data = await withSheetXml(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1</f><v>3</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c></row>' +
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>7</v></c></row>',
    );
    await expectSameReading(data, 'shared');
    const ws = (await Book.open(data)).worksheets[0]!;
    expect(ws.grid().formulas?.map((r) => r?.[1])).toEqual(['=A1*2+$A$1', '=A2*2+$A$1', '=A3*2+$A$1']);
    expect(ws.formulaAt(2, 1)).toBe('A3*2+$A$1');
    expect(ws.formulaAt(2, 0)).toBeNull();
  });

  it('a shared formula slides references but not quoted text or function names', async () => {
    const data = await withSheetXml(
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="3">IF(B1="B1",LOG10(B1),SUM(B$1:C1))</f><v>0</v></c></row><row r="2"><c r="A2"><f t="shared" si="3"/><v>0</v></c></row>',
    );
    expect((await Book.open(data)).worksheets[0]!.formulaAt(1, 0)).toBe('IF(B2="B1",LOG10(B2),SUM(B$1:C2))');
  });

  it('booleans, errors, inline and rich text, empty strings and cached formula results', async () => {
    const data = await withSheetXml(
      '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="s"><v>0</v></c><c r="E1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><r><t>城关</t></r><r><rPr><b/></rPr><t>镇</t></r></is></c><c r="B2" t="str"><f>A2&amp;""</f><v>城关镇</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="b"><f>TRUE()</f><v>1</v></c><c r="E2"><f>0*1</f><v>0</v></c></row>',
      { richStrings: '<si><r><t>县</t></r><r><t xml:space="preserve">财政局 </t></r><rPh sb="0" eb="1"><t>xian</t></rPh></si><si><t></t></si>' },
    );
    await expectSameReading(data, 'kinds');
    const grid = (await Book.open(data)).worksheets[0]!.grid();
    expect(grid.values).toEqual([
      [true, false, '#N/A', '县财政局 ', ''],
      ['城关镇', '城关镇', '#DIV/0!', true, 0],
    ]);
  });

  it('text Excel escaped as _xHHHH_ reads back as the character, in shared and inline strings', async () => {
    const data = await withSheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a_x0009_b_x005F_x0041_</t></is></c></row>', { strings: ['县_x000D_局'] });
    expect((await Book.open(data)).worksheets[0]!.grid().values).toEqual([['县\r局', 'a\tb_x0041_']]);
  });

  it('dates keep their serial in the 1900 and the 1904 date systems', async () => {
    const styled = async (pr: string) => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 45_000.25;
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
      const xml = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', xml.replace(/<workbookPr([^>]*)\/>/, `<workbookPr$1 ${pr}/>`));
      return zip.generateAsync({ type: 'uint8array' });
    };
    for (const pr of ['', 'date1904="1"']) {
      const data = await styled(pr);
      await expectSameReading(data, pr);
      const book = await Book.open(data);
      expect(book.date1904).toBe(pr !== '');
      expect(book.worksheets[0]!.grid().values).toEqual([[45_000.25]]);
      expect(book.worksheets[0]!.grid().numberFormats?.[0]).toEqual(['yyyy-mm-dd']);
    }
  });

  it('a sheet with no cells beside one with cells', async () => {
    const data = await withSheetXml('', { extraSheets: 1 });
    await expectSameReading(data, 'empty');
    const book = await Book.open(data);
    expect(book.worksheets[0]!.grid()).toMatchObject({ values: [], originRow: 0, originCol: 0 });
  });

  it('hidden rows and merged areas', async () => {
    const data = await withSheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0"/></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row><row r="4" hidden="true"><c r="C4"/></row>', { strings: ['标题'] });
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>'));
    const merged = await zip.generateAsync({ type: 'uint8array' });
    await expectSameReading(merged, 'merged');
    const grid = (await Book.open(merged)).worksheets[0]!.grid();
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(grid.hiddenRows).toEqual([1]);
  });

  it("finds the product's own summary sheet by its footer", async () => {
    const wb = new Workbook();
    wb.addWorksheet('考评汇总').getCell('A9').value = '用户自己的表';
    const ours = wb.addWorksheet('考评汇总(2)');
    ours.getCell('A1').value = '汇总';
    ours.getCell('A5').value = `${SUMMARY_MARKER} 2023-10-08`;
    const book = await Book.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const found = findOwnSummary(book);
    const old = await exceljsRead(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(found?.name).toBe('考评汇总(2)');
    expect(old.sheets.find((s) => s.ownSummary)?.name).toBe('考评汇总(2)');
  });
});
