import type { Grid } from './grid';
import type { Analysis } from './model';
import type { RulesOverrides } from './rules';

export interface AnalyzeOptions {
  /** The workbook's 考评规则 sheet, when it has one. */
  rulesGrid?: Grid | null;
  /** Settings from the user (task pane, CLI flags): rank mode, top N, flags. */
  overrides?: RulesOverrides;
}

/** Run the whole pipeline on one sheet: layout, table, rules, validation, scores, summary. */
export function analyze(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  void grid; void options;
  throw new Error('not implemented yet');
}

/** Index of the first grid that holds a score table (the default sheet), or -1. */
export function pickScoreSheet(grids: readonly Grid[]): number {
  void grids;
  throw new Error('not implemented yet');
}
