/** Write a corpus grid to an .xlsx the way Excel would store it (errors as error cells, formulas with cached results). */
import { Workbook, type CellValue as XlsxValue } from 'exceljs';
import { formulaAt, isErrorValue, numberFormatAt, type Grid } from '../../src/core';

export function workbookFromGrid(grid: Grid): Workbook {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet(grid.sheetName);
  grid.values.forEach((rowValues, i) => {
    const row = grid.originRow + i;
    rowValues.forEach((value, j) => {
      const col = grid.originCol + j;
      const formula = formulaAt(grid, row, col);
      const format = numberFormatAt(grid, row, col);
      if (value === null && formula === null && format === null) return;
      const cell = ws.getCell(row + 1, col + 1);
      const stored: unknown = isErrorValue(value) ? { error: String(value).trim() } : value;
      cell.value = (formula ? { formula: formula.slice(1), result: stored ?? undefined } : stored) as XlsxValue;
      if (format) cell.numFmt = format;
    });
  });
  for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const r of grid.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  return workbook;
}

export async function writeGridXlsx(grid: Grid, file: string): Promise<void> {
  await workbookFromGrid(grid).xlsx.writeFile(file);
}
