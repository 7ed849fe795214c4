/**
 * Writing the result of `recalc` and `summary`: the planned cells (and 考评汇总) edited into the
 * package as it was read, or, with --force, the whole-workbook rewrite through exceljs.
 */
import type { Workbook } from 'exceljs';
import { buildSummarySheet, type SheetSpec, type WritePlan } from '../core';
import { ok } from '../core/result';
import { summaryText, t, type Locale } from '../i18n/cli';
import { InPlaceError, writeInPlace, type CellEdit } from '../xlsx';
import { findOwnSummary, freeName, type BookSheet } from '../xlsx/read';
import { applyWrites, prepareForWrite, writeSummarySheet } from '../xlsx/workbook';
import { writeFileAtomic, type CliFileSystem } from './files';
import type { Chosen, Loaded, Options } from './main';
import { workbookPeriodContext } from './periods';
import { trimAbsurdMerges } from './sheetBounds';
import { describeError, problem, type Step } from './step';

export interface WriteOutcome {
  plan: WritePlan;
  summarySheet: string | null;
  summaryReplaced: boolean;
  /** A user's sheet that kept the plain name, when ours had to take another. */
  summaryNameTaken: string | null;
  /** Set when --force made the run rewrite the whole workbook because a cell could not be written in place. */
  forcedRewrite: string | null;
}

function inPlaceReason(error: InPlaceError, locale: Locale): string {
  if (error.reason === 'arrayFormula') return t('cli.inPlace.arrayFormula', locale, { cell: error.cell ?? '' });
  if (error.reason === 'mergedCell') return t('cli.inPlace.mergedCell', locale, { cell: error.cell ?? '' });
  return t('cli.inPlace.badPart', locale, { detail: error.message });
}

/** The plan as cell edits: a new 标记 column (and its header) borrows the look of the column to its left. */
function editsOf(plan: WritePlan): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const { col, kind, rows, after } of plan.columns) {
    const borrowLeftStyle = kind === 'flag' || kind === 'header';
    for (let i = 0; i < rows.length; i++) edits.push({ row: rows[i]!, col, content: after[i]!, borrowLeftStyle });
  }
  return edits;
}

export async function writeOutput(fs: CliFileSystem, loaded: Loaded, chosen: Chosen, plan: WritePlan, options: Options, out: string): Promise<Step<WriteOutcome>> {
  const { workbook } = loaded;
  let summarySheet: string | null = null;
  let summaryReplaced = false;
  let summaryNameTaken: string | null = null;
  let spec = null;
  let own: BookSheet | undefined;
  if (options.command === 'summary') {
    // #14: with the periods before it in the workbook, movement and 零报送（连续N期） as in the add-in.
    spec = buildSummarySheet(chosen.analysis, summaryText(options.locale), workbookPeriodContext(workbook, chosen.analysis));
    own = findOwnSummary(workbook, spec.name);
    summarySheet = own ? own.name : freeName(workbook, spec.name);
    summaryReplaced = own !== undefined;
    if (!own && summarySheet !== spec.name) summaryNameTaken = spec.name;
  }
  let data: Uint8Array;
  let forcedRewrite: string | null = null;
  try {
    const ws = chosen.worksheet;
    // The package opened for reading is edited as it is (no second unzip).
    data = await writeInPlace(workbook.pkg, {
      sheets: [{ sheetName: ws.name, edits: editsOf(plan), merges: chosen.grid.merges, sharedFormulaOf: (row, col) => ws.formulaAt(row, col), layout: ws.layout() }],
      summary: spec && summarySheet ? { spec, name: summarySheet, replace: own ? own.name : null } : null,
    });
  } catch (error) {
    if (!(error instanceof InPlaceError)) return problem('WRITE_FAILED', 'cli.error.writeFailed', { path: out, reason: describeError(error) });
    const reason = inPlaceReason(error, options.locale);
    if (!options.force) return problem('CANNOT_WRITE_IN_PLACE', 'cli.error.cannotWrite', { path: options.input, reason });
    // --force: the whole-workbook rewrite of earlier versions, which loses what exceljs cannot model.
    forcedRewrite = reason;
    try {
      data = await rewriteWhole(loaded.data, chosen.worksheet.name, plan, spec);
    } catch (inner) {
      return problem('WRITE_FAILED', 'cli.error.writeFailed', { path: out, reason: describeError(inner) });
    }
  }
  try {
    await writeFileAtomic(fs, out, data);
  } catch (error) {
    return problem('WRITE_FAILED', 'cli.error.writeFailed', { path: out, reason: describeError(error) });
  }
  return ok({ plan, summarySheet, summaryReplaced, summaryNameTaken, forcedRewrite });
}

/**
 * The --force fallback: the whole workbook through exceljs, which loses what exceljs cannot
 * model (the only place the CLI still loads exceljs, and only when a cell cannot be written in place).
 */
async function rewriteWhole(input: Uint8Array, sheetName: string, plan: WritePlan, spec: SheetSpec | null): Promise<Uint8Array> {
  const { Workbook: ExcelWorkbook } = await import('exceljs');
  const workbook: Workbook = new ExcelWorkbook();
  // A merge of a whole column would make exceljs build a million cells: clip it first.
  const trimmed = await trimAbsurdMerges(input);
  // exceljs types its parameter as an ArrayBuffer-like Buffer; Node's Buffer is accepted at run time.
  await workbook.xlsx.load(trimmed.data as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  const ws = workbook.getWorksheet(sheetName);
  if (!ws) throw new Error(`no worksheet ${sheetName}`);
  applyWrites(ws, plan);
  if (spec) writeSummarySheet(workbook, spec);
  prepareForWrite(workbook);
  return (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
}
