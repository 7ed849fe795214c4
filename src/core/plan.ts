/** The write plan: every cell a run changes, with old and new content. Nothing else is written. */
import { a1, formulaAt, valueAt, type CellRange, type CellValue, type Grid } from './grid';
import { finding, placeAt, type Finding } from './findings';
import { centsToNumber } from './decimal';
import { isOwnFormula, tableFormulas } from './formulas';
import { FLAG_SETS, type Analysis, type CellContent, type CellWrite, type ColumnWrites, type PlanOptions, type ScoredTable, type SheetColumn, type UnitResults, type WriteKind, type WritePlan } from './model';
import { FLAG_TEXTS } from './flags';
import { createInterner, type Interner } from './perf/intern';
import { COLUMN_WORDS } from './words';

const HEADERS: Record<'total' | 'rank' | 'flag', string> = COLUMN_WORDS;

/** Shared content of an empty cell: most cells a first run fills are empty, so one object serves them all. */
const EMPTY: CellContent = Object.freeze({ value: null, formula: null });

/** What a cell of the grid holds: its value, and its formula if it has one. */
export function contentAt(grid: Grid, row: number, col: number): CellContent {
  const value = valueAt(grid, row, col);
  const formula = formulaAt(grid, row, col);
  return value === null && formula === null ? EMPTY : { value, formula };
}

function sameValue(a: CellValue, b: CellValue): boolean {
  const emptyA = a === null || a === '';
  const emptyB = b === null || b === '';
  return emptyA || emptyB ? emptyA === emptyB : a === b;
}

export function sameContent(a: CellContent, b: CellContent): boolean {
  if (a.formula || b.formula) return a.formula === b.formula;
  return sameValue(a.value, b.value);
}

/** Excel's last column (XFD), 0-based: an added column cannot go past it. */
const LAST_COL = 16_383;

/** Merged areas of more than one cell that cross column `col` between rows `top` and `bottom`. */
function mergesAcross(grid: Grid, col: number, top: number, bottom: number): CellRange[] {
  return (grid.merges ?? []).filter((m) => m.left <= col && m.right >= col && m.top <= bottom && m.bottom >= top && (m.top !== m.bottom || m.left !== m.right));
}

/**
 * The first column right of the table that is empty in every row from `top` to `bottom` and
 * crosses no merged area there (a merged cell cannot take one value per row); null when the
 * sheet ends first.
 */
function freeColumn(grid: Grid, top: number, bottom: number, from: number, taken: Set<number>): number | null {
  for (let col = from; col <= LAST_COL; col++) {
    if (taken.has(col)) continue;
    if (mergesAcross(grid, col, top, bottom).length > 0) continue;
    let empty = true;
    for (let r = top; r <= bottom && empty; r++) empty = valueAt(grid, r, col) === null && formulaAt(grid, r, col) === null;
    if (empty) return col;
  }
  return null;
}

function rangeRef(m: CellRange): string {
  return `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
}

/**
 * Take out of a column's writes every cell inside a merged area: only the top-left cell of a
 * merge holds a value, so a unit's total or rank there would be hidden or refused by the host.
 * Each one becomes an error finding naming the cell and the merge.
 */
function dropMerged(grid: Grid, column: ColumnWrites, problems: Finding[]): void {
  const rows = column.rows;
  if (rows.length === 0 || column.kind === 'header') return;
  const merges = mergesAcross(grid, column.col, rows.reduce((a, b) => Math.min(a, b), Infinity), rows.reduce((a, b) => Math.max(a, b), -Infinity));
  if (merges.length === 0) return;
  // Merges across an output column are usually the category rows, which hold no unit: then no
  // planned cell is inside one and the column stays as planned.
  const mergeAt = (row: number) => merges.find((m) => m.top <= row && m.bottom >= row);
  if (!rows.some((row) => mergeAt(row) !== undefined)) return;
  const keep: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const merge = mergeAt(row);
    if (!merge) {
      keep.push(i);
      continue;
    }
    problems.push(finding({ code: 'MERGED_OUTPUT_CELL', merge: rangeRef(merge), column: column.kind as 'total' | 'rank' | 'flag' }, placeAt(row, column.col, column.units[i] ?? null)));
  }
  column.rows = Int32Array.from(keep, (i) => rows[i]!);
  column.units = keep.map((i) => column.units[i]!);
  column.after = keep.map((i) => column.after[i]!);
  if (column.before) column.before = keep.map((i) => column.before![i]!);
}

/** What a planned cell held before the run. */
export function beforeAt(column: ColumnWrites, i: number): CellContent {
  return column.before?.[i] ?? EMPTY;
}

/** A group of writes for one column while it is being gathered cell by cell. */
interface Gathering {
  col: number;
  kind: WriteKind;
  rows: number[];
  units: Array<string | null>;
  before: CellContent[];
  after: CellContent[];
}

function group(col: number, kind: WriteKind): Gathering {
  return { col, kind, rows: [], units: [], before: [], after: [] };
}

function push(into: Gathering, row: number, unit: string | null, before: CellContent, after: CellContent): void {
  into.rows.push(row);
  into.units.push(unit);
  into.before.push(before);
  into.after.push(after);
}

function gathered(g: Gathering): ColumnWrites {
  const anyBefore = g.before.some((b) => b !== EMPTY);
  return { col: g.col, kind: g.kind, rows: Int32Array.from(g.rows), units: g.units, before: anyBefore ? g.before : null, after: g.after };
}

/** Groups that change at least one cell. */
function nonEmpty(sheetName: string, columns: ColumnWrites[]): WritePlan {
  return { sheetName, columns: columns.filter((c) => c.rows.length > 0) };
}

/** The plan one cell at a time, in plan order (for small consumers: messages, tests, the undo record). */
export function cellWrites(plan: WritePlan): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const c of plan.columns) {
    for (let i = 0; i < c.rows.length; i++) {
      const row = c.rows[i]!;
      writes.push({ row, col: c.col, address: a1(row, c.col), kind: c.kind, unit: c.units[i]!, before: beforeAt(c, i), after: c.after[i]! });
    }
  }
  return writes;
}

/** A plan from single cells (an undo record read back): consecutive cells of one column and kind form a group. */
export function planOf(sheetName: string, writes: readonly Omit<CellWrite, 'address'>[]): WritePlan {
  const columns: Gathering[] = [];
  let current: Gathering | null = null;
  for (const w of writes) {
    if (!current || current.col !== w.col || current.kind !== w.kind) columns.push((current = group(w.col, w.kind)));
    push(current, w.row, w.unit, w.before, w.after);
  }
  return { sheetName, columns: columns.map(gathered) };
}

/** The exact cells a recalculation changes: totals, ranks, and the 标记 column if asked. `analysis` is analyze(grid) of this same grid. */
export function planWrites(grid: Grid, analysis: Analysis, options: PlanOptions): WritePlan {
  const scored = analysis.scored;
  if (!scored) return { sheetName: grid.sheetName, columns: [] };
  const layout = scored.layout;
  // No units, nothing to write: not even the header of an added column (it would change how the sheet reads).
  if (scored.units.count === 0) return { sheetName: grid.sheetName, columns: [] };
  const headers: ColumnWrites[] = [];
  const taken = new Set<number>();
  const problems: Finding[] = [];
  const columnFor = (role: 'total' | 'rank' | 'flag'): number | null => {
    const existing: SheetColumn | undefined = layout.columns.find((c) => c.role === role);
    if (existing) return existing.col;
    // Every row of the table, category rows and notes beside them included, must be empty in an added column.
    const from = layout.lastCol + 1;
    const col = freeColumn(grid, layout.headerRow, layout.lastRow, from, taken);
    if (col === null) {
      // The sheet ends (a header word in XFD) or every column to its end crosses a merge.
      const place = placeAt(layout.headerRow, Math.min(from, LAST_COL));
      problems.push(role === 'flag' ? finding({ code: 'FLAG_COLUMN_SKIPPED' }, place) : finding({ code: 'NO_ROOM_FOR_COLUMN', column: role }, place));
      return null;
    }
    taken.add(col);
    const header = group(col, 'header');
    push(header, layout.headerRow, null, contentAt(grid, layout.headerRow, col), { value: HEADERS[role], formula: null });
    headers.push(gathered(header));
    return col;
  };
  const target = (kind: 'total' | 'rank' | 'flag'): ColumnWrites | null => {
    const col = columnFor(kind);
    return col === null ? null : { col, kind, rows: new Int32Array(0), units: [], before: null, after: [] };
  };
  const totals = target('total');
  const ranks = target('rank');
  const flags = options.flagColumn ? target('flag') : null;

  const targets = [totals, ranks, flags].filter((c): c is ColumnWrites => c !== null);
  // 写入公式: totals and ranks as live formulas over the sheet's cells (the ranks read the totals).
  const formulas = options.formulas && totals ? tableFormulas(scored, totals.col, (row, col) => typeof valueAt(grid, row, col) === 'string') : null;
  fillColumns(scored, targets, options, formulas);
  for (const column of targets) dropMerged(grid, column, problems);
  const plan = nonEmpty(grid.sheetName, [...headers, ...adoptionWrites(grid, analysis, options), ...targets]);
  if (problems.length > 0) plan.problems = problems;
  return plan;
}

/**
 * #13 ledger: the 采用得分 cells the points table changes, in category order. Few units per
 * sheet have a ledger, so this reads the grid cell by cell. A formula is kept unless asked.
 */
function adoptionWrites(grid: Grid, analysis: Analysis, options: PlanOptions): ColumnWrites[] {
  const adoption = analysis.ledger?.adoption;
  const scored = analysis.scored;
  if (!adoption || !scored) return [];
  const g = group(adoption.col, 'adoption');
  const contents = new Map<number, CellContent>();
  for (const category of scored.categories) {
    for (const index of category.members) {
      const row = scored.units.rows[index]!;
      const before = contentAt(grid, row, adoption.col);
      if (before.formula !== null && !options.overwriteFormulas) continue;
      const cents = adoption.cents[index]!;
      let after = contents.get(cents);
      if (!after) contents.set(cents, (after = { value: centsToNumber(cents), formula: null }));
      if (before.formula === null && sameValue(before.value, after.value)) continue;
      push(g, row, scored.units.names[index]!, before, after);
    }
  }
  return [gathered(g)];
}

/**
 * The unit cells of the total, rank and flag columns that change, in category order: one pass
 * over the units, comparing with the cells' contents the reader kept (no trip back to the grid). Totals, ranks and flag
 * texts repeat across units, so each distinct one is one shared content object (plans are
 * read-only). Arrays are sized for every unit once and trimmed after.
 */
function fillColumns(scored: ScoredTable, targets: ColumnWrites[], options: PlanOptions, formulas: ReturnType<typeof tableFormulas> | null): void {
  const count = scored.units.count;
  // A rank is at most the size of its category.
  let maxRank = 0;
  for (const category of scored.categories) maxRank = Math.max(maxRank, category.members.length);
  // The band of totals, for interning their contents.
  const { totals } = scored.results;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < totals.length; i++) {
    if (totals[i]! < low) low = totals[i]!;
    if (totals[i]! > high) high = totals[i]!;
  }
  const fills: Fill[] = targets.map((into) => {
    into.rows = new Int32Array(count);
    into.units = new Array<string | null>(count);
    into.after = new Array<CellContent>(count);
    // What the cells hold now: the reader kept the table's own output columns; a column the plan
    // adds was checked empty in every table row (freeColumn).
    const own = into.kind === 'header' || into.kind === 'adoption' ? null : scored.units.cells[into.kind];
    const kept = own && own.col === into.col ? own : null;
    return {
      into,
      kind: into.kind,
      values: kept?.values ?? null,
      formulas: kept?.formulas ?? null,
      keepFormulas: !options.overwriteFormulas && into.kind !== 'flag',
      formulaOf: formulas && (into.kind === 'total' || into.kind === 'rank') ? formulas[into.kind] : null,
      // One shared content per total, rank or flag set.
      contents: into.kind === 'total' ? createInterner<CellContent>(low, high, count) : createInterner<CellContent>(0, into.kind === 'rank' ? maxRank : FLAG_SETS.length - 1),
      make: into.kind === 'total' ? totalContent : into.kind === 'rank' ? rankContent : flagContent,
      filled: 0,
    };
  });
  for (const category of scored.categories) {
    const members = category.members;
    for (let m = 0; m < members.length; m++) planUnit(fills, scored, members[m]!);
  }
  for (const { into, filled } of fills) {
    if (filled < into.rows.length) into.rows = into.rows.slice(0, filled);
    into.units.length = into.after.length = filled;
    if (into.before) into.before.length = filled;
  }
}

/** One target column being filled. */
interface Fill {
  into: ColumnWrites;
  kind: WriteKind;
  /** The cells' current values and formulas by unit index (null: none has one). */
  values: CellValue[] | null;
  formulas: Array<string | null> | null;
  keepFormulas: boolean;
  /** 写入公式: the formula a unit's cell gets (null: its value), by unit index; null in values mode. */
  formulaOf: ((index: number) => string | null) | null;
  /** The content of each key (total cents, rank or flag bits), made once per key. */
  contents: Interner<CellContent>;
  make: (key: number) => CellContent;
  filled: number;
}

function planUnit(fills: Fill[], scored: ScoredTable, index: number): void {
  const row = scored.units.rows[index]!;
  for (let t = 0; t < fills.length; t++) {
    const fill = fills[t]!;
    const value = fill.values?.[index] ?? null;
    const formula = fill.formulas?.[index] ?? null;
    const mine = fill.formulaOf ? fill.formulaOf(index) : null;
    if (formula !== null) {
      // Our own formula, as we would write it now: the cell is right (and live) whatever value
      // it last showed, so it is not written again.
      if (formula === mine) continue;
      // A user's formula is kept unless asked; in formula mode one of our own gone stale (rows
      // added since) is replaced.
      if (fill.keepFormulas && !(fill.formulaOf && isOwnFormula(fill.kind as 'total' | 'rank', formula))) continue;
    }
    const shared = contentFor(fill, scored.results, index);
    // The formula carries the value we computed, so previews and files never recalculated show it.
    const now: CellContent = mine === null ? shared : { value: shared.value, formula: mine };
    if (formula === null && mine === null && sameValue(value, now.value)) continue;
    const n = fill.filled++;
    const into = fill.into;
    into.rows[n] = row;
    into.units[n] = scored.units.names[index]!;
    if (value !== null || formula !== null) {
      // The first cell that held something: from here on each cell's old content is kept.
      into.before ??= new Array<CellContent>(into.after.length).fill(EMPTY, 0, n);
      into.before[n] = { value, formula };
    } else if (into.before) {
      into.before[n] = EMPTY;
    }
    into.after[n] = now;
  }
}

/** The shared content a unit's cell gets in one target column: keyed by cents, rank or flag bits. */
function contentFor(fill: Fill, results: UnitResults, index: number): CellContent {
  const kind = fill.kind;
  const key = kind === 'total' ? results.totals[index]! : kind === 'rank' ? results.ranks[index]! : results.flagBits[index]!;
  return fill.contents.get(key, fill.make);
}

const totalContent = (cents: number): CellContent => ({ value: centsToNumber(cents), formula: null });
const rankContent = (rank: number): CellContent => ({ value: rank, formula: null });
const flagContent = (bits: number): CellContent => {
  const text = FLAG_TEXTS[bits] ?? null;
  return text === null ? EMPTY : { value: text, formula: null };
};

/** Empty the 标记 column's unit cells. */
export function planClearFlags(grid: Grid, analysis: Analysis): WritePlan {
  const flagCol = analysis.layout?.columns.find((c) => c.role === 'flag')?.col;
  if (flagCol === undefined || !analysis.scored) return { sheetName: grid.sheetName, columns: [] };
  const flags = group(flagCol, 'flag');
  const { rows, names } = analysis.scored.units;
  for (const category of analysis.scored.categories) {
    for (const index of category.members) {
      const before = contentAt(grid, rows[index]!, flagCol);
      if (before.value === null && before.formula === null) continue;
      push(flags, rows[index]!, names[index]!, before, EMPTY);
    }
  }
  // The 标记 header goes too when the column would hold nothing else: it is the header a
  // recalculation adds, and leaving it would keep an empty column in the table (undo puts it back).
  const cleared = new Set(flags.rows);
  const layout = analysis.scored.layout;
  const head = contentAt(grid, layout.headerRow, flagCol);
  let onlyFlags = head.formula === null && head.value === HEADERS.flag;
  for (let r = layout.headerRow + 1; r <= layout.lastRow && onlyFlags; r++) {
    onlyFlags = cleared.has(r) || (valueAt(grid, r, flagCol) === null && formulaAt(grid, r, flagCol) === null);
  }
  if (!onlyFlags) return nonEmpty(grid.sheetName, [gathered(flags)]);
  const header = group(flagCol, 'header');
  push(header, layout.headerRow, null, head, EMPTY);
  return nonEmpty(grid.sheetName, [gathered(header), gathered(flags)]);
}

export interface UndoPlan {
  plan: WritePlan;
  /** Cells changed by someone since the run: left as they are now. */
  conflicts: CellWrite[];
}

/** Put back what `applied` changed, for every cell still holding what the run wrote. */
export function planUndo(current: Grid, applied: WritePlan): UndoPlan {
  const conflicts: CellWrite[] = [];
  const columns = applied.columns.map((c) => {
    const back = group(c.col, c.kind);
    for (let i = 0; i < c.rows.length; i++) {
      const row = c.rows[i]!;
      const now = contentAt(current, row, c.col);
      if (!sameContent(now, c.after[i]!)) {
        conflicts.push({ row, col: c.col, address: a1(row, c.col), kind: c.kind, unit: c.units[i]!, before: beforeAt(c, i), after: c.after[i]! });
        continue;
      }
      push(back, row, c.units[i]!, now, beforeAt(c, i));
    }
    return gathered(back);
  });
  return { plan: nonEmpty(applied.sheetName, columns), conflicts };
}
