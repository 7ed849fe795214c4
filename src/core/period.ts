/**
 * The reporting period as dates: "2023年7—9月份" (from the score sheet's title) is
 * 2023-07-01..2023-09-30. Dates are ISO "YYYY-MM-DD" text, so ranges compare as strings and
 * the core needs no time zone.
 */
import type { CellValue } from './grid';
import { isDateFormat } from './text';

export interface PeriodRange {
  /** First and last day, inclusive, as "YYYY-MM-DD". */
  start: string;
  end: string;
  /** How the notice names it: 三季度, 上半年, 9月, 全年, 7—8月. */
  label: string;
}

const QUARTER_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const QUARTER_WORDS = ['一季度', '二季度', '三季度', '四季度'];

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function months(year: number, from: number, to: number): PeriodRange | null {
  if (from < 1 || to > 12 || from > to) return null;
  const quarter = from % 3 === 1 && to === from + 2 ? QUARTER_WORDS[(from - 1) / 3]! : null;
  const label = quarter ?? (from === 1 && to === 12 ? '全年' : from === 1 && to === 6 ? '上半年' : from === 7 && to === 12 ? '下半年' : from === to ? `${from}月` : `${from}—${to}月`);
  return { start: `${year}-${pad(from)}-01`, end: `${year}-${pad(to)}-${pad(lastDay(year, to))}`, label };
}

/** Dates of a period as extractPeriod finds it in a title; null for a form it does not know. */
export function periodRange(period: string | null): PeriodRange | null {
  if (!period) return null;
  const text = period.normalize('NFKC').replace(/\s+/g, '');
  const head = /^(\d{4})年/.exec(text);
  if (!head) return null;
  const year = Number(head[1]);
  const rest = text.slice(head[0].length);
  let m = /^(\d{1,2})[—–\-~～至到]+(\d{1,2})月份?$/.exec(rest);
  if (m) return months(year, Number(m[1]), Number(m[2]));
  m = /^第?([一二三四1-4])季度$/.exec(rest);
  if (m) {
    const q = QUARTER_DIGITS[m[1]!]!;
    return months(year, q * 3 - 2, q * 3);
  }
  if (rest === '上半年') return months(year, 1, 6);
  if (rest === '下半年') return months(year, 7, 12);
  if (rest === '全年') return months(year, 1, 12);
  m = /^(\d{1,2})月份?$/.exec(rest);
  if (m) return months(year, Number(m[1]), Number(m[1]));
  return null;
}

/** Days from 1899-12-30 (Excel's serial 0 in the 1900 system, past the 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month) || year < 1900 || year > 9999) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export type DateCell = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'bad'; text: string };

/**
 * A ledger's 日期 cell as clerks keep it: a date (a serial number, usually with a date format),
 * or text such as 2023-07-03, 2023/7/3, 2023.7.3, 2023年7月3日, 20230703.
 */
export function parseDateCell(value: CellValue, numberFormat?: string | null): DateCell {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'bad', text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') {
    // A bare number is a date only when its format says so or it is a plausible serial (1982..2064).
    const plausible = value >= 30000 && value < 60000;
    if (!Number.isFinite(value) || !(plausible || (numberFormat && isDateFormat(numberFormat) && value >= 1))) return { kind: 'bad', text: String(value) };
    const d = new Date(EXCEL_EPOCH + Math.floor(value) * 86400000);
    const out = iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    return out ? { kind: 'date', iso: out } : { kind: 'bad', text: String(value) };
  }
  const raw = value.trim();
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T.*|\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const out = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (out) return { kind: 'date', iso: out };
  }
  return { kind: 'bad', text: raw };
}
