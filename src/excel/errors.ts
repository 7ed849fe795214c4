/** Office errors (code, message, debugInfo) to a clear message for the user (host.* keys). */
import { hasErrors, SUMMARY_SHEET_NAME, type Analysis } from '../core';
import type { HostErrorKey, HostFailure } from '../host/port';

export type { HostFailure };

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown; message?: unknown; statement?: unknown } | null;
}

export function officeCode(error: unknown): string | undefined {
  const code = (error as OfficeErrorLike | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function detail(error: unknown): string {
  const e = error as OfficeErrorLike | null;
  const location = e?.debugInfo?.errorLocation;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return typeof location === 'string' && location ? `${message} (${location})` : message;
}

/** Describe a failed Office call; `sheet` names the sheet the operation was about. */
export function failureFromError(error: unknown, sheet: string, partial = false): HostFailure {
  const code = officeCode(error);
  const params = { sheet, code: code ?? '', detail: detail(error) };
  const key = partial ? 'host.error.partial' : keyFor(code);
  return { ok: false, error: code ? { key, params, officeCode: code } : { key, params } };
}

function keyFor(code: string | undefined): HostErrorKey {
  switch (code) {
    case 'ConnectionFailure':
    case 'RequestAborted':
      return 'host.error.connection';
    case 'AccessDenied':
      return 'host.error.accessDenied';
    case 'InvalidOperationInCellEditMode':
      return 'host.error.cellEditMode';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 'host.error.payloadTooLarge';
    case 'ItemNotFound':
      return 'host.error.sheetMissing';
    case 'ActivityLimitReached':
      return 'host.error.busy';
    case undefined:
      return 'host.error.unexpected';
    default:
      return 'host.error.office';
  }
}

export function failure(key: HostErrorKey, params: Record<string, string | number> = {}): HostFailure {
  return { ok: false, error: { key, params } };
}

/** Why a recalculation is refused before anything is written: no table, or errors in it (with their count and first cell). */
export function errorsRefusal(sheetName: string, analysis: Analysis): HostFailure | null {
  if (analysis.kind !== 'table') return failure('host.error.noTable', { sheet: sheetName });
  if (hasErrors(analysis.findings)) {
    const errors = analysis.findings.filter((f) => f.severity === 'error');
    return failure('host.error.hasErrors', { sheet: sheetName, count: errors.length, cell: errors[0]?.cell ?? '' });
  }
  return null;
}

/**
 * Whether a 考评汇总 may be drafted from this sheet (Excel and WPS alike): a score table, no
 * errors unless the user confirmed in the pane (the summary and its notice lines would carry
 * wrong numbers), and a workbook whose structure lets a sheet be added. The count of errors
 * the user confirmed, or why not.
 */
export function summaryGate(sheetName: string, analysis: Analysis, allowErrors: boolean, workbookProtected: boolean): { ok: true; errors: number } | HostFailure {
  if (!analysis.scored) return failure('host.error.noTable', { sheet: sheetName });
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !allowErrors) {
    return failure('host.error.summaryHasErrors', { sheet: sheetName, count: errors.length, cell: errors[0]?.cell ?? '' });
  }
  if (workbookProtected) return failure('host.error.workbookProtected', { sheet: SUMMARY_SHEET_NAME });
  return { ok: true, errors: errors.length };
}

/** A write that failed, and whether what it had changed was put back (thrown by excel/write). */
export class WriteFailedError extends Error {
  constructor(readonly error: unknown, readonly rolledBack: boolean) {
    super('write failed');
    this.name = 'WriteFailedError';
  }
}
