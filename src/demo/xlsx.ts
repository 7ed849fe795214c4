/** .xlsx in and out for the demo page (exceljs in the browser; never in the task-pane bundle). */
import ExcelJS from 'exceljs';
import { analyze, buildSummarySheet, contentAt, pickScoreSheet, sameContent, SUMMARY_MARKER, type Grid } from '../core';
import { cellWriter, gridFromWorksheet, renderSheetSpec } from '../cli/workbook';
import { summaryText, type Locale } from '../i18n';
import type { SimSheet, SimWorkbook } from '../sim/workbook';
import { workbookFromSnapshot, type BookSnapshot } from './book';

export interface LoadedBook {
  /** The file as read, kept to write the result back over it (styles and all). */
  bytes: ArrayBuffer;
  workbook: SimWorkbook;
}

/** Every worksheet as a Grid with its visibility (hidden and very hidden sheets stay so). */
export function snapshotOfBook(book: ExcelJS.Workbook): BookSnapshot {
  return {
    sheets: book.worksheets.map((ws) => ({
      grid: gridFromWorksheet(ws),
      visibility: ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible',
    })),
  };
}

export async function loadXlsx(bytes: ArrayBuffer): Promise<LoadedBook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const snapshot = snapshotOfBook(book);
  if (snapshot.sheets.length === 0) throw new Error('no worksheets');
  return { bytes, workbook: workbookFromSnapshot(snapshot) };
}

function sheetHasMarker(sheet: SimSheet): boolean {
  for (const cell of sheet.cells.values()) if (typeof cell.value === 'string' && cell.value.includes(SUMMARY_MARKER)) return true;
  return false;
}

/**
 * The simulated workbook as an .xlsx: the original file with every changed cell written over it
 * (so styles, merges and other sheets stay), the product's summary sheet drawn from its spec,
 * and any other new sheet as plain values.
 */
export async function exportXlsx(loaded: LoadedBook, locale: Locale): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(loaded.bytes);
  const sim = loaded.workbook;
  const simNames = new Set(sim.sheets.map((s) => s.name));
  for (const ws of [...book.worksheets]) if (!simNames.has(ws.name)) book.removeWorksheet(ws.id);

  const grids = sim.toGrids();
  const scoreIndex = pickScoreSheet(grids);
  for (const sheet of sim.sheets) {
    const existing = book.getWorksheet(sheet.name);
    if (!existing && sheetHasMarker(sheet) && scoreIndex >= 0) {
      const spec = buildSummarySheet(analyze(grids[scoreIndex]!), summaryText(locale));
      renderSheetSpec(book, spec, { name: sheet.name });
      continue;
    }
    const ws = existing ?? book.addWorksheet(sheet.name);
    if (sheet.visibility !== 'Visible') ws.state = sheet.visibility === 'Hidden' ? 'hidden' : 'veryHidden';
    const before: Grid = gridFromWorksheet(ws);
    const old = (row: number, col: number) => contentAt(before, row, col);
    // The same careful cell writes as the CLI's (styles, shared formulas, merged areas).
    const write = cellWriter(ws);
    const seen = new Set<string>();
    for (const [key, cell] of sheet.cells) {
      seen.add(key);
      const [row, col] = key.split(',').map(Number) as [number, number];
      if (sameContent(old(row, col), cell)) continue;
      write(row, col, { value: cell.value, formula: cell.formula }, false);
    }
    // Cells the simulated workbook emptied.
    for (let r = 0; r < before.values.length; r++) {
      const rowValues = before.values[r] ?? [];
      for (let c = 0; c < rowValues.length; c++) {
        const row = r + before.originRow;
        const col = c + before.originCol;
        if (!seen.has(`${row},${col}`) && (rowValues[c] !== null || old(row, col).formula)) write(row, col, { value: null, formula: null }, false);
      }
    }
  }
  const out = await book.xlsx.writeBuffer();
  return new Blob([out], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
