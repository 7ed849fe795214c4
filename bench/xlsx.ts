/** Writes the synthetic sheet as a real .xlsx, styled the way the office keeps it (宋体, borders, merges). */
import { Workbook, type Borders, type Style } from 'exceljs';
import { HEADER, sheetRows } from './generate';

const THIN = { style: 'thin' as const };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function writeScoreWorkbook(file: string, units: number): Promise<void> {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet('7-9月得分');
  ws.columns = [{ width: 28 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 8 }];
  const body: Partial<Style> = { font: { name: '宋体', size: 11 }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle' } };
  const bold: Partial<Style> = { ...body, font: { name: '宋体', size: 11, bold: true } };
  const title: Partial<Style> = { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  const width = HEADER.length;
  sheetRows(units).forEach((row, index) => {
    const r = index + 1;
    const excelRow = ws.getRow(r);
    row.cells.forEach((value, c) => {
      const cell = excelRow.getCell(c + 1);
      if (value !== null) cell.value = value;
      cell.style = row.kind === 'title' ? title : row.kind === 'unit' ? body : bold;
    });
    if (row.kind === 'title' || row.kind === 'category') ws.mergeCells(r, 1, r, width);
  });
  await workbook.xlsx.writeFile(file);
}
