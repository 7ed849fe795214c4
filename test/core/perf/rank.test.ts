import { rankInto, rankStrategy, COUNTING_SPAN, type RankStrategy } from '../../../src/core/perf/rank';
import { createScratch } from '../../../src/core/perf/scratch';
import type { RankMode } from '../../../src/core';

/** Ranks by definition: 1 + higher totals (competition) or 1 + distinct higher totals (dense). */
function byDefinition(totals: number[], mode: RankMode): number[] {
  return totals.map((t) => 1 + (mode === 'dense' ? new Set(totals.filter((o) => o > t)).size : totals.filter((o) => o > t).length));
}

function ranked(totals: number[], mode: RankMode, force?: RankStrategy): number[] {
  const ranks = new Int32Array(totals.length);
  rankInto(totals, totals.length, mode, ranks, createScratch(), force);
  return Array.from(ranks);
}

describe('rank strategies', () => {
  it('chooses counting for whole cents in a narrow band, sorting for a wide band or fractions', () => {
    expect(rankStrategy([15200, 13540, 13540, 9000]).strategy).toBe('counting');
    expect(rankStrategy([0, COUNTING_SPAN * 10]).strategy).toBe('sorting');
    expect(rankStrategy([1.5, 2]).strategy).toBe('sorting');
  });

  it('both strategies give the ranks of the definition, with ties', () => {
    const totals = [15200, 13540, 13540, 13160, 9000, 15200, 0, -500];
    for (const mode of ['competition', 'dense'] as const) {
      expect(ranked(totals, mode, 'counting')).toEqual(byDefinition(totals, mode));
      expect(ranked(totals, mode, 'sorting')).toEqual(byDefinition(totals, mode));
    }
    expect(ranked(totals, 'competition')).toEqual([1, 3, 3, 5, 6, 1, 7, 8]);
    expect(ranked(totals, 'dense')).toEqual([1, 2, 2, 3, 4, 1, 5, 6]);
  });

  it('ranks a wide spread by sorting and agrees with the definition', () => {
    const totals = [1e12, 5, 1e12, -3e11, 42];
    expect(rankStrategy(totals).strategy).toBe('sorting');
    expect(ranked(totals, 'competition')).toEqual(byDefinition(totals, 'competition'));
    expect(ranked(totals, 'dense')).toEqual(byDefinition(totals, 'dense'));
  });

  it('ranks only the first `count` totals, so one scratch serves categories of any size in turn', () => {
    const scratch = createScratch();
    const big = Array.from({ length: 50 }, (_, i) => (i * 37) % 11);
    const bigRanks = new Int32Array(50);
    rankInto(big, 50, 'competition', bigRanks, scratch);
    expect(Array.from(bigRanks)).toEqual(byDefinition(big, 'competition'));
    const small = new Float64Array([3, 9, 99999, 99999]); // the last two are left over from a larger use
    const smallRanks = new Int32Array(2);
    rankInto(small, 2, 'competition', smallRanks, scratch);
    expect(Array.from(smallRanks)).toEqual([2, 1]);
  });
});
