/**
 * Units as objects, built from a scored table's columns: the one accessor for callers that show
 * units one at a time. The pipeline itself reads the columns.
 */
import { FLAG_SETS } from './flags';
import type { CategoryTable, ScoredTable, ScoredUnit } from './model';

/** The unit at `index` (reading order), as a new object. */
export function scoredUnit(scored: ScoredTable, index: number): ScoredUnit {
  const { units, results } = scored;
  if (!(index >= 0 && index < units.count)) throw new RangeError(`no unit ${index}: the table has ${units.count}`);
  return {
    name: units.names[index]!,
    row: units.rows[index]!,
    index,
    existingTotal: units.cells.total?.values?.[index] ?? null,
    existingRank: units.cells.rank?.values?.[index] ?? null,
    totalCents: results.totals[index]!,
    rank: results.ranks[index]!,
    flags: FLAG_SETS[results.flagBits[index]!]!,
  };
}

/** The category's units as new objects, in sheet order. */
export function unitsOf(scored: ScoredTable, category: CategoryTable): ScoredUnit[] {
  return category.members.map((index) => scoredUnit(scored, index));
}
