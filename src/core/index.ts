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
export { analyze, pickScoreSheet, isOwnSummarySheet, type AnalyzeOptions } from './analyze';
export { planWrites, planUndo, planClearFlags, contentAt, sameContent, writeCount, cellWrites, planOf, beforeAt, type UndoPlan } from './plan';
export { extractPeriod } from './layout';
export { rankTotals, totalOf } from './score';
export { noticeLine, topUnits } from './summary';
export { UNCATEGORISED, SINGLE_CATEGORY } from './table';
export { buildSummarySheet, noticeDraft, type SummaryText } from './summarySheet';
// #15 WPS: shared by the Office.js and WPS adapters
export { firstChangedCell, plannedChanges, type PlannedChange } from './preview';
