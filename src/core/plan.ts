/** The write plan: every cell a run changes, with old and new content. Nothing else is written. */
import { a1, formulaAt, valueAt, type CellValue, type Grid } from './grid';
import { centsToNumber } from './decimal';
import { FLAG_LABELS_ZH, type Analysis, type CellContent, type CellWrite, type ColumnInfo, type ColumnWrites, type FlagCode, type PlanOptions, type ScoredUnit, type WriteKind, type WritePlan } from './model';

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

const FLAG_TEXTS = new Map<readonly FlagCode[], string>();
/** 标记 text of a unit's flags; units share their flag arrays (see score.ts), so each text is joined once. */
function flagText(flags: readonly FlagCode[]): string | null {
  if (flags.length === 0) return null;
  let text = FLAG_TEXTS.get(flags);
  if (text === undefined) {
    text = flags.map((f) => FLAG_LABELS_ZH[f]).join('、');
    // Arrays built elsewhere (tests) are not shared: keep the cache from growing with them.
    if (FLAG_TEXTS.size < 64) FLAG_TEXTS.set(flags, text);
  }
  return text;
}

/** An empty group of writes for one column. */
function group(col: number, kind: WriteKind): ColumnWrites {
  return { col, kind, rows: [], units: [], before: [], after: [] };
}

function push(into: ColumnWrites, row: number, unit: string | null, before: CellContent, after: CellContent): void {
  into.rows.push(row);
  into.units.push(unit);
  into.before.push(before);
  into.after.push(after);
}

/** Groups that change at least one cell. */
function nonEmpty(sheetName: string, columns: ColumnWrites[]): WritePlan {
  return { sheetName, columns: columns.filter((c) => c.rows.length > 0) };
}

/** Number of cells a plan changes. */
export function writeCount(plan: WritePlan): number {
  let n = 0;
  for (const column of plan.columns) n += column.rows.length;
  return n;
}

/** The plan one cell at a time, in plan order (for small consumers: messages, tests, the undo record). */
export function cellWrites(plan: WritePlan): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const c of plan.columns) {
    for (let i = 0; i < c.rows.length; i++) {
      const row = c.rows[i]!;
      writes.push({ row, col: c.col, address: a1(row, c.col), kind: c.kind, unit: c.units[i]!, before: c.before[i]!, after: c.after[i]! });
    }
  }
  return writes;
}

/** A plan from single cells (an undo record read back): consecutive cells of one column and kind form a group. */
export function planOf(sheetName: string, writes: readonly Omit<CellWrite, 'address'>[]): WritePlan {
  const columns: ColumnWrites[] = [];
  let current: ColumnWrites | null = null;
  for (const w of writes) {
    if (!current || current.col !== w.col || current.kind !== w.kind) columns.push((current = group(w.col, w.kind)));
    push(current, w.row, w.unit, w.before, w.after);
  }
  return { sheetName, columns };
}

/** The exact cells a recalculation changes: totals, ranks, and the 标记 column if asked. */
export function planWrites(grid: Grid, analysis: Analysis, options: PlanOptions): WritePlan {
  const scored = analysis.scored;
  if (!scored) return { sheetName: grid.sheetName, columns: [] };
  const layout = scored.layout;
  // No units, nothing to write: not even the header of an added column (it would change how the sheet reads).
  if (!scored.categories.some((c) => c.units.length > 0)) return { sheetName: grid.sheetName, columns: [] };
  const headers: ColumnWrites[] = [];
  const taken = new Set<number>();
  const columnFor = (role: 'total' | 'rank' | 'flag'): number => {
    const existing: ColumnInfo | undefined = layout.columns.find((c) => c.role === role);
    if (existing) return existing.col;
    // Every row of the table, category rows and notes beside them included, must be empty in an added column.
    const rows: number[] = [];
    for (let r = layout.headerRow; r <= layout.lastRow; r++) rows.push(r);
    const col = freeColumn(grid, rows, layout.lastCol + 1, taken);
    taken.add(col);
    const header = group(col, 'header');
    push(header, layout.headerRow, null, contentAt(grid, layout.headerRow, col), { value: HEADERS[role], formula: null });
    headers.push(header);
    return col;
  };
  const totals = group(columnFor('total'), 'total');
  const ranks = group(columnFor('rank'), 'rank');
  const flags = options.flagColumn ? group(columnFor('flag'), 'flag') : null;

  // Totals, ranks and flag texts repeat across units: one content object per distinct value,
  // keyed by what the unit holds (cents, rank, its shared flag array). Plans are read-only, so
  // sharing them is safe, and big sheets allocate far less.
  const valueOf = (into: ColumnWrites, unit: ScoredUnit): CellValue =>
    into === totals ? centsToNumber(unit.totalCents) : into === ranks ? unit.rank : flagText(unit.flags);
  const keyOf = (into: ColumnWrites, unit: ScoredUnit): unknown => (into === totals ? unit.totalCents : into === ranks ? unit.rank : unit.flags);
  const targets = flags ? [totals, ranks, flags] : [totals, ranks];
  let unitCount = 0;
  for (const category of scored.categories) unitCount += category.units.length;
  for (const into of targets) {
    // Sized once for every unit and trimmed after: growing four arrays cell by cell copied them over and over.
    const rows = new Array<number>(unitCount);
    const units = new Array<string | null>(unitCount);
    const before = new Array<CellContent>(unitCount);
    const after = new Array<CellContent>(unitCount);
    const col = into.col;
    const keepFormulas = !options.overwriteFormulas && into.kind !== 'flag';
    const contents = new Map<unknown, CellContent>();
    let n = 0;
    for (const category of scored.categories) {
      const unitsOf = category.units;
      for (let i = 0; i < unitsOf.length; i++) {
        const unit = unitsOf[i]!;
        const was = contentAt(grid, unit.row, col);
        if (was.formula && keepFormulas) continue;
        const key = keyOf(into, unit);
        let now = contents.get(key);
        if (!now) {
          const value = valueOf(into, unit);
          contents.set(key, (now = value === null ? EMPTY : { value, formula: null }));
        }
        if (sameContent(was, now)) continue;
        rows[n] = unit.row;
        units[n] = unit.name;
        before[n] = was;
        after[n] = now;
        n++;
      }
    }
    rows.length = units.length = before.length = after.length = n;
    Object.assign(into, { rows, units, before, after });
  }
  return nonEmpty(grid.sheetName, [...headers, ...targets]);
}

/** Empty the 标记 column's unit cells. */
export function planClearFlags(grid: Grid, analysis: Analysis): WritePlan {
  const flagCol = analysis.layout?.columns.find((c) => c.role === 'flag')?.col;
  if (flagCol === undefined || !analysis.scored) return { sheetName: grid.sheetName, columns: [] };
  const flags = group(flagCol, 'flag');
  for (const category of analysis.scored.categories) {
    for (let i = 0; i < category.units.length; i++) {
      const unit = category.units[i]!;
      const before = contentAt(grid, unit.row, flagCol);
      if (before.value === null && before.formula === null) continue;
      push(flags, unit.row, unit.name, before, EMPTY);
    }
  }
  return nonEmpty(grid.sheetName, [flags]);
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
        conflicts.push({ row, col: c.col, address: a1(row, c.col), kind: c.kind, unit: c.units[i]!, before: c.before[i]!, after: c.after[i]! });
        continue;
      }
      push(back, row, c.units[i]!, now, c.before[i]!);
    }
    return back;
  });
  return { plan: nonEmpty(applied.sheetName, columns), conflicts };
}
