/**
 * The body of the 撤销上次计算 record (see ./undoStore): the plan as compact JSON, cut into
 * chunks on writing and joined and decoded on undo. Only writing and undoing need it.
 */
import { beforeAt, planOf, type CellValue, type WriteKind, type WritePlan } from '../core';
import { parseHeader, UNDO_CHUNK_CHARS, UNDO_VERSION, type UndoRecord } from './undoStore';

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
