/**
 * The notice (通报) as data: a title and numbered sections, each a heading and its paragraphs,
 * in the office's own words (温县政务信息2023年第25期 is the model).
 *   一 the top N per category; 二 pieces adopted at the level the rules name (市政府采用);
 *   三 commissioned pieces (约稿); 四 the problems, a draft the clerk completes.
 * Without a ledger, 二 and 三 are left out and the sections are numbered on.
 */
import { formatCents } from './decimal';
import { FLAG_LABELS_ZH, type ScoredTable, type Summary } from './model';
import type { Ledger, LedgerPiece } from './ledger';
import { piecesOf } from './ledger';
import type { PeriodRange } from './period';
import type { LedgerRules } from './points';
import { isTownshipCategory, type Roster, type RosterUnit } from './roster';
import { normalizeName } from './text';

export interface NoticeSection {
  heading: string;
  lines: string[];
}

export interface Notice {
  title: string;
  sections: NoticeSection[];
}

/** Marks a place the clerk fills in: the draft never invents an example. */
export const CLERK_MARK_OPEN = '【待补充：';
export const CLERK_MARK_CLOSE = '】';
const mark = (what: string) => `${CLERK_MARK_OPEN}${what}${CLERK_MARK_CLOSE}`;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SUB_NUMERALS = NUMERALS.map((n) => `（${n}）`);

export interface NoticeInput {
  summary: Summary;
  period: PeriodRange | null;
  ledger: Ledger | null;
  roster: Roster;
  rules: LedgerRules;
}

/** The notice's whole text, one line per heading or paragraph (the title first). */
export function noticeText(notice: Notice): string[] {
  return [notice.title, ...notice.sections.flatMap((s) => [s.heading, ...s.lines])];
}

export function buildNotice(input: NoticeInput): Notice {
  const label = input.period?.label ?? '';
  const when = label ? `${label}，` : '';
  const sections: Array<{ name: string; lines: string[] }> = [];
  sections.push({ name: '综合采用情况', lines: [`${when}政务信息综合得分成绩好的单位有：`, ...input.summary.noticeLines] });
  if (input.ledger) {
    sections.push(adoptedSection(input.ledger, input.rules, when));
    sections.push(commissionedSection(input.ledger, input.rules, when));
  }
  sections.push(problemsSection(input, label));
  return {
    title: `关于${label}全县政务信息工作情况的通报`,
    sections: sections.map((s, i) => ({ heading: `${NUMERALS[i] ?? String(i + 1)}、${s.name}`, lines: s.lines })),
  };
}

/** Units of a set of pieces, once each in the order of their first piece, with how many pieces each has. */
function unitsOf(pieces: readonly LedgerPiece[]): Array<{ unit: RosterUnit; count: number; good: boolean }> {
  const byUnit = new Map<RosterUnit, { unit: RosterUnit; count: number; good: boolean }>();
  for (const p of pieces) {
    for (const n of p.names) {
      if (!n.unit) continue;
      const entry = byUnit.get(n.unit) ?? { unit: n.unit, count: 0, good: false };
      entry.count++;
      entry.good ||= p.good;
      byUnit.set(n.unit, entry);
    }
  }
  return [...byUnit.values()];
}

/** 街道 when every unit is a 街道, 乡镇 when none is, else 乡镇(街道). */
function townshipWord(units: readonly RosterUnit[]): string {
  const streets = units.filter((u) => u.name.endsWith('街道')).length;
  if (streets === units.length) return '街道';
  if (streets === 0) return '乡镇';
  return '乡镇(街道)';
}

function split(units: readonly RosterUnit[]): { county: RosterUnit[]; towns: RosterUnit[] } {
  return { county: units.filter((u) => !isTownshipCategory(u.category)), towns: units.filter((u) => isTownshipCategory(u.category)) };
}

/** Section 二 (also the annual notice's, over the year's ledger). */
export function adoptedSection(ledger: Ledger, rules: LedgerRules, when: string): { name: string; lines: string[] } {
  const level = rules.noticeLevel;
  const name = `被${level.replace(/采用$/, '')}信息采用情况`;
  const pieces = piecesOf(ledger, level);
  if (pieces.length === 0) return { name, lines: [`${when}无信息被${level.replace(/采用$/, '')}采用。`] };
  const own = pieces.filter((p) => p.names.some((n) => n.office)).length;
  // Most pieces first; equal counts keep the order of their first piece (a stable sort).
  const units = unitsOf(pieces).sort((a, b) => b.count - a.count);
  const { county, towns } = split(units.map((u) => u.unit));
  const involved = [county.length ? `${county.length}个县直单位` : '', towns.length ? `${towns.length}个${townshipWord(towns)}` : ''].filter(Boolean).join('和');
  let text = `${when}被${level}信息${pieces.length}条，`;
  if (own > 0) text += `除${rules.officeName}综合报送${own}条外，其余信息`;
  else text += '信息';
  if (units.length > 0) {
    const groups: string[] = [];
    for (let i = 0; i < units.length; ) {
      let j = i;
      while (j < units.length && units[j]!.count === units[i]!.count) j++;
      const names = units.slice(i, j).map((u) => u.unit.name);
      groups.push(names.length === 1 ? `${names[0]}${units[i]!.count}条` : `${names.join('、')}各${units[i]!.count}条`);
      i = j;
    }
    text += `涉及全县${involved}，其中，${groups.join('，')}。`;
    const best = units.filter((u) => u.count > 1).map((u) => u.unit.name);
    if (best.length > 0) text += `完成较好的单位是${best.join('、')}，报送的信息质量好、采用率高。`;
  } else {
    text = text.replace(/，(其余)?信息$/, '。');
  }
  return { name, lines: [text] };
}

/** Section 三 (also the annual notice's). */
export function commissionedSection(ledger: Ledger, rules: LedgerRules, when: string): { name: string; lines: string[] } {
  const name = `${rules.commissioned}完成情况`;
  const pieces = piecesOf(ledger, rules.commissioned);
  if (pieces.length === 0) return { name, lines: [`${when}未完成${rules.commissioned}。`] };
  const units = unitsOf(pieces);
  const { county, towns } = split(units.map((u) => u.unit));
  const parts: string[] = [];
  if (county.length) parts.push(`${county.map((u) => u.name).join('、')}等${county.length}个县直单位`);
  if (towns.length) parts.push(`${towns.map((u) => u.name).join('、')}等${towns.length}个${townshipWord(towns)}`);
  let text = `${when}共完成${pieces.length}篇${rules.commissioned}`;
  text += parts.length ? `，涉及${parts.join('和')}。` : '。';
  const good = units.filter((u) => u.good).map((u) => u.unit.name);
  if (good.length) text += `其中，完成较好的是${good.join('、')}，能够按照要求认真对待${rules.commissioned}任务，且稿件内容充实、数据详尽、条理清晰。`;
  return { name, lines: [text] };
}

function problemsSection(input: NoticeInput, label: string): { name: string; lines: string[] } {
  const { summary, roster } = input;
  const names = (code: 'ZERO_SUBMISSION' | 'LOW_QUALITY') => {
    const out: string[] = [];
    // A set of the names taken: a sheet of thousands of units may flag a thousand of them.
    const taken = new Set<string>();
    for (const f of summary.flagged[code]) {
      const name = roster.resolve(f.unit)?.name ?? f.unit;
      const key = normalizeName(name);
      if (taken.has(key)) continue;
      taken.add(key);
      out.push(name);
    }
    return out;
  };
  const zero = names('ZERO_SUBMISSION');
  const low = names('LOW_QUALITY');
  const period = label || '本期';
  const whole = label.endsWith('季度') ? '整个季度' : '本期';
  const paragraphs: string[] = [
    `对信息工作存在应付心理。个别单位在报送信息或约稿时，不根据我县实际情况组稿，通篇摘抄网上内容。${mark('如有摘抄、照搬的信息，写明单位、报送日期、标题和出处；没有则删去本段')}`,
  ];
  if (low.length) {
    paragraphs.push(
      `信息质量不高。个别单位信息无措施、无成效、无数据问题较为突出，甚至直接将新闻宣传稿当作政务信息报送。${FLAG_LABELS_ZH.LOW_QUALITY}的单位有${low.join('、')}，如${low[0]}，${mark('具体事例，如报送的信息数量虽多，但内容偏向于新闻稿、宣传广告或普通的工作动态')}，可用性不强。`,
    );
  }
  if (zero.length) {
    paragraphs.push(
      `对信息不够重视。个别单位在${period}出现${FLAG_LABELS_ZH.ZERO_SUBMISSION}，严重低于政务信息考核要求的基础数量。如${zero.join('、')}，${mark('具体情况，如在多次通报后仍然延续错误做法')}，${whole}信息报送数量为零。`,
    );
  }
  return {
    name: '信息报送存在的问题',
    lines: [
      `各乡镇(街道)、县直各单位大部分都能按照要求报送信息，但是从${period}统计情况来看，${mark('总体情况，如信息报送数量明显下降，部分单位的信息质量也亟待提高')}。`,
      ...paragraphs.map((p, i) => `${SUB_NUMERALS[i]}${p}`),
      '各单位要进一步聚焦中心工作，严格对照全县政务信息考核办法，紧盯目标任务，不断提升信息报送的真实性、准确性、时效性，努力提高信息质量，更加精准有效为领导决策和指导工作提供依据，发挥信息参谋助手作用。',
    ],
  };
}

/** The score table as the notice attaches it (附件): header, then each category and its units. */
export interface ScoreAttachment {
  title: string;
  header: string[];
  rows: Array<{ category: string } | { cells: string[] }>;
}

export function scoreAttachment(scored: ScoredTable): ScoreAttachment {
  const layout = scored.layout;
  const title = layout.title ?? `${layout.period ?? ''}全县政务信息得分情况`;
  const scoreCols = scored.scoreColumns;
  const header = ['单位', ...scoreCols.map((c) => c.label), '累计得分', '排名'];
  const rows: ScoreAttachment['rows'] = [];
  const width = scoreCols.length;
  const showCategories = scored.categories.length > 1 || layout.categoryMode !== 'none';
  for (const c of scored.categories) {
    if (showCategories) rows.push({ category: c.name });
    for (const i of c.members) {
      const scores = scoreCols.map((_col, k) => {
        const cents = scored.scores[i * width + k]!;
        return Number.isNaN(cents) ? '' : formatCents(cents);
      });
      rows.push({ cells: [scored.units.names[i]!, ...scores, formatCents(scored.results.totals[i]!), String(scored.results.ranks[i]!)] });
    }
  }
  return { title, header, rows };
}
