/** The data the pipeline passes between its stages (see ../../README.md, "How it works"). */
import type { CellRange, CellValue } from './grid';
import type { Cents } from './decimal';
import type { ColumnRole, CategoryRule, Rules } from './rules';
import type { Finding } from './findings';
import type { Ledger } from './ledger';
import type { Notice } from './notice';
import type { PeriodRange } from './period';
import type { LedgerRules } from './points';
import type { Roster } from './roster';

/** A column of the score sheet with a known role. */
export interface SheetColumn {
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
  columns: SheetColumn[];
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

export type ComponentRole = 'base' | 'adoption' | 'bonus' | 'deduction' | 'component';

/** A sheet column whose numbers make up the total (deductions subtract). */
export interface ComponentColumn extends SheetColumn {
  role: ComponentRole;
}

export function isComponentColumn(c: SheetColumn): c is ComponentColumn {
  return c.role === 'base' || c.role === 'adoption' || c.role === 'bonus' || c.role === 'deduction' || c.role === 'component';
}

/**
 * Every unit of a table, column by column, indexed by unit index (reading order). The pipeline
 * reads these arrays: a sheet of 100k units makes a few arrays, not 100k objects.
 */
export interface UnitColumns {
  count: number;
  names: string[];
  /** Absolute 0-based rows. */
  rows: Int32Array;
  /**
   * What each unit's cells in the table's own 累计得分, 排名 and 标记 columns hold now (null for a
   * column the table lacks): the write plan compares against these instead of reading the grid
   * again, and the mismatch checks read them.
   */
  cells: Record<OutputKind, OutputCells | null>;
}

export type OutputKind = 'total' | 'rank' | 'flag';

/** One output column's current contents by unit index; an array is null when no cell has one. */
export interface OutputCells {
  /** Absolute 0-based column. */
  col: number;
  values: CellValue[] | null;
  formulas: Array<string | null> | null;
}

export interface CategoryTable {
  name: string;
  /** Absolute 0-based row of the category row (rows mode), else null. */
  row: number | null;
  rule: CategoryRule | null;
  /** Indexes of the category's units, in sheet order. */
  members: number[];
}

export interface ScoreTable {
  layout: Layout;
  /** The layout's score columns, in sheet order. */
  scoreColumns: ComponentColumn[];
  units: UnitColumns;
  /**
   * Cents of every unit's score cells, one row per unit index, one column per score column:
   * `scores[index * scoreColumns.length + i]`. NaN where the cell is empty or unusable (a
   * finding says why).
   */
  scores: Float64Array;
  categories: CategoryTable[];
}

export { FLAG_CODES, FLAG_LABELS_ZH, FLAG_SETS, NO_FLAGS, SHEET_FLAG_CODES, type FlagCode } from './flags';
import type { FlagCode } from './flags';

/**
 * One scored unit as an object, for those that show units one by one (lists, messages, the
 * pane, the JSON report). The core keeps units as columns (UnitColumns, UnitResults); this is
 * built from them by `scoredUnit` / `unitsOf` (./units), afresh on each call.
 */
export interface ScoredUnit {
  name: string;
  /** Absolute 0-based row (its name cell is in the layout's unit column). */
  row: number;
  /** The unit's index in the table's columns (units numbered in reading order). */
  index: number;
  /** Existing contents of the total and rank cells (to check, and for undo). */
  existingTotal: CellValue;
  existingRank: CellValue;
  totalCents: Cents;
  rank: number;
  flags: FlagCode[];
}

/** Totals, ranks and flags of every unit, indexed by unit index. */
export interface UnitResults {
  totals: Float64Array;
  ranks: Int32Array;
  /** Flag bit sets: FLAG_SETS[flagBits[index]] are the unit's flags. */
  flagBits: Uint8Array;
}

/** A category of a scored table: its members are unit indexes (`unitsOf` builds them as objects). */
export type ScoredCategory = CategoryTable;

export interface ScoredTable {
  layout: Layout;
  scoreColumns: ComponentColumn[];
  units: UnitColumns;
  scores: Float64Array;
  results: UnitResults;
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

/** 'adoption': 采用得分 from the ledger and the points table (#13 ledger). */
export type WriteKind = 'total' | 'rank' | 'flag' | 'header' | 'adoption';

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
 * holds a few arrays, one entry per changed cell, rather than one object per cell.
 */
export interface ColumnWrites {
  /** Absolute 0-based column. */
  col: number;
  kind: WriteKind;
  /** Absolute 0-based rows, in the order the units come (sheet order within a category). */
  rows: Int32Array;
  /** The unit on each row (null for a header cell). */
  units: Array<string | null>;
  /** What each cell held; null when every one was empty (a first run). Read it with `beforeAt`. */
  before: CellContent[] | null;
  after: CellContent[];
}

/** Every cell a run will change, with old and new content. Nothing outside it is written. */
export interface WritePlan {
  sheetName: string;
  /** Header cells first, then totals, ranks and flags; never two groups for one cell. */
  columns: ColumnWrites[];
  /**
   * #9 item 10: cells the plan cannot write (inside a merged area, no free column left), as
   * findings naming them; those cells are left out of `columns`. Absent when there are none.
   */
  problems?: Finding[];
}

/** Number of cells a plan changes. */
export function writeCount(plan: WritePlan): number {
  let n = 0;
  for (const column of plan.columns) n += column.rows.length;
  return n;
}

/**
 * What one sheet turned out to be. `kind` says which; each kind carries exactly its fields (the
 * others are declared `?: never`, so `if (analysis.scored)` narrows as well as a test of `kind`).
 */
export type Analysis = NoTableAnalysis | OwnSheetAnalysis | TableAnalysis;

interface AnalysisBase {
  sheetName: string;
  /** The rules in effect: defaults, then the 考评规则 sheet, then the user's settings. */
  rules: Rules;
  /** Every finding, sheet-level first, then by row and column. */
  findings: Finding[];
}

/** Fields only a sheet with a score table has. */
type TableFields = 'layout' | 'table' | 'scored' | 'summary' | 'ledger' | 'notice';
type Without<K extends string> = { [P in K]?: never };

/** No score table on the sheet; the findings say why (HEADER_NOT_FOUND and the like). */
export interface NoTableAnalysis extends AnalysisBase, Without<TableFields> {
  kind: 'noTable';
}

/** The product's own 考评汇总 sheet: nothing to check (SUMMARY_SHEET). */
export interface OwnSheetAnalysis extends AnalysisBase, Without<TableFields> {
  kind: 'ownSheet';
}

/** A score table, read, validated, scored and summarised. */
export interface TableAnalysis extends AnalysisBase {
  kind: 'table';
  layout: Layout;
  table: ScoreTable;
  scored: ScoredTable;
  summary: Summary;
  /** #13 ledger: the ledger, roster and points found beside the score sheet. */
  ledger: LedgerAnalysis;
  /** #13 ledger: the notice, title and sections. */
  notice: Notice;
}

/** #13 ledger: what the workbook's ledger, roster and 考评规则 add to a run. */
export interface LedgerAnalysis {
  /** The ledger sheet as read, or null when the workbook has none. */
  ledger: Ledger | null;
  /** The roster the names were resolved with (the sheet completed by the table, or the table's units). */
  roster: Roster;
  /** The roster sheet's name, or null when the score table's units were the roster. */
  rosterSheet: string | null;
  rules: LedgerRules;
  period: PeriodRange | null;
  /** 采用得分 the points table gives, by unit index (null without a points table or 采用得分 column). */
  adoption: { col: number; cents: Float64Array } | null;
}

export interface PlanOptions {
  /** Write flags into a 标记 column (added after the table when missing). */
  flagColumn: boolean;
  /** Overwrite total/rank cells that hold formulas (default: keep the user's formulas). */
  overwriteFormulas?: boolean;
  /** #11 写入公式: 累计得分 and 排名 as live formulas (with the computed value cached) instead of values. */
  formulas?: boolean;
}

export type { CellRange };
