/**
 * The scoring core: pure TypeScript over plain grids. No Office, DOM, Node or exceljs here
 * (test/core/layering.test.ts enforces it).
 */
export * from './grid';
export * from './decimal';
export * from './text';
export * from './findings';
export * from './rules';
export * from './model';
export * from './result';
export * from './sheetSpec';
export { isOwnSheetRows, isOwnSheetName, sameSheetName, freeSheetName } from './ownSheets';
export { analyze, pickScoreSheet, isOwnSummarySheet, type AnalyzeOptions } from './analyze';
export { planWrites, planUndo, planClearFlags, contentAt, sameContent, cellWrites, planOf, beforeAt, type UndoPlan } from './plan';
export { extractPeriod } from './layout';
export { totalOf } from './score';
export { rankTotals } from './rank';
export { scoredUnit, unitsOf } from './units';
export { noticeLine, topUnits } from './summary';
export { UNCATEGORISED, SINGLE_CATEGORY } from './table';
export { buildSummarySheet, type SummaryText } from './summarySheet';
export { noticeDraft, summaryNoticeLines } from './noticeDraft';
// #9 reading traps
export { sheetPreference } from './analyze';
export { splitNoticeLine, NOTICE_ROW_CHARS } from './summarySheet';
// #13 ledger
export { periodRange, parseDateCell, type PeriodRange, type DateCell } from './period';
export { ROSTER_SHEET_NAMES, createRoster, effectiveRoster, isRosterSheetName, isTownshipCategory, readRosterSheet, rosterFromTable, splitNames, type Roster, type RosterUnit } from './roster';
export { LEDGER_SHEET_NAMES, adoptionPoints, isLedgerGrid, isLedgerSheetName, pickLedgerGrid, piecesOf, readLedger, type Ledger, type LedgerColumns, type LedgerName, type LedgerPiece } from './ledger';
export { defaultLedgerRules, readLedgerRules, DEFAULT_OFFICE_NAME, DEFAULT_NOTICE_LEVEL, type LedgerRules } from './points';
export { buildNotice, noticeText, scoreAttachment, CLERK_MARK_OPEN, CLERK_MARK_CLOSE, type Notice, type NoticeSection, type NoticeInput, type ScoreAttachment } from './notice';
// #14 year
export { recognisePeriod, periodOfSheet, comparePeriods, commonYear, samePeriod, type Period } from './periods';
export {
  buildYear,
  yearPeriods,
  periodContext,
  movementText,
  yearNotice,
  resolverFromAliases,
  identityResolve,
  REPEAT_ZERO_MIN,
  type Year,
  type YearSheet,
  type YearOptions,
  type YearPeriod,
  type YearUnit,
  type YearCategory,
  type PeriodContext,
} from './year';
export { buildYearSheet } from './yearSheet';
export { annualNotice, yearAttachment, yearResolver, yearRosterSheet, yearRange, yearLedger, type YearWorkbook } from './yearNotice';
// #15 WPS: shared by the Office.js and WPS adapters
export { firstChangedCell, plannedChanges, planRecalc, type PlannedChange } from './preview';
// #11 写入公式
export { totalFormula, rankFormula, isOwnFormula, MAX_FORMULA_CHARS } from './formulas';
export * from './words';
