/**
 * A plain, host-independent snapshot of one worksheet's used range.
 * Every adapter (Office.js, exceljs, the simulated workbook) builds one in a single read.
 */
export type CellValue = string | number | boolean | null;

/** A rectangular area in absolute 0-based sheet coordinates (inclusive). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheetName: string;
  /** Absolute 0-based row/column of values[0][0] (the used range need not start at A1). */
  originRow: number;
  originCol: number;
  /** Cell values as displayed-ish raw values: numbers, text, booleans, null for empty.
   * Excel error values arrive as their text, e.g. "#REF!". */
  values: CellValue[][];
  /**
   * Formulas, same shape as values; null (or a non-"=" string) where the cell holds no formula.
   * A row without any formula may be left out (undefined): adapters do (see `sparseRows`).
   */
  formulas?: Array<(string | null)[] | undefined>;
  /**
   * Number formats, same shape as values, where the host has them (used to tell dates from
   * numbers). A row whose cells are all General may be left out (undefined), like formulas.
   */
  numberFormats?: Array<(string | null)[] | undefined>;
  /** Merged areas in absolute coordinates. Only the top-left cell of a merge holds a value. */
  merges?: CellRange[];
  /** Absolute 0-based indexes of hidden rows (hidden or filtered out). */
  hiddenRows?: number[];
  // #9 which sheet
  /** The sheet itself is hidden (or very hidden), where the host says so. */
  hidden?: boolean;
  /** The sheet is the workbook's active tab, where the host says so. */
  active?: boolean;
}

/** Column letters for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(col: number): string {
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A1 address for absolute 0-based coordinates: (16, 1) -> "B17". */
export function a1(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** Excel's grid: 1,048,576 rows and 16,384 columns (A … XFD), 0-based here. */
export const LAST_ROW = 1_048_575;
export const LAST_COL = 16_383;

/**
 * 0-based row and column of "AB12" or "$AB$12", or null when the text is not one cell inside
 * Excel's grid. Every host and file reader parses addresses here; a file's every cell passes
 * through it, so it reads the text once, character by character.
 */
export function readA1(address: string): { row: number; col: number } | null {
  let i = 0;
  if (address.charCodeAt(i) === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (; i < address.length; i++, letters++) {
    const c = address.charCodeAt(i) | 0x20; // A–Z and a–z alike
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (letters === 0 || letters > 3) return null;
  if (address.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < address.length; i++, digits++) {
    const d = address.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || digits >= 7) return null;
    row = row * 10 + d;
  }
  if (digits === 0 || row === 0 || row - 1 > LAST_ROW || col - 1 > LAST_COL) return null;
  return { row: row - 1, col: col - 1 };
}

/** "B2:D9" (either corner first) or "B2" as an area, or null when either end is not a cell. */
export function readRangeA1(text: string): CellRange | null {
  const colon = text.indexOf(':');
  const start = readA1(colon < 0 ? text : text.slice(0, colon));
  const end = colon < 0 ? start : readA1(text.slice(colon + 1));
  if (!start || !end) return null;
  return { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}

/** Absolute 0-based coordinates of an A1 address ("B17" -> { row: 16, col: 1 }); throws on anything else. */
export function parseA1(address: string): { row: number; col: number } {
  const cell = readA1(address.trim());
  if (!cell) throw new InvalidAddressError(address);
  return cell;
}

/** A1 range text for an absolute area ("A1:F3", or "B2" for a single cell). */
export function rangeA1(range: CellRange): string {
  const start = a1(range.top, range.left);
  return range.top === range.bottom && range.left === range.right ? start : `${start}:${a1(range.bottom, range.right)}`;
}

export class InvalidAddressError extends Error {
  constructor(address: string) {
    super(`Not an A1 cell address: ${JSON.stringify(address)}`);
    this.name = 'InvalidAddressError';
  }
}

export function colCount(grid: Grid): number {
  let max = 0;
  for (const row of grid.values) if (row.length > max) max = row.length;
  return max;
}

/** Value at absolute coordinates, null outside the grid. */
export function valueAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row - grid.originRow];
  if (!r) return null;
  const v = r[col - grid.originCol];
  return v === undefined ? null : v;
}

/** Formula at absolute coordinates, or null when the cell holds a constant. */
export function formulaAt(grid: Grid, row: number, col: number): string | null {
  const f = grid.formulas?.[row - grid.originRow]?.[col - grid.originCol];
  return typeof f === 'string' && f.startsWith('=') ? f : null;
}

export function numberFormatAt(grid: Grid, row: number, col: number): string | null {
  return grid.numberFormats?.[row - grid.originRow]?.[col - grid.originCol] ?? null;
}

/**
 * Rows of formulas or number formats with the blank ones left out (undefined). Most rows of a
 * big score sheet have no formula and only the General format: left out, they cost the adapter
 * no array each, and the core no trip to memory for each row.
 */
export function sparseRows<I, T>(
  rows: readonly (readonly I[])[],
  convert: (cell: I, row: number, col: number) => T,
  isBlank: (cell: T) => boolean,
): Array<T[] | undefined> {
  const out = new Array<T[] | undefined>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      if (isBlank(convert(row[c]!, r, c))) continue;
      // The first cell that says something: the row is kept, converted whole.
      out[r] = row.map((cell, col) => convert(cell, r, col));
      break;
    }
  }
  return out;
}

/** A number format that says nothing: the cell shows numbers as they are. */
export function isGeneralFormat(format: string | null | undefined): boolean {
  return format == null || format === 'General';
}

/** Build a grid from a 2-D literal (tests, examples). Empty strings become null. */
export function gridFromRows(rows: CellValue[][], sheetName = 'Sheet1', originRow = 0, originCol = 0): Grid {
  return {
    sheetName,
    originRow,
    originCol,
    values: rows.map((row) => row.map((v) => (v === '' || v === undefined ? null : v))),
  };
}
