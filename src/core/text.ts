import type { CellValue } from './grid';
import { toCents, type Cents } from './decimal';

// Zero-width and other invisible characters that clerks paste in from web pages and chats:
// zero-width spaces and joiners, soft hyphens, direction marks (LRM/RLM, U+061C), bidi
// embeddings and isolates (U+202A–202E, U+2066–2069), variation selectors, the combining
// grapheme joiner U+034F and the Mongolian vowel separator U+180E. None of them shows, so two
// names that differ only by them are the same unit.
const HIDDEN_CHARS = '\\u200B-\\u200F\\u2060\\uFEFF\\u00AD\\u202A-\\u202E\\u2066-\\u2069\\uFE00-\\uFE0F\\u034F\\u061C\\u180E';
/** Variation selectors 17–256 (U+E0100–E01EF), outside the BMP. */
const HIDDEN_ASTRAL = '\\u{E0100}-\\u{E01EF}';
// eslint-disable-next-line no-misleading-character-class -- a set of invisible characters, each matched alone
const INVISIBLE = new RegExp(`[\\s${HIDDEN_CHARS}${HIDDEN_ASTRAL}]`, 'gu');
/** Invisible characters only, whitespace kept: inside a number a space is a separator, not nothing. */
// eslint-disable-next-line no-misleading-character-class -- a set of invisible characters, each matched alone
const INVISIBLE_ONLY = new RegExp(`[${HIDDEN_CHARS}${HIDDEN_ASTRAL}]`, 'gu');
/** Dropped from a name as shown: the invisible ones but the variation selectors, which pick how an emoji (🏛️) looks. */
// eslint-disable-next-line no-misleading-character-class -- a set of invisible characters, each matched alone
const NOT_SHOWN = /[\u200B-\u200F\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u034F\u061C\u180E]/g;

/** Name key for matching: NFKC (全角 -> half-width), no whitespace or invisible characters. */
export function normalizeName(text: string): string {
  // Fast path: CJK ideographs and visible ASCII are already NFKC and hold nothing invisible.
  if (PLAIN.test(text)) return text;
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

const PLAIN = /^[\u4E00-\u9FFF!-~]*$/;

/** Only CJK ideographs and visible ASCII: already a name key as it stands (nothing to fold or drop). */
export function isPlainText(text: string): boolean {
  return PLAIN.test(text);
}

/** Display text of a cell value, trimmed, for names and messages. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  return String(value);
}

/** Display form of a name cell: invisible characters dropped, inner line breaks folded to one space. */
export function displayName(value: CellValue): string {
  if (typeof value === 'string' && PLAIN.test(value)) return value;
  return cellText(value)
    .replace(NOT_SHOWN, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

const ERROR_VALUE = /^#(REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export function isErrorValue(value: CellValue): boolean {
  return typeof value === 'string' && ERROR_VALUE.test(value.trim());
}

export type ScoreCell =
  | { kind: 'empty' }
  /** `fromText`: the cell held text that reads as a number (１２０, 15分), which Excel's SUM skips. */
  | { kind: 'number'; cents: Cents; rounded: boolean; value: number; fromText: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'outOfRange'; text: string };

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Thousands separators only in proper groups of three: 1,200 and 12,345.5, never 1,2,0 or 12,00. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Read a score cell as clerks type it: a number, numeric text, full-width digits, or a
 * number with a 分 suffix ("12分"). Booleans and dates are not scores.
 */
export function parseScore(value: CellValue, numberFormat?: string | null): ScoreCell {
  if (value === null) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') {
    if (numberFormat && isDateFormat(numberFormat)) return { kind: 'text', text: String(value) };
    return fromNumber(value, String(value));
  }
  const raw = value.trim();
  if (raw === '') return { kind: 'empty' };
  if (isErrorValue(raw)) return { kind: 'error', text: raw };
  // Spaces inside stay: "1 5" may be 1 and 5 or 15, so it is not read as either. NFKC turns
  // the full-width comma of "2，0" into ",", which then has to be a proper thousands group.
  let text = raw.normalize('NFKC').replace(INVISIBLE_ONLY, '').trim().replace(/\s*分$/, '');
  if (text.includes(',')) {
    if (!GROUPED_NUMBER.test(text)) return { kind: 'text', text: raw };
    text = text.replace(/,/g, '');
  }
  if (!NUMERIC_TEXT.test(text)) return { kind: 'text', text: raw };
  return fromNumber(Number(text), raw, true);
}

function fromNumber(n: number, text: string, fromText = false): ScoreCell {
  const conv = toCents(n);
  if (!conv) return { kind: 'outOfRange', text };
  return { kind: 'number', cents: conv.cents, rounded: conv.rounded, value: n === 0 ? 0 : n, fromText };
}

/** Excel date/time formats: contain y, m+d, h or s outside quotes and brackets, and are not General. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  if (bare === 'general' || bare === '@') return false;
  return /[yd]|h|s|m{1,2}\/|\/m{1,2}|年|月|日/.test(bare);
}
