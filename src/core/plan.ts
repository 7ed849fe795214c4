/** The write plan: every cell a run changes, with old and new content. Nothing else is written. */
import { a1, columnLetter, formulaAt, valueAt, type CellValue, type Grid } from './grid';
import { centsToNumber } from './decimal';
import { FLAG_LABELS_ZH, type Analysis, type CellContent, type CellWrite, type ColumnInfo, type FlagCode, type PlanOptions, type ScoredUnit, type WriteKind, type WritePlan } from './model';

const HEADERS: Record<'total' | 'rank' | 'flag', string> = { total: '累计得分', rank: '排名', flag: '标记' };

/** Shared content of an empty cell: most cells a first run fills are empty, so one object serves them all. */
const EMPTY: CellContent = Object.freeze({ value: null, formula: null }) as CellContent;

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

/** The first column right of the table that is empty in every given row. */
function freeColumn(grid: Grid, rows: readonly number[], from: number, taken: Set<number>): number {
  for (let col = from; ; col++) {
    if (taken.has(col)) continue;
    if (rows.every((r) => valueAt(grid, r, col) === null && formulaAt(grid, r, col) === null)) return col;
  }
}

const LETTERS: string[] = [];
/** Column letters, cached: a big plan asks for the same three columns many times. */
function letters(col: number): string {
  return (LETTERS[col] ??= columnLetter(col));
}

const FLAG_TEXTS = new Map<string, string>();
/** 标记 text of a unit's flags; the few combinations are joined once. */
function flagText(flags: readonly FlagCode[]): string | null {
  if (flags.length === 0) return null;
  if (flags.length === 1) return FLAG_LABELS_ZH[flags[0]!];
  const key = flags.join();
  let text = FLAG_TEXTS.get(key);
  if (text === undefined) FLAG_TEXTS.set(key, (text = flags.map((f) => FLAG_LABELS_ZH[f]).join('、')));
  return text;
}

/** The exact cells a recalculation changes: totals, ranks, and the 标记 column if asked. */
export function planWrites(grid: Grid, analysis: Analysis, options: PlanOptions): WritePlan {
  const plan: WritePlan = { sheetName: grid.sheetName, writes: [] };
  const scored = analysis.scored;
  if (!scored) return plan;
  const layout = scored.layout;
  const units = scored.categories.flatMap((c) => c.units);
  // No units, nothing to write: not even the header of an added column (it would change how the sheet reads).
  if (units.length === 0) return plan;
  const taken = new Set<number>();
  const columnFor = (role: 'total' | 'rank' | 'flag'): number => {
    const existing: ColumnInfo | undefined = layout.columns.find((c) => c.role === role);
    if (existing) return existing.col;
    // Every row of the table, category rows and notes beside them included, must be empty in an added column.
    const rows: number[] = [];
    for (let r = layout.headerRow; r <= layout.lastRow; r++) rows.push(r);
    const col = freeColumn(grid, rows, layout.lastCol + 1, taken);
    taken.add(col);
    plan.writes.push(write(grid, layout.headerRow, col, 'header', null, { value: HEADERS[role], formula: null }));
    return col;
  };
  const totalCol = columnFor('total');
  const rankCol = columnFor('rank');
  const flagCol = options.flagColumn ? columnFor('flag') : null;

  // Totals, ranks and flag texts repeat across units: one content object per distinct value.
  // Plans are read-only, so sharing them is safe, and big sheets allocate far less.
  const constants = new Map<CellValue, CellContent>();
  const constant = (value: CellValue): CellContent => {
    if (value === null) return EMPTY;
    let content = constants.get(value);
    if (!content) constants.set(value, (content = { value, formula: null }));
    return content;
  };
  const put = (unit: ScoredUnit, kind: WriteKind, col: number, value: CellValue) => {
    const before = contentAt(grid, unit.row, col);
    if (before.formula && !options.overwriteFormulas && kind !== 'flag') return;
    const after = constant(value);
    if (sameContent(before, after)) return;
    plan.writes.push({ row: unit.row, col, address: letters(col) + (unit.row + 1), kind, unit: unit.name, before, after });
  };
  for (const unit of units) {
    put(unit, 'total', totalCol, centsToNumber(unit.totalCents));
    put(unit, 'rank', rankCol, unit.rank);
    if (flagCol !== null) put(unit, 'flag', flagCol, flagText(unit.flags));
  }
  return plan;
}

function write(grid: Grid, row: number, col: number, kind: WriteKind, unit: string | null, after: CellContent): CellWrite {
  return { row, col, address: a1(row, col), kind, unit, before: contentAt(grid, row, col), after };
}

/** Empty the 标记 column's unit cells. */
export function planClearFlags(grid: Grid, analysis: Analysis): WritePlan {
  const plan: WritePlan = { sheetName: grid.sheetName, writes: [] };
  const flagCol = analysis.layout?.columns.find((c) => c.role === 'flag')?.col;
  if (flagCol === undefined || !analysis.scored) return plan;
  for (const unit of analysis.scored.categories.flatMap((c) => c.units)) {
    const before = contentAt(grid, unit.row, flagCol);
    if (before.value === null && before.formula === null) continue;
    plan.writes.push({ row: unit.row, col: flagCol, address: a1(unit.row, flagCol), kind: 'flag', unit: unit.name, before, after: { value: null, formula: null } });
  }
  return plan;
}

export interface UndoPlan {
  plan: WritePlan;
  /** Cells changed by someone since the run: left as they are now. */
  conflicts: CellWrite[];
}

/** Put back what `applied` changed, for every cell still holding what the run wrote. */
export function planUndo(current: Grid, applied: WritePlan): UndoPlan {
  const plan: WritePlan = { sheetName: applied.sheetName, writes: [] };
  const conflicts: CellWrite[] = [];
  for (const w of applied.writes) {
    const now = contentAt(current, w.row, w.col);
    if (!sameContent(now, w.after)) {
      conflicts.push(w);
      continue;
    }
    plan.writes.push({ ...w, before: now, after: w.before });
  }
  return { plan, conflicts };
}
