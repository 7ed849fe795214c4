/**
 * #14 year: recognising the period a score sheet covers, from its title or its sheet name, and
 * putting periods in date order. Offices write a period many ways: 2023年1—3月份, 2023年第二季度,
 * 二季度, 10—12月份, 2023年5月, 2023年上半年. The year may be missing (a tab called 二季度); then it
 * is the year the other periods of the workbook give.
 */
import { normalizeName } from './text';

export interface Period {
  /** The period as written (whitespace dropped): "2023年7—9月份", "二季度". */
  label: string;
  /** Four-digit year, or null when the text gives none. */
  year: number | null;
  /** First and last month covered, 1..12. */
  startMonth: number;
  endMonth: number;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const DASH = '[—–\\-~～至到]+';
const YEAR = '(?:(\\d{4})\\s*年(?:度)?\\s*)?';

/** Tried in order; each gives start and end months from its groups (group 1 is the year). */
const PATTERNS: ReadonlyArray<{ re: RegExp; months: (m: RegExpExecArray) => [number, number] | null }> = [
  // 2023年7—9月份, 10—12月份, 7月—9月
  { re: new RegExp(`${YEAR}(\\d{1,2})\\s*月?\\s*${DASH}\\s*(\\d{1,2})\\s*月份?`), months: (m) => [Number(m[2]), Number(m[3])] },
  // 2023年第二季度, 二季度, 第3季度
  { re: new RegExp(`${YEAR}第?\\s*([一二三四1-4])\\s*季度`), months: (m) => quarter(CN_DIGITS[m[2]!]!) },
  // 2023年上半年 / 下半年
  { re: new RegExp(`${YEAR}([上下])半年`), months: (m) => (m[2] === '上' ? [1, 6] : [7, 12]) },
  // 2023年5月, 5月份 (a month alone needs 月 right after the number)
  { re: new RegExp(`${YEAR}(\\d{1,2})\\s*月份?`), months: (m) => [Number(m[2]), Number(m[2])] },
];

function quarter(q: number): [number, number] {
  return [q * 3 - 2, q * 3];
}

/** The period a text names, or null. Months out of 1..12 or backwards are not a period. */
export function recognisePeriod(text: string | null | undefined): Period | null {
  if (!text) return null;
  const key = normalizeName(text).replace(/\s+/g, '');
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(key);
    if (!m) continue;
    const months = pattern.months(m);
    if (!months) continue;
    const [startMonth, endMonth] = months;
    if (!(startMonth >= 1 && endMonth <= 12 && startMonth <= endMonth)) continue;
    return { label: m[0], year: m[1] ? Number(m[1]) : null, startMonth, endMonth };
  }
  return null;
}

/** A sheet's period: its title first (what the office publishes), else the sheet's name. */
export function periodOfSheet(title: string | null, sheetName: string): Period | null {
  return recognisePeriod(title) ?? recognisePeriod(sheetName);
}

/** The year most periods give (the latest on a tie), for periods that give none; null if none do. */
export function commonYear(periods: readonly Period[]): number | null {
  const counts = new Map<number, number>();
  for (const p of periods) if (p.year !== null) counts.set(p.year, (counts.get(p.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  return best;
}

/** Date order: by year (a missing year is `fallbackYear`), then last month, then first month. */
export function comparePeriods(a: Period, b: Period, fallbackYear: number | null = null): number {
  const ya = a.year ?? fallbackYear ?? 0;
  const yb = b.year ?? fallbackYear ?? 0;
  return ya - yb || a.endMonth - b.endMonth || a.startMonth - b.startMonth;
}

/** Same months of the same year (a missing year counts as `fallbackYear`). */
export function samePeriod(a: Period, b: Period, fallbackYear: number | null = null): boolean {
  return comparePeriods(a, b, fallbackYear) === 0;
}
