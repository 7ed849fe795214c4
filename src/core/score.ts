/** Validation against the rules, then totals, ranks and flags. */
import { finding, placeAt, type Finding } from './findings';
import type { CategoryTable, ComponentColumn, ComponentRole, ScoredTable, ScoreTable, UnitResults } from './model';
import { capsFor, type RankMode, type Rules } from './rules';
import { centsToNumber, pointsToCents, roundedCents, type Cents } from './decimal';
import type { CellValue } from './grid';
import { cellText, parseScore } from './text';
import { flagBitsOf } from './flags';
import { rankInto } from './perf/rank';
import { createScratch } from './perf/scratch';

/** Range and step checks on every score cell that holds a number. */
export function validateScores(table: ScoreTable, rules: Rules): Finding[] {
  const findings: Finding[] = [];
  const columns = table.scoreColumns;
  const width = columns.length;
  const steps = columns.map((c) => stepOf(c, rules) ?? 0);
  for (const category of table.categories) {
    // The most each column may hold in this category: the rule's cap and the header's "(N)".
    const caps = capsFor(category.rule);
    const limits = columns.map((c) => Math.min(capOf(c, caps) ?? Infinity, c.maxCents ?? Infinity));
    const members = category.members;
    for (let u = 0; u < members.length; u++) {
      const index = members[u]!;
      // Nearly every unit is within bounds: one small check, and the findings only for the others.
      if (!withinBounds(table.scores, index * width, limits, steps)) reportUnit(table, rules, category, index, limits, steps, findings);
    }
  }
  return findings;
}

function capOf(column: ComponentColumn, caps: ReturnType<typeof capsFor>): Cents | null {
  return column.role === 'base' ? caps.baseCapCents : column.role === 'bonus' ? caps.bonusCapCents : null;
}

function stepOf(column: ComponentColumn, rules: Rules): Cents | null {
  return column.role === 'base' ? rules.baseStepCents : column.role === 'adoption' ? rules.adoptionStepCents : null;
}

/** Whole cents on a step (0: any); as an integer remainder when both fit in 32 bits. */
function onStep(cents: Cents, step: Cents): boolean {
  if (step === 0) return true;
  return (cents | 0) === cents && (step | 0) === step ? (cents | 0) % (step | 0) === 0 : cents % step === 0;
}

function cellInBounds(cents: Cents, limit: Cents, step: Cents): boolean {
  return Number.isNaN(cents) || (cents >= 0 && cents <= limit && onStep(cents, step));
}

function withinBounds(scores: Float64Array, offset: number, limits: readonly Cents[], steps: readonly Cents[]): boolean {
  for (let i = 0; i < limits.length; i++) if (!cellInBounds(scores[offset + i]!, limits[i]!, steps[i]!)) return false;
  return true;
}

/** The findings of one unit whose cells are not all within bounds. */
function reportUnit(table: ScoreTable, rules: Rules, category: CategoryTable, index: number, limits: readonly Cents[], steps: readonly Cents[], findings: Finding[]): void {
  const columns = table.scoreColumns;
  const caps = capsFor(category.rule);
  for (let i = 0; i < columns.length; i++) {
    const cents = table.scores[index * columns.length + i]!;
    if (cellInBounds(cents, limits[i]!, steps[i]!)) continue;
    const column = columns[i]!;
    const where = placeAt(table.units.rows[index]!, column.col, table.units.names[index]);
    const value = centsToNumber(cents);
    if (cents < 0) {
      findings.push(finding({ code: 'NEGATIVE_SCORE', column: column.label, value }, where));
      continue;
    }
    if (column.role === 'base' && caps.baseCapCents !== null && cents > caps.baseCapCents) {
      findings.push(finding({ code: 'BASE_OVER_CAP', value, cap: centsToNumber(caps.baseCapCents), category: category.name }, where));
    } else if (column.role === 'bonus' && caps.bonusCapCents !== null && cents > caps.bonusCapCents) {
      findings.push(finding({ code: 'BONUS_OVER_CAP', value, cap: centsToNumber(caps.bonusCapCents) }, where));
    } else if (column.maxCents !== null && cents > column.maxCents) {
      findings.push(finding({ code: 'OVER_CAP', column: column.label, value, cap: centsToNumber(column.maxCents) }, where));
    }
    const step = stepOf(column, rules);
    if (step && !onStep(cents, step)) {
      findings.push(finding({ code: 'SCORE_STEP', column: column.label, value, step: centsToNumber(step) }, where));
    }
  }
}

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

/**
 * Ranks within one category, highest total first.
 * competition: 1 + number of higher totals (1,2,3,3,5); dense: 1 + number of distinct higher totals (1,2,3,3,4).
 */
export function rankTotals(totals: ArrayLike<Cents>, mode: RankMode): number[] {
  const ranks = new Int32Array(totals.length);
  rankInto(totals, totals.length, mode, ranks, createScratch());
  return Array.from(ranks);
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
