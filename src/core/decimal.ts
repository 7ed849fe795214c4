/**
 * Scores carry at most two decimals. They are held as integer hundredths ("cents") so that
 * sums and comparisons are exact: 120 + 15 + 0.4 is 13540 cents, printed 135.4.
 */
export type Cents = number;

/** Largest magnitude accepted as a score, in cents; beyond it a number is out of range. */
export const MAX_SCORE_CENTS = 1e13;

export interface CentsConversion {
  cents: Cents;
  /** True when the number had more than two decimals and was rounded. */
  rounded: boolean;
}

/** Convert a finite number to cents, or null when it is not finite or too large. */
export function toCents(value: number): CentsConversion | null {
  const cents = roundedCents(value);
  if (Number.isNaN(cents)) return null;
  return { cents, rounded: !isExactCents(value, cents) };
}

/**
 * A number's cents, rounded half up to the cent as a score cell is read (119.999 -> 12000);
 * NaN when the number is not finite or beyond MAX_SCORE_CENTS. No object: the readers call
 * it on every cell.
 */
export function roundedCents(value: number): Cents {
  if (!Number.isFinite(value)) return NaN;
  const scaled = value * 100;
  if (Math.abs(scaled) > MAX_SCORE_CENTS) return NaN;
  const cents = Math.round(scaled);
  return cents === 0 ? 0 : cents;
}

/** A number's cents when it has at most two decimals and is in range (135.4 -> 13540); NaN otherwise. */
export function exactCents(value: number): Cents {
  const cents = roundedCents(value);
  return isExactCents(value, cents) ? cents : NaN;
}

/** Whether `cents` is exactly `value`: the number had at most two decimals. */
function isExactCents(value: number, cents: Cents): boolean {
  // Division is correctly rounded, so cents / 100 is exactly the double a two-decimal number parses to:
  // any other value (119.99999999) had more than two decimals. Binary noise in value * 100 does not matter.
  return cents / 100 === value;
}

/** Cents of a whole number of points (a cap of 120 -> 12000). */
export function pointsToCents(points: number): Cents {
  return points * 100;
}

/** The JavaScript number nearest the decimal value: 13540 -> 135.4. */
export function centsToNumber(cents: Cents): number {
  const n = cents / 100;
  return n === 0 ? 0 : n;
}

/** Shortest decimal text: 15200 -> "152", 13540 -> "135.4", 13545 -> "135.45". */
export function formatCents(cents: Cents): string {
  return String(centsToNumber(cents));
}
