/**
 * The block of a sheet to read densely (#9 item 9). A dense grid over the used range is fine for
 * every ordinary sheet, but one stray value at XFD1048576 makes it 17 billion cells; then only
 * the densest cluster of content cells is read. Pure: the CLI and the demo share it.
 */
import { isGeneralFormat, type CellValue } from './grid';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells a dense grid over the block may hold: 4M cells is about 32 MB of slots per array. */
export const GRID_CELL_BUDGET = 4_000_000;

export function area(b: Box): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

/**
 * Sorted distinct coordinates split where the gap exceeds `gap`; the run holding the most
 * content cells (ties: the first) is kept.
 */
function densestRun(coords: readonly number[], gap: number): [number, number] {
  const sorted = Float64Array.from(coords).sort();
  let best: [number, number] = [sorted[0]!, sorted[0]!];
  let bestCount = 0;
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i]! - sorted[i - 1]! > gap) {
      if (i - start > bestCount) {
        bestCount = i - start;
        best = [sorted[start]!, sorted[i - 1]!];
      }
      start = i;
    }
  }
  return best;
}

/**
 * The block of content to read: the bounding box of every content cell when that fits the
 * budget (every ordinary sheet), else the densest cluster of rows, then of columns within them,
 * with ever smaller gaps until it fits. Null for no content. 0-based, inclusive.
 */
export function contentBlock(rows: readonly number[], cols: readonly number[]): Box | null {
  if (rows.length === 0) return null;
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    top = Math.min(top, rows[i]!);
    bottom = Math.max(bottom, rows[i]!);
    left = Math.min(left, cols[i]!);
    right = Math.max(right, cols[i]!);
  }
  const box = { top, left, bottom, right };
  if (area(box) <= GRID_CELL_BUDGET) return box;
  for (const [rowGap, colGap] of [
    [1000, 100],
    [100, 20],
    [10, 3],
    [1, 1],
  ] as const) {
    const [t, b] = densestRun(rows, rowGap);
    const inRows: number[] = [];
    for (let i = 0; i < rows.length; i++) if (rows[i]! >= t && rows[i]! <= b) inRows.push(cols[i]!);
    const [l, r] = densestRun(inRows, colGap);
    const cluster = { top: t, left: l, bottom: b, right: r };
    if (area(cluster) <= GRID_CELL_BUDGET) return cluster;
  }
  // Content cells packed tighter than a gap of one over more than the budget: a 10 MB file
  // cannot hold that many cells, so this is a last resort that keeps the top-left corner.
  return { top, left, bottom: Math.min(bottom, top + 999), right: Math.min(right, left + 999) };
}

export function inBox(b: Box, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

/** Content cells left out of the grid because they lie far from the block that holds the table. */
export interface OutsideCells {
  count: number;
  /** The first of them in reading order, 0-based. */
  row: number;
  col: number;
  /** The block that was read, 0-based inclusive. */
  block: Box;
}

/**
 * A sheet whose used area is past the grid budget: keep the block of content (contentBlock), the
 * cells inside it and the merges that touch it, and say which content cells were left outside.
 * Every reader of files (the package reader, the exceljs one) clips the same way.
 */
export function clipToContent<T extends { row: number; col: number }>(cells: readonly T[], isContent: (cell: T) => boolean, used: Box, merges: readonly Box[]): { block: Box; cells: T[]; merges: Box[]; outside: OutsideCells | null } {
  const content = cells.filter(isContent);
  const block = contentBlock(
    content.map((c) => c.row),
    content.map((c) => c.col),
  ) ?? { top: used.top, left: used.left, bottom: used.top, right: used.left };
  const far = content.filter((c) => !inBox(block, c.row, c.col));
  return {
    block,
    cells: cells.filter((c) => inBox(block, c.row, c.col)),
    merges: merges.filter((m) => m.bottom >= block.top && m.top <= block.bottom && m.right >= block.left && m.left <= block.right),
    outside: far.length > 0 ? { count: far.length, row: far[0]!.row, col: far[0]!.col, block } : null,
  };
}

/** A cell as a file reader found it (0-based), with its number format (null for General or none). */
export interface PlacedCell {
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
  numFmt: string | null;
}

/** The arrays of a Grid over one block, and a way to give one more cell its number format. */
export interface DenseBlock {
  block: Box;
  /** The cells inside the block (all of them, unless the used range had to be clipped). */
  cells: PlacedCell[];
  merges: Box[];
  outside: OutsideCells | null;
  values: CellValue[][];
  /** Rows without a formula are left out, and rows whose formats are all General (see sparseRows). */
  formulas: Array<(string | null)[] | undefined>;
  numberFormats: Array<(string | null)[] | undefined>;
  setFormat(row: number, col: number, numFmt: string | null): void;
}

/**
 * The cells of a used range as a Grid's dense arrays, bounded: when the range is larger than a
 * dense grid can hold, only the densest block of content is read (clipToContent), and the
 * content cells outside it are counted. Shared by the package reader and the exceljs one.
 */
export function denseBlock(cells: PlacedCell[], used: Box, merges: Box[]): DenseBlock {
  let block = used;
  let kept = merges;
  let outside: OutsideCells | null = null;
  if (area(used) > GRID_CELL_BUDGET) {
    const clipped = clipToContent(cells, (c) => c.value !== null || c.formula !== null, used, merges);
    ({ cells, outside, block } = clipped);
    kept = clipped.merges;
  }
  const height = block.bottom - block.top + 1;
  const width = block.right - block.left + 1;
  const values: CellValue[][] = [];
  const formulas = new Array<(string | null)[] | undefined>(height);
  const numberFormats = new Array<(string | null)[] | undefined>(height);
  for (let r = 0; r < height; r++) values.push(new Array<CellValue>(width).fill(null));
  const setFormat = (row: number, col: number, numFmt: string | null) => {
    if (!isGeneralFormat(numFmt)) (numberFormats[row - block.top] ??= new Array<string | null>(width).fill(null))[col - block.left] = numFmt;
  };
  for (const cell of cells) {
    const r = cell.row - block.top;
    const c = cell.col - block.left;
    values[r]![c] = cell.value;
    if (cell.formula !== null) (formulas[r] ??= new Array<string | null>(width).fill(null))[c] = cell.formula;
    setFormat(cell.row, cell.col, cell.numFmt);
  }
  return { block, cells, merges: kept, outside, values, formulas, numberFormats, setFormat };
}
