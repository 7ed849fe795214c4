/** Validation against the rules, then totals, ranks and flags. */
import { finding, placeAt, type Finding } from './findings';
import { NO_FLAGS, type FlagCode, type ScoreEntry, type ScoredCategory, type ScoredTable, type ScoredUnit, type ScoreTable, type UnitRow, type CategoryTable } from './model';
import type { RankMode, Rules } from './rules';
import { centsToNumber, type Cents } from './decimal';
import { cellText, parseScore } from './text';

/** Range and step checks on every score cell that holds a number. */
export function validateScores(table: ScoreTable, rules: Rules): Finding[] {
  const findings: Finding[] = [];
  const labels = new Map(table.layout.columns.map((c) => [c.col, c]));
  for (const category of table.categories) {
    const rule = category.rule;
    for (const unit of category.units) {
      for (const entry of unit.scores) {
        if (entry.cents === null) continue;
        // Fast path: within every cap and step, nothing to report (the common case allocates nothing).
        const cap = entry.role === 'base' ? rule?.baseCapCents : entry.role === 'bonus' ? rule?.bonusCapCents : null;
        const step = entry.role === 'base' ? rules.baseStepCents : entry.role === 'adoption' ? rules.adoptionStepCents : null;
        const column = labels.get(entry.col)!;
        if (entry.cents >= 0 && (cap == null || entry.cents <= cap) && (column.maxCents === null || entry.cents <= column.maxCents) && (!step || entry.cents % step === 0)) continue;
        const where = placeAt(unit.row, entry.col, unit.name);
        const value = centsToNumber(entry.cents);
        if (entry.cents < 0) {
          findings.push(finding({ code: 'NEGATIVE_SCORE', column: column.label, value }, where));
          continue;
        }
        if (entry.role === 'base' && rule?.baseCapCents != null && entry.cents > rule.baseCapCents) {
          findings.push(finding({ code: 'BASE_OVER_CAP', value, cap: centsToNumber(rule.baseCapCents), category: category.name }, where));
        } else if (entry.role === 'bonus' && rule?.bonusCapCents != null && entry.cents > rule.bonusCapCents) {
          findings.push(finding({ code: 'BONUS_OVER_CAP', value, cap: centsToNumber(rule.bonusCapCents) }, where));
        } else if (column.maxCents !== null && entry.cents > column.maxCents) {
          findings.push(finding({ code: 'OVER_CAP', column: column.label, value, cap: centsToNumber(column.maxCents) }, where));
        }
        if (step && entry.cents % step !== 0) {
          findings.push(finding({ code: 'SCORE_STEP', column: column.label, value, step: centsToNumber(step) }, where));
        }
      }
    }
  }
  return findings;
}

/** Sum of components minus deductions, in exact cents; unusable cells count as 0. */
export function totalOf(scores: readonly ScoreEntry[]): Cents {
  let total = 0;
  for (const s of scores) {
    if (s.cents === null) continue;
    total += s.role === 'deduction' ? -s.cents : s.cents;
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
  const base = unit.scores[baseIndex];
  if (!base) return NO_FLAGS;
  const flags: FlagCode[] = [];
  const baseCents = base.cents ?? 0;
  const cap = category.rule?.baseCapCents ?? null;
  if (rules.flags.zeroSubmission && baseCents === 0) flags.push('ZERO_SUBMISSION');
  if (cap !== null && rules.flags.belowQuota && baseCents > 0 && baseCents < cap) flags.push('BELOW_QUOTA');
  const adoption = unit.scores[adoptionIndex];
  if (cap !== null && adoption && rules.flags.lowQuality && baseCents >= cap && (adoption.cents ?? 0) <= rules.flags.lowQualityAdoptionMaxCents) {
    flags.push('LOW_QUALITY');
  }
  return flags.length ? flags : NO_FLAGS;
}

/** Totals, ranks and flags for every unit; mismatches with what the sheet already says. */
export function scoreTable(table: ScoreTable, rules: Rules): { scored: ScoredTable; findings: Finding[] } {
  const findings: Finding[] = [];
  const totalCol = table.layout.columns.find((c) => c.role === 'total')?.col ?? null;
  const rankCol = table.layout.columns.find((c) => c.role === 'rank')?.col ?? null;
  // Every unit's scores follow the layout's score columns in order.
  const scoreRoles = table.layout.columns.filter((c) => c.role === 'base' || c.role === 'adoption' || c.role === 'bonus' || c.role === 'deduction' || c.role === 'component').map((c) => c.role);
  const baseIndex = scoreRoles.indexOf('base');
  const adoptionIndex = scoreRoles.indexOf('adoption');
  const categories: ScoredCategory[] = table.categories.map((category) => {
    const totals = category.units.map((u) => totalOf(u.scores));
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
  return { scored: { layout: table.layout, rules, categories }, findings };
}
