import { pointsToCents, toCents, type Cents } from './decimal';
import { normalizeName } from './text';
import { SHEET_WORDS } from './words';

export type RankMode = 'competition' | 'dense';

/** What a column means. `component` columns add to the total; `deduction` columns subtract. */
export type ColumnRole =
  | 'unit'
  | 'category'
  | 'base'
  | 'adoption'
  | 'bonus'
  | 'deduction'
  | 'component'
  | 'total'
  | 'rank'
  | 'flag'
  | 'serial';

/**
 * Header synonyms, matched after normalizeName. Exact names first; `contains` patterns after.
 * Declared as data so a new synonym is one line, not a branch.
 */
export const HEADER_SYNONYMS: ReadonlyArray<{ role: ColumnRole; exact: readonly string[]; endsWith?: readonly string[] }> = [
  { role: 'serial', exact: ['序号', '编号', 'No.', 'No'] },
  { role: 'unit', exact: ['单位', '单位名称', '名称', '部门', '部门名称', '考评单位'], endsWith: ['名称'] },
  { role: 'category', exact: ['类别', '类型', '分类', '单位类别', '单位类型', '考评类别', '组别'] },
  { role: 'base', exact: ['基础得分', '基础分', '报送得分', '基础分值'] },
  { role: 'adoption', exact: ['采用得分', '采用分'] },
  { role: 'bonus', exact: ['附加得分', '附加分', '加分'] },
  { role: 'deduction', exact: ['扣分', '扣减分', '扣分项'] },
  { role: 'total', exact: ['累计得分', '总分', '总得分', '合计', '综合得分', '累计分'] },
  { role: 'rank', exact: ['排名', '名次'] },
  { role: 'flag', exact: ['标记', '考评标记'] },
];

export interface HeaderMatch {
  role: ColumnRole | null;
  /** Maximum from a "(9)" in the header, in cents. */
  maxCents: Cents | null;
  /** Header text without the "(N)" part, as shown to users. */
  label: string;
}

/** Words naming a period other than the one being scored (or the running total over several). */
const OTHER_PERIOD = /累计|全年|年度|上期|上季度/;

const MAX_IN_HEADER = /[(（]\s*(\d+(?:\.\d+)?)\s*(?:分)?\s*[)）]\s*$/;

/** Map one header cell to a role. Any other header containing 得分 is an added score component. */
export function matchHeader(text: string): HeaderMatch {
  const key = normalizeName(text);
  const maxMatch = MAX_IN_HEADER.exec(key);
  const bare = maxMatch ? key.slice(0, maxMatch.index) : key;
  const maxCents = maxMatch ? (toCents(Number(maxMatch[1]))?.cents ?? null) : null;
  const label = text.trim();
  for (const synonym of HEADER_SYNONYMS) {
    if (synonym.exact.includes(bare)) return { role: synonym.role, maxCents, label };
  }
  for (const synonym of HEADER_SYNONYMS) {
    if (synonym.endsWith?.some((suffix) => bare.endsWith(suffix))) return { role: synonym.role, maxCents, label };
  }
  // 全年累计得分, 上季度得分, 年度得分: another period's score beside this one's, not a part of it.
  if (bare.includes('得分')) return { role: OTHER_PERIOD.test(bare) ? null : 'component', maxCents, label };
  return { role: null, maxCents, label };
}

export interface CategoryRule {
  /** Category name as users write it. */
  name: string;
  /** Cap on 基础得分, in cents; null for no cap. */
  baseCapCents: Cents | null;
  /** Cap on 附加得分, in cents; null for no cap. */
  bonusCapCents: Cents | null;
}

/**
 * The caps a category's units are held to: its own rule's. A category the rules do not know
 * (UNKNOWN_CATEGORY) is held to none until the office adds it to 考评规则, and the pane says so.
 */
export function capsFor(rule: CategoryRule | null | undefined): { baseCapCents: Cents | null; bonusCapCents: Cents | null } {
  return { baseCapCents: rule?.baseCapCents ?? null, bonusCapCents: rule?.bonusCapCents ?? null };
}

/** How many units per category the notice may name: every place that sets top N holds to this. */
export const TOP_N_LIMITS = { min: 1, max: 20 } as const;

export function isTopN(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= TOP_N_LIMITS.min && value <= TOP_N_LIMITS.max;
}

export interface FlagRules {
  /** 零报送: base score = 0. */
  zeroSubmission: boolean;
  /** 基础数量不足: 0 < base < the category's cap. */
  belowQuota: boolean;
  /** 质量待提高: base ≥ cap and adoption ≤ lowQualityAdoptionMaxCents. */
  lowQuality: boolean;
  lowQualityAdoptionMaxCents: Cents;
}

export interface Rules {
  /** Keyed by normalizeName(category name). */
  categories: Record<string, CategoryRule>;
  /** Cap on 附加得分 given to a category the 考评规则 sheet adds without its own, in cents. */
  bonusCapCents: Cents | null;
  baseStepCents: Cents | null;
  adoptionStepCents: Cents | null;
  topN: number;
  rankMode: RankMode;
  flags: FlagRules;
}

/** Defaults taken from the real table (温县 2023 Q3): caps 120/120/60/30, bonus ≤ 2, steps of 5. */
export function defaultRules(): Rules {
  const categories = categoryTable();
  const defaults: Array<[string, number]> = [
    ['乡镇(街道)', 120],
    ['一类考评单位', 120],
    ['二类考评单位', 60],
    ['三类考评单位', 30],
  ];
  for (const [name, cap] of defaults) {
    categories[normalizeName(name)] = { name, baseCapCents: pointsToCents(cap), bonusCapCents: pointsToCents(2) };
  }
  return {
    categories,
    bonusCapCents: 200,
    baseStepCents: 500,
    adoptionStepCents: 500,
    topN: 3,
    rankMode: 'competition',
    flags: { zeroSubmission: true, belowQuota: true, lowQuality: true, lowQualityAdoptionMaxCents: 0 },
  };
}

/**
 * A table of category rules keyed by category name, with no prototype: a category named like an
 * Object member (constructor, toString) is only ever a category.
 */
export function categoryTable(entries?: Record<string, CategoryRule>): Record<string, CategoryRule> {
  return Object.assign(Object.create(null) as Record<string, CategoryRule>, entries);
}

/** Rule for a category, or null when the category is unknown (no cap checks then). */
export function ruleFor(rules: Rules, category: string): CategoryRule | null {
  return rules.categories[normalizeName(category)] ?? null;
}

export interface RulesOverrides {
  topN?: number;
  rankMode?: RankMode;
  flags?: Partial<FlagRules>;
}

export function withOverrides(rules: Rules, overrides: RulesOverrides | undefined): Rules {
  if (!overrides) return rules;
  return {
    ...rules,
    topN: overrides.topN ?? rules.topN,
    rankMode: overrides.rankMode ?? rules.rankMode,
    flags: { ...rules.flags, ...overrides.flags },
  };
}

export const RULES_SHEET_NAME = SHEET_WORDS.rules;
