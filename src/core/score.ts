/** Validation against the rules, then totals, ranks and flags. */
import { finding, placeAt, type Finding } from './findings';
import { FLAG_CODES, NO_FLAGS, type FlagCode, type ScoreRole, type ScoredCategory, type ScoredTable, type ScoredUnit, type ScoreTable, type UnitRow, type CategoryTable } from './model';
import type { RankMode, Rules } from './rules';
import { centsToNumber, type Cents } from './decimal';
import { cellText, parseScore } from './text';

/** Range and step checks on every score cell that holds a number. */
export function validateScores(table: ScoreTable, rules: Rules): Finding[] {
  const findings: Finding[] = [];
  const columns = table.scoreColumns;
  for (const category of table.categories) {
    const rule = category.rule;
    for (const unit of category.units) {
      for (let i = 0; i < columns.length; i++) {
        const cents = unit.scores[i];
        if (cents == null) continue;
        const column = columns[i]!;
        // Fast path: within every cap and step, nothing to report (the common case allocates nothing).
        const cap = column.role === 'base' ? rule?.baseCapCents : column.role === 'bonus' ? rule?.bonusCapCents : null;
        const step = column.role === 'base' ? rules.baseStepCents : column.role === 'adoption' ? rules.adoptionStepCents : null;
        if (cents >= 0 && (cap == null || cents <= cap) && (column.maxCents === null || cents <= column.maxCents) && (!step || cents % step === 0)) continue;
        const where = placeAt(unit.row, column.col, unit.name);
        const value = centsToNumber(cents);
        if (cents < 0) {
          findings.push(finding({ code: 'NEGATIVE_SCORE', column: column.label, value }, where));
          continue;
        }
        if (column.role === 'base' && rule?.baseCapCents != null && cents > rule.baseCapCents) {
          findings.push(finding({ code: 'BASE_OVER_CAP', value, cap: centsToNumber(rule.baseCapCents), category: category.name }, where));
        } else if (column.role === 'bonus' && rule?.bonusCapCents != null && cents > rule.bonusCapCents) {
          findings.push(finding({ code: 'BONUS_OVER_CAP', value, cap: centsToNumber(rule.bonusCapCents) }, where));
        } else if (column.maxCents !== null && cents > column.maxCents) {
          findings.push(finding({ code: 'OVER_CAP', column: column.label, value, cap: centsToNumber(column.maxCents) }, where));
        }
        if (step && cents % step !== 0) {
          findings.push(finding({ code: 'SCORE_STEP', column: column.label, value, step: centsToNumber(step) }, where));
        }
      }
    }
  }
  return findings;
}

/** Sum of components minus deductions, in exact cents; unusable cells count as 0. */
export function totalOf(roles: readonly ScoreRole[], scores: ReadonlyArray<Cents | null>): Cents {
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const cents = scores[i];
    if (cents == null) continue;
    total += roles[i] === 'deduction' ? -cents : cents;
  }
  return total;
}

/**
 * Ranks within one category, highest total first.
 * competition: 1 + number of higher totals (1,2,3,3,5); dense: 1 + number of distinct higher totals (1,2,3,3,4).
 */
export function rankTotals(totals: readonly Cents[], mode: RankMode): number[] {
  // Sort the totals natively (a typed array sorts numbers without a comparator), then give each
  // distinct total its rank and look every unit's total up by binary search.
  const sorted = Float64Array.from(totals).sort().reverse();
  const rankOf = new Float64Array(sorted.length);
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    rankOf[i] = mode === 'dense' ? distinct : i === 0 || sorted[i] !== sorted[i - 1] ? i + 1 : rankOf[i - 1]!;
  }
  const ranks = new Array<number>(totals.length);
  for (let i = 0; i < totals.length; i++) {
    const total = totals[i]!;
    // First position of `total` in the descending array.
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! > total) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = rankOf[lo]!;
  }
  return ranks;
}

function flagsOf(unit: UnitRow, category: CategoryTable, rules: Rules, baseIndex: number, adoptionIndex: number): FlagCode[] {
  if (baseIndex < 0) return NO_FLAGS;
  let bits = 0;
  const baseCents = unit.scores[baseIndex] ?? 0;
  const cap = category.rule?.baseCapCents ?? null;
  if (rules.flags.zeroSubmission && baseCents === 0) bits |= 1;
  if (cap !== null && rules.flags.belowQuota && baseCents > 0 && baseCents < cap) bits |= 2;
  if (cap !== null && adoptionIndex >= 0 && rules.flags.lowQuality && baseCents >= cap && (unit.scores[adoptionIndex] ?? 0) <= rules.flags.lowQualityAdoptionMaxCents) {
    bits |= 4;
  }
  return FLAG_SETS[bits]!;
}

/** Every combination of flags as one shared, frozen array (indexed by bit set): units with the same flags share it. */
const FLAG_SETS: readonly FlagCode[][] = Array.from({ length: 8 }, (_, bits) =>
  bits === 0 ? NO_FLAGS : (Object.freeze(FLAG_CODES.filter((_code, i) => bits & (1 << i))) as FlagCode[]),
);

/** Totals, ranks and flags for every unit; mismatches with what the sheet already says. */
export function scoreTable(table: ScoreTable, rules: Rules): { scored: ScoredTable; findings: Finding[] } {
  const findings: Finding[] = [];
  const totalCol = table.layout.columns.find((c) => c.role === 'total')?.col ?? null;
  const rankCol = table.layout.columns.find((c) => c.role === 'rank')?.col ?? null;
  // Every unit's scores follow the layout's score columns in order.
  const scoreRoles = table.scoreColumns.map((c) => c.role);
  const baseIndex = scoreRoles.indexOf('base');
  const adoptionIndex = scoreRoles.indexOf('adoption');
  const categories: ScoredCategory[] = table.categories.map((category) => {
    const totals = category.units.map((u) => totalOf(scoreRoles, u.scores));
    const ranks = rankTotals(totals, rules.rankMode);
    // readTable made each unit ScoredUnit-shaped; complete it in place rather than copying.
    const units = category.units as ScoredUnit[];
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!;
      unit.totalCents = totals[i]!;
      unit.rank = ranks[i]!;
      unit.flags = flagsOf(unit, category, rules, baseIndex, adoptionIndex);
    }
    for (const unit of units) {
      if (totalCol !== null && unit.existingTotal !== null && cellText(unit.existingTotal) !== '') {
        const found = parseScore(unit.existingTotal);
        if (found.kind !== 'number' || found.cents !== unit.totalCents) {
          findings.push(
            finding({ code: 'TOTAL_MISMATCH', found: cellText(unit.existingTotal), expected: centsToNumber(unit.totalCents) }, placeAt(unit.row, totalCol, unit.name)),
          );
        }
      }
      if (rankCol !== null && unit.existingRank !== null && cellText(unit.existingRank) !== '') {
        const found = parseScore(unit.existingRank);
        if (found.kind !== 'number' || found.cents !== unit.rank * 100) {
          findings.push(finding({ code: 'RANK_MISMATCH', found: cellText(unit.existingRank), expected: unit.rank }, placeAt(unit.row, rankCol, unit.name)));
        }
      }
    }
    return { ...category, units };
  });
  return { scored: { layout: table.layout, scoreColumns: table.scoreColumns, rules, categories }, findings };
}
