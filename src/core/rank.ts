/** Ranking within a category: 并列占位 (competition) or 并列不占位（中国式排名, dense）. */
import type { Cents } from './decimal';
import type { RankMode } from './rules';
import { rankInto } from './perf/rank';
import { createScratch } from './perf/scratch';

/**
 * Ranks within one category, highest total first.
 * competition: 1 + number of higher totals (1,2,3,3,5); dense: 1 + number of distinct higher totals (1,2,3,3,4).
 */
export function rankTotals(totals: ArrayLike<Cents>, mode: RankMode): number[] {
  const ranks = new Int32Array(totals.length);
  rankInto(totals, totals.length, mode, ranks, createScratch());
  return Array.from(ranks);
}

