/**
 * #14 year: what the year takes from the workbooks besides their score sheets — the roster
 * (one name per unit across periods: 陈家沟景区管理局 and 陈家沟景区发展中心 are one unit) and the
 * ledger (sections 二 and 三 of the annual notice, summed over the year) — and the annual
 * notice itself, worded as the quarterly one (notice.ts) with the year as its period.
 *
 * A workbook carries one ledger (found as the quarterly notice finds it); the pieces dated
 * within the year's months count. With several workbooks (the CLI), their ledgers are read
 * together and a piece that two of them both list (same date, units, title and 采用情况) counts once.
 */
import { formatCents } from './decimal';
import { type Finding } from './findings';
import type { Grid } from './grid';
import { FLAG_LABELS_ZH } from './model';
import { readLedger, type Ledger, type LedgerPiece } from './ledger';
import { adoptedSection, commissionedSection, type Notice, type ScoreAttachment } from './notice';
import type { PeriodRange } from './period';
import { readLedgerRules, type LedgerRules } from './points';
import { createRoster, readRosterSheet, type Roster, type RosterUnit } from './roster';
import { normalizeName } from './text';
import type { Year, YearCategory, YearPeriod } from './year';

/** A workbook's companions to its score sheets; every field optional (a workbook may have none). */
export interface YearWorkbook {
  /** The file the workbook came from (CLI), matched against YearSheet.file for its rules. */
  file?: string | null;
  ledgerGrid?: Grid | null;
  rosterGrid?: Grid | null;
  rulesGrid?: Grid | null;
}

const NUMERALS = ['一', '二', '三', '四', '五'];

/** The roster sheets of the workbooks as one roster (the first to name a unit wins), or null without any. */
export function yearRosterSheet(workbooks: readonly YearWorkbook[]): { roster: Roster | null; findings: Finding[] } {
  const units: RosterUnit[] = [];
  const findings: Finding[] = [];
  let sheetName: string | null = null;
  let any = false;
  for (const w of workbooks) {
    if (!w.rosterGrid) continue;
    const read = readRosterSheet(w.rosterGrid);
    findings.push(...read.findings);
    if (!read.roster) continue;
    any = true;
    sheetName ??= read.roster.sheetName;
    units.push(...read.roster.units);
  }
  return { roster: any ? createRoster(units, sheetName) : null, findings };
}

/**
 * The one way both hosts match a unit across periods: its roster name when the roster knows the
 * name or an alias of it, else the name itself (NFKC, invisible characters dropped).
 */
export function yearResolver(roster: Roster | null): (name: string) => string {
  return (name) => normalizeName(roster?.resolve(name)?.name ?? name);
}

/** The roster the annual notice reads the ledger with: the roster sheet, completed by the year's units it lacks. */
export function yearNoticeRoster(sheet: Roster | null, categories: readonly YearCategory[]): Roster {
  const units: RosterUnit[] = categories.flatMap((c) => c.units.map((u) => ({ name: u.name, category: c.name, aliases: [], row: null })));
  if (!sheet) return createRoster(units, null);
  return createRoster([...sheet.units, ...units.filter((u) => sheet.resolve(u.name) === null)], sheet.sheetName);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The year's dates: from the first period's first day to the last period's last day; null without a year. */
export function yearRange(periods: readonly YearPeriod[]): PeriodRange | null {
  const first = periods[0]?.period;
  const last = periods[periods.length - 1]?.period;
  if (!first || !last || first.year === null || last.year === null) return null;
  const end = new Date(Date.UTC(last.year, last.endMonth, 0)).getUTCDate();
  const whole = first.year === last.year && first.startMonth === 1 && last.endMonth === 12;
  const label =
    first.year !== last.year
      ? `${first.year}年${first.startMonth}月—${last.year}年${last.endMonth}月`
      : whole
        ? `${first.year}年`
        : first.startMonth === 1 && last.endMonth === 6
          ? `${first.year}年上半年`
          : `${first.year}年${first.startMonth}—${last.endMonth}月`;
  return { start: `${first.year}-${pad(first.startMonth)}-01`, end: `${last.year}-${pad(last.endMonth)}-${pad(end)}`, label };
}

/** The workbooks' ledgers over the year as one ledger (null when none has one), and their findings. */
export function yearLedger(workbooks: readonly YearWorkbook[], roster: Roster, rules: LedgerRules, range: PeriodRange | null): { ledger: Ledger | null; findings: Finding[] } {
  const findings: Finding[] = [];
  let ledger: Ledger | null = null;
  const seen = new Set<string>();
  const key = (p: LedgerPiece) => [p.date ?? '', p.names.map((n) => normalizeName(n.text)).join('、'), normalizeName(p.title), normalizeName(p.kind)].join('|');
  for (const w of workbooks) {
    if (!w.ledgerGrid) continue;
    const read = readLedger(w.ledgerGrid, roster, rules, range);
    findings.push(...read.findings);
    if (!read.ledger) continue;
    const own = new Set<string>();
    const pieces = read.ledger.pieces.filter((p) => {
      const k = key(p);
      own.add(k);
      return !p.counted || !seen.has(k);
    });
    for (const k of own) seen.add(k);
    if (!ledger) ledger = { ...read.ledger, pieces };
    else {
      ledger.pieces.push(...pieces);
      ledger.outside += read.ledger.outside;
      for (const n of read.ledger.unknownNames) if (!ledger.unknownNames.includes(n)) ledger.unknownNames.push(n);
    }
  }
  return { ledger, findings };
}

/** Section 一's lines: "一类考评单位前3名：甲（300分）、乙（290分）…", over the year's totals. */
export function yearTopLines(categories: readonly YearCategory[], topN: number): string[] {
  return categories.map((c) => {
    const top = c.units.filter((u) => u.rank <= topN);
    return `${c.name}前${topN}名：${top.map((u) => `${u.name}（${formatCents(u.totalCents)}分）`).join('、')}`;
  });
}

/** "连续零报送单位：水利局（连续3期）", or null when no unit has 零报送 in consecutive periods up to the latest. */
export function repeatZeroLine(categories: readonly YearCategory[]): string | null {
  const repeat = categories.flatMap((c) => c.units.filter((u) => u.flags.includes('REPEAT_ZERO_SUBMISSION')));
  return repeat.length ? `${FLAG_LABELS_ZH.REPEAT_ZERO_SUBMISSION}单位：${repeat.map((u) => `${u.name}（连续${u.zeroRun}期）`).join('、')}` : null;
}

export interface AnnualNoticeInput {
  periods: readonly YearPeriod[];
  categories: readonly YearCategory[];
  topN: number;
  /** The year's ledger (null: sections 二 and 三 are left out, as in the quarterly notice). */
  ledger: Ledger | null;
  rules: LedgerRules;
  range: PeriodRange | null;
}

/**
 * The annual notice: 一 the year's top N per category; with a ledger, 二 the pieces adopted at
 * the notice level and 三 the 约稿, counted over the year; last, when units had 零报送 period after
 * period, the problem in the office's words (the seed notice: 在多次通报后仍延续错误做法).
 */
export function annualNotice(input: AnnualNoticeInput): Notice {
  const label = input.range?.label ?? '全年';
  const when = `${label}，`;
  const sections: Array<{ name: string; lines: string[] }> = [
    { name: '综合采用情况', lines: [`${when}政务信息综合得分成绩好的单位有：`, ...yearTopLines(input.categories, input.topN)] },
  ];
  if (input.ledger) {
    sections.push(adoptedSection(input.ledger, input.rules, when));
    sections.push(commissionedSection(input.ledger, input.rules, when));
  }
  const repeat = repeatZeroLine(input.categories);
  if (repeat) {
    sections.push({
      name: '信息报送存在的问题',
      lines: [`对信息不够重视。个别单位在多次通报后仍延续错误做法，连续多期${FLAG_LABELS_ZH.ZERO_SUBMISSION}，严重低于政务信息考核要求的基础数量。`, repeat],
    });
  }
  const title = /^\d{4}年$/.test(label) ? `关于${label.replace(/年$/, '年度')}全县政务信息工作情况的通报` : `关于${label}全县政务信息工作情况的通报`;
  return { title, sections: sections.map((s, i) => ({ heading: `${NUMERALS[i] ?? String(i + 1)}、${s.name}`, lines: s.lines })) };
}

/** The rules the annual notice's ledger sections follow: those of the workbook holding the latest period. */
export function yearLedgerRules(workbooks: readonly YearWorkbook[], latestFile: string | null): LedgerRules {
  const w = workbooks.find((x) => (x.file ?? null) === latestFile && x.rulesGrid) ?? workbooks.find((x) => x.rulesGrid);
  return readLedgerRules(w?.rulesGrid).rules;
}

/** The year's table as the annual notice attaches it (附件): each unit's total per period, its 年度累计得分 and rank. */
export function yearAttachment(year: Pick<Year, 'periods' | 'categories'>, range: PeriodRange | null = yearRange(year.periods)): ScoreAttachment {
  const rows: ScoreAttachment['rows'] = [];
  for (const c of year.categories) {
    rows.push({ category: c.name });
    for (const u of c.units) rows.push({ cells: [u.name, ...u.periods.map((v) => (v === null ? '' : formatCents(v))), formatCents(u.totalCents), String(u.rank)] });
  }
  return { title: `${range?.label ?? ''}全县政务信息得分情况`, header: ['单位', ...year.periods.map((p) => p.label), '年度累计得分', '排名'], rows };
}
