import fc from 'fast-check';
import { byCategory } from '../support/units';
import { a1, analyze, planUndo, planWrites, valueAt, formulaAt, cellWrites, type Grid, type WritePlan } from '../../src/core';
import { chaosGridArb, scenarioArb, type Scenario, propertySettings } from '../support/arbitraries';
import { applyPlan, diffCells } from '../corpus/check';

fc.configureGlobal(propertySettings(0x91a2));

const optionsArb = fc.record({ flagColumn: fc.boolean(), overwriteFormulas: fc.boolean() });

/** Where a plan may write: total/rank/flag cells of unit rows, and the header cell of a column it adds. */
function outOfBounds(grid: Grid, plan: WritePlan): string[] {
  const analysis = analyze(grid);
  const layout = analysis.layout;
  if (!layout) return cellWrites(plan).map((w) => `${w.address} (no table)`);
  const unitRows = new Set(byCategory(analysis.scored).flatMap((c) => c.units.map((u) => u.row)));
  const existing = new Map(layout.columns.map((c) => [c.role, c.col]));
  const bad: string[] = [];
  const colOfKind = new Map<string, number>();
  const added = new Set<number>();
  for (const w of cellWrites(plan)) {
    if (w.address !== a1(w.row, w.col)) bad.push(`${w.address}: coordinates say ${a1(w.row, w.col)}`);
    if (w.kind === 'header') {
      if (w.row !== layout.headerRow) bad.push(`${w.address}: header write outside the header row`);
      if (w.col <= layout.lastCol) bad.push(`${w.address}: added column inside the table`);
      if (w.before.value !== null || w.before.formula !== null) bad.push(`${w.address}: added column header was not empty`);
      added.add(w.col);
      continue;
    }
    if (!unitRows.has(w.row)) bad.push(`${w.address}: ${w.kind} write outside a unit row`);
    const known = existing.get(w.kind);
    if (known !== undefined && known !== w.col) bad.push(`${w.address}: ${w.kind} write outside the ${w.kind} column`);
    if (known === undefined && !added.has(w.col)) bad.push(`${w.address}: ${w.kind} write into a column neither existing nor added`);
    const seen = colOfKind.get(w.kind);
    if (seen !== undefined && seen !== w.col) bad.push(`${w.address}: ${w.kind} writes in two columns`);
    colOfKind.set(w.kind, w.col);
    if (w.after.formula !== null) bad.push(`${w.address}: writes a formula`);
  }
  return bad;
}

/** Rank of each model unit, computed here from the model's totals. */
function modelRanks(s: Scenario): Map<number, { total: number; rank: number }> {
  const out = new Map<number, { total: number; rank: number }>();
  for (const c of s.categories) {
    for (const u of c.units) out.set(u.row, { total: u.totalCents, rank: 1 + c.units.filter((o) => o.totalCents > u.totalCents).length });
  }
  return out;
}

describe('write plans', () => {
  it('touch only total, rank and flag cells of unit rows (and the header of a column they add)', () => {
    fc.assert(
      fc.property(scenarioArb, optionsArb, (s, options) => {
        const plan = planWrites(s.grid, analyze(s.grid), options);
        expect(outOfBounds(s.grid, plan)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(chaosGridArb, optionsArb, (grid, options) => {
        expect(outOfBounds(grid, planWrites(grid, analyze(grid), options))).toEqual([]);
      }),
    );
  });

  it('write the model’s totals and ranks, keep the user’s formulas unless told otherwise, and record the old content', () => {
    fc.assert(
      fc.property(scenarioArb, optionsArb, (s, options) => {
        const plan = planWrites(s.grid, analyze(s.grid), options);
        const model = modelRanks(s);
        const problems: string[] = [];
        for (const w of cellWrites(plan)) {
          const before = { value: valueAt(s.grid, w.row, w.col), formula: formulaAt(s.grid, w.row, w.col) };
          if (w.before.value !== before.value || w.before.formula !== before.formula) problems.push(`${w.address}: before is not the cell's content`);
          const unit = model.get(w.row);
          if (w.kind === 'total' && w.after.value !== unit!.total / 100) problems.push(`${w.address}: total ${String(w.after.value)}, model ${unit!.total / 100}`);
          if (w.kind === 'rank' && w.after.value !== unit!.rank) problems.push(`${w.address}: rank ${String(w.after.value)}, model ${unit!.rank}`);
          if (!options.overwriteFormulas && (w.kind === 'total' || w.kind === 'rank') && s.formulaCells.has(w.address)) problems.push(`${w.address}: overwrites a formula`);
        }
        // After applying, every unit's total and rank cell holds the model's value (or the user's kept formula).
        const after = applyPlan(s.grid, plan);
        const layout = analyze(after).layout!;
        const totalCol = layout.columns.find((c) => c.role === 'total')!.col;
        const rankCol = layout.columns.find((c) => c.role === 'rank')!.col;
        for (const [row, unit] of model) {
          const keepTotal = s.formulaCells.has(a1(row, totalCol)) && !options.overwriteFormulas;
          const keepRank = s.formulaCells.has(a1(row, rankCol)) && !options.overwriteFormulas;
          if (!keepTotal && valueAt(after, row, totalCol) !== unit.total / 100) problems.push(`${a1(row, totalCol)}: total not written`);
          if (!keepRank && valueAt(after, row, rankCol) !== unit.rank) problems.push(`${a1(row, rankCol)}: rank not written`);
        }
        expect(problems).toEqual([]);
      }),
    );
  });

  it('recalculating twice plans no change the second time', () => {
    const check = (grid: Grid, options: { flagColumn: boolean; overwriteFormulas: boolean }) => {
      const first = planWrites(grid, analyze(grid), options);
      const after = applyPlan(grid, first);
      const second = planWrites(after, analyze(after), options);
      expect(cellWrites(second).map((w) => `${w.address} ${w.kind} ${String(w.before.value)} -> ${String(w.after.value)}`)).toEqual([]);
    };
    fc.assert(fc.property(scenarioArb, optionsArb, (s, options) => check(s.grid, options)));
    fc.assert(fc.property(chaosGridArb, optionsArb, (grid, options) => check(grid, options)));
  });

  it('undo after apply gives back the original grid cell for cell', () => {
    const check = (grid: Grid, options: { flagColumn: boolean; overwriteFormulas: boolean }) => {
      const plan = planWrites(grid, analyze(grid), options);
      const after = applyPlan(grid, plan);
      const undo = planUndo(after, plan);
      expect(undo.conflicts).toEqual([]);
      expect(diffCells(grid, applyPlan(after, undo.plan))).toEqual([]);
      // And the apply itself changed exactly the planned cells.
      expect(diffCells(grid, after).sort()).toEqual(cellWrites(plan).map((w) => w.address).sort());
    };
    fc.assert(fc.property(scenarioArb, optionsArb, (s, options) => check(s.grid, options)));
    fc.assert(fc.property(chaosGridArb, optionsArb, (grid, options) => check(grid, options)));
  });

  it('undo leaves cells edited since the run alone and reports them', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, pick) => {
        const plan = planWrites(s.grid, analyze(s.grid), { flagColumn: true });
        fc.pre(cellWrites(plan).length > 0);
        const after = applyPlan(s.grid, plan);
        const edited = cellWrites(plan)[pick % cellWrites(plan).length]!;
        after.values[edited.row - after.originRow]![edited.col - after.originCol] = '手工修改';
        const undo = planUndo(after, plan);
        expect(undo.conflicts.map((w) => w.address)).toEqual([edited.address]);
        const back = applyPlan(after, undo.plan);
        expect(diffCells(s.grid, back)).toEqual([edited.address]);
        expect(valueAt(back, edited.row, edited.col)).toBe('手工修改');
      }),
      { numRuns: 100 },
    );
  });
});
