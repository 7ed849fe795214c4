/** Where the core's time goes: each stage of analyze() and planWrites() timed on its own. */
import { analyze, defaultRules, planWrites, type Analysis } from '../src/core';
import { detectLayout } from '../src/core/layout';
import { readTable } from '../src/core/table';
import { scoreTable } from '../src/core/score';
import { validateScores } from '../src/core/validate';
import { summarize } from '../src/core/summary';
import { scoreGrid } from './generate';
import { median, round, sample } from './stats';

export async function coreStages(units: number, runs: number): Promise<Record<string, number>> {
  const grid = scoreGrid(units);
  const rules = defaultRules();
  const detected = detectLayout(grid, rules);
  if (!detected.ok) throw new Error('no layout');
  const layout = detected.value.layout;
  const { table } = readTable(grid, layout, rules);
  const { scored } = scoreTable(table, rules);
  // The plan stage's input: the whole pipeline's result on the same grid (not timed).
  const analysis: Analysis = analyze(grid);
  if (analysis.kind !== 'table') throw new Error('no table');
  const stages: Record<string, () => unknown> = {
    detectLayout: () => detectLayout(grid, rules),
    readTable: () => readTable(grid, layout, rules),
    validateScores: () => validateScores(table, rules),
    scoreTable: () => scoreTable(table, rules),
    summarize: () => summarize(scored),
    planWrites: () => planWrites(grid, analysis, { flagColumn: true }),
  };
  const out: Record<string, number> = { units };
  for (const [name, fn] of Object.entries(stages)) out[name] = round(median(await sample(fn, runs, 5)), 2);
  return out;
}
