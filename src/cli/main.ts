/**
 * `scorecard check | recalc | summary`: the core over .xlsx files.
 * Output goes only through the injected writers; files only through CliFileSystem.
 */
import {
  analyze,
  hasErrors,
  normalizeName,
  finding,
  placeAt,
  planWrites,
  writeCount,
  SHEET_LEVEL,
  RULES_SHEET_NAME,
  sheetPreference,
  type Analysis,
  type Finding,
  type Grid,
  type RankMode,
} from '../core';
import { ok } from '../core/result';
import { formatFinding, t, type Locale } from '../i18n/cli';
import { isSameFile, nodeFileSystem, outputProblem, sniffInput, type CliFileSystem } from './files';
import { terminalSafe } from './terminal';
import { lossyParts, type LossyPart } from './xlsxParts';
import { splitArgs } from './args';
import { humanReport, jsonReport, type JsonSettings, type SettingSource } from './report';
export { lossyText } from './report';
export type { JsonFinding, JsonReport, JsonSettings, JsonUnit, JsonWritten, SettingSource } from './report';
import { ledgerAndRoster } from './companions';
import type { StoredSettings } from '../xlsx';
import { Book, type BookSheet, type ClippedMerge, type OutsideCells } from '../xlsx/read';
import { boxRef, parseRef } from './sheetBounds';
import { describeError, EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, problem, requestedLocale, type CliProblem, type Step } from './step';
import { writeOutput, type WriteOutcome } from './output';

// The command line's own messages (usage, reports, errors) join the shared dictionaries.

export interface CliIo {
  /** Receives whole chunks of text, newlines included. */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface CliDeps {
  /** File access; tests inject failures here. */
  fs?: CliFileSystem;
}

export { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK } from './step';

type Command = 'check' | 'recalc' | 'summary';
const COMMANDS: readonly Command[] = ['check', 'recalc', 'summary'];

export interface Options {
  command: Command;
  input: string;
  out: string | null;
  sheet: string | null;
  rank: RankMode | null;
  force: boolean;
  json: boolean;
  /** #11 --formulas: 累计得分 and 排名 written as live formulas for this run. */
  formulas: boolean;
  locale: Locale;
}

// ---- arguments ------------------------------------------------------------------------

type Parsed = { kind: 'help'; locale: Locale } | { kind: 'run'; options: Options };

const VALUE_OPTIONS = new Set(['--out', '--sheet', '--rank', '--lang']);
const ALIASES: Record<string, string> = { '-o': '--out', '-s': '--sheet', '-h': '--help' };

function parseArgs(argv: readonly string[]): Step<Parsed> {
  const split = splitArgs(argv, VALUE_OPTIONS, ALIASES, new Set(['--formulas']));
  if ('problem' in split) return problem('USAGE', split.problem.key, split.problem.params);
  const { values, flags, locale } = split;
  const [command = null, ...positional] = split.positional;
  if (flags.has('--help') || command === 'help') return ok({ kind: 'help', locale });
  if (command === null) return problem('USAGE', 'cli.usage.noCommand');
  if (!(COMMANDS as readonly string[]).includes(command)) return problem('USAGE', 'cli.usage.unknownCommand', { command });
  const cmd = command as Command;
  const input = positional[0];
  if (input === undefined) return problem('USAGE', 'cli.usage.missingInput');
  if (positional.length > 1) return problem('USAGE', 'cli.usage.extraArgument', { arg: positional[1]! });
  const out = values.get('--out') ?? null;
  if (cmd === 'check' && out !== null) return problem('USAGE', 'cli.usage.outNotAllowed');
  if (cmd === 'check' && flags.has('--force')) return problem('USAGE', 'cli.usage.forceNotAllowed');
  if (cmd === 'check' && flags.has('--formulas')) return problem('USAGE', 'cli.usage.formulasNotAllowed');
  if (cmd !== 'check' && out === null) return problem('USAGE', 'cli.usage.missingOut', { command: cmd });
  const rank = values.get('--rank') ?? null;
  if (rank !== null && rank !== 'competition' && rank !== 'dense') return problem('USAGE', 'cli.usage.badRank', { value: rank });
  return ok({
    kind: 'run',
    options: {
      command: cmd,
      input,
      out,
      sheet: values.get('--sheet') ?? null,
      rank: rank,
      force: flags.has('--force'),
      json: flags.has('--json'),
      formulas: flags.has('--formulas'),
      locale,
    },
  });
}

// ---- the run ----------------------------------------------------------------------------

export interface Loaded {
  /** The workbook as read from its package (src/xlsx/read.ts); each sheet is parsed when first read. */
  workbook: Book;
  /** The file as read: the output is this package with the planned cells edited. */
  data: Uint8Array;
  /** Content a whole rewrite (the --force fallback) would drop: charts, pivot tables, macros, merges clipped on reading… */
  lossy: LossyPart[];
  /** Settings the add-in saved in the workbook (valid fields only). */
  stored: Partial<StoredSettings>;
  /** Merges that reached far past their sheet's table, clipped on reading (the file written in place keeps them). */
  clipped: ClippedMerge[];
}

export async function readWorkbook(fs: CliFileSystem, file: string): Promise<Step<Loaded>> {
  let data: Uint8Array;
  try {
    data = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return problem('NOT_FOUND', 'cli.error.notFound', { path: file });
    if (code === 'EISDIR') return problem('UNREADABLE', 'cli.error.isDirectory', { path: file });
    return problem('UNREADABLE', 'cli.error.readFailed', { path: file, reason: describeError(error) });
  }
  const kind = sniffInput(data);
  if (kind === 'cfb') return problem('ENCRYPTED', 'cli.error.encrypted', { path: file });
  if (kind === 'other') return problem('NOT_XLSX', 'cli.error.notXlsx', { path: file });
  let workbook: Book;
  let clipped: ClippedMerge[];
  try {
    workbook = await Book.open(data);
    // Parses the sheets that have merges (a merge of a whole column is clipped, not expanded).
    clipped = workbook.clippedMerges();
  } catch (error) {
    return problem('CORRUPT', 'cli.error.corrupt', { path: file, reason: describeError(error) });
  }
  if (workbook.worksheets.length === 0) return problem('NO_SHEETS', 'cli.error.noSheets', { path: file });
  // Unreadable web extension parts only mean no stored settings: the defaults apply.
  const stored = await workbook.storedSettings();
  const lossy = lossyParts(data);
  if (clipped.length > 0) lossy.push('clippedMerge');
  return ok({ workbook, data, lossy, stored, clipped });
}

export function isRulesSheet(ws: { name: string }): boolean {
  return normalizeName(ws.name) === normalizeName(RULES_SHEET_NAME);
}

export interface Chosen {
  worksheet: BookSheet;
  grid: Grid;
  analysis: Analysis;
}

/** What reading the package found on this sheet: far cells left out, merges clipped (#9 item 9). */
function readingFindings(worksheet: BookSheet, outside: OutsideCells | null, clipped: readonly ClippedMerge[]): Finding[] {
  const found: Finding[] = [];
  if (outside) found.push(finding({ code: 'CELLS_OUTSIDE_TABLE', count: outside.count, table: boxRef(outside.block) }, placeAt(outside.row, outside.col)));
  for (const c of clipped) {
    if (c.sheet !== worksheet.name) continue;
    const start = parseRef(c.merge.split(':')[0] ?? '');
    found.push(finding({ code: 'MERGE_CLIPPED', merge: c.merge, clipped: c.clipped }, start ? placeAt(start.row, start.col) : SHEET_LEVEL));
  }
  return found;
}

/** The flags override what the add-in saved in the workbook, which overrides the defaults. */
export function resolveSettings(options: Pick<Options, 'rank'> & Partial<Pick<Options, 'formulas'>>, stored: Partial<StoredSettings>): JsonSettings {
  const pick = <T>(option: T | null, saved: T | undefined): { value: T | null; source: SettingSource } =>
    option !== null ? { value: option, source: 'option' } : saved !== undefined ? { value: saved, source: 'workbook' } : { value: null, source: 'default' };
  const rank = pick(options.rank, stored.rankMode);
  const topN = pick<number>(null, stored.topN);
  const flag = pick<boolean>(null, stored.flagColumn);
  // --formulas turns 写入公式 on; without it the workbook's saved setting (or values) rules.
  const formulas = pick<boolean>(options.formulas ? true : null, stored.writeFormulas);
  return {
    // Defaults as the add-in's (src/host/port.ts DEFAULT_SETTINGS).
    rankMode: { value: rank.value ?? 'competition', source: rank.source },
    topN: { value: topN.value ?? 3, source: topN.source },
    flagColumn: { value: flag.value ?? true, source: flag.source },
    writeFormulas: { value: formulas.value ?? false, source: formulas.source },
  };
}

export function chooseAndAnalyse(workbook: Book, options: Pick<Options, 'sheet' | 'rank' | 'locale'>, settings: JsonSettings = resolveSettings(options, {}), clipped: readonly ClippedMerge[] = []): Step<Chosen> {
  const sheets = workbook.worksheets;
  const rulesSheet = sheets.find(isRulesSheet);
  const rulesGrid = rulesSheet ? rulesSheet.grid() : null;
  // #13 ledger: the ledger and the roster beside the score sheet (recalc and summary fill 采用得分 from them).
  const { ledgerGrid, rosterGrid, ledgerSheets } = ledgerAndRoster(sheets, rulesSheet);
  // Only settings that were set anywhere override the rules sheet; defaults leave it in charge.
  const overrides: { rankMode?: RankMode; topN?: number } = {};
  if (settings.rankMode.source !== 'default') overrides.rankMode = settings.rankMode.value;
  if (settings.topN.source !== 'default') overrides.topN = settings.topN.value;
  const analyseSheet = (worksheet: BookSheet): Chosen => {
    const { grid, outside } = worksheet.read();
    const analysis = analyze(grid, { rulesGrid, ledgerGrid, rosterGrid, overrides });
    const extra = readingFindings(worksheet, outside, clipped);
    if (extra.length > 0) analysis.findings = [...extra, ...analysis.findings];
    return { worksheet, grid, analysis };
  };
  const names = sheets.map((ws) => `“${ws.name}”`).join(t('sep.names', options.locale));

  if (options.sheet !== null) {
    const wanted = options.sheet;
    const worksheet =
      sheets.find((ws) => ws.name === wanted) ?? sheets.find((ws) => normalizeName(ws.name).toLowerCase() === normalizeName(wanted).toLowerCase());
    if (!worksheet) return problem('SHEET_NOT_FOUND', 'cli.error.sheetNotFound', { sheet: wanted, sheets: names });
    return ok(analyseSheet(worksheet));
  }

  // Neither the rules sheet nor a summary this tool wrote can be the score table.
  // The first sheet whose analysis finds a table: each sheet is read and analysed once, and
  // sheets after it are not read at all.
  // #9: the active sheet first, then the visible ones in order, hidden ones last (HIDDEN_SHEET).
  const activeTab = workbook.activeTab;
  for (const i of sheetPreference(sheets.map((ws, index) => ({ hidden: ws.hidden, active: index === activeTab })))) {
    const worksheet = sheets[i]!;
    if (isRulesSheet(worksheet) || worksheet.isOwnSummary() || ledgerSheets.has(worksheet)) continue;
    const chosen = analyseSheet(worksheet);
    if (chosen.analysis.kind === 'table') return ok(chosen);
  }
  return problem('NO_SCORE_TABLE', 'cli.error.noScoreTable', { sheets: names });
}

// ---- entry --------------------------------------------------------------------------------

/** Run the command line. Resolves to the exit status; never throws. */
/** `scorecard check|recalc|summary …` (src/cli/run.ts sends `notice` and `year` to their own modules). */
export async function runScoring(argv: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const fs = deps.fs ?? nodeFileSystem;
  // Known before parsing, so even a usage error answers in the requested form.
  const wantsJson = argv.includes('--json');
  let locale: Locale = requestedLocale(argv);
  let analysis: Analysis | null = null;
  let settings: JsonSettings | null = null;

  /** Ends the run over a step's problem: the message (and, as JSON, the report so far), exit status 2. */
  const stop = (failure: CliProblem): number => {
    const message = t(failure.key, locale, failure.params);
    if (wantsJson) {
      io.stdout(JSON.stringify({ ...jsonReport(analysis, locale, null, settings), error: { code: failure.code, message } }, null, 2) + '\n');
    }
    io.stderr(terminalSafe(message) + '\n');
    if (failure.code === 'USAGE') io.stderr(t('cli.usage.hint', locale) + '\n');
    if (!wantsJson && analysis && failure.code === 'NO_SCORE_TABLE') {
      for (const f of analysis.findings) io.stderr(terminalSafe(`  ${formatFinding(f, locale)}`) + '\n');
    }
    return EXIT_FAILURE;
  };

  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) return stop(parsed.error);
    if (parsed.value.kind === 'help') {
      io.stdout(t('cli.usage', parsed.value.locale) + '\n\n' + t('cli.year.usage', parsed.value.locale) + '\n');
      return EXIT_OK;
    }
    const options = parsed.value.options;
    locale = options.locale;

    if (options.out !== null && (await isSameFile(fs, options.input, options.out))) {
      return stop({ code: 'SAME_FILE', key: 'cli.error.sameFile', params: { path: options.input } });
    }
    if (options.out !== null) {
      const outProblem = await outputProblem(fs, options.out);
      if (outProblem) return stop({ code: 'OUT_NOT_REGULAR', key: `cli.error.outNot.${outProblem}`, params: { path: options.out } });
    }
    const read = await readWorkbook(fs, options.input);
    if (!read.ok) return stop(read.error);
    const loaded = read.value;
    const { workbook, lossy } = loaded;
    settings = resolveSettings(options, loaded.stored);
    const picked = chooseAndAnalyse(workbook, options, settings, loaded.clipped);
    if (!picked.ok) return stop(picked.error);
    const chosen = picked.value;
    const found = chosen.analysis;
    analysis = found;
    // Where nothing was set, the rules sheet may have set the rank mode or top N: report what ruled.
    if (settings.rankMode.source === 'default' && found.rules.rankMode !== settings.rankMode.value) settings.rankMode = { value: found.rules.rankMode, source: 'rulesSheet' };
    if (settings.topN.source === 'default' && found.rules.topN !== settings.topN.value) settings.topN = { value: found.rules.topN, source: 'rulesSheet' };
    if (found.kind !== 'table') return stop({ code: 'NO_SCORE_TABLE', key: 'cli.error.noScoreTableIn', params: { sheet: chosen.worksheet.name } });

    // Planned for check too: a cell the plan cannot write (merged, no column left) is a finding
    // either way, and an error among them stops a write as any other error does.
    const plan = planWrites(chosen.grid, found, { flagColumn: settings.flagColumn.value, formulas: settings.writeFormulas.value });
    if (plan.problems) found.findings = [...found.findings, ...plan.problems];
    const errors = hasErrors(found.findings);
    const blocked = options.command !== 'check' && errors && !options.force;
    let outcome: WriteOutcome | null = null;
    if (options.command !== 'check' && !blocked && options.out !== null) {
      const written = await writeOutput(fs, loaded, chosen, plan, options, options.out);
      if (!written.ok) return stop(written.error);
      outcome = written.value;
    }
    if (options.json) {
      const written = outcome && options.out !== null ? { path: options.out, cells: writeCount(outcome.plan), summarySheet: outcome.summarySheet } : null;
      io.stdout(JSON.stringify(jsonReport(found, locale, written, settings), null, 2) + '\n');
    } else {
      io.stdout(terminalSafe(humanReport(options, found, outcome, blocked, lossy, settings)));
    }
    return errors ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    // Only a bug gets here: every expected failure is a step's problem above.
    return stop({ code: 'INTERNAL', key: 'cli.error.unexpected', params: { reason: describeError(error) } });
  }
}
