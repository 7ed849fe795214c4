import { unitsOf, type CategoryTable, type ScoredTable, type ScoredUnit } from '../../src/core';

/** Each category of a scored table with its units as objects (built through the core's one accessor). */
export function byCategory(scored: ScoredTable): Array<CategoryTable & { units: ScoredUnit[] }> {
  return scored.categories.map((c) => ({ ...c, units: unitsOf(scored, c) }));
}
