/** Validation against the rules, then totals, ranks and flags. */
import { finding, placeAt, type Finding } from './findings';
import { FLAG_SETS, type CategoryTable, type ScoreColumn, type ScoreColumns, type ScoreRole, type ScoredCategory, type ScoredTable, type ScoredUnit, type ScoreTable, type UnitColumns } from './model';
import { capsFor, type RankMode, type Rules } from './rules';
import { centsToNumber, MAX_SCORE_CENTS, type Cents } from './decimal';
import type { CellValue } from './grid';
import { cellText, parseScore } from './text';

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

function capOf(column: ScoreColumn, caps: ReturnType<typeof capsFor>): Cents | null {
  return column.role === 'base' ? caps.baseCapCents : column.role === 'bonus' ? caps.bonusCapCents : null;
}

function stepOf(column: ScoreColumn, rules: Rules): Cents | null {
  return column.role === 'base' ? rules.baseStepCents : column.role === 'adoption' ? rules.adoptionStepCents : null;
}

/** Whole cents on a step (0: any); integer arithmetic when both fit in 32 bits (a double % is slow). */
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
export function totalOf(roles: readonly ScoreRole[], scores: ArrayLike<Cents | null>, offset = 0): Cents {
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
  return Array.from(ranksOf(Float64Array.from(totals), mode));
}

/** Largest spread of totals (in cents) ranked by counting; wider spreads are sorted. */
const COUNTING_SPAN = 1 << 20;

function ranksOf(totals: Float64Array, mode: RankMode): Int32Array {
  const ranks = new Int32Array(totals.length);
  if (totals.length === 0) return ranks;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
    if (integers && !Number.isInteger(t)) integers = false;
  }
  const span = max - min + 1;
  if (integers && span <= Math.max(COUNTING_SPAN, 4 * totals.length)) {
    // Totals are whole cents in a narrow band (a real table spans a few hundred points): count
    // how many units hold each total, then walk from the top. No sort, no search.
    const rankAt = new Int32Array(span);
    for (let i = 0; i < totals.length; i++) {
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
    for (let i = 0; i < totals.length; i++) ranks[i] = rankAt[totals[i]! - min]!;
    return ranks;
  }
  // Sort the totals natively (a typed array sorts numbers without a comparator), then give each
  // distinct total its rank and look every unit's total up by binary search.
  const sorted = Float64Array.from(totals).sort().reverse();
  const rankOf = new Float64Array(sorted.length);
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    rankOf[i] = mode === 'dense' ? distinct : i === 0 || sorted[i] !== sorted[i - 1] ? i + 1 : rankOf[i - 1]!;
  }
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

/** Flag bits of one unit (see FLAG_SETS); adoptionCents is NaN when the table has no adoption column (then never LOW_QUALITY). */
function flagBitsOf(baseCents: Cents, adoptionCents: Cents, cap: Cents | null, rules: Rules): number {
  let bits = 0;
  if (rules.flags.zeroSubmission && baseCents === 0) bits |= 1;
  if (cap !== null && rules.flags.belowQuota && baseCents > 0 && baseCents < cap) bits |= 2;
  if (cap !== null && rules.flags.lowQuality && baseCents >= cap && adoptionCents <= rules.flags.lowQualityAdoptionMaxCents) bits |= 4;
  return bits;
}

/** Whether a total or rank cell already says `cents` (read as a score cell is; extra decimals rounded away). */
function holdsCents(value: CellValue, cents: Cents): boolean {
  // Fast path for plain numbers, what a recalculated sheet holds in every row: no parse, no object.
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value * 100) <= MAX_SCORE_CENTS && (Math.round(value * 100) || 0) === cents;
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
  const results: ScoreColumns = {
    totals: new Float64Array(units.count),
    ranks: new Int32Array(units.count),
    flagBits: new Uint8Array(units.count),
  };
  /** A score cell's cents, 0 when the cell is empty or unusable. */
  const centsOf = (index: number, column: number): Cents => {
    const cents = scores[index * width + column]!;
    return Number.isNaN(cents) ? 0 : cents;
  };
  for (const category of table.categories) {
    const members = category.members;
    const totals = new Float64Array(members.length);
    for (let i = 0; i < members.length; i++) totals[i] = totalOf(scoreRoles, scores, members[i]! * width);
    const ranks = ranksOf(totals, rules.rankMode);
    const cap = category.rule?.baseCapCents ?? null;
    for (let i = 0; i < members.length; i++) {
      const index = members[i]!;
      results.totals[index] = totals[i]!;
      results.ranks[index] = ranks[i]!;
      if (baseIndex >= 0) {
        results.flagBits[index] = flagBitsOf(centsOf(index, baseIndex), adoptionIndex >= 0 ? centsOf(index, adoptionIndex) : NaN, cap, rules);
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
    if (rankCol !== null && existingRank !== null && !holdsCents(existingRank, results.ranks[index]! * 100) && cellText(existingRank) !== '') {
      const expected = results.ranks[index]!;
      findings.push(finding({ code: 'RANK_MISMATCH', found: cellText(existingRank), expected }, placeAt(units.rows[index]!, rankCol, units.names[index])));
    }
  }
  const unitAt = unitObjects(units, results);
  const categories = table.categories.map((c) => scoredCategory(c, unitAt));
  return { scored: { layout: table.layout, scoreColumns: table.scoreColumns, units, scores, results, rules, categories, unitAt }, findings };
}

/**
 * Unit objects built from the columns on demand, one per unit index and kept: messages, lists
 * and tests use them, the pipeline reads the columns. Closures over plain data rather than
 * classes, like the table reader (see there why).
 */
function unitObjects(units: UnitColumns, results: ScoreColumns): (index: number) => ScoredUnit {
  // Made on first use: the pipeline itself asks for a few units (the top of each category).
  let made: Array<ScoredUnit | undefined> | null = null;
  return (index) => {
    made ??= new Array<ScoredUnit | undefined>(units.count);
    let unit = made[index];
    if (!unit) {
      unit = {
        name: units.names[index]!,
        row: units.rows[index]!,
        index,
        existingTotal: units.cells.total?.values?.[index] ?? null,
        existingRank: units.cells.rank?.values?.[index] ?? null,
        totalCents: results.totals[index]!,
        rank: results.ranks[index]!,
        flags: FLAG_SETS[results.flagBits[index]!]!,
      };
      made[index] = unit;
    }
    return unit;
  };
}

/** A scored category whose unit objects are made when someone first asks for them. */
function scoredCategory(category: CategoryTable, unitAt: (index: number) => ScoredUnit): ScoredCategory {
  let made: ScoredUnit[] | null = null;
  return {
    name: category.name,
    row: category.row,
    rule: category.rule,
    members: category.members,
    get units() {
      return (made ??= category.members.map(unitAt));
    },
  };
}
