/**
 * The bad-and-odd input corpus (issue 4): sheets as clerks really keep them, built by code,
 * each with the findings (code + cell, in order) and the result a person expects from reading
 * the sheet. Expectations are written by hand, never taken from the core's output.
 * The same cases run through the core, the CLI (via .xlsx) and the simulated Excel.
 */
import type { FindingCode } from '../../src/core';
import { CELL_CASES } from './cellCases';
import { LAYOUT_CASES } from './layoutCases';
import type { CorpusCase } from './sheetBuilder';

export { sheet, type CorpusCase, type ExpectedCategory, type ExpectedFinding, type ExpectedUnit } from './sheetBuilder';

export const CASES: CorpusCase[] = [...LAYOUT_CASES, ...CELL_CASES];

/** True when a finding code means no score table was found (the CLI's exit status 2). */
export const NO_TABLE_CODES: ReadonlySet<FindingCode> = new Set(['HEADER_NOT_FOUND', 'MISSING_COLUMN']);
