/* eslint-disable office-addins/no-context-sync-in-loop --
   A plan too big for one request is written one block per sync, each under Excel on the web's 5 MB. */
/**
 * Writing a plan: contiguous cells are batched into rectangular range writes (a whole total
 * column is one 2-D write; null entries leave a cell alone, as Office.js documents), the
 * undo record goes into the workbook in the same sync, and everything is one sync unless
 * the request would pass Excel on the web's 5 MB limit. Then it is split into chunks under
 * a budget; if a later chunk fails, the cells of the earlier ones are put back, so a run
 * never leaves half a write behind.
 */
import { beforeAt, sameContent, writeCount, type CellContent, type CellRange } from '../core';
import { BLOCK_SAFETY, DEFAULT_PAYLOAD_BUDGET, jsonBytes, readRowBlocks } from './blocks';
import { formulaOf, toExcelInput } from './cells';
import { chunkText, encodePlan } from './undoRecord';
import { UNDO_SHEET_NAME, UNDO_VERSION, type UndoHeader, type UndoStoreState } from './undoStore';
import type { WritePlan } from '../core';
import { fail, ok, type Result } from '../core/result';
import { WriteFailedError } from './errors';

export { DEFAULT_PAYLOAD_BUDGET } from './blocks';
export { WriteFailedError } from './errors';
/** Gaps of at most this many untouched rows are bridged with nulls inside one write. */
const MAX_GAP = 16;
/** Rough request overhead per statement, in bytes. */
const STATEMENT_BYTES = 160;

/** Bytes a cell's value and formula are assumed to take when reading back for a rollback (numbers, short flags). */
const RESTORE_CELL_BYTES = 64;

export interface CellChange {
  row: number;
  col: number;
  /** What the cell holds now, put back on rollback. */
  before: CellContent;
  /** What the run writes. */
  after: CellContent;
}

export interface Block {
  top: number;
  left: number;
  data: (string | number | boolean | null)[][];
  formulas: boolean;
  bytes: number;
  /** The cells the block actually writes (non-null entries). */
  cells: CellChange[];
}

function inAnyMerge(merges: readonly CellRange[], row: number, col: number): boolean {
  return merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/**
 * Group cells into rectangular blocks: per column, runs of rows (bridging small gaps whose
 * cells are not merged), then neighbouring columns with the same run are joined.
 */
export function buildBlocks(changes: readonly CellChange[], merges: readonly CellRange[] | null = [], budget = DEFAULT_PAYLOAD_BUDGET): Block[] {
  // Merged areas unknown (older Excel): only truly contiguous cells share a write.
  const maxGap = merges === null ? 0 : MAX_GAP;
  const byCol = new Map<number, CellChange[]>();
  for (const c of changes) {
    const list = byCol.get(c.col);
    if (list) list.push(c);
    else byCol.set(c.col, [c]);
  }
  type Run = { top: number; bottom: number; col: number; cells: Map<number, CellChange> };
  const runs: Run[] = [];
  for (const [col, list] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.row - b.row);
    let run: Run | null = null;
    for (const c of list) {
      if (run) {
        const gap = c.row - run.bottom - 1;
        let bridge = gap <= maxGap;
        for (let r = run.bottom + 1; bridge && merges && r < c.row; r++) if (inAnyMerge(merges, r, col)) bridge = false;
        if (gap >= 0 && bridge) {
          run.bottom = c.row;
          run.cells.set(c.row, c);
          continue;
        }
        runs.push(run);
      }
      run = { top: c.row, bottom: c.row, col, cells: new Map([[c.row, c]]) };
    }
    if (run) runs.push(run);
  }
  // Join runs of adjacent columns covering the same rows into one multi-column block.
  const groups: Run[][] = [];
  const open = new Map<string, Run[]>();
  for (const run of runs) {
    const k = `${run.top}:${run.bottom}`;
    const group = open.get(k);
    const last = group?.[group.length - 1];
    if (group && last && last.col === run.col - 1) {
      group.push(run);
    } else {
      const fresh = [run];
      groups.push(fresh);
      open.set(k, fresh);
    }
  }
  const blocks: Block[] = [];
  for (const group of groups) {
    const first = group[0]!;
    const rowsInGroup = first.bottom - first.top + 1;
    // Split tall groups so no single write passes the budget.
    const sample = makeBlock(group, first.top, first.bottom);
    const pieces = Math.max(1, Math.ceil(sample.bytes / (budget * 0.9)));
    if (pieces === 1) {
      blocks.push(sample);
      continue;
    }
    const step = Math.ceil(rowsInGroup / pieces);
    for (let top = first.top; top <= first.bottom; top += step) {
      const block = makeBlock(group, top, Math.min(first.bottom, top + step - 1));
      if (block.cells.length) blocks.push(block);
    }
  }
  return blocks;

  function makeBlock(group: Run[], top: number, bottom: number): Block {
    const data: Block['data'] = [];
    const cells: CellChange[] = [];
    let formulas = false;
    for (let r = top; r <= bottom; r++) {
      const row: Block['data'][number] = [];
      for (const run of group) {
        const c = run.cells.get(r);
        if (!c) {
          row.push(null);
          continue;
        }
        if (c.after.formula) formulas = true;
        row.push(toExcelInput(c.after));
        cells.push(c);
      }
      data.push(row);
    }
    return { top, left: group[0]!.col, data, formulas, bytes: jsonBytes(data) + STATEMENT_BYTES, cells };
  }
}

/** The undo store update a run makes in its last sync. */
export type StoreUpdate =
  | { kind: 'save'; state: UndoStoreState; plan: WritePlan; header: Omit<UndoHeader, 'v' | 'slot' | 'chunks' | 'cells'> }
  | { kind: 'clear'; state: UndoStoreState };

interface Item {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
  /** Cells this item writes on the user's sheet (for rollback). */
  cells: CellChange[];
}

export interface WriteOutcome {
  syncs: number;
  cellsWritten: number;
}

/**
 * A write failed; `rolledBack` tells whether the workbook is as it was before the run. Thrown,
 * not returned: a batch that rejects makes Excel.run send nothing more, while one that resolves
 * would still send whatever a broken rollback left queued. The host's guard turns it into its
 * failure outcome.
 */
function storeItems(update: StoreUpdate | null): { early: Item[]; last: Item[] } {
  if (!update) return { early: [], last: [] };
  const { state } = update;
  const early: Item[] = [];
  const last: Item[] = [];
  const sheetOf = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(UNDO_SHEET_NAME);
  if (!state.exists) {
    early.push({ bytes: 400, cells: [], queue: (context) => {
      const sheet = context.workbook.worksheets.add(UNDO_SHEET_NAME);
      sheet.visibility = 'VeryHidden';
    } });
  }
  const oldSlot = state.header?.slot ?? 2;
  if (update.kind === 'save') {
    const slot: 1 | 2 = oldSlot === 1 ? 2 : 1;
    const chunks = chunkText(encodePlan(update.plan));
    // Clear whatever a failed earlier run may have left in the new slot.
    if (state.usedRows > 0) {
      early.push({ bytes: STATEMENT_BYTES, cells: [], queue: (context) => {
        sheetOf(context).getRangeByIndexes(0, slot, state.usedRows, 1).clear('Contents');
      } });
    }
    chunks.forEach((chunk, i) => {
      const value = [["'" + chunk]];
      early.push({ bytes: jsonBytes(value) + STATEMENT_BYTES, cells: [], queue: (context) => {
        sheetOf(context).getRangeByIndexes(i, slot, 1, 1).values = value;
      } });
    });
    const header: UndoHeader = { v: UNDO_VERSION, slot, chunks: chunks.length, cells: writeCount(update.plan), ...update.header };
    last.push({ bytes: 600, cells: [], queue: (context) => {
      sheetOf(context).getRange('A1').values = [["'" + JSON.stringify(header)]];
      if (state.header) sheetOf(context).getRangeByIndexes(0, oldSlot, Math.max(1, state.usedRows), 1).clear('Contents');
    } });
  } else if (state.exists) {
    last.push({ bytes: 400, cells: [], queue: (context) => {
      sheetOf(context).getRangeByIndexes(0, 0, Math.max(1, state.usedRows), 3).clear('Contents');
    } });
  }
  return { early, last };
}

function blockItems(sheetName: string, blocks: Block[]): Item[] {
  return blocks.map((block) => ({
    bytes: block.bytes,
    cells: block.cells,
    queue: (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(block.top, block.left, block.data.length, block.data[0]!.length);
      if (block.formulas) range.formulas = block.data;
      else range.values = block.data;
    },
  }));
}

/** Pack items into syncs under the budget, in order; `last` items go into the final sync. */
function pack(items: Item[], last: Item[], budget: number): Item[][] {
  const syncs: Item[][] = [];
  let current: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length && bytes + item.bytes > budget) {
      syncs.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.bytes;
  }
  const lastBytes = last.reduce((n, i) => n + i.bytes, 0);
  if (current.length && bytes + lastBytes > budget) {
    syncs.push(current);
    current = [];
  }
  current.push(...last);
  if (current.length) syncs.push(current);
  return syncs;
}

export interface ApplyOptions {
  /** Merged areas of the sheet; null when unknown (then no gaps are bridged). */
  merges?: readonly CellRange[] | null;
  store?: StoreUpdate | null;
  budget?: number;
}

/**
 * Write `changes` into `sheetName` (and update the undo store): one sync, or chunks under
 * the budget. On failure, cells already written are put back before the error is rethrown
 * as WriteFailedError.
 */
export async function applyChanges(context: Excel.RequestContext, sheetName: string, changes: readonly CellChange[], options: ApplyOptions = {}): Promise<WriteOutcome> {
  const budget = options.budget ?? DEFAULT_PAYLOAD_BUDGET;
  const blocks = buildBlocks(changes, options.merges ?? null, budget);
  const store = storeItems(options.store ?? null);
  const syncs = pack([...store.early, ...blockItems(sheetName, blocks)], store.last, budget);
  let done = 0;
  const written: CellChange[] = [];
  for (const items of syncs) {
    for (const item of items) item.queue(context);
    try {
      await context.sync();
    } catch (error) {
      // The failed sync may have run some statements (a batch is not a transaction): check them too.
      const suspects = [...written, ...items.flatMap((i) => i.cells)];
      const createdStore = !(options.store?.state.exists ?? true);
      const rollback = await restore(context, sheetName, suspects, options.merges ?? null, budget, createdStore);
      throw new WriteFailedError(error, rollback.ok);
    }
    done += 1;
    for (const item of items) written.push(...item.cells);
  }
  return { syncs: done, cellsWritten: changes.length };
}

/**
 * Put back every cell that now holds what the run wrote, and remove an undo store sheet
 * this run created. Reads once, writes only what differs. Fails with what stopped it, when
 * the workbook may still hold part of the run.
 */
async function restore(
  context: Excel.RequestContext,
  sheetName: string,
  cells: readonly CellChange[],
  merges: readonly CellRange[] | null,
  budget: number,
  createdStore: boolean,
): Promise<Result<void, unknown>> {
  try {
    const store = createdStore ? context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET_NAME) : null;
    store?.load('name');
    let area: { top: number; left: number; rows: number; columns: number } | null = null;
    let range: Excel.Range | null = null;
    const sheetOf = () => context.workbook.worksheets.getItem(sheetName);
    if (cells.length) {
      const top = Math.min(...cells.map((c) => c.row));
      const left = Math.min(...cells.map((c) => c.col));
      const bottom = Math.max(...cells.map((c) => c.row));
      const right = Math.max(...cells.map((c) => c.col));
      area = { top, left, rows: bottom - top + 1, columns: right - left + 1 };
      // The first rows with the first sync; a tall area's others in blocks under the budget.
      const firstRows = Math.min(area.rows, Math.max(1, Math.floor(budget / (area.columns * RESTORE_CELL_BYTES))));
      range = sheetOf().getRangeByIndexes(top, left, firstRows, area.columns);
      range.load('values,formulas');
    }
    if (!store && !range) return ok(undefined);
    await context.sync();
    const back: CellChange[] = [];
    if (range && area) {
      let values = range.values as unknown[][];
      let formulas = range.formulas as unknown[][];
      if (values.length < area.rows) {
        const perRow = (jsonBytes(values) + jsonBytes(formulas)) / values.length;
        const restArea = { ...area, top: area.top + values.length, rows: area.rows - values.length };
        const rest = await readRowBlocks(context, sheetOf, restArea, ['values', 'formulas'], budget, perRow * BLOCK_SAFETY);
        values = values.concat(rest.data.values!);
        formulas = formulas.concat(rest.data.formulas!);
      }
      for (const c of cells) {
        const v = values[c.row - area.top]?.[c.col - area.left];
        const f = formulas[c.row - area.top]?.[c.col - area.left];
        const now: CellContent = { value: v === '' || v === undefined ? null : (v as CellContent['value']), formula: formulaOf(v, f) };
        if (!sameContent(now, c.before) && sameContent(now, c.after)) back.push({ row: c.row, col: c.col, before: now, after: c.before });
      }
    }
    if (store && !store.isNullObject) store.delete();
    const blocks = buildBlocks(back, merges, budget);
    const chunks = pack(blockItems(sheetName, blocks), [], budget);
    if (!chunks.length && store && !store.isNullObject) chunks.push([]);
    for (const items of chunks) {
      for (const item of items) item.queue(context);
      await context.sync();
    }
    return ok(undefined);
  } catch (error) {
    return fail(error);
  }
}

/** A plan's writes as changes to apply (after) with their rollback (before). */
export function changesOf(plan: WritePlan): CellChange[] {
  const changes: CellChange[] = [];
  for (const c of plan.columns) {
    for (let i = 0; i < c.rows.length; i++) changes.push({ row: c.rows[i]!, col: c.col, before: beforeAt(c, i), after: c.after[i]! });
  }
  return changes;
}

