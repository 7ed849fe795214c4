/** The whole pipeline on one sheet: rules, layout, table, validation, scores, summary. */
import type { Grid } from './grid';
import type { Finding } from './findings';
import type { Analysis } from './model';
import { defaultRules, withOverrides, RULES_SHEET_NAME, type RulesOverrides } from './rules';
import { detectLayout } from './layout';
import { readTable } from './table';
import { scoreTable } from './score';
import { validateScores } from './validate';
import { summarize } from './summary';
import { applyRulesSheet } from './rulesSheet';
import { SUMMARY_SHEET_NAME } from './sheetSpec';
import { isOwnSheetRows } from './ownSheets';
import { finding, SHEET_LEVEL } from './findings';
import { cellText, normalizeName } from './text';
// #13 ledger
import { valueAt } from './grid';
import { centsToNumber } from './decimal';
import { placeAt } from './findings';
import type { LedgerAnalysis, ScoreTable } from './model';
import { adoptionPoints, readLedger, type Ledger } from './ledger';
import { buildNotice } from './notice';
import { periodRange } from './period';
import { readLedgerRules } from './points';
import { createRoster, effectiveRoster, readRosterSheet } from './roster';

export interface AnalyzeOptions {
  /** The workbook's 考评规则 sheet, when it has one. */
  rulesGrid?: Grid | null | undefined;
  /** Settings from the user (task pane, CLI flags): rank mode, top N, flags. */
  overrides?: RulesOverrides | undefined;
  /** #13 ledger: the workbook's adoption ledger (信息采用登记) and roster (单位名录), when it has them. */
  ledgerGrid?: Grid | null | undefined;
  rosterGrid?: Grid | null | undefined;
}

export function analyze(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  const findings: Finding[] = [];
  let rules = defaultRules();
  if (options.rulesGrid) {
    const fromSheet = applyRulesSheet(rules, options.rulesGrid);
    rules = fromSheet.rules;
    findings.push(...fromSheet.findings);
  }
  rules = withOverrides(rules, options.overrides);
  if (isOwnSummarySheet(grid)) {
    findings.push(finding({ code: 'SUMMARY_SHEET' }, SHEET_LEVEL));
    return { kind: 'ownSheet', sheetName: grid.sheetName, rules, findings };
  }
  const detected = detectLayout(grid, rules);
  if (!detected.ok) {
    findings.push(...detected.error);
    return { kind: 'noTable', sheetName: grid.sheetName, rules, findings };
  }
  findings.push(...detected.value.findings);
  // A hidden sheet is often last quarter's copy or a working sheet: ranking it needs saying.
  if (grid.hidden) findings.push(finding({ code: 'HIDDEN_SHEET', sheet: grid.sheetName }, SHEET_LEVEL));
  const { table, findings: tableFindings } = readTable(grid, detected.value.layout, rules);
  const checked = [...tableFindings, ...validateScores(table, rules)];
  const ledger = readLedgerContext(grid, table, options);
  // 采用得分 the points table gives replaces the clerk's: findings about the old cells would mislead.
  const adoptionCol = ledger.adoption?.col;
  findings.push(...(adoptionCol === undefined ? checked : checked.filter((f) => f.col !== adoptionCol)), ...ledger.findings);
  const { scored, findings: scoreFindings } = scoreTable(table, rules);
  findings.push(...scoreFindings);
  const summary = summarize(scored);
  const { findings: _ledgerFindings, ...ledgerAnalysis } = ledger;
  return {
    kind: 'table',
    sheetName: grid.sheetName,
    rules,
    layout: table.layout,
    table,
    scored,
    summary,
    findings: sortFindings(findings),
    ledger: ledgerAnalysis,
    notice: buildNotice({ summary, period: ledger.period, ledger: ledger.ledger, roster: ledger.roster, rules: ledger.rules }),
  };
}

/**
 * #13 ledger: the roster, the ledger kept to the score sheet's period, the points rules, and
 * the 采用得分 they give, patched into the table's scores so totals and ranks follow them.
 */
function readLedgerContext(grid: Grid, table: ScoreTable, options: AnalyzeOptions): LedgerAnalysis & { findings: Finding[] } {
  const findings: Finding[] = [];
  const { rules, findings: ruleFindings } = readLedgerRules(options.rulesGrid);
  findings.push(...ruleFindings);
  const fromSheet = options.rosterGrid ? readRosterSheet(options.rosterGrid) : null;
  if (fromSheet) findings.push(...fromSheet.findings);
  // The table's own units as a roster serve only to match a ledger or a roster sheet's names; with
  // neither, every unit is already its own name and the notice needs no roster of 100k entries.
  const roster = options.ledgerGrid || fromSheet?.roster ? effectiveRoster(fromSheet?.roster ?? null, table) : createRoster([], null);
  const period = periodRange(table.layout.period);
  let ledger: Ledger | null = null;
  if (options.ledgerGrid) {
    const read = readLedger(options.ledgerGrid, roster, rules, period);
    ledger = read.ledger;
    findings.push(...read.findings);
    if (ledger && !period) findings.push(Object.assign(finding({ code: 'LEDGER_NO_PERIOD' }, SHEET_LEVEL), { sheet: ledger.sheetName }));
  }
  let adoption: LedgerAnalysis['adoption'] = null;
  const width = table.scoreColumns.length;
  const at = table.scoreColumns.findIndex((c) => c.role === 'adoption');
  if (ledger && rules.points && at >= 0) {
    const col = table.scoreColumns[at]!.col;
    const points = adoptionPoints(ledger, rules);
    const cents = new Float64Array(table.units.count);
    for (let i = 0; i < table.units.count; i++) {
      const unit = roster.resolve(table.units.names[i]!);
      const expected = (unit && points.get(unit)) || 0;
      cents[i] = expected;
      const found = table.scores[i * width + at]!;
      if (found !== expected) {
        const row = table.units.rows[i]!;
        findings.push(finding({ code: 'ADOPTION_MISMATCH', found: cellText(valueAt(grid, row, col)), expected: centsToNumber(expected) }, placeAt(row, col, table.units.names[i])));
      }
      table.scores[i * width + at] = expected;
    }
    adoption = { col, cents };
  }
  return { ledger, roster, rosterSheet: fromSheet?.roster ? roster.sheetName : null, rules, period, adoption, findings };
}

/** Sheet-level findings first, then by row and column; discovery order breaks ties. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.row ?? -1) - (b.f.row ?? -1) || (a.f.col ?? -1) - (b.f.col ?? -1) || a.i - b.i)
    .map((x) => x.f);
}

/** The product's own summary sheet: its footer row starts with SUMMARY_MARKER (core/ownSheets). */
export function isOwnSummarySheet(grid: Grid): boolean {
  return isOwnSheetRows(grid.values);
}

/** Sheets the product owns or reads as settings: never taken for the score table. */
const NOT_SCORE_SHEETS = new Set([RULES_SHEET_NAME, SUMMARY_SHEET_NAME].map(normalizeName));

/**
 * Index of the grid to rank when no sheet is named, or -1: of the sheets holding a score table,
 * the active one, else the first visible one, else the first hidden one (HIDDEN_SHEET then).
 */
export function pickScoreSheet(grids: readonly Grid[]): number {
  const rules = defaultRules();
  for (const i of sheetPreference(grids)) {
    const g = grids[i]!;
    if (!NOT_SCORE_SHEETS.has(normalizeName(g.sheetName).replace(/\(\d+\)$/, '')) && !g.sheetName.startsWith('__') && detectLayout(g, rules).ok) return i;
  }
  return -1;
}

/** Sheet indexes in the order they are tried: the active visible sheet, the other visible ones, then hidden ones. */
export function sheetPreference(sheets: ReadonlyArray<{ hidden?: boolean; active?: boolean }>): number[] {
  const indexes = sheets.map((_, i) => i);
  const rank = (s: { hidden?: boolean; active?: boolean }) => (s.hidden ? 2 : s.active ? 0 : 1);
  return indexes.sort((a, b) => rank(sheets[a]!) - rank(sheets[b]!) || a - b);
}
