/** Scoring: each unit's total (exact cents), its rank within its category (core/rank) and its flags. */
import { finding, placeAt, type Finding } from './findings';
import type { ComponentRole, ScoredTable, ScoreTable, UnitResults } from './model';
import type { Rules } from './rules';
import { centsToNumber, pointsToCents, roundedCents, type Cents } from './decimal';
import type { CellValue } from './grid';
import { cellText, parseScore } from './text';
import { flagBitsOf } from './flags';
import { rankInto } from './perf/rank';
import { createScratch } from './perf/scratch';

/** Sum of components minus deductions, in exact cents; unusable cells (null or NaN) count as 0. */
export function totalOf(roles: readonly ComponentRole[], scores: ArrayLike<Cents | null>, offset = 0): Cents {
  let total = 0;
  for (let i = 0; i < roles.length; i++) {
    const cents = scores[offset + i];
    if (cents == null || Number.isNaN(cents)) continue;
    total += roles[i] === 'deduction' ? -cents : cents;
  }
  return total;
}

/** Whether a total or rank cell already says `cents` (read as a score cell is; extra decimals rounded away). */
function holdsCents(value: CellValue, cents: Cents): boolean {
  // A recalculated sheet holds plain numbers in every row: those need no parse.
  if (typeof value === 'number') return roundedCents(value) === cents;
  const found = parseScore(value);
  return found.kind === 'number' && found.cents === cents;
}

/** Totals, ranks and flags for every unit; mismatches with what the sheet already says. */
export function scoreTable(table: ScoreTable, rules: Rules): { scored: ScoredTable; findings: Finding[] } {
  const findings: Finding[] = [];
  const totalCol = table.layout.columns.find((c) => c.role === 'total')?.col ?? null;
  const rankCol = table.layout.columns.find((c) => c.role === 'rank')?.col ?? null;
  // Every unit's scores follow the layout's score columns in order.
  const scoreRoles = table.scoreColumns.map((c) => c.role);
  const baseIndex = scoreRoles.indexOf('base');
  const adoptionIndex = scoreRoles.indexOf('adoption');
  const width = scoreRoles.length;
  const { scores, units } = table;
  const results: UnitResults = {
    totals: new Float64Array(units.count),
    ranks: new Int32Array(units.count),
    flagBits: new Uint8Array(units.count),
  };
  /** A score cell's cents, 0 when the cell is empty or unusable. */
  const centsOf = (index: number, column: number): Cents => {
    const cents = scores[index * width + column]!;
    return Number.isNaN(cents) ? 0 : cents;
  };
  // The categories take turns with the same working tables for their totals and ranks.
  const scratch = createScratch();
  for (const category of table.categories) {
    const members = category.members;
    const totals = scratch.floats('score.totals', members.length);
    const ranks = scratch.ints('score.ranks', members.length);
    for (let i = 0; i < members.length; i++) totals[i] = totalOf(scoreRoles, scores, members[i]! * width);
    rankInto(totals, members.length, rules.rankMode, ranks, scratch);
    const capCents = category.rule?.baseCapCents ?? null;
    for (let i = 0; i < members.length; i++) {
      const index = members[i]!;
      results.totals[index] = totals[i]!;
      results.ranks[index] = ranks[i]!;
      if (baseIndex >= 0) {
        const adoptionCents = adoptionIndex >= 0 ? centsOf(index, adoptionIndex) : NaN;
        results.flagBits[index] = flagBitsOf({ baseCents: centsOf(index, baseIndex), adoptionCents, capCents }, rules.flags);
      }
    }
  }
  // Sheet order: what the total and rank cells already say, against what they should.
  for (let index = 0; index < units.count; index++) {
    const existingTotal = units.cells.total?.values?.[index] ?? null;
    const existingRank = units.cells.rank?.values?.[index] ?? null;
    if (totalCol !== null && existingTotal !== null && !holdsCents(existingTotal, results.totals[index]!) && cellText(existingTotal) !== '') {
      const expected = centsToNumber(results.totals[index]!);
      findings.push(finding({ code: 'TOTAL_MISMATCH', found: cellText(existingTotal), expected }, placeAt(units.rows[index]!, totalCol, units.names[index])));
    }
    if (rankCol !== null && existingRank !== null && !holdsCents(existingRank, pointsToCents(results.ranks[index]!)) && cellText(existingRank) !== '') {
      const expected = results.ranks[index]!;
      findings.push(finding({ code: 'RANK_MISMATCH', found: cellText(existingRank), expected }, placeAt(units.rows[index]!, rankCol, units.names[index])));
    }
  }
  return { scored: { layout: table.layout, scoreColumns: table.scoreColumns, units, scores, results, rules, categories: table.categories }, findings };
}
