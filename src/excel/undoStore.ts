/**
 * The 撤销上次计算 record, kept in the workbook so it survives closing the pane: a
 * VeryHidden sheet whose A1 holds a small header (JSON) and whose column B or C (two slots)
 * holds the record's JSON in chunks, each well under Excel's 32,767 characters per cell.
 * A new record goes into the slot not in use and the header switches to it in the last
 * sync of a run, so a run that fails halfway never replaces the previous record.
 * The record's body (the plan as JSON) is encoded and decoded in ./undoRecord: reading a sheet
 * needs only the header.
 */
import type { WritePlan } from '../core';

export const UNDO_SHEET_NAME = '__scorecard_undo';
/** Characters per cell: below the 32,767 limit with room for the apostrophe prefix. */
export const UNDO_CHUNK_CHARS = 30000;
export const UNDO_VERSION = 1;

export interface UndoHeader {
  v: number;
  /** 1 = column B, 2 = column C. */
  slot: 1 | 2;
  chunks: number;
  sheet: string;
  sheetId: string;
  at: string;
  kind: 'recalc' | 'clearFlags';
  cells: number;
}

export interface UndoRecord {
  header: UndoHeader;
  plan: WritePlan;
}

/** What the read sync found in the store. */
export interface UndoStoreState {
  exists: boolean;
  header: UndoHeader | null;
  /** Rows used on the store sheet (0 when missing or empty), to clear leftovers. */
  usedRows: number;
}

export function parseHeader(value: unknown): UndoHeader | null {
  if (typeof value !== 'string' || !value.startsWith('{')) return null;
  try {
    const h = JSON.parse(value) as Partial<UndoHeader>;
    if (h.v !== UNDO_VERSION || (h.slot !== 1 && h.slot !== 2) || typeof h.chunks !== 'number' || typeof h.sheet !== 'string') return null;
    return h as UndoHeader;
  } catch {
    return null;
  }
}
