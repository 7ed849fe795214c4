import { a1 } from './grid';

/**
 * Findings: what validation found in the sheet. Bad cell content is data, never an exception.
 * Each finding is keyed on `code` and carries the structured fields its message needs;
 * messages are rendered outside the core (src/i18n), never matched on.
 */
export type Severity = 'error' | 'warning' | 'info';

interface At {
  /** A1 address of the cell the finding is about, e.g. "B17"; null for sheet-level findings. */
  cell: string | null;
  /** Absolute 0-based coordinates of that cell, for selecting it. */
  row: number | null;
  col: number | null;
  /** The unit (单位) the finding concerns, when there is one. */
  unit: string | null;
  /** #13 ledger: the sheet the cell is on when it is not the score sheet (the ledger, the roster). */
  sheet?: string;
}

/** Header text as found, for messages naming a column. */
type ColumnField = { column: string };

export type FindingDetail =
  | { code: 'HEADER_NOT_FOUND' }
  | { code: 'SUMMARY_SHEET' }
  | { code: 'MISSING_COLUMN'; column: 'unit' | 'score' | 'total' | 'rank' }
  | { code: 'DUPLICATE_HEADER'; column: string }
  | { code: 'NO_CATEGORY' }
  | { code: 'UNKNOWN_CATEGORY'; category: string }
  | { code: 'EMPTY_CATEGORY'; category: string }
  | { code: 'UNIT_BEFORE_CATEGORY' }
  | { code: 'MULTIPLE_TABLES'; headerCell: string }
  | ({ code: 'NOT_A_NUMBER'; text: string } & ColumnField)
  | ({ code: 'ERROR_VALUE'; text: string } & ColumnField)
  | ({ code: 'OUT_OF_RANGE'; text: string } & ColumnField)
  | ({ code: 'TOO_MANY_DECIMALS'; value: number; rounded: number } & ColumnField)
  | ({ code: 'EMPTY_SCORE' } & ColumnField)
  | ({ code: 'NEGATIVE_SCORE'; value: number } & ColumnField)
  | { code: 'BASE_OVER_CAP'; value: number; cap: number; category: string }
  | { code: 'BONUS_OVER_CAP'; value: number; cap: number }
  | ({ code: 'OVER_CAP'; value: number; cap: number } & ColumnField)
  | ({ code: 'SCORE_STEP'; value: number; step: number } & ColumnField)
  | { code: 'DUPLICATE_UNIT'; firstCell: string; category: string }
  | { code: 'UNIT_IN_TWO_CATEGORIES'; firstCell: string; firstCategory: string; category: string }
  | { code: 'EMPTY_UNIT_NAME' }
  | { code: 'TOTAL_MISMATCH'; found: string; expected: number }
  | { code: 'RANK_MISMATCH'; found: string; expected: number }
  | ({ code: 'FORMULA_OVERWRITE'; formula: string } & ColumnField)
  | { code: 'HIDDEN_ROW' }
  | { code: 'RULES_SHEET_INVALID'; text: string }
  // #9 reading traps
  | ({ code: 'FORMULA_NO_VALUE'; formula: string } & ColumnField)
  | { code: 'TABLE_ENDS_EARLY'; unitCell: string; count: number }
  | { code: 'DOUBTFUL_CATEGORY'; category: string }
  | ({ code: 'NUMERIC_TEXT'; text: string } & ColumnField)
  | ({ code: 'EXTRA_COMPONENT' } & ColumnField)
  | { code: 'HIDDEN_SHEET'; sheet: string }
  | { code: 'CELL_TOO_LONG'; length: number }
  // #13 ledger
  | { code: 'ROSTER_DUPLICATE'; name: string; firstCell: string }
  | { code: 'LEDGER_UNKNOWN_UNIT'; name: string }
  | { code: 'LEDGER_EMPTY_UNIT' }
  | { code: 'LEDGER_BAD_DATE'; text: string }
  | { code: 'LEDGER_EMPTY_DATE' }
  | { code: 'LEDGER_NO_DATES' }
  | { code: 'LEDGER_NO_PERIOD' }
  | { code: 'LEDGER_UNKNOWN_KIND'; text: string }
  | { code: 'LEDGER_OUTSIDE_PERIOD'; count: number; period: string }
  | { code: 'ADOPTION_MISMATCH'; found: string; expected: number }
  // #14 year: findings about the periods of a year (sheet-level; `sheet` names the period's sheet)
  | { code: 'PERIOD_HAS_ERRORS'; sheet: string; period: string; errors: number; firstCell: string | null }
  | { code: 'PERIOD_NOT_RECOGNISED'; sheet: string }
  | { code: 'PERIOD_DUPLICATE'; sheet: string; period: string; firstSheet: string }
  | { code: 'UNIT_MISSING_IN_PERIOD'; sheet: string; period: string }
  | { code: 'UNIT_JOINED_IN_PERIOD'; sheet: string; period: string }
  | { code: 'UNIT_CATEGORY_CHANGED'; sheet: string; period: string; from: string; to: string }
  | { code: 'YEAR_TOO_FEW_PERIODS'; periods: number }
  // #9 adapters (items 9-10): bombs and cells the plan cannot write
  | { code: 'CELLS_OUTSIDE_TABLE'; count: number; table: string }
  | { code: 'MERGE_CLIPPED'; merge: string; clipped: string | null }
  | { code: 'MERGED_OUTPUT_CELL'; merge: string; column: 'total' | 'rank' | 'flag' }
  | { code: 'FLAG_COLUMN_SKIPPED' }
  | { code: 'NO_ROOM_FOR_COLUMN'; column: 'total' | 'rank' };

export type Finding = FindingDetail & At & { severity: Severity };
export type FindingCode = Finding['code'];

/** Severity of each code: declared once, so the UI, the CLI and the exit status agree. */
export const SEVERITY: { readonly [C in FindingCode]: Severity } = {
  HEADER_NOT_FOUND: 'error',
  SUMMARY_SHEET: 'error',
  MISSING_COLUMN: 'error',
  DUPLICATE_HEADER: 'warning',
  NO_CATEGORY: 'info',
  UNKNOWN_CATEGORY: 'warning',
  EMPTY_CATEGORY: 'warning',
  UNIT_BEFORE_CATEGORY: 'warning',
  MULTIPLE_TABLES: 'warning',
  NOT_A_NUMBER: 'error',
  ERROR_VALUE: 'error',
  OUT_OF_RANGE: 'error',
  TOO_MANY_DECIMALS: 'warning',
  EMPTY_SCORE: 'warning',
  NEGATIVE_SCORE: 'error',
  BASE_OVER_CAP: 'error',
  BONUS_OVER_CAP: 'error',
  OVER_CAP: 'error',
  SCORE_STEP: 'warning',
  DUPLICATE_UNIT: 'error',
  UNIT_IN_TWO_CATEGORIES: 'warning',
  EMPTY_UNIT_NAME: 'warning',
  TOTAL_MISMATCH: 'warning',
  RANK_MISMATCH: 'warning',
  FORMULA_OVERWRITE: 'warning',
  HIDDEN_ROW: 'info',
  RULES_SHEET_INVALID: 'warning',
  // #9 reading traps
  FORMULA_NO_VALUE: 'error',
  TABLE_ENDS_EARLY: 'error',
  DOUBTFUL_CATEGORY: 'warning',
  NUMERIC_TEXT: 'info',
  EXTRA_COMPONENT: 'info',
  HIDDEN_SHEET: 'warning',
  CELL_TOO_LONG: 'error',
  // #13 ledger
  ROSTER_DUPLICATE: 'warning',
  LEDGER_UNKNOWN_UNIT: 'warning',
  LEDGER_EMPTY_UNIT: 'warning',
  LEDGER_BAD_DATE: 'error',
  LEDGER_EMPTY_DATE: 'warning',
  LEDGER_NO_DATES: 'info',
  LEDGER_NO_PERIOD: 'info',
  LEDGER_UNKNOWN_KIND: 'error',
  LEDGER_OUTSIDE_PERIOD: 'info',
  ADOPTION_MISMATCH: 'warning',
  // #14 year
  PERIOD_HAS_ERRORS: 'error',
  PERIOD_NOT_RECOGNISED: 'warning',
  PERIOD_DUPLICATE: 'warning',
  UNIT_MISSING_IN_PERIOD: 'info',
  UNIT_JOINED_IN_PERIOD: 'info',
  UNIT_CATEGORY_CHANGED: 'warning',
  YEAR_TOO_FEW_PERIODS: 'info',
  // #9 adapters (items 9-10)
  CELLS_OUTSIDE_TABLE: 'warning',
  MERGE_CLIPPED: 'warning',
  MERGED_OUTPUT_CELL: 'error',
  FLAG_COLUMN_SKIPPED: 'warning',
  NO_ROOM_FOR_COLUMN: 'error',
};

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;

export const ALL_FINDING_CODES = Object.keys(SEVERITY) as FindingCode[];

export interface FindingPlace {
  row: number | null;
  col: number | null;
  cell: string | null;
  unit: string | null;
}

/** The place of a finding at absolute 0-based coordinates. */
export function placeAt(row: number, col: number, unit: string | null = null): FindingPlace {
  return { row, col, cell: a1(row, col), unit };
}

export const SHEET_LEVEL: FindingPlace = { row: null, col: null, cell: null, unit: null };

/** A new finding from its detail and place (neither is changed); the severity always comes from SEVERITY. */
export function finding(detail: FindingDetail, place: FindingPlace): Finding {
  return { ...detail, severity: SEVERITY[detail.code], cell: place.cell, row: place.row, col: place.col, unit: place.unit };
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
