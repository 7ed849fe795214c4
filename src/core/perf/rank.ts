/**
 * Competition and dense ranks of a list of totals, by one of two strategies chosen from the data:
 * - counting: totals are whole cents in a narrow band (a real category spans a few hundred
 *   points), so a table of counts per total, walked from the top, gives every rank with no sort;
 * - sorting: totals spread wider (or are not whole cents); sort a copy descending, give each
 *   distinct total its rank, and find each unit's total by binary search.
 * Both give the same ranks; the choice only decides how much memory and time that takes.
 */
import type { RankMode } from '../rules';
import type { Scratch } from './scratch';

export type RankStrategy = 'counting' | 'sorting';

/** Widest band of totals (in cents) ranked by counting, at least; wider bands are sorted. */
export const COUNTING_SPAN = 1 << 20;

/** The strategy for these totals: counting when all are integers within a band no wider than COUNTING_SPAN or 4× their number. */
export function rankStrategy(totals: ArrayLike<number>, count = totals.length): { strategy: RankStrategy; min: number; span: number } {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < count; i++) {
    const t = totals[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
    if (integers && !Number.isInteger(t)) integers = false;
  }
  const span = count === 0 ? 0 : max - min + 1;
  const counting = integers && span <= Math.max(COUNTING_SPAN, 4 * count);
  return { strategy: counting ? 'counting' : 'sorting', min, span };
}

/**
 * Rank the first `count` totals into `ranks` (highest total first).
 * competition: 1 + number of higher totals (1,2,3,3,5); dense: 1 + number of distinct higher totals (1,2,3,3,4).
 * `scratch` lends the working tables; `force` picks a strategy (tests compare the two).
 */
export function rankInto(totals: ArrayLike<number>, count: number, mode: RankMode, ranks: Int32Array, scratch: Scratch, force?: RankStrategy): void {
  if (count === 0) return;
  const choice = rankStrategy(totals, count);
  const strategy = force ?? choice.strategy;
  if (strategy === 'counting' && choice.strategy === 'counting') countingRanks(totals, count, mode, ranks, choice.min, choice.span, scratch);
  else sortingRanks(totals, count, mode, ranks, scratch);
}

function countingRanks(totals: ArrayLike<number>, count: number, mode: RankMode, ranks: Int32Array, min: number, span: number, scratch: Scratch): void {
  // How many units hold each total, then (walking down from the top) the rank of each total.
  const rankAt = scratch.ints('rank.buckets', span);
  rankAt.fill(0, 0, span);
  for (let i = 0; i < count; i++) {
    const bucket = totals[i]! - min;
    rankAt[bucket] = rankAt[bucket]! + 1;
  }
  let higher = 0;
  let distinctHigher = 0;
  for (let b = span - 1; b >= 0; b--) {
    const here = rankAt[b]!;
    if (here === 0) continue;
    rankAt[b] = mode === 'dense' ? distinctHigher + 1 : higher + 1;
    higher += here;
    distinctHigher++;
  }
  for (let i = 0; i < count; i++) ranks[i] = rankAt[totals[i]! - min]!;
}

function sortingRanks(totals: ArrayLike<number>, count: number, mode: RankMode, ranks: Int32Array, scratch: Scratch): void {
  const sorted = scratch.floats('rank.sorted', count).subarray(0, count);
  for (let i = 0; i < count; i++) sorted[i] = totals[i]!;
  sorted.sort().reverse();
  const rankOf = scratch.ints('rank.ofSorted', count);
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const first = i === 0 || sorted[i] !== sorted[i - 1];
    if (first) distinct++;
    rankOf[i] = mode === 'dense' ? distinct : first ? i + 1 : rankOf[i - 1]!;
  }
  for (let i = 0; i < count; i++) {
    const total = totals[i]!;
    // First position of `total` in the descending list.
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! > total) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = rankOf[lo]!;
  }
}
