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
  if (!Number.isFinite(value)) return null;
  const scaled = value * 100;
  if (Math.abs(scaled) > MAX_SCORE_CENTS) return null;
  const cents = Math.round(scaled);
  // Division is correctly rounded, so cents / 100 is exactly the double a two-decimal number parses to:
  // any other value (119.99999999) had more than two decimals. Binary noise in value * 100 does not matter.
  const rounded = cents / 100 !== value;
  return { cents: cents === 0 ? 0 : cents, rounded };
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
