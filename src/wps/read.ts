/**
 * Reading a WPS workbook through ET: the score sheet's used range as whole-range 2-D reads
 * (values, formulas, number formats), merged areas probed only where the layout needs them,
 * visible rows, the 考评规则 sheet, the undo store and the pane's settings; and (#13 ledger)
 * the 台账 and 名册 sheets, found by the names a ledger or roster goes by, read whole
 * (values and number formats: a ledger's dates may be date serials).
 *
 * `calls` counts whole-range calls (ET has no syncs).
 */
import {
  isLedgerSheetName,
  isRosterSheetName,
  pickLedgerGrid,
  RULES_SHEET_NAME,
  type CellRange,
  type Grid,
  type RankMode,
  isTopN,
} from '../core';
import { DEFAULT_SETTINGS, type ScorecardSettings } from '../host/port';
import { gridFromLoaded, parseArea, parseAreas } from '../excel/cells';
import { readRecord } from '../excel/undoRecord';
import { UNDO_SHEET_NAME, type UndoHeader, type UndoRecord } from '../excel/undoStore';
import { cellAt, member, truthy, XL_CELL_TYPE_VISIBLE, type EtRangeLike, type EtSheetLike, type EtWorkbookLike } from './et';

/** VeryHidden sheet whose A1 holds the pane's settings as JSON (WPS has no Office document settings). */
export const WPS_SETTINGS_SHEET_NAME = '__scorecard_settings';

/** Settings from the stored JSON, checked field by field (a hand-edited cell must not break the pane). */
export function parseWpsSettings(text: unknown): ScorecardSettings {
  let raw: Partial<ScorecardSettings> | null = null;
  if (typeof text === 'string' && text.startsWith('{')) {
    try {
      raw = JSON.parse(text) as Partial<ScorecardSettings>;
    } catch {
      raw = null;
    }
  }
  const rankMode: RankMode = raw?.rankMode === 'dense' || raw?.rankMode === 'competition' ? raw.rankMode : DEFAULT_SETTINGS.rankMode;
  const topN = isTopN(raw?.topN) ? raw.topN : DEFAULT_SETTINGS.topN;
  const flagColumn = typeof raw?.flagColumn === 'boolean' ? raw.flagColumn : DEFAULT_SETTINGS.flagColumn;
  const writeFormulas = typeof raw?.writeFormulas === 'boolean' ? raw.writeFormulas : false;
  return { rankMode, topN, flagColumn, writeFormulas };
}

/** A 2-D read as rows of cells: ET returns a bare value for a one-cell range. */
export function rows2d(value: unknown, height: number, width: number): unknown[][] {
  if (Array.isArray(value)) return value as unknown[][];
  return Array.from({ length: height }, () => Array.from({ length: width }, () => value));
}

export interface SheetRead {
  sheetName: string;
  grid: Grid;
  sheetProtected: boolean;
}

export interface UndoState {
  exists: boolean;
  header: UndoHeader | null;
  usedRows: number;
  record: UndoRecord | null;
}

export interface WorkbookRead extends SheetRead {
  rulesGrid: Grid | null;
  /** #13 ledger: the ledger (信息采用登记 …) and roster (单位名录 …) sheets, when the workbook has them. */
  ledgerGrid: Grid | null;
  rosterGrid: Grid | null;
  /** Every sheet's name in workbook order, hidden ones included. */
  sheetNames: string[];
  undo: UndoState;
  workbookProtected: boolean;
  settings: ScorecardSettings;
  /** Whole-range calls the read took. */
  calls: number;
}

/** Sheets of the workbook by name, hidden ones included (Sheets.Item(i) for i = 1..Count). */
export function sheetList(book: EtWorkbookLike): EtSheetLike[] {
  const count = member(book.Sheets.Count);
  const list: EtSheetLike[] = [];
  for (let i = 1; i <= count; i++) list.push(book.Sheets.Item(i));
  return list;
}

export function findSheet(book: EtWorkbookLike, name: string): EtSheetLike | null {
  const lower = name.toLowerCase();
  return sheetList(book).find((s) => s.Name.toLowerCase() === lower) ?? null;
}

export function usedArea(used: EtRangeLike): CellRange {
  const top = used.Row - 1;
  const left = used.Column - 1;
  return { top, left, bottom: top + member(used.Rows.Count) - 1, right: left + member(used.Columns.Count) - 1 };
}

/**
 * Number formats as rows: a 2-D array, or one string for the whole range; a build that
 * answers null for mixed formats is asked column by column (then cell by cell only in a
 * column that is itself mixed).
 */
export function readFormats(used: EtRangeLike, area: CellRange, counter: { calls: number }): unknown[][] {
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  const all = used.NumberFormat;
  counter.calls += 1;
  if (all !== null && all !== undefined) return rows2d(all, height, width);
  const rows: unknown[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => 'General'));
  for (let c = 0; c < width; c++) {
    const column = used.Columns.Item(c + 1);
    const f = column.NumberFormat;
    counter.calls += 1;
    if (f !== null && f !== undefined) {
      const col = rows2d(f, height, 1);
      for (let r = 0; r < height; r++) rows[r]![c] = col[r]?.[0];
      continue;
    }
    for (let r = 0; r < height; r++) {
      rows[r]![c] = column.Item(r + 1, 1).NumberFormat;
      counter.calls += 1;
    }
  }
  return rows;
}

/** Rows to probe for merged areas: above and at the header, and rows holding one label only (title, categories). */
export function mergeProbes(values: unknown[][]): Array<{ row: number; cols: number[] }> {
  const probes: Array<{ row: number; cols: number[] }> = [];
  let header = -1;
  for (let r = 0; r < Math.min(values.length, 12) && header < 0; r++) {
    const texts = (values[r] ?? []).filter((v) => typeof v === 'string' && v.trim() !== '').length;
    if (texts >= 3) header = r;
  }
  values.forEach((row, r) => {
    const filled: number[] = [];
    row.forEach((v, c) => {
      if (v !== '' && v !== null && v !== undefined) filled.push(c);
    });
    if (r <= header) {
      // Header cells (a two-line header merges vertically) and the title above.
      if (filled.length) probes.push({ row: r, cols: filled });
    } else if (filled.length === 1 && row.length > 1 && typeof row[filled[0]!] === 'string') {
      probes.push({ row: r, cols: filled });
    }
  });
  return probes;
}

export function readSheet(sheet: EtSheetLike, counter: { calls: number }, withMerges = true): SheetRead {
  const name = sheet.Name;
  const used = member(sheet.UsedRange);
  const area = usedArea(used);
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  const values = rows2d(used.Value2, height, width);
  const formulas = rows2d(used.Formula, height, width);
  counter.calls += 2;
  const formats = readFormats(used, area, counter);
  const grid = gridFromLoaded(name, area.top, area.left, values, formulas, formats);
  if (height === 1 && width === 1 && (values[0]?.[0] === undefined || values[0]?.[0] === '') && !formulas[0]?.[0]) {
    grid.values = [];
    grid.formulas = [];
    grid.numberFormats = [];
  }
  if (withMerges && grid.values.length) {
    const merges: CellRange[] = [];
    const seen = new Set<string>();
    for (const probe of mergeProbes(values)) {
      for (const c of probe.cols) {
        const cell = cellAt(sheet, area.top + probe.row + 1, area.left + c + 1);
        const m = parseArea(member(member(cell.MergeArea).Address));
        if (!m || (m.top === m.bottom && m.left === m.right)) continue;
        const k = `${m.top},${m.left},${m.bottom},${m.right}`;
        if (!seen.has(k)) {
          seen.add(k);
          merges.push(m);
        }
      }
    }
    grid.merges = merges;
    let visible: CellRange[] = [];
    try {
      visible = parseAreas(member(used.SpecialCells(XL_CELL_TYPE_VISIBLE).Address));
    } catch {
      // No visible cell at all (every row hidden): all rows count as hidden.
      visible = [];
    }
    counter.calls += 1;
    const shown = new Set<number>();
    for (const v of visible) for (let r = v.top; r <= v.bottom; r++) shown.add(r);
    const hidden: number[] = [];
    for (let r = area.top; r <= area.bottom; r++) if (!shown.has(r)) hidden.push(r);
    grid.hiddenRows = hidden;
  }
  return { sheetName: name, grid, sheetProtected: truthy(sheet.ProtectContents) };
}

/** The undo store's used range in one read: A1 header, B/C chunk slots. */
export function readUndo(book: EtWorkbookLike, counter: { calls: number }): UndoState {
  const store = findSheet(book, UNDO_SHEET_NAME);
  if (!store) return { exists: false, header: null, usedRows: 0, record: null };
  const used = member(store.UsedRange);
  const area = usedArea(used);
  const values = rows2d(used.Value2, area.bottom - area.top + 1, area.right - area.left + 1);
  counter.calls += 1;
  const empty = area.top === 0 && area.bottom === 0 && (values[0]?.[0] === undefined || values[0]?.[0] === '');
  const usedRows = empty ? 0 : area.bottom + 1;
  if (area.top !== 0 || area.left !== 0) return { exists: true, header: null, usedRows, record: null };
  const record = readRecord(values.map((row) => row.map((v) => (v === undefined ? '' : v))));
  return { exists: true, header: record?.header ?? null, usedRows, record };
}

export function readSettingsSheet(book: EtWorkbookLike, counter: { calls: number }): ScorecardSettings {
  const sheet = findSheet(book, WPS_SETTINGS_SHEET_NAME);
  if (!sheet) return { ...DEFAULT_SETTINGS };
  counter.calls += 1;
  return parseWpsSettings(sheet.Range('A1').Value2);
}


/** A sheet's used range as values (and number formats when asked), for the sheets that are not score sheets. */
export function readPlain(sheet: EtSheetLike, counter: { calls: number }, withFormats: boolean): Grid {
  const used = member(sheet.UsedRange);
  const area = usedArea(used);
  const values = rows2d(used.Value2, area.bottom - area.top + 1, area.right - area.left + 1);
  counter.calls += 1;
  const formats = withFormats ? readFormats(used, area, counter) : null;
  return gridFromLoaded(sheet.Name, area.top, area.left, values, null, formats);
}

/**
 * #13 ledger: the ledger and roster among the sheets, by the names they go by (as the Excel
 * host finds them; a sheet found only by its header would mean reading every sheet of the
 * workbook on every inspection). Only the sheets so named are read.
 */
export function readLedgerSheets(sheets: readonly EtSheetLike[], scoreSheet: string, counter: { calls: number }): { ledgerGrid: Grid | null; rosterGrid: Grid | null } {
  const others = sheets.filter((s) => s.Name !== scoreSheet && !s.Name.startsWith('__'));
  const ledgers = others.filter((s) => isLedgerSheetName(s.Name)).map((s) => readPlain(s, counter, true));
  const ledgerGrid = pickLedgerGrid(ledgers);
  const roster = others.find((s) => s.Name !== ledgerGrid?.sheetName && isRosterSheetName(s.Name));
  return { ledgerGrid, rosterGrid: roster ? readPlain(roster, counter, true) : null };
}

/** The score sheet (the active one, or `target`), 考评规则, the ledger and roster, the undo store and settings. */
export function readWorkbook(wb: EtWorkbookLike, target?: string): WorkbookRead | null {
  const counter = { calls: 0 };
  const sheets = sheetList(wb);
  const lower = target?.toLowerCase();
  const sheet = lower === undefined ? wb.ActiveSheet : sheets.find((s) => s.Name.toLowerCase() === lower) ?? null;
  if (!sheet) return null;
  const read = readSheet(sheet, counter);
  const rules = sheets.find((s) => s.Name.toLowerCase() === RULES_SHEET_NAME.toLowerCase());
  const rulesGrid = rules && rules.Name !== read.sheetName ? readPlain(rules, counter, false) : null;
  const { ledgerGrid, rosterGrid } = readLedgerSheets(sheets, read.sheetName, counter);
  const undo = readUndo(wb, counter);
  const settings = readSettingsSheet(wb, counter);
  return {
    ...read,
    rulesGrid,
    ledgerGrid,
    rosterGrid,
    sheetNames: sheets.map((s) => s.Name),
    undo,
    settings,
    workbookProtected: truthy(wb.ProtectStructure),
    calls: counter.calls,
  };
}
