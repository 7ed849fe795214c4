/** A1 references and the XML of one cell, as SpreadsheetML writes them. */
import type { CellContent } from '../core';
import { encodeCellText, escapeXml } from './xml';

export function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based row and column of "AB12" (dollar signs allowed), or null. */
export function parseRef(ref: string): { row: number; col: number } | null {
  // Read by character codes: this runs once per cell of the score sheet.
  let i = 0;
  if (ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (; i < ref.length; i++, letters++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (letters === 0 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < ref.length; i++, digits++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (digits === 0 || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

export function refOf(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseArea(ref: string): Area | null {
  const [a, b] = ref.split(':');
  const start = parseRef(a ?? '');
  const end = b === undefined ? start : parseRef(b);
  if (!start || !end) return null;
  return { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}

export function areaRef(a: Area): string {
  const tl = refOf(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${refOf(a.bottom, a.right)}`;
}

function textElement(prefix: string, text: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${space}>${encodeCellText(text)}</${prefix}t>`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}

/**
 * One `<c>` element. Text is an inline string (t="inlineStr"): it is always text, never a
 * formula, whatever it starts with, and the shared-string table stays as it was. `extra` is
 * the cell's other attributes as written (already escaped).
 */
export function cellXml(prefix: string, ref: string, style: string | null, content: CellContent, extra = ''): string {
  const s = style !== null ? ` s="${escapeXml(style)}"` : '';
  const head = `<${prefix}c r="${ref}"${s}${extra}`;
  const { value, formula } = content;
  if (formula !== null && formula.startsWith('=')) {
    const f = `<${prefix}f>${escapeXml(formula.slice(1))}</${prefix}f>`;
    if (value === null) return `${head}>${f}</${prefix}c>`;
    if (typeof value === 'number') return `${head}>${f}<${prefix}v>${numberText(value)}</${prefix}v></${prefix}c>`;
    if (typeof value === 'boolean') return `${head} t="b">${f}<${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
    return `${head} t="str">${f}<${prefix}v>${encodeCellText(value)}</${prefix}v></${prefix}c>`;
  }
  if (value === null || value === '') return `${head}/>`;
  if (typeof value === 'number') return `${head}><${prefix}v>${numberText(value)}</${prefix}v></${prefix}c>`;
  if (typeof value === 'boolean') return `${head} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
  return `${head} t="inlineStr"><${prefix}is>${textElement(prefix, value)}</${prefix}is></${prefix}c>`;
}
