/**
 * What each step of a command gives: its value, or the problem that ends the run with exit
 * status 2 and a message. Shared by check/recalc/summary, notice and year.
 */
import { fail, type Result } from '../core/result';
import { t, type AnyMessageKey, type Locale, type Params } from '../i18n/cli';
import type { CliIo } from './main';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

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

/**
 * The language asked for, read before the arguments are parsed, so that even a usage error
 * answers in it (the parsed options then say it again).
 */
export function requestedLocale(argv: readonly string[]): Locale {
  return argv.includes('--lang=en-US') || argv[argv.indexOf('--lang') + 1] === 'en-US' ? 'en-US' : 'zh-CN';
}

/**
 * Ends `notice` or `year` over a step's problem: the message (with the usage hint for a usage
 * error) and, when JSON was asked for, what the run had found so far with the error; exit status 2.
 */
export function endOnProblem(io: CliIo, failure: CliProblem, locale: Locale, jsonSoFar: object | null): number {
  const message = t(failure.key, locale, failure.params);
  if (jsonSoFar) io.stdout(JSON.stringify({ ...jsonSoFar, error: { code: failure.code, message } }, null, 2) + '\n');
  io.stderr(message + '\n');
  if (failure.code === 'USAGE') io.stderr(t('cli.usage.hint', locale) + '\n');
  return EXIT_FAILURE;
}
