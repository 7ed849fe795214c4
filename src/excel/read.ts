/**
 * Reading the workbook: everything a run needs is queued first and fetched in ONE sync
 * (the active sheet's used range with values, formulas, number formats, merged areas and
 * visible rows; the 考评规则 sheet; the undo store's header; protection).
 */
import { RULES_SHEET_NAME, type CellRange, type Grid } from '../core';
import { gridFromLoaded, parseAreas } from './cells';
import type { OfficeLike } from './office';
import { parseHeader, readRecord, UNDO_SHEET_NAME, type UndoRecord, type UndoStoreState } from './undoStore';

export interface SheetRead {
  sheetName: string;
  sheetId: string;
  grid: Grid;
  sheetProtected: boolean;
}

export interface WorkbookRead extends SheetRead {
  rulesGrid: Grid | null;
  undo: UndoStoreState;
  /** Workbook structure protection (adding the undo or summary sheet would fail). */
  workbookProtected: boolean;
  /** The full undo record, when asked for. */
  undoRecord: UndoRecord | null;
}

export interface ReadOptions {
  /** Also load the undo record's body (for 撤销上次计算). */
  undoBody?: boolean;
  /** Read this sheet instead of the active one. */
  sheetName?: string;
  /** Queue more loads into the same sync (queued again if the read is retried). */
  alsoQueue?: () => void;
}

const RANGE_PROPS = 'values,formulas,numberFormat,rowIndex,columnIndex';

/** Queue the loads of one worksheet's used range; returns a function to call after sync. */
export function queueSheetRead(sheet: Excel.Worksheet, office: OfficeLike, withMerges = true): () => SheetRead | null {
  sheet.load('name,id');
  sheet.protection.load('protected');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(RANGE_PROPS);
  const supports = (v: string) => office.context.requirements.isSetSupported('ExcelApi', v);
  const merged = withMerges && supports('1.13') ? used.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  const visible = supports('1.9') ? used.getSpecialCellsOrNullObject('Visible') : null;
  visible?.load('address');
  return () => {
    if (sheet.isNullObject) return null;
    const grid: Grid = used.isNullObject
      ? { sheetName: sheet.name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [] }
      : gridFromLoaded(sheet.name, used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
    if (merged && !merged.isNullObject) grid.merges = parseAreas(merged.address);
    if (visible && !used.isNullObject) grid.hiddenRows = hiddenRows(grid, visible.isNullObject ? [] : parseAreas(visible.address));
    return { sheetName: sheet.name, sheetId: sheet.id, grid, sheetProtected: sheet.protection.protected };
  };
}

function hiddenRows(grid: Grid, visibleAreas: CellRange[]): number[] {
  const visible = new Set<number>();
  for (const area of visibleAreas) for (let r = area.top; r <= area.bottom; r++) visible.add(r);
  const hidden: number[] = [];
  for (let i = 0; i < grid.values.length; i++) if (!visible.has(grid.originRow + i)) hidden.push(grid.originRow + i);
  return hidden;
}

/** Queue the undo store's header (and body if asked) ; returns a function to call after sync. */
export function queueUndoStoreRead(context: Excel.RequestContext, withBody: boolean): () => { state: UndoStoreState; record: UndoRecord | null } {
  const store = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET_NAME);
  const used = store.getUsedRangeOrNullObject();
  used.load(withBody ? 'values,rowIndex,columnIndex,rowCount' : 'rowIndex,columnIndex,rowCount');
  const first = withBody ? null : store.getRange('A1');
  first?.load('values');
  return () => {
    if (store.isNullObject) return { state: { exists: false, header: null, usedRows: 0 }, record: null };
    const usedRows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    if (withBody) {
      const atA1 = !used.isNullObject && used.rowIndex === 0 && used.columnIndex === 0;
      const record = atA1 ? readRecord(used.values) : null;
      return { state: { exists: true, header: record?.header ?? null, usedRows }, record };
    }
    const header = first ? parseHeader(first.values[0]?.[0]) : null;
    return { state: { exists: true, header, usedRows }, record: null };
  };
}

/** Read the active sheet (or a named one), the rules sheet, the undo store and protection: one sync. */
export async function readActiveSheet(context: Excel.RequestContext, office: OfficeLike, options: ReadOptions = {}): Promise<WorkbookRead | null> {
  try {
    return await readOnce(context, office, options, true);
  } catch (error) {
    // getMergedAreasOrNullObject fails on more than 512 merged areas: read again without them.
    const code = (error as { code?: unknown } | null)?.code;
    if (!office.context.requirements.isSetSupported('ExcelApi', '1.13') || typeof code !== 'string' || !RETRY_WITHOUT_MERGES.has(code)) throw error;
    return readOnce(context, office, options, false);
  }
}

const RETRY_WITHOUT_MERGES = new Set(['GeneralException', 'InvalidOperation', 'InvalidArgument', 'UnsupportedOperation']);

async function readOnce(context: Excel.RequestContext, office: OfficeLike, options: ReadOptions, withMerges: boolean): Promise<WorkbookRead | null> {
  const sheets = context.workbook.worksheets;
  const sheet = options.sheetName ? sheets.getItemOrNullObject(options.sheetName) : sheets.getActiveWorksheet();
  const finishSheet = queueSheetRead(sheet, office, withMerges);
  options.alsoQueue?.();
  const rules = sheets.getItemOrNullObject(RULES_SHEET_NAME);
  rules.load('name');
  const rulesUsed = rules.getUsedRangeOrNullObject(true);
  rulesUsed.load('values,rowIndex,columnIndex');
  const finishUndo = queueUndoStoreRead(context, !!options.undoBody);
  const wbProtection = office.context.requirements.isSetSupported('ExcelApi', '1.7') ? context.workbook.protection : null;
  wbProtection?.load('protected');
  await context.sync();

  const read = finishSheet();
  if (!read) return null;
  const undo = finishUndo();
  let rulesGrid: Grid | null = null;
  if (!rules.isNullObject && !rulesUsed.isNullObject && rules.name !== read.sheetName) {
    rulesGrid = gridFromLoaded(rules.name, rulesUsed.rowIndex, rulesUsed.columnIndex, rulesUsed.values, null, null);
  }
  return { ...read, rulesGrid, undo: undo.state, undoRecord: undo.record, workbookProtected: wbProtection?.protected ?? false };
}
