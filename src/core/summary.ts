/** Per-category statistics, top N with ties, flag lists, and the notice lines in the published style. */
import { formatCents, type Cents } from './decimal';
import type { CategorySummary, FlaggedUnit, ScoredTable, ScoredUnit, Summary } from './model';
import { FLAG_CODES, FLAG_SETS, type FlagCode } from './flags';
import { scoredUnit } from './units';

/** Mean rounded half away from zero to the cent. */
function meanCents(sum: Cents, count: number): Cents {
  if (count === 0) return 0;
  const mean = Math.sign(sum) * Math.round(Math.abs(sum) / count);
  return mean === 0 ? 0 : mean;
}

/** Units ranked within the top N, with every unit tied at the cut; by rank, then sheet order. */
export function topUnits(units: readonly ScoredUnit[], topN: number): ScoredUnit[] {
  return units.filter((u) => u.rank <= topN).sort((a, b) => a.rank - b.rank || a.row - b.row);
}

/** "乡镇(街道)前3名：温泉街道（152分）、张羌街道（135.4分）、祥云镇（131.6分）" */
export function noticeLine(category: string, topN: number, top: readonly ScoredUnit[]): string {
  const units = top.map((u) => `${u.name}（${formatCents(u.totalCents)}分）`).join('、');
  return `${category}前${topN}名：${units}`;
}

export function summarize(scored: ScoredTable): Summary {
  const topN = scored.rules.topN;
  // One list per flag, every flag present even when no unit has it.
  const flagged = perFlag((): FlaggedUnit[] => []);
  const categories: CategorySummary[] = scored.categories.map((category) => {
    const tally: Tally = {
      category: category.name,
      sum: 0,
      max: -Infinity,
      min: Infinity,
      top: [],
      flagCounts: perFlag(() => 0),
    };
    const members = category.members;
    for (let i = 0; i < members.length; i++) count(tally, scored, flagged, members[i]!);
    const n = members.length;
    return {
      name: category.name,
      unitCount: n,
      meanCents: meanCents(tally.sum, n),
      maxCents: n ? tally.max : 0,
      minCents: n ? tally.min : 0,
      top: topUnits(tally.top.map((index) => scoredUnit(scored, index)), topN),
      flagCounts: tally.flagCounts,
    };
  });
  return {
    title: scored.layout.title,
    period: scored.layout.period,
    topN,
    categories,
    flagged,
    noticeLines: categories.map((c) => noticeLine(c.name, topN, c.top)),
  };
}

/** A record with an entry for every flag. */
function perFlag<T>(make: () => T): Record<FlagCode, T> {
  return Object.fromEntries(FLAG_CODES.map((code) => [code, make()])) as Record<FlagCode, T>;
}

/** What summarize gathers over one category's units. */
interface Tally {
  category: string;
  sum: Cents;
  max: Cents;
  min: Cents;
  /** Unit indexes ranked within the top N. */
  top: number[];
  flagCounts: Record<FlagCode, number>;
}

/** One unit into its category's tally and the flag lists. */
function count(tally: Tally, scored: ScoredTable, flagged: Record<FlagCode, FlaggedUnit[]>, index: number): void {
  const { results } = scored;
  const total = results.totals[index]!;
  tally.sum += total;
  if (total > tally.max) tally.max = total;
  if (total < tally.min) tally.min = total;
  if (results.ranks[index]! <= scored.rules.topN) tally.top.push(index);
  const bits = results.flagBits[index]!;
  if (bits === 0) return;
  const flags = FLAG_SETS[bits]!;
  for (let f = 0; f < flags.length; f++) {
    const flag = flags[f]!;
    tally.flagCounts[flag]++;
    flagged[flag].push({ unit: scored.units.names[index]!, category: tally.category, row: scored.units.rows[index]! });
  }
}
