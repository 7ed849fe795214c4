/**
 * #14 year: the periods of a year put together. Each period's sheet has been through the same
 * pipeline (analyze); here units are matched across periods through a name resolver (the
 * roster's aliases once merged: 陈家沟景区管理局 and 陈家沟景区发展中心 are one unit), summed to
 * a 年度累计得分 in exact cents, ranked per category for the year, and each unit's rank in the
 * last period is set against the one before it (↑2, ↓1, —, 新).
 */
import type { Cents } from './decimal';
import { finding, hasErrors, SHEET_LEVEL, type Finding } from './findings';
import { FLAG_SETS, NO_FLAGS, type Analysis, type FlagCode } from './model';
import type { RankMode } from './rules';
import { rankTotals } from './rank';
import { normalizeName } from './text';
import { commonYear, comparePeriods, periodOfSheet, samePeriod, type Period } from './periods';
import { noticeText, type Notice } from './notice';
import { annualNotice, repeatZeroLine, yearLedger, yearLedgerRules, yearRange, yearResolver, yearNoticeRoster, yearRosterSheet, yearTopLines, type YearWorkbook } from './yearNotice';

/** One score sheet offered to the year: its analysis, and the file it came from (CLI, several workbooks). */
export interface YearSheet {
  analysis: Analysis;
  file?: string | null;
}

export interface YearOptions {
  /**
   * A unit's name to its one name across periods. Default: through the workbooks' roster sheets
   * and their aliases (yearResolver), else the name itself, normalised.
   */
  resolve?: (name: string) => string;
  /** The workbooks' roster, ledger and rules sheets: unit matching and the annual notice's 二 and 三. */
  workbooks?: readonly YearWorkbook[];
  /** Default: the rank mode of the latest period's rules. */
  rankMode?: RankMode;
  /** Default: the top N of the latest period's rules. */
  topN?: number;
}

export interface YearPeriod {
  label: string;
  sheetName: string;
  file: string | null;
  period: Period;
  hasErrors: boolean;
}

export interface YearUnit {
  /** The unit's one name (what the resolver gives). */
  name: string;
  category: string;
  /** Total in each period, in cents; null where the unit is not in that period's sheet. */
  periods: Array<Cents | null>;
  /** Rank within its category in each period's sheet; null where absent. */
  periodRanks: Array<number | null>;
  /** 年度累计得分: the sum of its periods, exact to the cent. */
  totalCents: Cents;
  /** Rank for the year within its category, in the year's rank mode. */
  rank: number;
  /** Previous period's rank minus the last period's (positive: up); null unless ranked in both. */
  movement: number | null;
  /** Ranked in the last period but not in the one before it (新). */
  isNew: boolean;
  /** Consecutive periods of 零报送 ending with the latest period (0 when not zero in it). */
  zeroRun: number;
  /** Its flags in the latest period, and REPEAT_ZERO_SUBMISSION when zeroRun ≥ 2. */
  flags: FlagCode[];
}

export interface YearCategory {
  name: string;
  /** By rank for the year; ties in the order units first appear (latest period first). */
  units: YearUnit[];
}

export interface Year {
  periods: YearPeriod[];
  categories: YearCategory[];
  findings: Finding[];
  rankMode: RankMode;
  topN: number;
  /** A period sheet has errors: the year must not be written from it unless the user confirms. */
  blocked: boolean;
  /** The annual notice: 一 top N per category for the year, 二 and 三 from the ledger, 连续零报送. */
  annual: Notice;
  /** Every line of the annual notice (title, headings, paragraphs), as noticeText gives them. */
  notice: string[];
}

/** Periods running at which 零报送 becomes REPEAT_ZERO_SUBMISSION. */
export const REPEAT_ZERO_MIN = 2;

export const identityResolve = (name: string): string => normalizeName(name);

/** A resolver from an alias map (alias → current name), e.g. built from the 单位名录's 别名 column. */
export function resolverFromAliases(aliases: Readonly<Record<string, string>>): (name: string) => string {
  const map = new Map<string, string>();
  for (const [alias, name] of Object.entries(aliases)) map.set(normalizeName(alias), normalizeName(name));
  return (name) => {
    const key = normalizeName(name);
    return map.get(key) ?? key;
  };
}

/** The period sheets among `sheets`, recognised, in date order; duplicates and unknown periods are findings. */
export function yearPeriods(sheets: readonly YearSheet[]): { periods: Array<YearPeriod & { analysis: Analysis }>; findings: Finding[] } {
  const findings: Finding[] = [];
  const found: Array<{ sheet: YearSheet; period: Period }> = [];
  for (const sheet of sheets) {
    const a = sheet.analysis;
    if (!a.scored) continue;
    const period = periodOfSheet(a.layout?.title ?? null, a.sheetName);
    if (!period) {
      findings.push(finding({ code: 'PERIOD_NOT_RECOGNISED', sheet: a.sheetName }, SHEET_LEVEL));
      continue;
    }
    found.push({ sheet, period });
  }
  const fallback = commonYear(found.map((f) => f.period));
  // Stable: sheets of the same period keep workbook (and file) order, and the first one is used.
  const ordered = found.map((f, i) => ({ ...f, i })).sort((a, b) => comparePeriods(a.period, b.period, fallback) || a.i - b.i);
  const periods: Array<YearPeriod & { analysis: Analysis }> = [];
  for (const f of ordered) {
    const a = f.sheet.analysis;
    const first = periods.find((p) => samePeriod(p.period, f.period, fallback));
    if (first) {
      findings.push(finding({ code: 'PERIOD_DUPLICATE', sheet: a.sheetName, period: f.period.label, firstSheet: first.sheetName }, SHEET_LEVEL));
      continue;
    }
    const period = f.period.year === null && fallback !== null ? { ...f.period, year: fallback } : f.period;
    periods.push({ label: f.period.label, sheetName: a.sheetName, file: f.sheet.file ?? null, period, hasErrors: hasErrors(ownFindings(a)), analysis: a });
  }
  return { periods, findings };
}

/**
 * A period's findings on its own sheet: those on the ledger or roster (every period reads the
 * same ones) are the year's, reported once when it reads the ledger over the year.
 */
function ownFindings(a: Analysis): Finding[] {
  return a.findings.filter((f) => f.sheet === undefined || f.sheet === null || f.sheet === a.sheetName);
}

interface Seen {
  name: string;
  categoryKey: string;
  category: string;
  order: number;
  periods: Array<Cents | null>;
  periodRanks: Array<number | null>;
  periodCategory: Array<string | null>;
  periodFlags: Array<readonly FlagCode[] | null>;
}

/** The year from the period sheets of one or more workbooks. */
export function buildYear(sheets: readonly YearSheet[], options: YearOptions = {}): Year {
  const workbooks = options.workbooks ?? [];
  const rosterSheet = yearRosterSheet(workbooks).roster;
  const resolve = options.resolve ?? yearResolver(rosterSheet);
  const { periods, findings } = yearPeriods(sheets);
  const latest = periods[periods.length - 1]?.analysis ?? null;
  const rankMode = options.rankMode ?? latest?.rules.rankMode ?? 'competition';
  const topN = options.topN ?? latest?.rules.topN ?? 3;
  const P = periods.length;
  if (P < 2) findings.push(finding({ code: 'YEAR_TOO_FEW_PERIODS', periods: P }, SHEET_LEVEL));

  for (const p of periods) {
    if (!p.hasErrors) continue;
    const errors = ownFindings(p.analysis).filter((f) => f.severity === 'error');
    findings.push(finding({ code: 'PERIOD_HAS_ERRORS', sheet: p.sheetName, period: p.label, errors: errors.length, firstCell: errors.find((f) => f.cell)?.cell ?? null }, SHEET_LEVEL));
  }

  // Units by resolved key, met latest period first so a unit's name and category are its latest.
  const units = new Map<string, Seen>();
  const categoryNames = new Map<string, string>();
  const categoryOrder: string[] = [];
  for (let p = P - 1; p >= 0; p--) {
    const scored = periods[p]!.analysis.scored!;
    const { names } = scored.units;
    const { totals, ranks, flagBits } = scored.results;
    for (const category of scored.categories) {
      const categoryKey = normalizeName(category.name);
      if (!categoryNames.has(categoryKey)) {
        categoryNames.set(categoryKey, category.name);
        categoryOrder.push(categoryKey);
      }
      for (const index of category.members) {
        const name = resolve(names[index]!);
        const key = normalizeName(name);
        let seen = units.get(key);
        if (!seen) {
          seen = {
            name,
            categoryKey,
            category: category.name,
            order: units.size,
            periods: new Array<Cents | null>(P).fill(null),
            periodRanks: new Array<number | null>(P).fill(null),
            periodCategory: new Array<string | null>(P).fill(null),
            periodFlags: new Array<readonly FlagCode[] | null>(P).fill(null),
          };
          units.set(key, seen);
        }
        // A second row for the same unit in one sheet (a duplicate, or two of its names): the first counts.
        if (seen.periods[p] !== null) continue;
        seen.periods[p] = totals[index]!;
        seen.periodRanks[p] = ranks[index]!;
        seen.periodCategory[p] = categoryKey;
        seen.periodFlags[p] = FLAG_SETS[flagBits[index]!]!;
      }
    }
  }

  const byCategory = new Map<string, Seen[]>();
  for (const seen of units.values()) {
    const list = byCategory.get(seen.categoryKey) ?? [];
    list.push(seen);
    byCategory.set(seen.categoryKey, list);
    const first = seen.periods.findIndex((v) => v !== null);
    // Nearly every unit is in every period: nothing is made for those.
    if (first === 0 && !seen.periods.includes(null) && !seen.periodCategory.some((c) => c !== seen.categoryKey)) continue;
    for (let p = 0; p < P; p++) {
      const place = { ...SHEET_LEVEL, unit: seen.name };
      const { sheetName, label } = periods[p]!;
      if (seen.periods[p] === null) {
        findings.push(finding(p < first ? { code: 'UNIT_JOINED_IN_PERIOD', sheet: periods[first]!.sheetName, period: periods[first]!.label } : { code: 'UNIT_MISSING_IN_PERIOD', sheet: sheetName, period: label }, place));
        if (p < first) p = first - 1;
      } else if (seen.periodCategory[p] !== seen.categoryKey && (p === 0 || seen.periodCategory[p - 1] === seen.categoryKey || seen.periodCategory[p - 1] === null)) {
        findings.push(finding({ code: 'UNIT_CATEGORY_CHANGED', sheet: sheetName, period: label, from: categoryNames.get(seen.periodCategory[p]!)!, to: seen.category }, place));
      }
    }
  }

  const categories: YearCategory[] = categoryOrder
    .filter((key) => byCategory.has(key))
    .map((key) => {
      const list = byCategory.get(key)!.sort((a, b) => a.order - b.order);
      const totals = list.map((u) => u.periods.reduce<number>((sum, v) => sum + (v ?? 0), 0));
      const ranks = rankTotals(totals, rankMode);
      const made = list.map((u, i) => yearUnit(u, totals[i]!, ranks[i]!, P));
      return { name: categoryNames.get(key)!, units: made.map((u, i) => ({ u, i })).sort((a, b) => a.u.rank - b.u.rank || a.i - b.i).map((x) => x.u) };
    });

  const yearPeriodList = periods.map(({ analysis: _analysis, ...p }) => p);
  const range = yearRange(yearPeriodList);
  const rules = yearLedgerRules(workbooks, yearPeriodList[P - 1]?.file ?? null);
  // The notice's roster is only needed to read a ledger (thousands of units: not built for nothing).
  const { ledger, findings: ledgerFindings } = workbooks.some((w) => w.ledgerGrid)
    ? yearLedger(workbooks, yearNoticeRoster(rosterSheet, categories), rules, range)
    : { ledger: null, findings: [] };
  const blocked = findings.some((f) => f.code === 'PERIOD_HAS_ERRORS');
  findings.push(...ledgerFindings);
  const annual = annualNotice({ periods: yearPeriodList, categories, topN, ledger, rules, range });
  return { periods: yearPeriodList, categories, findings, rankMode, topN, blocked, annual, notice: noticeText(annual) };
}

function yearUnit(seen: Seen, totalCents: Cents, rank: number, P: number): YearUnit {
  const last = P - 1;
  const prev = P - 2;
  // Ranks compare only within one category: a unit that moved category starts afresh (新).
  const inLast = last >= 0 && seen.periodRanks[last] !== null && seen.periodCategory[last] === seen.categoryKey;
  const inPrev = prev >= 0 && seen.periodRanks[prev] !== null && seen.periodCategory[prev] === seen.categoryKey;
  let zeroRun = 0;
  for (let p = last; p >= 0 && seen.periodFlags[p]?.includes('ZERO_SUBMISSION'); p--) zeroRun++;
  const latestFlags = seen.periodFlags[last] ?? NO_FLAGS;
  const flags = zeroRun >= REPEAT_ZERO_MIN ? [...latestFlags, 'REPEAT_ZERO_SUBMISSION' as const] : [...latestFlags];
  return {
    name: seen.name,
    category: seen.category,
    periods: seen.periods,
    periodRanks: seen.periodRanks,
    totalCents: totalCents === 0 ? 0 : totalCents,
    rank,
    movement: inLast && inPrev ? seen.periodRanks[prev]! - seen.periodRanks[last]! : null,
    isNew: P >= 2 && inLast && !inPrev,
    zeroRun,
    flags,
  };
}

/** ↑2, ↓1, — (same rank), 新 (new in the last period), or '' (not ranked in the last period). */
export function movementText(unit: Pick<YearUnit, 'movement' | 'isNew'>): string {
  if (unit.movement !== null) return unit.movement > 0 ? `↑${unit.movement}` : unit.movement < 0 ? `↓${-unit.movement}` : '—';
  return unit.isNew ? '新' : '';
}

/** "一类考评单位前3名：甲（300分）、乙（290分）…" for the year, then 连续零报送 with its periods running. */
export function yearNotice(categories: readonly YearCategory[], topN: number): string[] {
  const repeat = repeatZeroLine(categories);
  return repeat ? [...yearTopLines(categories, topN), repeat] : yearTopLines(categories, topN);
}

/** What a quarter's sheet and pane show from the periods before it: movement and 零报送 runs, by unit name. */
export interface PeriodContext {
  /** Keyed by the unit's name as the sheet writes it. */
  units: Map<string, { movement: number | null; isNew: boolean; zeroRun: number; text: string }>;
  /** The previous period's label, or null when the workbook holds no earlier period. */
  previous: string | null;
}

/**
 * The context of `current` among `sheets`: the year up to and including its period. Null when
 * its period is not recognised or no earlier period is in the workbook (nothing to compare).
 */
export function periodContext(current: Analysis, sheets: readonly YearSheet[], options: YearOptions & { year?: Year } = {}): PeriodContext | null {
  // Matching only: the ledger is not read for a quarter's movement.
  const workbooks = (options.workbooks ?? []).map((w) => ({ ...w, ledgerGrid: null }));
  const resolve = options.resolve ?? yearResolver(yearRosterSheet(workbooks).roster);
  const { periods } = yearPeriods(sheets);
  const at = periods.findIndex((p) => p.analysis === current);
  if (at < 1 || !current.scored) return null;
  // The year already made from these sheets serves when `current` is its latest period (the common case).
  const reuse = options.year && at === periods.length - 1 && options.year.periods.length === periods.length && options.year.rankMode === current.rules.rankMode;
  const year = reuse
    ? options.year!
    : buildYear(
        periods.slice(0, at + 1).map((p) => ({ analysis: p.analysis, file: p.file })),
        { resolve, workbooks, rankMode: current.rules.rankMode, topN: current.rules.topN },
      );
  const byKey = new Map<string, YearUnit>();
  for (const c of year.categories) for (const u of c.units) byKey.set(normalizeName(u.name), u);
  const units: PeriodContext['units'] = new Map();
  for (const name of current.scored.units.names) {
    const u = byKey.get(normalizeName(resolve(name)));
    if (u) units.set(name, { movement: u.movement, isNew: u.isNew, zeroRun: u.zeroRun, text: movementText(u) });
  }
  return { units, previous: periods[at - 1]!.label };
}
