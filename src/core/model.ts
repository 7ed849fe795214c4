/** The data the pipeline passes between its stages (see ../../README.md, "How it works"). */
import type { CellRange, CellValue } from './grid';
import type { Cents } from './decimal';
import type { ColumnRole, CategoryRule, Rules } from './rules';
import type { Finding } from './findings';

export interface ColumnInfo {
  /** Absolute 0-based column. */
  col: number;
  role: ColumnRole;
  /** Header text as written (shown in messages). */
  label: string;
  /** Column maximum from a "(9)" in its header, in cents. */
  maxCents: Cents | null;
}

/** A row holding a category name alone (乡镇(街道), 一类考评单位 …). */
export interface CategoryRow {
  row: number;
  col: number;
  name: string;
}

export interface Layout {
  sheetName: string;
  /** Absolute 0-based row of the title above the table, if any. */
  titleRow: number | null;
  title: string | null;
  /** Reporting period found in the title, e.g. "2023年7—9月份". */
  period: string | null;
  headerRow: number;
  /** Columns with a known role, in sheet order. Unknown columns are ignored. */
  columns: ColumnInfo[];
  /** First and last column of the table (absolute, inclusive). */
  firstCol: number;
  lastCol: number;
  categoryMode: 'rows' | 'column' | 'none';
  /** Absolute rows of units and category rows, in sheet order (plain numbers: big sheets have many). */
  rows: number[];
  /** The category rows among `rows`, in sheet order. */
  categoryRows: CategoryRow[];
  /** Last absolute row that belongs to the table. */
  lastRow: number;
}

export type ScoreRole = 'base' | 'adoption' | 'bonus' | 'deduction' | 'component';

/** A column whose numbers make up the total (deductions subtract). */
export interface ScoreColumn extends ColumnInfo {
  role: ScoreRole;
}

export function isScoreColumn(c: ColumnInfo): c is ScoreColumn {
  return c.role === 'base' || c.role === 'adoption' || c.role === 'bonus' || c.role === 'deduction' || c.role === 'component';
}

export interface UnitRow {
  name: string;
  /** Absolute 0-based row (its name cell is in the layout's unit column). */
  row: number;
  /** This unit's row in the table's `scores` matrix (units numbered in reading order). */
  index: number;
  /** Existing contents of the total and rank cells (to check, and for undo). */
  existingTotal: CellValue;
  existingRank: CellValue;
}

export interface CategoryTable {
  name: string;
  /** Absolute 0-based row of the category row (rows mode), else null. */
  row: number | null;
  rule: CategoryRule | null;
  units: UnitRow[];
}

export interface ScoreTable {
  layout: Layout;
  /** The layout's score columns, in sheet order. */
  scoreColumns: ScoreColumn[];
  /**
   * Cents of every unit's score cells, one row per unit (`unit.index`), one column per score
   * column: `scores[unit.index * scoreColumns.length + i]`. NaN where the cell is empty or
   * unusable (a finding says why). One typed array, not an array per unit: big sheets have many.
   */
  scores: Float64Array;
  categories: CategoryTable[];
}

/** Cents of one unit's score cell; null when it is empty or unusable. */
export function scoreAt(table: Pick<ScoreTable, 'scores' | 'scoreColumns'>, unit: UnitRow, column: number): Cents | null {
  const cents = table.scores[unit.index * table.scoreColumns.length + column]!;
  return Number.isNaN(cents) ? null : cents;
}

export type FlagCode = 'ZERO_SUBMISSION' | 'BELOW_QUOTA' | 'LOW_QUALITY';
export const FLAG_CODES: readonly FlagCode[] = ['ZERO_SUBMISSION', 'BELOW_QUOTA', 'LOW_QUALITY'];
/** Shared by every unit without flags (most of them). Never mutated. */
export const NO_FLAGS: FlagCode[] = [];

export interface ScoredUnit extends UnitRow {
  totalCents: Cents;
  rank: number;
  flags: FlagCode[];
}

export interface ScoredCategory extends Omit<CategoryTable, 'units'> {
  units: ScoredUnit[];
}

export interface ScoredTable {
  layout: Layout;
  scoreColumns: ScoreColumn[];
  scores: Float64Array;
  rules: Rules;
  categories: ScoredCategory[];
}

export interface CategorySummary {
  name: string;
  unitCount: number;
  /** Mean total, rounded half away from zero to the cent. */
  meanCents: Cents;
  maxCents: Cents;
  minCents: Cents;
  /** Top N by rank, with every unit tied at the cut (so more than N may appear). */
  top: ScoredUnit[];
  flagCounts: Record<FlagCode, number>;
}

export interface FlaggedUnit {
  unit: string;
  category: string;
  row: number;
}

export interface Summary {
  title: string | null;
  period: string | null;
  topN: number;
  categories: CategorySummary[];
  flagged: Record<FlagCode, FlaggedUnit[]>;
  /** The notice's "top N per category" lines, in the published style. */
  noticeLines: string[];
}

/** What a cell holds: a constant value, or a formula (with its last computed value). */
export interface CellContent {
  value: CellValue;
  formula: string | null;
}

export type WriteKind = 'total' | 'rank' | 'flag' | 'header';

/** One changed cell, with old and new content (what `cellWrites` hands out, one object per cell). */
export interface CellWrite {
  /** Absolute 0-based coordinates and the A1 address. */
  row: number;
  col: number;
  address: string;
  kind: WriteKind;
  unit: string | null;
  before: CellContent;
  after: CellContent;
}

/**
 * The changed cells of one column, all of one kind, as parallel arrays: a plan for 100k units
 * holds a few arrays instead of 230k objects (GC time was a quarter of the core's).
 */
export interface ColumnWrites {
  /** Absolute 0-based column. */
  col: number;
  kind: WriteKind;
  /** Absolute 0-based rows, in the order the units come (sheet order within a category). */
  rows: number[];
  /** The unit on each row (null for a header cell). */
  units: Array<string | null>;
  before: CellContent[];
  after: CellContent[];
}

/** Every cell a run will change, with old and new content. Nothing outside it is written. */
export interface WritePlan {
  sheetName: string;
  /** Header cells first, then totals, ranks and flags; never two groups for one cell. */
  columns: ColumnWrites[];
}

export interface Analysis {
  sheetName: string;
  layout: Layout | null;
  rules: Rules;
  table: ScoreTable | null;
  scored: ScoredTable | null;
  summary: Summary | null;
  /** Every finding, in sheet order within severity-agnostic discovery order. */
  findings: Finding[];
}

export interface PlanOptions {
  /** Write flags into a 标记 column (added after the table when missing). */
  flagColumn: boolean;
  /** Overwrite total/rank cells that hold formulas (default: keep the user's formulas). */
  overwriteFormulas?: boolean;
}

export type { CellRange };

/** Flag text written into the sheet's 标记 column (the sheet is a Chinese office document). */
export const FLAG_LABELS_ZH: Record<FlagCode, string> = {
  ZERO_SUBMISSION: '零报送',
  BELOW_QUOTA: '基础数量不足',
  LOW_QUALITY: '质量待提高',
};
