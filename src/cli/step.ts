/**
 * What each step of a command gives: its value, or the problem that ends the run with exit
 * status 2 and a message. Shared by check/recalc/summary, notice and year.
 */
import { fail, type Result } from '../core/result';
import type { AnyMessageKey, Params } from '../i18n/cli';

export type ErrorCode =
  | 'USAGE'
  | 'SAME_FILE'
  | 'NOT_FOUND'
  | 'UNREADABLE'
  | 'ENCRYPTED'
  | 'NOT_XLSX'
  | 'CORRUPT'
  | 'NO_SHEETS'
  | 'SHEET_NOT_FOUND'
  | 'NO_SCORE_TABLE'
  | 'CANNOT_WRITE_IN_PLACE'
  | 'WRITE_FAILED'
  | 'OUT_NOT_REGULAR'
  | 'INTERNAL';

/** An expected failure of a step (bad usage, unreadable file, no table…): ends the run with exit status 2 and this message. */
export interface CliProblem {
  code: ErrorCode;
  key: AnyMessageKey;
  params: Params;
}

/** What each step of a run gives: its value, or the problem that ends the run. Nothing expected is thrown. */
export type Step<T> = Result<T, CliProblem>;

export function problem(code: ErrorCode, key: AnyMessageKey, params: Params = {}): { ok: false; error: CliProblem } {
  return fail({ code, key, params });
}
export function describeError(error: unknown): string {
  // An error from another realm (a worker, a test sandbox) is not `instanceof Error` here.
  const isError = error instanceof Error || (typeof error === 'object' && error !== null && typeof (error as Error).message === 'string');
  if (!isError) return String(error);
  const { code, message } = error as NodeJS.ErrnoException;
  // Node's own messages already begin with their code ("EACCES: permission denied, open …").
  return code && !message.startsWith(`${code}:`) ? `${code}: ${message}` : message;
}
