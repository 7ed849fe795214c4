/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/no-context-sync-in-loop --
   The loads are queued here and synced by the caller, once per read; blocks of a tall sheet are
   read one sync each on purpose (each response must stay under Excel on the web's 5 MB). */
/**
 * Reading the workbook: everything a run needs is queued first and fetched in ONE sync
 * (the active sheet's used range with values, formulas, number formats, merged areas and
 * visible rows; the 考评规则 sheet; the undo store's header; protection) while the response
 * fits under Excel on the web's 5 MB. That sync brings the used range's size and its first
 * block of rows (as many as a budget allows at a generous size per row): for the real
 * sheet that is the whole table. A taller sheet's other rows, and a long undo record, then
 * follow in blocks each under the budget (./blocks.ts), sized from what the first sync
 * actually weighed. Later syncs read by the sheet's id and the first sync's indexes, so the
 * blocks fit together even if the user switches sheets meanwhile.
 */
import { isLedgerGrid, LEDGER_SHEET_NAMES, RULES_SHEET_NAME, ROSTER_SHEET_NAMES, type CellRange, type Grid } from '../core';
import { BLOCK_SAFETY, DEFAULT_PAYLOAD_BUDGET, isResponseTooLarge, jsonBytes, readRowBlocks } from './blocks';
import { gridFromLoaded, parseAreas } from './cells';
import type { OfficeLike } from './office';
import { parseHeader, UNDO_CHUNK_CHARS, UNDO_SHEET_NAME, type UndoStoreState } from './undoStore';

export interface SheetRead {
  sheetName: string;
  sheetId: string;
  grid: Grid;
  sheetProtected: boolean;
}

export interface WorkbookRead extends SheetRead {
  rulesGrid: Grid | null;
  /** #13 ledger: the ledger (信息采用登记 …) and roster (单位名录 …) sheets, found by name in the same sync. */
  ledgerGrid?: Grid | null;
  rosterGrid?: Grid | null;
  undo: UndoStoreState;
  /** Workbook structure protection (adding the undo or summary sheet would fail). */
  workbookProtected: boolean;
  /**
   * The undo store's cells from A1 (header and chunks), when the record was asked for: 撤销
   * decodes them (excel/writes, with undoStore's readRecord), so reading carries no decoder.
   */
  undoValues: unknown[][] | null;
  /** Syncs the read took (1 unless the sheet or undo record was too big for one, or a read was retried). */
  syncs: number;
}

export interface ReadOptions {
  /** Also load the undo record's body (for 撤销上次计算). */
  undoBody?: boolean;
  /** Read this sheet instead of the active one. */
  sheetName?: string;
  /** Queue more loads into the same sync (queued again if the read is retried). */
  alsoQueue?: () => void;
  /** Bytes per sync to stay under (default just under Excel on the web's 5 MB). */
  budget?: number;
}

const CELL_PROPS = ['values', 'formulas', 'numberFormat'] as const;
/**
 * Bytes a sheet row is assumed to take when sizing the first block: 6–9 columns of short
 * text and numbers, each returned three times (value, formula, number format): ~140 bytes
 * measured on the real layout. A heavier sheet whose first block then passes 5 MB costs one
 * refused sync, and is read again asking for sizes only (see readActiveSheet).
 */
const ASSUMED_ROW_BYTES = 150;
/** Per cell, when no row was measured (the first sync brought none). */
const ASSUMED_CELL_BYTES = 64;
/** Per undo chunk row when nothing was measured: every character of the chunk three UTF-8 bytes. */
const ASSUMED_CHUNK_BYTES = UNDO_CHUNK_CHARS * 3;
/** Sheet width in Excel: the first block is the used range within the sheet's first rows, every column. */
const SHEET_COLUMNS = 16384;
/** Share of the first sync's budget the undo record's head may take when it is read too. */
const UNDO_SHARE = 0.4;

/** Rows of the used range the first sync asks for. */
export function firstBlockRows(budget: number, share = 1): number {
  return Math.max(1, Math.floor((budget * share) / ASSUMED_ROW_BYTES));
}

export interface SheetReadOptions {
  withMerges?: boolean;
  /** Rows of the used range (from row 1 of the sheet) in the first sync; 0 = only its size. */
  firstRows?: number;
  budget?: number;
}

export type SheetFinish = (context: Excel.RequestContext) => Promise<{ read: SheetRead | null; syncs: number }>;

/**
 * Queue the loads of one worksheet's used range; after the sync, the returned function
 * builds the grid, reading the rows the first sync did not bring in blocks.
 */
export function queueSheetRead(sheet: Excel.Worksheet, office: OfficeLike, options: SheetReadOptions = {}): SheetFinish {
  const budget = options.budget ?? DEFAULT_PAYLOAD_BUDGET;
  const firstRows = options.firstRows ?? firstBlockRows(budget);
  const supports = (v: string) => office.context.requirements.isSetSupported('ExcelApi', v);
  sheet.load('name,id');
  sheet.protection.load('protected');
  const used = sheet.getUsedRangeOrNullObject(true);
  // Read in row blocks (getRangeByIndexes is ExcelApi 1.7, the add-in's floor: the host refuses older Office before any read).
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const first = firstRows > 0 ? used.getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 0, firstRows, SHEET_COLUMNS)) : null;
  first?.load(`${CELL_PROPS.join(',')},rowCount`);
  const merged = (options.withMerges ?? true) && supports('1.13') ? used.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  const visible = supports('1.9') ? used.getSpecialCellsOrNullObject('Visible') : null;
  visible?.load('address');
  return async (context) => {
    if (sheet.isNullObject) return { read: null, syncs: 0 };
    let syncs = 0;
    let grid: Grid;
    if (used.isNullObject) {
      grid = { sheetName: sheet.name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [] };
    } else {
      const have = first && !first.isNullObject ? first.rowCount : 0;
      let values: unknown[][] = have ? first!.values : [];
      let formulas: unknown[][] = have ? first!.formulas : [];
      let formats: unknown[][] = have ? first!.numberFormat : [];
      if (have < used.rowCount) {
        const perRow = have ? (jsonBytes(values) + jsonBytes(formulas) + jsonBytes(formats)) / have : ASSUMED_CELL_BYTES * used.columnCount;
        const id = sheet.id;
        const area = { top: used.rowIndex + have, left: used.columnIndex, rows: used.rowCount - have, columns: used.columnCount };
        const rest = await readRowBlocks(context, () => context.workbook.worksheets.getItem(id), area, CELL_PROPS, budget, perRow * BLOCK_SAFETY);
        syncs += rest.syncs;
        values = values.concat(rest.data.values!);
        formulas = formulas.concat(rest.data.formulas!);
        formats = formats.concat(rest.data.numberFormat!);
      }
      grid = gridFromLoaded(sheet.name, used.rowIndex, used.columnIndex, values, formulas, formats);
    }
    if (merged && !merged.isNullObject) grid.merges = parseAreas(merged.address);
    if (visible && !used.isNullObject) grid.hiddenRows = hiddenRows(grid, visible.isNullObject ? [] : parseAreas(visible.address));
    return { read: { sheetName: sheet.name, sheetId: sheet.id, grid, sheetProtected: sheet.protection.protected }, syncs };
  };
}

function hiddenRows(grid: Grid, visibleAreas: CellRange[]): number[] {
  const visible = new Set<number>();
  for (const area of visibleAreas) for (let r = area.top; r <= area.bottom; r++) visible.add(r);
  const hidden: number[] = [];
  for (let i = 0; i < grid.values.length; i++) if (!visible.has(grid.originRow + i)) hidden.push(grid.originRow + i);
  return hidden;
}

export type UndoFinish = (context: Excel.RequestContext) => Promise<{ state: UndoStoreState; values: unknown[][] | null; syncs: number }>;

/**
 * Queue the undo store's header, and with the body its first `headRows` rows (header and
 * record chunks); after the sync, the returned function reads the chunks still missing.
 */
export function queueUndoStoreRead(context: Excel.RequestContext, withBody: boolean, headRows = 1, budget = DEFAULT_PAYLOAD_BUDGET): UndoFinish {
  const store = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET_NAME);
  const used = store.getUsedRangeOrNullObject();
  used.load('rowIndex,columnIndex,rowCount');
  // A1 holds the header; columns B and C the two slots of chunks.
  const head = store.getRangeByIndexes(0, 0, withBody ? Math.max(1, headRows) : 1, withBody ? 3 : 1);
  head.load('values');
  return async (ctx) => {
    if (store.isNullObject) return { state: { exists: false, header: null, usedRows: 0 }, values: null, syncs: 0 };
    const usedRows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    const header = parseHeader(head.values[0]?.[0]);
    if (!withBody) return { state: { exists: true, header, usedRows }, values: null, syncs: 0 };
    const atA1 = !used.isNullObject && used.rowIndex === 0 && used.columnIndex === 0;
    let values: unknown[][] = head.values;
    let syncs = 0;
    if (header && atA1 && header.chunks > values.length) {
      const slot = header.slot;
      const measured = jsonBytes(values.map((row) => row[slot])) / values.length;
      // Every chunk but the last is full: the head's chunks weigh what later ones will.
      const perRow = measured >= 16 ? measured : ASSUMED_CHUNK_BYTES;
      const area = { top: values.length, left: slot, rows: header.chunks - values.length, columns: 1 };
      const rest = await readRowBlocks(ctx, () => ctx.workbook.worksheets.getItem(UNDO_SHEET_NAME), area, ['values'], budget, perRow * BLOCK_SAFETY);
      syncs = rest.syncs;
      values = values.concat(rest.data.values!.map((row) => {
        const full: unknown[] = ['', '', ''];
        full[slot] = row[0];
        return full;
      }));
    }
    return { state: { exists: true, header, usedRows }, values: atA1 ? values : null, syncs };
  };
}

/**
 * Read one more sheet by name (its used range only), in one sync while it fits; a first
 * sync Excel refuses for its response size is retried asking for sizes only, then blocks.
 */
export async function readSheetByName(context: Excel.RequestContext, office: OfficeLike, name: string, options: { budget?: number } = {}): Promise<{ read: SheetRead | null; syncs: number }> {
  let failed = 0;
  for (const firstRows of [undefined, 0]) {
    const finish = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(name), office, { ...options, ...(firstRows === undefined ? {} : { firstRows }) });
    try {
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error) || firstRows === 0) throw error;
      failed += 1;
      continue;
    }
    const done = await finish(context);
    return { read: done.read, syncs: failed + 1 + done.syncs };
  }
  throw new Error('unreachable');
}

interface Attempt {
  withMerges: boolean;
  /** After Excel refused the first sync's response: ask only for sizes, then read in blocks. */
  cautious: boolean;
}

/** Read the active sheet (or a named one), the rules sheet, the undo store and protection: one sync while it fits. */
export async function readActiveSheet(context: Excel.RequestContext, office: OfficeLike, options: ReadOptions = {}): Promise<WorkbookRead | null> {
  let attempt: Attempt = { withMerges: true, cautious: false };
  let failedSyncs = 0;
  // At most three tries: each retry turns one thing off for good.
  for (;;) {
    const outcome = await readOnce(context, office, options, attempt);
    if (!('firstSyncError' in outcome)) {
      if (outcome.read) outcome.read.syncs += failedSyncs;
      return outcome.read;
    }
    const error = outcome.firstSyncError;
    const code = (error as { code?: unknown } | null)?.code;
    if (isResponseTooLarge(error) && !attempt.cautious) {
      attempt = { ...attempt, cautious: true };
    } else if (attempt.withMerges && office.context.requirements.isSetSupported('ExcelApi', '1.13') && typeof code === 'string' && RETRY_WITHOUT_MERGES.has(code)) {
      // getMergedAreasOrNullObject fails on more than 512 merged areas: read again without them.
      attempt = { ...attempt, withMerges: false };
    } else {
      throw error;
    }
    failedSyncs += 1;
  }
}

/** Below this payload budget the first sync leaves out the ledger and roster (see readOnce). */
const LEDGER_MIN_BUDGET = 50_000;

const RETRY_WITHOUT_MERGES = new Set(['GeneralException', 'InvalidOperation', 'InvalidArgument', 'UnsupportedOperation']);

async function readOnce(context: Excel.RequestContext, office: OfficeLike, options: ReadOptions, attempt: Attempt): Promise<{ read: WorkbookRead | null } | { firstSyncError: unknown }> {
  const budget = options.budget ?? DEFAULT_PAYLOAD_BUDGET;
  const undoShare = options.undoBody ? UNDO_SHARE : 0;
  const sheets = context.workbook.worksheets;
  const sheet = options.sheetName ? sheets.getItemOrNullObject(options.sheetName) : sheets.getActiveWorksheet();
  const finishSheet = queueSheetRead(sheet, office, {
    withMerges: attempt.withMerges,
    firstRows: attempt.cautious ? 0 : firstBlockRows(budget, 1 - undoShare),
    budget,
  });
  options.alsoQueue?.();
  const rules = sheets.getItemOrNullObject(RULES_SHEET_NAME);
  rules.load('name');
  const rulesUsed = rules.getUsedRangeOrNullObject(true);
  rulesUsed.load('values,rowIndex,columnIndex');
  // Chunk rows of the record in the first sync, at ~2 bytes a character (digits, long Chinese unit names):
  // 26 rows at 4 MB, a record of ~7,500 units.
  const headRows = attempt.cautious ? 1 : Math.max(1, Math.floor((budget * undoShare) / (UNDO_CHUNK_CHARS * 2)));
  const finishUndo = queueUndoStoreRead(context, !!options.undoBody, headRows, budget);
  // The ledger and roster loads add ~2 KB to the request: nothing against Excel's 5 MB, but more
  // than a budget this small leaves (tests shrink the budget to a few KB to drive the block reads).
  const finishLedger = budget >= LEDGER_MIN_BUDGET ? queueLedgerRead(sheets) : () => ({ ledgerGrid: null, rosterGrid: null });
  const wbProtection = office.context.requirements.isSetSupported('ExcelApi', '1.7') ? context.workbook.protection : null;
  wbProtection?.load('protected');
  try {
    await context.sync();
  } catch (error) {
    return { firstSyncError: error };
  }

  const sheetDone = await finishSheet(context);
  const read = sheetDone.read;
  if (!read) return { read: null };
  const undo = await finishUndo(context);
  let rulesGrid: Grid | null = null;
  if (!rules.isNullObject && !rulesUsed.isNullObject && rules.name !== read.sheetName) {
    rulesGrid = gridFromLoaded(rules.name, rulesUsed.rowIndex, rulesUsed.columnIndex, rulesUsed.values, null, null);
  }
  const { ledgerGrid, rosterGrid } = finishLedger(read.sheetName);
  return {
    read: {
      ...read,
      rulesGrid,
      ledgerGrid,
      rosterGrid,
      undo: undo.state,
      undoValues: undo.values,
      workbookProtected: wbProtection?.protected ?? false,
      syncs: 1 + sheetDone.syncs + undo.syncs,
    },
  };
}

/**
 * #13 ledger: queue the used ranges of the sheets a ledger or roster goes by, for the first
 * sync (their names are known; listing every sheet first would cost a sync). Ledgers are a few
 * hundred rows: they ride along with the score sheet.
 */
function queueLedgerRead(sheets: Excel.WorksheetCollection): (scoreSheet: string) => { ledgerGrid: Grid | null; rosterGrid: Grid | null } {
  const queue = (names: readonly string[]) =>
    names.map((name) => {
      const ws = sheets.getItemOrNullObject(name);
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values,numberFormat,rowIndex,columnIndex');
      return { ws, used };
    });
  // The usual names only: each queued sheet weighs on the request (Excel on the web caps it too).
  const ledgers = queue(LEDGER_SHEET_NAMES.slice(0, 3));
  const rosters = queue(ROSTER_SHEET_NAMES.slice(0, 1));
  return (scoreSheet) => {
    const grids = (list: typeof ledgers) =>
      list
        .filter(({ ws, used }) => !ws.isNullObject && !used.isNullObject && ws.name !== scoreSheet)
        .map(({ ws, used }) => gridFromLoaded(ws.name, used.rowIndex, used.columnIndex, used.values, null, used.numberFormat));
    return { ledgerGrid: grids(ledgers).find(isLedgerGrid) ?? null, rosterGrid: grids(rosters)[0] ?? null };
  };
}
