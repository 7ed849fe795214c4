/**
 * #14 year: `scorecard year <in.xlsx>... [--out <out.xlsx>] [--docx <out.docx>] [--rank competition|dense] [--force] [--json]`.
 * Every score sheet of every input whose title or name gives a period goes into the year; the
 * 年度汇总 sheet is written into a copy of the one input, or alone into --out when several
 * workbooks were read together. Units are matched through the inputs' 单位名录 and their aliases
 * (core yearResolver, as in Excel); --docx saves the annual notice as a Word file.
 */
import { Workbook } from 'exceljs';
import {
  buildYear,
  buildYearSheet,
  centsToNumber,
  formatCents,
  movementText,
  SEVERITY_ORDER,
  yearAttachment,
  type FindingCode,
  type RankMode,
  type Severity,
  type Year,
  type YearSheet,
  type YearWorkbook,
} from '../core';
import { noticeDocx } from '../docx/notice';
import { formatFinding, summaryText, t, type AnyMessageKey, type Locale, type Params } from '../i18n/cli';
import { writeInPlace } from '../xlsx';
import { splitArgs } from './args';
import { periodSheets, yearWorkbook } from './periods';
import { isSameFile, nodeFileSystem, writeFileAtomic, type CliFileSystem } from './files';
import { EXIT_FINDINGS, EXIT_OK, readWorkbook, type CliDeps, type CliIo } from './main';
import { describeError, endOnProblem, problem, requestedLocale, type CliProblem, type Step } from './step';
import { ok } from '../core/result';
import { prepareForWrite, writeSummarySheet } from '../xlsx/workbook';
import { findOwnSummary, freeName, type Book } from '../xlsx/read';

export type YearDeps = CliDeps;

interface YearOptions {
  inputs: string[];
  out: string | null;
  docx: string | null;
  rank: RankMode | null;
  force: boolean;
  json: boolean;
  locale: Locale;
}

const VALUE_OPTIONS = new Set(['--out', '--docx', '--rank', '--lang']);

function parseYearArgs(argv: readonly string[]): Step<YearOptions | 'help'> {
  const split = splitArgs(argv, VALUE_OPTIONS, { '-o': '--out', '-h': '--help' });
  if ('problem' in split) return problem('USAGE', split.problem.key, split.problem.params);
  const { positional: inputs, values, flags } = split;
  if (flags.has('--help')) return ok('help');
  if (inputs.length === 0) return problem('USAGE', 'cli.usage.missingInput');
  const rank = values.get('--rank') ?? null;
  if (rank !== null && rank !== 'competition' && rank !== 'dense') return problem('USAGE', 'cli.usage.badRank', { value: rank });
  return ok({
    inputs,
    out: values.get('--out') ?? null,
    docx: values.get('--docx') ?? null,
    rank: rank,
    force: flags.has('--force'),
    json: flags.has('--json'),
    locale: split.locale,
  });
}

// ---- JSON document ----------------------------------------------------------------------

export interface YearJsonFinding {
  severity: Severity;
  code: FindingCode;
  /** The period sheet the finding is about, when it is about one. */
  sheet: string | null;
  cell: string | null;
  unit: string | null;
  message: string;
}

export interface YearJson {
  periods: string[];
  categories: Array<{
    name: string;
    units: Array<{ name: string; periods: Array<number | null>; total: number; rank: number; movement: number | null; flags: string[] }>;
  }>;
  findings: YearJsonFinding[];
  notice: string[];
  /** Present only when the run ended with exit status 2. */
  error?: { code: string; message: string };
}

export function yearJson(year: Year | null, locale: Locale): YearJson {
  if (!year) return { periods: [], categories: [], findings: [], notice: [] };
  return {
    periods: year.periods.map((p) => p.label),
    categories: year.categories.map((c) => ({
      name: c.name,
      units: c.units.map((u) => ({
        name: u.name,
        periods: u.periods.map((v) => (v === null ? null : centsToNumber(v))),
        total: centsToNumber(u.totalCents),
        rank: u.rank,
        movement: u.movement,
        flags: [...u.flags],
      })),
    })),
    findings: year.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      sheet: 'sheet' in f ? (f.sheet ?? null) : null,
      cell: f.cell,
      unit: f.unit,
      message: formatFinding(f, locale),
    })),
    notice: year.notice,
  };
}

// ---- the run ----------------------------------------------------------------------------

interface Input {
  file: string;
  workbook: Book;
  /** The file as read: a single input's 年度汇总 is written into this package in place. */
  data: Uint8Array;
  sheets: YearSheet[];
  companions: YearWorkbook;
}

type DocxOutcome = { path: string; written: boolean; forced: boolean };

function humanYear(options: YearOptions, year: Year, written: { path: string; sheet: string; replaced: boolean } | null, blocked: boolean, docx: DocxOutcome | null): string {
  const L = options.locale;
  const tr = (key: AnyMessageKey, params: Params = {}) => t(key, L, params);
  const sep = t('sep.names', L);
  const lines: string[] = options.inputs.map((path) => tr('cli.report.file', { path }));
  lines.push(tr('cli.year.periods', { count: year.periods.length, periods: year.periods.map((p) => p.label).join(sep) }));
  lines.push(tr(`cli.report.rankMode.${year.rankMode}`));
  for (const c of year.categories) {
    lines.push('', tr('cli.year.category', { name: c.name, units: c.units.length }));
    for (const u of c.units) {
      const periods = u.periods.map((v) => (v === null ? '-' : formatCents(v))).join(' / ');
      lines.push(tr('cli.year.unit', { rank: u.rank, name: u.name, periods, total: formatCents(u.totalCents), movement: movementText(u) || '-' }));
    }
  }
  if (year.notice.length) {
    lines.push('', tr('cli.year.notice'));
    for (const line of year.notice) lines.push(`  ${line}`);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of year.findings) counts[f.severity]++;
  lines.push('');
  if (year.findings.length === 0) lines.push(tr('cli.report.noFindings'));
  else {
    lines.push(tr('cli.report.findings', { errors: counts.error, warnings: counts.warning, infos: counts.info }));
    for (const severity of SEVERITY_ORDER) {
      const group = year.findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      lines.push(tr('cli.report.severity', { severity: tr(`severity.${severity}`) }));
      for (const f of group) lines.push(tr('cli.report.finding', { message: formatFinding(f, L) }));
    }
  }
  if (options.out !== null) {
    lines.push('');
    if (blocked) lines.push(tr('cli.year.notWritten', { errors: counts.error }));
    else if (written) {
      if (counts.error > 0) lines.push(tr('cli.report.forced', { errors: counts.error }));
      lines.push(tr(written.replaced ? 'cli.year.replaced' : 'cli.year.written', { path: written.path, sheet: written.sheet }));
    }
  }
  if (docx) lines.push(docx.written ? tr(docx.forced ? 'cli.notice.docxForced' : 'cli.notice.docxWritten', { path: docx.path }) : tr('cli.year.docxBlocked', { path: docx.path }));
  return lines.join('\n') + '\n';
}

/** The annual notice as a Word file (with its 附件), unless there are errors and no --force. */
async function writeYearDocx(fs: CliFileSystem, path: string, year: Year, force: boolean): Promise<Step<DocxOutcome>> {
  const errors = year.findings.filter((f) => f.severity === 'error').length;
  if (errors > 0 && !force) return ok({ path, written: false, forced: false });
  const data = await noticeDocx(year.annual, yearAttachment(year), { warning: errors > 0 ? t('cli.year.docxWarning', 'zh-CN', { errors }) : null });
  try {
    await writeFileAtomic(fs, path, data);
  } catch (error) {
    return problem('WRITE_FAILED', 'cli.error.writeFailed', { path, reason: describeError(error) });
  }
  return ok({ path, written: true, forced: errors > 0 });
}

/** No input names the output: it would be overwritten. */
async function sameFileProblem(fs: CliFileSystem, options: YearOptions): Promise<Step<void>> {
  for (const target of [options.out, options.docx]) {
    if (target === null) continue;
    for (const input of options.inputs) {
      if (await isSameFile(fs, input, target)) return problem('SAME_FILE', 'cli.error.sameFile', { path: input });
    }
  }
  return ok(undefined);
}

/** Every input read, with its period sheets and its 单位名录, 采用登记 and 考评规则. */
async function readInputs(fs: CliFileSystem, options: YearOptions): Promise<Step<Input[]>> {
  const inputs: Input[] = [];
  for (const file of options.inputs) {
    const read = await readWorkbook(fs, file);
    if (!read.ok) return read;
    const { workbook, data } = read.value;
    inputs.push({ file, workbook, data, sheets: periodSheets(file, workbook, options.rank), companions: yearWorkbook(file, workbook) });
  }
  return ok(inputs);
}

type Written = { path: string; sheet: string; replaced: boolean };

/**
 * 年度汇总 into --out: added to (or replacing our own in) a copy of the one input, or alone in a
 * new workbook when several were read together.
 */
async function writeYearSheet(fs: CliFileSystem, out: string, inputs: readonly Input[], year: Year, locale: Locale): Promise<Step<Written>> {
  const spec = buildYearSheet(year, summaryText(locale));
  const single = inputs.length === 1 ? inputs[0]! : null;
  let data: Uint8Array;
  let result: { name: string; replaced: boolean };
  let hadOwn: boolean;
  try {
    if (single) {
      // One input: 年度汇总 is added to (or replaces our own in) that workbook, every other part as it was.
      const own = findOwnSummary(single.workbook, spec.name);
      hadOwn = own !== undefined;
      result = { name: own ? own.name : freeName(single.workbook, spec.name), replaced: hadOwn };
      data = await writeInPlace(single.data, { sheets: [], summary: { spec, name: result.name, replace: own ? own.name : null } });
    } else {
      // Several inputs: a new workbook holding 年度汇总 alone, so nothing of the inputs can be lost.
      const workbook = new Workbook();
      hadOwn = false;
      result = writeSummarySheet(workbook, spec);
      prepareForWrite(workbook);
      data = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
    }
    await writeFileAtomic(fs, out, data);
  } catch (error) {
    return problem('WRITE_FAILED', 'cli.error.writeFailed', { path: out, reason: describeError(error) });
  }
  return ok({ path: out, sheet: result.name, replaced: hadOwn && result.replaced });
}

/** `scorecard year …` (argv after the command). Resolves to the exit status; never throws. */
export async function runYear(argv: string[], io: CliIo, deps: YearDeps = {}): Promise<number> {
  const fs: CliFileSystem = deps.fs ?? nodeFileSystem;
  const wantsJson = argv.includes('--json');
  let locale: Locale = requestedLocale(argv);
  let year: Year | null = null;
  const stop = (failure: CliProblem): number => endOnProblem(io, failure, locale, wantsJson ? yearJson(year, locale) : null);

  try {
    const parsed = parseYearArgs(argv);
    if (!parsed.ok) return stop(parsed.error);
    if (parsed.value === 'help') {
      io.stdout(t('cli.year.usage', locale) + '\n');
      return EXIT_OK;
    }
    const options = parsed.value;
    locale = options.locale;
    const same = await sameFileProblem(fs, options);
    if (!same.ok) return stop(same.error);
    const read = await readInputs(fs, options);
    if (!read.ok) return stop(read.error);
    const inputs = read.value;
    const noPeriods = (): CliProblem => ({ code: 'NO_SCORE_TABLE', key: 'cli.year.noPeriods', params: { files: options.inputs.join(t('sep.names', locale)) } });
    const sheets = inputs.flatMap((i) => i.sheets);
    if (sheets.length === 0) return stop(noPeriods());
    year = buildYear(sheets, { workbooks: inputs.map((i) => i.companions), ...(options.rank ? { rankMode: options.rank } : {}) });
    if (year.periods.length === 0) return stop(noPeriods());

    const errors = year.findings.some((f) => f.severity === 'error');
    const blocked = options.out !== null && year.blocked && !options.force;
    let written: Written | null = null;
    if (options.out !== null && !blocked) {
      const done = await writeYearSheet(fs, options.out, inputs, year, locale);
      if (!done.ok) return stop(done.error);
      written = done.value;
    }
    let docx: DocxOutcome | null = null;
    if (options.docx !== null) {
      const done = await writeYearDocx(fs, options.docx, year, options.force);
      if (!done.ok) return stop(done.error);
      docx = done.value;
    }
    if (options.json) io.stdout(JSON.stringify(yearJson(year, locale), null, 2) + '\n');
    else io.stdout(humanYear(options, year, written, blocked, docx));
    if (docx && !docx.written && options.json) io.stderr(t('cli.year.docxBlocked', locale, { path: docx.path }) + '\n');
    return errors ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    // Only a bug gets here: every expected failure is a step's problem above.
    return stop({ code: 'INTERNAL', key: 'cli.error.unexpected', params: { reason: describeError(error) } });
  }
}
