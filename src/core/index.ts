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
export { analyze, pickScoreSheet, type AnalyzeOptions } from './analyze';
export { planWrites, planUndo, needsTextGuard, type UndoPlan } from './plan';
export { buildSummarySheet } from './summarySheet';
