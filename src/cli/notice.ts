/**
 * `scorecard notice <in.xlsx> [--sheet NAME] [--docx <out.docx>] [--force] [--json] [--lang zh-CN|en-US]`:
 * the notice (title, sections 一–四) from the score sheet, the ledger and the roster; with
 * --docx, the Word file in 公文 layout. Exit statuses as the other commands.
 */
import { hasErrors, scoreAttachment, type Analysis, type FindingCode, type Severity } from '../core';
import { noticeDocx } from '../docx/notice';
import { formatFinding, t, type AnyMessageKey, type Locale } from '../i18n/cli';
import { splitArgs } from './args';
import { writeFileAtomic, type CliFileSystem } from './files';
import { EXIT_FINDINGS, EXIT_OK, chooseAndAnalyse, readWorkbook, resolveSettings, type CliIo } from './main';
import { describeError, endOnProblem, problem, requestedLocale, type CliProblem, type ErrorCode, type Step } from './step';
import { ok } from '../core/result';

const NOTICE_VALUE_OPTIONS = new Set(['--sheet', '--docx', '--lang']);

interface NoticeOptions {
  input: string;
  sheet: string | null;
  docx: string | null;
  force: boolean;
  json: boolean;
  locale: Locale;
}

function parse(argv: readonly string[]): Step<{ help: true; locale: Locale } | { help: false; options: NoticeOptions }> {
  const split = splitArgs(argv, NOTICE_VALUE_OPTIONS, { '-s': '--sheet', '-h': '--help' });
  if ('problem' in split) return problem('USAGE', split.problem.key, split.problem.params);
  const { values, flags, locale } = split;
  // The first word is the command (notice) itself.
  const positional = split.positional.slice(1);
  if (flags.has('--help')) return ok({ help: true, locale });
  const input = positional[0];
  if (input === undefined) return problem('USAGE', 'cli.usage.missingInput');
  if (positional.length > 1) return problem('USAGE', 'cli.usage.extraArgument', { arg: positional[1]! });
  return ok({ help: false, options: { input, sheet: values.get('--sheet') ?? null, docx: values.get('--docx') ?? null, force: flags.has('--force'), json: flags.has('--json'), locale } });
}

export interface NoticeJson {
  sheet: string | null;
  period: string | null;
  title: string | null;
  sections: Array<{ heading: string; lines: string[] }>;
  findings: Array<{ severity: Severity; code: FindingCode; cell: string | null; sheet: string | null; unit: string | null; message: string }>;
  /** Present only when the run ended with exit status 2. */
  error?: { code: ErrorCode; message: string };
}

function noticeJson(analysis: Analysis | null, locale: Locale): NoticeJson {
  const notice = analysis?.notice ?? null;
  return {
    sheet: analysis?.sheetName ?? null,
    period: analysis?.layout?.period ?? null,
    title: notice?.title ?? null,
    sections: notice?.sections.map((s) => ({ heading: s.heading, lines: [...s.lines] })) ?? [],
    findings: (analysis?.findings ?? []).map((f) => ({ severity: f.severity, code: f.code, cell: f.cell, sheet: f.sheet ?? null, unit: f.unit, message: formatFinding(f, locale) })),
  };
}

function humanText(analysis: Analysis, locale: Locale, docx: { path: string; written: boolean; forced: boolean } | null): string {
  const tr = (key: AnyMessageKey, params: Record<string, string | number> = {}) => t(key, locale, params);
  const notice = analysis.notice!;
  const lines: string[] = [notice.title];
  for (const s of notice.sections) lines.push(s.heading, ...s.lines);
  lines.push('');
  const ledger = analysis.ledger;
  lines.push(ledger?.ledger ? tr('cli.notice.ledger', { sheet: ledger.ledger.sheetName, rows: ledger.ledger.pieces.length }) : tr('cli.notice.noLedger'));
  const shown = analysis.findings.filter((f) => f.severity !== 'info');
  for (const f of shown) lines.push(`  [${tr(`severity.${f.severity}`)}] ${formatFinding(f, locale)}`);
  if (docx) lines.push(docx.written ? tr(docx.forced ? 'cli.notice.docxForced' : 'cli.notice.docxWritten', { path: docx.path }) : tr('cli.notice.docxBlocked', { path: docx.path }));
  return lines.join('\n') + '\n';
}

type DocxOutcome = { path: string; written: boolean; forced: boolean };

/** The notice as a Word file, unless there are errors and no --force (then it is reported as not written). */
async function writeNoticeDocx(fs: CliFileSystem, path: string, found: Extract<Analysis, { kind: 'table' }>, force: boolean): Promise<Step<DocxOutcome>> {
  const errors = hasErrors(found.findings);
  if (errors && !force) return ok({ path, written: false, forced: false });
  const count = found.findings.filter((f) => f.severity === 'error').length;
  const data = await noticeDocx(found.notice, scoreAttachment(found.scored), {
    warning: errors ? t('cli.notice.docxWarning', 'zh-CN', { errors: count }) : null,
  });
  try {
    await writeFileAtomic(fs, path, data);
  } catch (error) {
    return problem('WRITE_FAILED', 'cli.error.writeFailed', { path, reason: describeError(error) });
  }
  return ok({ path, written: true, forced: errors });
}

/** Run `scorecard notice …`. Resolves to the exit status; never throws. */
export async function runNotice(argv: string[], io: CliIo, fs: CliFileSystem): Promise<number> {
  const wantsJson = argv.includes('--json');
  let locale: Locale = requestedLocale(argv);
  let analysis: Analysis | null = null;
  const stop = (failure: CliProblem): number => endOnProblem(io, failure, locale, wantsJson ? noticeJson(analysis, locale) : null);

  try {
    const parsed = parse(argv);
    if (!parsed.ok) return stop(parsed.error);
    if (parsed.value.help) {
      io.stdout(t('cli.usage', parsed.value.locale) + '\n');
      return EXIT_OK;
    }
    const options = parsed.value.options;
    locale = options.locale;
    const read = await readWorkbook(fs, options.input);
    if (!read.ok) return stop(read.error);
    const { workbook, stored } = read.value;
    // The settings the add-in saved in the workbook (top N, rank mode) shape the notice as they do in Excel.
    const noticeOptions = { sheet: options.sheet, rank: null, locale };
    const picked = chooseAndAnalyse(workbook, noticeOptions, resolveSettings(noticeOptions, stored));
    if (!picked.ok) return stop(picked.error);
    const chosen = picked.value;
    const found = chosen.analysis;
    analysis = found;
    if (found.kind !== 'table') return stop({ code: 'NO_SCORE_TABLE', key: 'cli.error.noScoreTableIn', params: { sheet: chosen.worksheet.name } });
    const errors = hasErrors(found.findings);
    let docx: DocxOutcome | null = null;
    if (options.docx !== null) {
      const written = await writeNoticeDocx(fs, options.docx, found, options.force);
      if (!written.ok) return stop(written.error);
      docx = written.value;
    }
    if (options.json) io.stdout(JSON.stringify(noticeJson(found, locale), null, 2) + '\n');
    else io.stdout(humanText(found, locale, docx));
    if (docx && !docx.written && options.json) io.stderr(t('cli.notice.docxBlocked', locale, { path: docx.path }) + '\n');
    return errors ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    // Only a bug gets here: every expected failure is a step's problem above.
    return stop({ code: 'INTERNAL', key: 'cli.error.unexpected', params: { reason: describeError(error) } });
  }
}
