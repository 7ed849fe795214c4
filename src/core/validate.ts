/** Validation: every score cell against the rules (caps per category, score steps, no negatives). */
import { finding, placeAt, type Finding } from './findings';
import type { CategoryTable, ComponentColumn, ScoreTable } from './model';
import { capsFor, type Rules } from './rules';
import { centsToNumber, type Cents } from './decimal';

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

