import fc from 'fast-check';
import { byCategory } from '../support/units';
import { analyze, rankTotals, type RankMode } from '../../src/core';
import { scenarioArb, propertySettings } from '../support/arbitraries';

fc.configureGlobal(propertySettings(0x7a11e5));

const modeArb = fc.constantFrom<RankMode>('competition', 'dense');

describe('totals and ranks on generated sheets', () => {
  it('totals equal the exact decimal sum of the generated cents (junk counts as 0, deductions subtract)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const analysis = analyze(s.grid);
        const got = byCategory(analysis.scored!).map((c) => c.units.map((u) => [u.name, u.totalCents]));
        const want = s.categories.map((c) => c.units.map((u) => [u.name, u.totalCents]));
        expect(got).toEqual(want);
      }),
    );
  });

  it('competition rank = 1 + the number of higher totals in the category', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const scored = analyze(s.grid, { overrides: { rankMode: 'competition' } }).scored!;
        s.categories.forEach((model, i) => {
          const want = model.units.map((u) => 1 + model.units.filter((o) => o.totalCents > u.totalCents).length);
          expect(byCategory(scored)[i]!.units.map((u) => u.rank)).toEqual(want);
        });
      }),
    );
  });

  it('dense ranks have no gaps: 1 + the number of distinct higher totals, covering 1..k', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const scored = analyze(s.grid, { overrides: { rankMode: 'dense' } }).scored!;
        s.categories.forEach((model, i) => {
          const want = model.units.map((u) => 1 + new Set(model.units.filter((o) => o.totalCents > u.totalCents).map((o) => o.totalCents)).size);
          const ranks = byCategory(scored)[i]!.units.map((u) => u.rank);
          expect(ranks).toEqual(want);
          const distinct = [...new Set(ranks)].sort((a, b) => a - b);
          expect(distinct).toEqual(distinct.map((_, k) => k + 1));
        });
      }),
    );
  });

  it('the top list holds every unit within the top N (ties at the cut included), by rank, ties in sheet order', () => {
    fc.assert(
      fc.property(scenarioArb, modeArb, fc.integer({ min: 1, max: 5 }), (s, rankMode, topN) => {
        const analysis = analyze(s.grid, { overrides: { rankMode, topN } });
        analysis.summary!.categories.forEach((summary, i) => {
          const units = byCategory(analysis.scored!)[i]!.units;
          const want = units
            .filter((u) => u.rank <= topN)
            .map((u) => [u.rank, u.row] as const)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          expect(summary.top.map((u) => [u.rank, u.row])).toEqual(want);
          // Ties keep sheet order: equal totals appear by ascending row.
          for (let k = 1; k < summary.top.length; k++) {
            const [prev, cur] = [summary.top[k - 1]!, summary.top[k]!];
            expect(prev.totalCents >= cur.totalCents).toBe(true);
            if (prev.totalCents === cur.totalCents) expect(prev.row < cur.row).toBe(true);
          }
        });
      }),
    );
  });

  it('totals and ranks do not depend on where the table sits in the sheet', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (s, dr, dc) => {
        const moved = { ...s.grid, originRow: s.grid.originRow + dr, originCol: s.grid.originCol + dc };
        moved.merges = (s.grid.merges ?? []).map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc }));
        moved.hiddenRows = (s.grid.hiddenRows ?? []).map((r) => r + dr);
        const ranksOf = (g: typeof moved) => byCategory(analyze(g).scored!).map((c) => c.units.map((u) => [u.name, u.totalCents, u.rank]));
        expect(ranksOf(moved)).toEqual(ranksOf(s.grid));
      }),
      { numRuns: 100 },
    );
  });
});

describe('rankTotals on any totals', () => {
  // Narrow bands of whole cents are ranked by counting, anything else by sorting: both must
  // agree with the definitions. The spans below reach both paths (the counting band is 2^20).
  const totalsArb = fc.oneof(
    fc.array(fc.integer({ min: -500, max: 500 }), { maxLength: 60 }),
    fc.array(fc.integer({ min: -1e13, max: 1e13 }), { maxLength: 60 }),
    fc.array(fc.constantFrom(0, 1, 2_000_000, -3_000_000), { maxLength: 60 }),
    fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }),
  );

  it('competition: 1 + the number of higher totals; dense: 1 + the number of distinct higher totals', () => {
    fc.assert(
      fc.property(totalsArb, (totals) => {
        expect(rankTotals(totals, 'competition')).toEqual(totals.map((t) => 1 + totals.filter((o) => o > t).length));
        expect(rankTotals(totals, 'dense')).toEqual(totals.map((t) => 1 + new Set(totals.filter((o) => o > t)).size));
      }),
    );
  });
});
