/** Converting between what Office.js returns or accepts and the core's cells. */
import { isGeneralFormat, sparseRows, type CellContent, type CellRange, type CellValue, type Grid } from '../core';

/**
 * What to assign to `range.values`/`range.formulas` so the cell ends up holding `content`.
 * Excel takes assigned strings like typed input: = + - (and @) start a formula, "0012" or
 * "TRUE" turn into numbers and booleans. A leading apostrophe makes Excel keep the text as
 * typed (the apostrophe is a prefix, not part of the value) and leaves the cell's number
 * format alone, unlike formatting the cell as Text ("@"). So every text gets the prefix.
 * null (leave the cell alone) is not a valid content here; "" clears the cell.
 */
export function toExcelInput(content: CellContent): string | number | boolean {
  if (content.formula) return content.formula;
  const v = content.value;
  if (v === null || v === '') return '';
  if (typeof v === 'string') return "'" + v;
  return v;
}

/** A cell value as Office.js returns it ("" for empty) to the core's CellValue (null for empty). */
export function fromExcelValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever else Office returns is shown as text
  return String(v);
}

/**
 * The formula of a cell from its loaded value and formula. `range.formulas` returns a
 * constant for constant cells, so a text constant that begins with "=" (typed with an
 * apostrophe) shows up there too; only then are value and "formula" the same text.
 */
export function formulaOf(value: unknown, formula: unknown): string | null {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return null;
  return value === formula ? null : formula;
}

/** Build the core's Grid from a loaded range's values, formulas and number formats. */
export function gridFromLoaded(
  sheetName: string,
  originRow: number,
  originCol: number,
  values: unknown[][],
  formulas: unknown[][] | null,
  numberFormats: unknown[][] | null,
): Grid {
  const grid: Grid = {
    sheetName,
    originRow,
    originCol,
    // A formula showing "" keeps it: Excel calculated it, and the core takes a formula cell
    // without any value (null) for one saved uncalculated (FORMULA_NO_VALUE).
    values: values.map((row, r) => row.map((v, c) => (v === '' && formulaOf(v, formulas?.[r]?.[c]) !== null ? '' : fromExcelValue(v)))),
  };
  if (formulas) {
    grid.formulas = sparseRows(formulas, (f, r, c) => formulaOf(values[r]?.[c], f), (f) => f === null);
  }
  if (numberFormats) {
    grid.numberFormats = sparseRows(numberFormats, (f) => (typeof f === 'string' ? f : null), isGeneralFormat);
  }
  return grid;
}

/** Parse an A1 area: "B2", "B2:C3", "$B$2:$C$3", optionally with a sheet prefix. */
export function parseArea(text: string): CellRange | null {
  const bang = text.lastIndexOf('!');
  const bare = (bang >= 0 ? text.slice(bang + 1) : text).replace(/\$/g, '').trim();
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(bare);
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]!);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? col(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * Parse a RangeAreas address ("Sheet1!A1:F1,Sheet1!A3:F3" or "'My sheet'!A1:F1, A3:F3").
 * Sheet names may hold commas inside quotes, so split only outside quotes.
 */
export function parseAreas(address: string): CellRange[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current);
  return parts.map(parseArea).filter((r): r is CellRange => r !== null);
}
