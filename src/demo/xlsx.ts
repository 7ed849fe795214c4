/**
 * .xlsx in and out for the demo page and the offline edition: read straight from the package
 * and written in place (src/xlsx, jszip + saxes; no exceljs). Never in the task-pane bundle.
 */
import { analyze, buildSummarySheet, contentAt, isOwnSummarySheet as isOwnSummaryGrid, pickScoreSheet, sameContent, type Grid } from '../core';
import { Book } from '../xlsx/read';
import { settingsFromJson, SETTINGS_KEY, writeInPlace, type CellEdit, type NewSheet, type SheetEdits, type SheetState, type StoredSettings, type SummaryRequest } from '../xlsx';
import { summaryText, type Locale } from '../i18n';
import type { SimSheet, SimWorkbook } from '../sim/workbook';
import { workbookFromSnapshot, type BookSnapshot } from './book';

export interface LoadedBook {
  /** The file as read, kept to write the result back over it (styles and all). */
  bytes: ArrayBuffer;
  workbook: SimWorkbook;
}

/** Every worksheet as a Grid with its visibility (hidden and very hidden sheets stay so). */
export function snapshotOfBook(book: Book): BookSnapshot {
  return {
    sheets: book.worksheets.map((ws) => ({
      grid: ws.grid(),
      visibility: ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible',
    })),
  };
}

export async function loadXlsx(bytes: ArrayBuffer): Promise<LoadedBook> {
  const snapshot = snapshotOfBook(await Book.open(bytes));
  if (snapshot.sheets.length === 0) throw new Error('no worksheets');
  return { bytes, workbook: workbookFromSnapshot(snapshot) };
}

const STATE: Record<SimSheet['visibility'], SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** What the pane saved with Office document settings, completed with the add-in's defaults. */
function savedSettings(sim: SimWorkbook): StoredSettings | null {
  const raw = sim.savedSettings[SETTINGS_KEY];
  if (raw === undefined) return null;
  return { rankMode: 'competition', topN: 3, flagColumn: true, ...settingsFromJson(raw) };
}

/**
 * The simulated workbook as an .xlsx, written in place over the file as opened: only the
 * changed cells of each sheet are edited, the product's summary sheet is drawn from its spec
 * (with its chart), other new sheets are plain values, and the settings the pane saved travel
 * in the file where the add-in reads them in Excel. Every other part keeps its bytes.
 */
export async function exportXlsx(loaded: LoadedBook, locale: Locale): Promise<Blob> {
  const book = await Book.open(loaded.bytes);
  const sim = loaded.workbook;
  const simNames = new Set(sim.sheets.map((s) => s.name));
  const removeSheets = book.worksheets.filter((ws) => !simNames.has(ws.name)).map((ws) => ws.name);

  const grids = sim.toGrids();
  const scoreIndex = pickScoreSheet(grids);
  const sheets: SheetEdits[] = [];
  const addSheets: NewSheet[] = [];
  const states: Record<string, SheetState> = {};
  let summary: SummaryRequest | null = null;
  const settings = savedSettings(sim);
  for (const [index, sheet] of sim.sheets.entries()) {
    const existing = book.getWorksheet(sheet.name);
    if (isOwnSummaryGrid(grids[index]!) && scoreIndex >= 0 && (!existing || existing.isOwnSummary())) {
      const overrides = settings ? { rankMode: settings.rankMode, topN: settings.topN } : {};
      const spec = buildSummarySheet(analyze(grids[scoreIndex]!, { overrides }), summaryText(locale));
      summary = { spec, name: sheet.name, replace: existing ? sheet.name : null };
      continue;
    }
    const edits: CellEdit[] = [];
    const before: Grid | null = existing ? existing.grid() : null;
    const old = (row: number, col: number) => (before ? contentAt(before, row, col) : { value: null, formula: null });
    const seen = new Set<string>();
    for (const [key, cell] of sheet.cells) {
      seen.add(key);
      const [row, col] = key.split(',').map(Number) as [number, number];
      if (sameContent(old(row, col), cell)) continue;
      edits.push({ row, col, content: { value: cell.value, formula: cell.formula }, borrowLeftStyle: true });
    }
    if (!existing) {
      addSheets.push({ name: sheet.name, state: STATE[sheet.visibility], cells: edits });
      continue;
    }
    // Cells the simulated workbook emptied.
    for (let r = 0; r < before!.values.length; r++) {
      const rowValues = before!.values[r] ?? [];
      for (let c = 0; c < rowValues.length; c++) {
        const row = r + before!.originRow;
        const col = c + before!.originCol;
        if (!seen.has(`${row},${col}`) && (rowValues[c] !== null || old(row, col).formula)) edits.push({ row, col, content: { value: null, formula: null }, borrowLeftStyle: false });
      }
    }
    const state = STATE[sheet.visibility];
    if ((existing.state === 'visible' ? 'visible' : existing.state) !== state) states[sheet.name] = state;
    sheets.push({
      sheetName: sheet.name,
      edits,
      merges: before!.merges,
      sharedFormulaOf: (row, col) => existing.formulaAt(row, col),
      layout: existing.layout(),
    });
  }
  // The package just opened is edited as it is: no second unzip.
  const out = await writeInPlace(book.pkg, { sheets, summary, addSheets, removeSheets, states, settings });
  return new Blob([out as BlobPart], { type: XLSX_TYPE });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
