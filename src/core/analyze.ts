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

/** Index of the first grid that holds a score table (the default sheet), or -1. */
export function pickScoreSheet(grids: readonly Grid[]): number {
  const rules = defaultRules();
  return grids.findIndex((g) => !NOT_SCORE_SHEETS.has(normalizeName(g.sheetName).replace(/\(\d+\)$/, '')) && !g.sheetName.startsWith('__') && detectLayout(g, rules).ok);
}
