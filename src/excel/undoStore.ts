/**
 * The 撤销上次计算 record, kept in the workbook so it survives closing the pane: a
 * VeryHidden sheet whose A1 holds a small header (JSON) and whose column B or C (two slots)
 * holds the record's JSON in chunks, each well under Excel's 32,767 characters per cell.
 * A new record goes into the slot not in use and the header switches to it in the last
 * sync of a run, so a run that fails halfway never replaces the previous record.
 */
import { beforeAt, planOf, type CellValue, type WriteKind, type WritePlan } from '../core';

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

const KINDS: WriteKind[] = ['total', 'rank', 'flag', 'header', 'adoption'];

type Packed = [number, number, number, string | null, CellValue, string | null, CellValue, string | null];

/** The record body: one compact row per written cell. */
export function encodePlan(plan: WritePlan): string {
  const rows: Packed[] = [];
  for (const c of plan.columns) {
    const kind = KINDS.indexOf(c.kind);
    for (let i = 0; i < c.rows.length; i++) {
      const before = beforeAt(c, i);
      const after = c.after[i]!;
      rows.push([c.rows[i]!, c.col, kind, c.units[i]!, before.value, before.formula, after.value, after.formula]);
    }
  }
  return JSON.stringify({ v: UNDO_VERSION, sheet: plan.sheetName, w: rows });
}

export function decodePlan(body: string): WritePlan | null {
  try {
    const data = JSON.parse(body) as { v?: number; sheet?: string; w?: Packed[] };
    if (data.v !== UNDO_VERSION || typeof data.sheet !== 'string' || !Array.isArray(data.w)) return null;
    const writes = data.w.map(([row, col, kind, unit, bv, bf, av, af]) => ({
      row, col, kind: KINDS[kind] ?? 'total', unit,
      before: { value: bv, formula: bf },
      after: { value: av, formula: af },
    }));
    return planOf(data.sheet, writes);
  } catch {
    return null;
  }
}


export function chunkText(text: string, size = UNDO_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length ? chunks : [''];
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

/** Rebuild the record from the store sheet's used range values (A1 = header, B/C = slots). */
export function readRecord(values: unknown[][]): UndoRecord | null {
  const header = parseHeader(values[0]?.[0]);
  if (!header) return null;
  let body = '';
  for (let i = 0; i < header.chunks; i++) {
    const cell = values[i]?.[header.slot];
    if (typeof cell !== 'string') return null;
    body += cell;
  }
  const plan = decodePlan(body);
  return plan ? { header, plan } : null;
}
