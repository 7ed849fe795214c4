/** The whole pipeline on one sheet: rules, layout, table, validation, scores, summary. */
import type { Grid } from './grid';
import type { Finding } from './findings';
import type { Analysis } from './model';
import { defaultRules, withOverrides, RULES_SHEET_NAME, type RulesOverrides } from './rules';
import { detectLayout } from './layout';
import { readTable } from './table';
import { scoreTable, validateScores } from './score';
import { summarize } from './summary';
import { applyRulesSheet } from './rulesSheet';
import { SUMMARY_MARKER, SUMMARY_SHEET_NAME } from './sheetSpec';
import { finding, SHEET_LEVEL } from './findings';
import { normalizeName } from './text';

export interface AnalyzeOptions {
  /** The workbook's 考评规则 sheet, when it has one. */
  rulesGrid?: Grid | null;
  /** Settings from the user (task pane, CLI flags): rank mode, top N, flags. */
  overrides?: RulesOverrides;
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
  const empty: Analysis = { sheetName: grid.sheetName, layout: null, rules, table: null, scored: null, summary: null, findings };

  if (isOwnSummarySheet(grid)) {
    findings.push(finding({ code: 'SUMMARY_SHEET' }, SHEET_LEVEL));
    return empty;
  }
  const detected = detectLayout(grid, rules);
  if (!detected.ok) {
    findings.push(...detected.error);
    return empty;
  }
  findings.push(...detected.value.findings);
  // A hidden sheet is often last quarter's copy or a working sheet: ranking it needs saying.
  if (grid.hidden) findings.push(finding({ code: 'HIDDEN_SHEET', sheet: grid.sheetName }, SHEET_LEVEL));
  const { table, findings: tableFindings } = readTable(grid, detected.value.layout, rules);
  findings.push(...tableFindings, ...validateScores(table, rules));
  const { scored, findings: scoreFindings } = scoreTable(table, rules);
  findings.push(...scoreFindings);
  return {
    ...empty,
    layout: table.layout,
    table,
    scored,
    summary: summarize(scored),
    findings: sortFindings(findings),
  };
}

/** Sheet-level findings first, then by row and column; discovery order breaks ties. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.row ?? -1) - (b.f.row ?? -1) || (a.f.col ?? -1) - (b.f.col ?? -1) || a.i - b.i)
    .map((x) => x.f);
}

/** The product's own summary sheet ends with a footer row carrying SUMMARY_MARKER. */
export function isOwnSummarySheet(grid: Grid): boolean {
  for (let i = grid.values.length - 1; i >= Math.max(0, grid.values.length - 3); i--) {
    const first = grid.values[i]?.find((v) => v !== null && v !== '');
    if (typeof first === 'string' && first.startsWith(SUMMARY_MARKER)) return true;
  }
  return false;
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
