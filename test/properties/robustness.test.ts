import fc from 'fast-check';
import { byCategory } from '../support/units';
import { analyze, buildSummarySheet, planUndo, planWrites, type Analysis, type Grid } from '../../src/core';
import { summaryText } from '../../src/i18n';
import { chaosGridArb, scenarioArb, propertySettings } from '../support/arbitraries';
import { applyPlan, placementProblems } from '../corpus/check';

// Fixed seed: CI replays the same cases; a failure prints the seed and path to replay it.
fc.configureGlobal(propertySettings(0x5c0ec4d));

/** Run everything a host would run on a sheet; returns the analysis. Throws only if the core does. */
function runAll(grid: Grid): Analysis {
  const analysis = analyze(grid);
  for (const flagColumn of [true, false]) {
    const plan = planWrites(grid, analysis, { flagColumn });
    const after = applyPlan(grid, plan);
    planUndo(after, plan);
    analyze(after);
  }
  buildSummarySheet(analysis, summaryText('zh-CN'));
  buildSummarySheet(analysis, summaryText('en-US'));
  analyze(grid, { overrides: { rankMode: 'dense', topN: 1 } });
  return analysis;
}

describe('any grid at all', () => {
  it('never makes the core throw: analyze, plan, apply, undo and the summary sheet', () => {
    fc.assert(
      fc.property(chaosGridArb, (grid) => {
        runAll(grid);
      }),
    );
  });

  it('gives findings that point at a real cell inside the grid, named in the Chinese message', () => {
    fc.assert(
      fc.property(chaosGridArb, (grid) => {
        expect(placementProblems(grid, analyze(grid).findings)).toEqual([]);
      }),
    );
  });

  it('does not change the grid it analyses', () => {
    fc.assert(
      fc.property(chaosGridArb, (grid) => {
        const copy = structuredClone(grid);
        runAll(grid);
        expect(grid).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});

describe('generated score sheets', () => {
  it('never make the core throw, and their findings point at real cells', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const analysis = runAll(s.grid);
        expect(placementProblems(s.grid, analysis.findings)).toEqual([]);
      }),
    );
  });

  it('are always found: the header row is the generated one and every unit row is read', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const analysis = analyze(s.grid);
        expect(analysis.layout?.headerRow).toBe(s.headerRow);
        expect(byCategory(analysis.scored!).map((c) => ({ name: c.name, rows: c.units.map((u) => u.row) }))).toEqual(
          s.categories.map((c) => ({ name: c.name, rows: c.units.map((u) => u.row) })),
        );
      }),
    );
  });
});
