/** recalc changes only the plan's cells: every other cell, style, merge, width and sheet stays as it was. */
import type { Workbook, Worksheet } from 'exceljs';
import { readXlsx } from '../support/xlsx';
import { INPUT_XLSX, run, tempDir } from './helpers';

const tmp = tempDir();

function look(ws: Worksheet, address: string) {
  const c = ws.getCell(address);
  return { font: c.font ?? null, border: c.border ?? null, fill: c.fill ?? null, alignment: c.alignment ?? null, numFmt: c.numFmt ?? null };
}

function content(ws: Worksheet, address: string): unknown {
  return JSON.parse(JSON.stringify({ value: ws.getCell(address).value ?? null, type: ws.getCell(address).type }));
}

function sheetShape(ws: Worksheet) {
  const rows: Array<{ n: number; height: number | null; hidden: boolean }> = [];
  const count = ws.rowCount;
  for (let n = 1; n <= count; n++) rows.push({ n, height: ws.getRow(n).height ?? null, hidden: ws.getRow(n).hidden });
  const widths: Array<number | null> = [];
  for (let c = 1; c <= 8; c++) widths.push(ws.getColumn(c).width ?? null);
  return { name: ws.name, merges: [...ws.model.merges].sort(), rows, widths, pageSetup: ws.pageSetup, state: ws.state };
}

function addresses(ws: Worksheet, extraCols = 2, extraRows = 2): string[] {
  const out: string[] = [];
  // Bounds first: getCell creates cells, which grows rowCount/columnCount.
  const rows = ws.rowCount + extraRows;
  const cols = ws.columnCount + extraCols;
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) out.push(ws.getCell(r, c).address);
  }
  return out;
}

/** The input: the real table plus a styled second sheet, a hidden row and number formats. */
async function makeInput(file: string): Promise<void> {
  const wb = await readXlsx(INPUT_XLSX);
  const ws = wb.worksheets[0]!;
  ws.getCell('A2').style = { ...ws.getCell('A2').style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } };
  ws.getCell('D4').style = { ...ws.getCell('D4').style, numFmt: '0.0' };
  ws.getCell('A55').value = '注：本表由县委办信息科统计。';
  ws.getCell('A55').font = { name: '仿宋', size: 10, italic: true };
  ws.getRow(55).height = 24;
  const other = wb.addWorksheet('报送明细');
  other.getColumn(1).width = 30;
  other.getCell('A1').value = '单位';
  other.getCell('B1').value = '篇数';
  other.getCell('A2').value = '温泉街道';
  other.getCell('B2').value = { formula: 'SUM(C2:D2)', result: 7 };
  other.getCell('C2').value = 3;
  other.getCell('D2').value = 4;
  other.getCell('A3').value = '=不是公式';
  other.mergeCells('A5:C6');
  other.getCell('A5').value = '合并区域';
  other.getCell('A5').border = { top: { style: 'double' }, bottom: { style: 'double' } };
  other.getRow(3).hidden = true;
  await wb.xlsx.writeFile(file);
}

describe('recalc round trip', () => {
  let before: Workbook;
  let after: Workbook;

  beforeAll(async () => {
    const input = tmp.file('input.xlsx');
    const output = tmp.file('output.xlsx');
    await makeInput(input);
    const result = await run(['recalc', input, '--out', output]);
    expect(result.code).toBe(0);
    before = await readXlsx(input);
    after = await readXlsx(output);
  });

  // Unit rows of the real table: rows 4-53 except the category rows.
  const categoryRows = new Set([3, 15, 35, 47]);
  const unitRows = Array.from({ length: 50 }, (_, i) => i + 4).filter((r) => !categoryRows.has(r));
  const planned = new Set(['G2', ...unitRows.flatMap((r) => [`E${r}`, `F${r}`, `G${r}`])]);

  it('keeps the same sheets in the same order', () => {
    expect(after.worksheets.map((ws) => ws.name)).toEqual(before.worksheets.map((ws) => ws.name));
  });

  it('keeps merges, column widths, row heights, hidden rows and page setup of every sheet', () => {
    for (const ws of before.worksheets) {
      const shape = sheetShape(ws);
      const now = sheetShape(after.getWorksheet(ws.name)!);
      // The 标记 column is new: only its width may be compared where it existed before.
      expect({ ...now, rows: now.rows.slice(0, shape.rows.length) }).toEqual(shape);
    }
  });

  it('leaves every cell outside the plan exactly as it was: value, font, border, fill, alignment, number format', () => {
    for (const ws of before.worksheets) {
      const now = after.getWorksheet(ws.name)!;
      for (const address of addresses(ws)) {
        if (ws === before.worksheets[0] && planned.has(address)) continue;
        expect({ address, sheet: ws.name, ...look(now, address), content: content(now, address) }).toEqual({
          address,
          sheet: ws.name,
          ...look(ws, address),
          content: content(ws, address),
        });
      }
    }
  });

  it('keeps the look of the total and rank cells it writes', () => {
    const ws = before.worksheets[0]!;
    const now = after.worksheets[0]!;
    for (const r of unitRows) {
      for (const col of ['E', 'F']) expect({ cell: `${col}${r}`, ...look(now, `${col}${r}`) }).toEqual({ cell: `${col}${r}`, ...look(ws, `${col}${r}`) });
    }
  });

  it('gives the new 标记 column the look of the 排名 column beside it', () => {
    const now = after.worksheets[0]!;
    expect(look(now, 'G2')).toEqual(look(now, 'F2'));
    expect(look(now, 'G52')).toEqual(look(now, 'F52'));
    expect(now.getCell('G2').value).toBe('标记');
  });
});
