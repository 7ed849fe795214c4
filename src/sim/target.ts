/** What a range proxy resolves to, and the address and protection rules every range member shares. */
import { parseA1, type CellRange } from '../core/grid';
import { SimOfficeError, SIM_ERROR } from './errors';
import type { SimSheet } from './workbook';

export interface RangeTarget {
  sheet: SimSheet;
  range: CellRange;
}

export function guardProtected(sheet: SimSheet): void {
  if (sheet.protected) {
    throw new SimOfficeError(SIM_ERROR.accessDenied, 'The cell or chart you\'re trying to change is on a protected sheet.', { errorLocation: sheet.name });
  }
}

export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function parseRangeAddress(address: string): CellRange {
  const bang = address.lastIndexOf('!');
  const bare = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
  const [start, end] = bare.split(':');
  try {
    const s = parseA1(start ?? '');
    const e = end ? parseA1(end) : s;
    return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
  } catch {
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${address}`);
  }
}


export function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

