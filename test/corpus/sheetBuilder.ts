/** How the corpus cases (./cases.ts) are written: their shape, a sheet from rows, the usual header and categories. */
import { a1, parseA1, type CellRange, type CellValue, type FindingCode, type FlagCode, type Grid } from '../../src/core';
export type ExpectedFinding = readonly [FindingCode, string | null];
/** [unit name as displayed, total, rank], in sheet order. */
export type ExpectedUnit = readonly [string, number, number];

export interface ExpectedCategory {
  name: string;
  units: ExpectedUnit[];
}

export interface CorpusCase {
  id: string;
  about: string;
  grid: Grid;
  /** Every finding, in the core's order (sheet-level first, then by row and column). */
  findings: ExpectedFinding[];
  /** Categories and units after ranking; omitted only where no table is found. */
  categories?: ExpectedCategory[];
  /** Unit names in each category's top list, in order (ties keep sheet order). */
  top?: string[][];
  /** Units carrying each flag, in sheet order. */
  flagged?: Partial<Record<FlagCode, string[]>>;
  period?: string | null;
}

interface Extras {
  name?: string;
  origin?: readonly [number, number];
  /** A1 address (absolute) -> formula; the value in rows is its cached result. */
  formulas?: Record<string, string>;
  /** A1 address -> number format. */
  formats?: Record<string, string>;
  /** Merged areas as A1 ranges ("A1:F1"). */
  merges?: string[];
  /** 1-based sheet rows, as Excel shows them. */
  hiddenRows?: number[];
}

function range(text: string): CellRange {
  const [from, to] = text.split(':');
  const start = parseA1(from!);
  const end = parseA1(to ?? from!);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

/** A grid at its absolute position, with the extras a case needs. */
export function sheet(rows: CellValue[][], extras: Extras = {}): Grid {
  const [originRow, originCol] = extras.origin ?? [0, 0];
  const values = rows.map((row) => row.map((v) => (v === '' || v === undefined ? null : v)));
  const grid: Grid = { sheetName: extras.name ?? '得分表', originRow, originCol, values };
  const sized = <T>(fill: Record<string, string> | undefined, empty: T): (string | T)[][] | undefined => {
    if (!fill) return undefined;
    const width = Math.max(0, ...values.map((r) => r.length));
    const out: (string | T)[][] = values.map(() => new Array<string | T>(width).fill(empty));
    for (const [address, text] of Object.entries(fill)) {
      const { row, col } = parseA1(address);
      const r = out[row - originRow];
      if (!r || col - originCol >= width) throw new Error(`extra outside the grid: ${address}`);
      r[col - originCol] = text;
    }
    return out;
  };
  const formulas = sized(extras.formulas, null);
  if (formulas) grid.formulas = formulas;
  const formats = sized(extras.formats, null);
  if (formats) grid.numberFormats = formats;
  if (extras.merges) grid.merges = extras.merges.map(range);
  if (extras.hiddenRows) grid.hiddenRows = extras.hiddenRows.map((r) => r - 1);
  return grid;
}

export const H: CellValue[] = ['单位', '基础得分', '采用得分', '附加得分'];
export const HT: CellValue[] = [...H, '累计得分', '排名'];
export const ONE = '一类考评单位';
export const TWO = '二类考评单位';

export function hundredCategories(): CorpusCase {
  const rows: CellValue[][] = [H];
  const findings: ExpectedFinding[] = [];
  const categories: ExpectedCategory[] = [];
  for (let i = 1; i <= 100; i++) {
    const name = `第${i}组`;
    findings.push(['UNKNOWN_CATEGORY', a1(rows.length, 0)]);
    rows.push([name]);
    const a = 5 * (i % 25) + 5;
    const b = 5 * ((i * 7) % 25);
    rows.push([`${name}甲`, a - 5, 5, 0]);
    rows.push([`${name}乙`, b, 0, 0]);
    categories.push({
      name,
      units: [
        [`${name}甲`, a, a >= b ? 1 : 2],
        [`${name}乙`, b, b >= a ? 1 : 2],
      ],
    });
  }
  return { id: 'hundred-categories', about: '100 categories of two units each (none with a known rule)', grid: sheet(rows), findings, categories };
}
