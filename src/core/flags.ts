/**
 * The flags a unit can carry, declared once: code, the label written into the sheet's 标记
 * column, whether one period's sheet gives it, and the rule that sets it. Bits, the code list,
 * the label table and the shared flag sets all follow from this list.
 */
import type { Cents } from './decimal';
import type { FlagRules } from './rules';
import { FLAG_WORDS } from './words';

/** What one unit's flags are decided on. */
export interface FlagFacts {
  baseCents: Cents;
  /** NaN when the table has no 采用得分 column (then never LOW_QUALITY). */
  adoptionCents: Cents;
  /** The category's 基础分 cap (its quota); null when the category has no rule. */
  capCents: Cents | null;
}

const FLAG_TABLE = [
  { code: 'ZERO_SUBMISSION', label: FLAG_WORDS.ZERO_SUBMISSION, fromSheet: true, applies: (u: FlagFacts, r: FlagRules) => r.zeroSubmission && u.baseCents === 0 },
  {
    code: 'BELOW_QUOTA',
    label: FLAG_WORDS.BELOW_QUOTA,
    fromSheet: true,
    applies: (u: FlagFacts, r: FlagRules) => u.capCents !== null && r.belowQuota && u.baseCents > 0 && u.baseCents < u.capCents,
  },
  {
    code: 'LOW_QUALITY',
    label: FLAG_WORDS.LOW_QUALITY,
    fromSheet: true,
    applies: (u: FlagFacts, r: FlagRules) => u.capCents !== null && r.lowQuality && u.baseCents >= u.capCents && u.adoptionCents <= r.lowQualityAdoptionMaxCents,
  },
  // #14 year: 零报送 in two or more consecutive periods up to the latest (only the year knows it)
  { code: 'REPEAT_ZERO_SUBMISSION', label: FLAG_WORDS.REPEAT_ZERO_SUBMISSION, fromSheet: false, applies: null },
] as const;

export type FlagCode = (typeof FLAG_TABLE)[number]['code'];

export interface FlagDefinition {
  code: FlagCode;
  /** The flag's bit in a unit's flag bit set. */
  bit: number;
  /** Text written into the sheet's 标记 column (the sheet is a Chinese office document). */
  label: string;
  /** One period's sheet gives it by itself (REPEAT_ZERO_SUBMISSION needs the periods before it). */
  fromSheet: boolean;
  applies: ((unit: FlagFacts, rules: FlagRules) => boolean) | null;
}

export const FLAGS: readonly FlagDefinition[] = FLAG_TABLE.map((f, i) => ({ ...f, bit: 1 << i }));
export const FLAG_CODES: readonly FlagCode[] = FLAGS.map((f) => f.code);
/** The flags one period's sheet gives by itself. */
export const SHEET_FLAG_CODES: readonly FlagCode[] = FLAGS.filter((f) => f.fromSheet).map((f) => f.code);
export const FLAG_BITS = Object.fromEntries(FLAGS.map((f) => [f.code, f.bit])) as Readonly<Record<FlagCode, number>>;
/** Flag text written into the sheet's 标记 column. */
export const FLAG_LABELS_ZH = Object.fromEntries(FLAGS.map((f) => [f.code, f.label])) as Readonly<Record<FlagCode, string>>;

/** Shared by every unit without flags (most of them). Never mutated. */
export const NO_FLAGS: FlagCode[] = [];

/**
 * Every combination of flags as one shared, frozen array, indexed by bit set: units with the
 * same flags share it.
 */
export const FLAG_SETS: readonly FlagCode[][] = Array.from({ length: 1 << FLAGS.length }, (_, bits) =>
  bits === 0 ? NO_FLAGS : (Object.freeze(FLAGS.filter((f) => bits & f.bit).map((f) => f.code)) as FlagCode[]),
);

/** The sheet flags' rules, in declaration order. */
const SHEET_RULES = FLAGS.flatMap((f) => (f.applies ? [{ bit: f.bit, applies: f.applies }] : []));

/** The flag bit set of one unit (FLAG_SETS[bits] are its flags). */
export function flagBitsOf(unit: FlagFacts, rules: FlagRules): number {
  let bits = 0;
  for (let i = 0; i < SHEET_RULES.length; i++) if (SHEET_RULES[i]!.applies(unit, rules)) bits |= SHEET_RULES[i]!.bit;
  return bits;
}

/** The 标记 text of a flag set (labels joined by 、), null for none. */
export function flagText(flags: readonly FlagCode[]): string | null {
  return flags.length === 0 ? null : flags.map((f) => FLAG_LABELS_ZH[f]).join('、');
}

/** The 标记 text of every flag bit set, by bit set: each text is joined once, when the module loads. */
export const FLAG_TEXTS: readonly (string | null)[] = FLAG_SETS.map(flagText);
