/**
 * The sheets the product writes for itself (考评汇总, 年度汇总) and how it knows them: by a name
 * of the form base or base(n), and by the footer row that starts with SUMMARY_MARKER. Every host
 * (Excel, WPS, files, the demo) asks here, so a sheet is "ours" by one rule everywhere.
 */
import { SUMMARY_MARKER } from './sheetSpec';

/** How many of the last rows holding text may carry the footer (a blank or a note may follow it). */
const FOOTER_ROWS = 3;

function hasText(value: unknown): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value !== null && value !== undefined && value !== '';
}

/**
 * True when one of the last rows holding anything starts, in its first filled cell, with
 * SUMMARY_MARKER: the footer the product writes under its own sheets. A user's sheet that
 * merely quotes the marker text inside a sentence is not ours.
 */
export function isOwnSheetRows(rows: readonly (readonly unknown[] | undefined)[]): boolean {
  let seen = 0;
  for (let i = rows.length - 1; i >= 0 && seen < FOOTER_ROWS; i--) {
    const first = rows[i]?.find(hasText);
    if (first === undefined) continue;
    seen++;
    if (typeof first === 'string' && first.trimStart().startsWith(SUMMARY_MARKER)) return true;
  }
  return false;
}

/** Excel and WPS compare sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Names the product's sheet may have: base itself, or base(2), base(3), … when base was taken. */
export function isOwnSheetName(name: string, base: string): boolean {
  if (sameSheetName(name, base)) return true;
  if (name.length <= base.length || !sameSheetName(name.slice(0, base.length), base)) return false;
  return /^\(\d+\)$/.test(name.slice(base.length));
}

/** The first of base, base(2), base(3), … that no sheet of the workbook uses. */
export function freeSheetName(taken: readonly string[], base: string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base}(${n})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
