/** Messages for findings and flags. One entry per FindingCode in each locale (checked by a test). */
import type { Finding, FindingCode, FlagCode, SummaryText } from '../core';
import { t } from './index';
import type { Locale, LocaleDictionaries, Params } from './index';

type FindingMessages = { [C in FindingCode]: (f: Extract<Finding, { code: C }>) => string };

const COLUMN_ZH: Record<string, string> = { unit: '单位', score: '得分', total: '累计得分', rank: '排名' };
const COLUMN_EN: Record<string, string> = { unit: 'unit name', score: 'score', total: 'total', rank: 'rank' };
const at = (f: Finding) => (f.cell ? `单元格 ${f.cell}` : '工作表');
const atEn = (f: Finding) => (f.cell ? `Cell ${f.cell}` : 'The sheet');
const who = (f: Finding) => (f.unit ? `（${f.unit}）` : '');
const whoEn = (f: Finding) => (f.unit ? ` (${f.unit})` : '');

const zhFindings: FindingMessages = {
  HEADER_NOT_FOUND: () => '未找到得分表：工作表中没有包含“单位”和得分列（如“基础得分”）的表头行。',
  SUMMARY_SHEET: () => '这是本助手生成的“考评汇总”表，不是得分表。请切换到得分表所在的工作表。',
  MISSING_COLUMN: (f) => `${at(f)} 所在表头缺少“${COLUMN_ZH[f.column] ?? f.column}”列。`,
  DUPLICATE_HEADER: (f) => `${at(f)} 的表头“${f.column}”重复，已使用前一列。`,
  NO_CATEGORY: () => '未找到类别行或类别列，全部单位按同一类别排名。',
  UNKNOWN_CATEGORY: (f) => `${at(f)} 的类别“${f.category}”不在考评规则中，不检查该类别的得分上限。`,
  EMPTY_CATEGORY: (f) => `${at(f)} 的类别“${f.category}”下没有单位。`,
  UNIT_BEFORE_CATEGORY: (f) => `${at(f)}${who(f)} 位于第一个类别行之前，已归入“未分类”。`,
  MULTIPLE_TABLES: (f) => `${f.headerCell} 处还有一个表格，只处理第一个表格。`,
  NOT_A_NUMBER: (f) => `${at(f)}${who(f)} 的“${f.column}”不是数字：“${f.text}”。请填写数字（未报送请填 0）。`,
  ERROR_VALUE: (f) => `${at(f)}${who(f)} 的“${f.column}”是错误值 ${f.text}，请检查公式。`,
  OUT_OF_RANGE: (f) => `${at(f)}${who(f)} 的“${f.column}”数值超出范围：${f.text}。`,
  TOO_MANY_DECIMALS: (f) => `${at(f)}${who(f)} 的“${f.column}”为 ${f.value}，超过两位小数，按 ${f.rounded} 计算。`,
  EMPTY_SCORE: (f) => `${at(f)}${who(f)} 的“${f.column}”为空，按 0 分计算。`,
  NEGATIVE_SCORE: (f) => `${at(f)}${who(f)} 的“${f.column}”为负数 ${f.value}，得分不能为负。`,
  BASE_OVER_CAP: (f) => `${at(f)}${who(f)} 的基础得分 ${f.value} 超过“${f.category}”的上限 ${f.cap}。`,
  BONUS_OVER_CAP: (f) => `${at(f)}${who(f)} 的附加得分 ${f.value} 超过上限 ${f.cap}。`,
  OVER_CAP: (f) => `${at(f)}${who(f)} 的“${f.column}”为 ${f.value}，超过该列上限 ${f.cap}。`,
  SCORE_STEP: (f) => `${at(f)}${who(f)} 的“${f.column}”为 ${f.value}，不是 ${f.step} 的整数倍。`,
  DUPLICATE_UNIT: (f) => `${at(f)}${who(f)} 在“${f.category}”中重复出现（首次在 ${f.firstCell}）。`,
  UNIT_IN_TWO_CATEGORIES: (f) => `${at(f)}${who(f)} 同时出现在“${f.firstCategory}”（${f.firstCell}）和“${f.category}”中。`,
  EMPTY_UNIT_NAME: (f) => `${at(f)} 有得分但单位名称为空，该行未参与排名。`,
  TOTAL_MISMATCH: (f) => `${at(f)}${who(f)} 的累计得分为 ${f.found}，应为 ${f.expected}。`,
  RANK_MISMATCH: (f) => `${at(f)}${who(f)} 的排名为 ${f.found}，应为 ${f.expected}。`,
  FORMULA_OVERWRITE: (f) => `${at(f)}${who(f)} 的“${f.column}”含公式 ${f.formula}，已保留公式，未覆盖。`,
  HIDDEN_ROW: (f) => `${at(f)}${who(f)} 所在行已隐藏或被筛选，仍参与排名。`,
  RULES_SHEET_INVALID: (f) => `考评规则表 ${f.cell ?? ''} 无法识别：“${f.text}”，已按默认规则处理。`,
  // #14 year
  PERIOD_HAS_ERRORS: (f) =>
    `工作表“${f.sheet}”（${f.period}）有 ${f.errors} 处错误${f.firstCell ? `（首处在 ${f.firstCell}）` : ''}，请先在该表中修正；修正前不写入年度汇总，确认仍要写入请用 --force（任务窗格中确认写入）。`,
  PERIOD_NOT_RECOGNISED: (f) => `工作表“${f.sheet}”有得分表，但从标题和表名看不出期别（如“2023年7—9月份”“二季度”“2023年5月”），未计入年度汇总。`,
  PERIOD_DUPLICATE: (f) => `工作表“${f.sheet}”与“${f.firstSheet}”是同一期（${f.period}），只计入“${f.firstSheet}”。`,
  UNIT_MISSING_IN_PERIOD: (f) => `${f.unit ?? ''} 不在“${f.sheet}”（${f.period}）中，该期留空。`,
  UNIT_JOINED_IN_PERIOD: (f) => `${f.unit ?? ''} 自“${f.sheet}”（${f.period}）起参加考评，按已有各期计分排名。`,
  UNIT_CATEGORY_CHANGED: (f) => `${f.unit ?? ''} 在“${f.sheet}”（${f.period}）属于“${f.from}”，年度按最新类别“${f.to}”排名。`,
  YEAR_TOO_FEW_PERIODS: (f) => `只找到 ${f.periods} 期得分表，年度汇总需要至少两期才能比较名次变化。`,
};

const enFindings: FindingMessages = {
  HEADER_NOT_FOUND: () => 'No score table found: no header row with a unit column and score columns (such as 基础得分).',
  SUMMARY_SHEET: () => 'This is the 考评汇总 summary sheet the add-in generated, not a score table. Switch to the sheet with the scores.',
  MISSING_COLUMN: (f) => `The header at ${f.cell ?? 'the sheet'} has no ${COLUMN_EN[f.column] ?? f.column} column.`,
  DUPLICATE_HEADER: (f) => `${atEn(f)}: header "${f.column}" appears twice; the first one is used.`,
  NO_CATEGORY: () => 'No category rows or category column: all units are ranked as one category.',
  UNKNOWN_CATEGORY: (f) => `${atEn(f)}: category "${f.category}" has no rule; its caps are not checked.`,
  EMPTY_CATEGORY: (f) => `${atEn(f)}: category "${f.category}" has no units.`,
  UNIT_BEFORE_CATEGORY: (f) => `${atEn(f)}${whoEn(f)} comes before the first category row; it is put in "未分类".`,
  MULTIPLE_TABLES: (f) => `Another table starts at ${f.headerCell}; only the first table is used.`,
  NOT_A_NUMBER: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is not a number: "${f.text}". Enter a number (0 for none).`,
  ERROR_VALUE: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" holds the error ${f.text}; check its formula.`,
  OUT_OF_RANGE: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is out of range: ${f.text}.`,
  TOO_MANY_DECIMALS: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is ${f.value}, more than two decimals; ${f.rounded} is used.`,
  EMPTY_SCORE: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is empty and counts as 0.`,
  NEGATIVE_SCORE: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is negative (${f.value}); scores cannot be negative.`,
  BASE_OVER_CAP: (f) => `${atEn(f)}${whoEn(f)}: base score ${f.value} is over the cap of ${f.cap} for "${f.category}".`,
  BONUS_OVER_CAP: (f) => `${atEn(f)}${whoEn(f)}: bonus ${f.value} is over the cap of ${f.cap}.`,
  OVER_CAP: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is ${f.value}, over the column's maximum of ${f.cap}.`,
  SCORE_STEP: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is ${f.value}, not a multiple of ${f.step}.`,
  DUPLICATE_UNIT: (f) => `${atEn(f)}${whoEn(f)} appears twice in "${f.category}" (first at ${f.firstCell}).`,
  UNIT_IN_TWO_CATEGORIES: (f) => `${atEn(f)}${whoEn(f)} is in both "${f.firstCategory}" (${f.firstCell}) and "${f.category}".`,
  EMPTY_UNIT_NAME: (f) => `${atEn(f)}: the row has scores but no unit name; it is not ranked.`,
  TOTAL_MISMATCH: (f) => `${atEn(f)}${whoEn(f)}: total is ${f.found}, should be ${f.expected}.`,
  RANK_MISMATCH: (f) => `${atEn(f)}${whoEn(f)}: rank is ${f.found}, should be ${f.expected}.`,
  FORMULA_OVERWRITE: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" holds the formula ${f.formula}; it is kept, not overwritten.`,
  HIDDEN_ROW: (f) => `${atEn(f)}${whoEn(f)}: the row is hidden or filtered out; it is still ranked.`,
  RULES_SHEET_INVALID: (f) => `Rules sheet ${f.cell ?? ''}: "${f.text}" is not understood; default rules are used.`,
  // #14 year
  PERIOD_HAS_ERRORS: (f) =>
    `Sheet "${f.sheet}" (${f.period}) has ${f.errors} error(s)${f.firstCell ? ` (first at ${f.firstCell})` : ''}; fix them there first. The year is not written until then, unless you confirm (--force, or confirm in the pane).`,
  PERIOD_NOT_RECOGNISED: (f) => `Sheet "${f.sheet}" holds a score table, but neither its title nor its name gives a period (such as 2023年7—9月份, 二季度, 2023年5月); it is left out of the year.`,
  PERIOD_DUPLICATE: (f) => `Sheet "${f.sheet}" is the same period as "${f.firstSheet}" (${f.period}); only "${f.firstSheet}" counts.`,
  UNIT_MISSING_IN_PERIOD: (f) => `${f.unit ?? ''} is not in "${f.sheet}" (${f.period}); that period is left blank.`,
  UNIT_JOINED_IN_PERIOD: (f) => `${f.unit ?? ''} joined in "${f.sheet}" (${f.period}); it is ranked on the periods it has.`,
  UNIT_CATEGORY_CHANGED: (f) => `${f.unit ?? ''} was in "${f.from}" in "${f.sheet}" (${f.period}); the year ranks it in its latest category "${f.to}".`,
  YEAR_TOO_FEW_PERIODS: (f) => `Only ${f.periods} period sheet(s) found; the year needs at least two to compare ranks.`,
};

const FINDINGS: Record<Locale, FindingMessages> = { 'zh-CN': zhFindings, 'en-US': enFindings };

/** A finding as a sentence in the given locale. */
export function formatFinding(f: Finding, locale: Locale = 'zh-CN'): string {
  const render = FINDINGS[locale][f.code] as (f: Finding) => string;
  return render(f);
}

const FLAGS: Record<Locale, Record<FlagCode, string>> = {
  'zh-CN': { ZERO_SUBMISSION: '零报送', BELOW_QUOTA: '基础数量不足', LOW_QUALITY: '质量待提高', REPEAT_ZERO_SUBMISSION: '连续零报送' },
  'en-US': { ZERO_SUBMISSION: 'No submissions', BELOW_QUOTA: 'Below quota', LOW_QUALITY: 'Quality to improve', REPEAT_ZERO_SUBMISSION: 'No submissions, periods running' },
};

export function flagLabel(code: FlagCode, locale: Locale = 'zh-CN'): string {
  return FLAGS[locale][code];
}

/** Keys shared by the CLI, the pane and the summary sheet. */
export const coreMessages: LocaleDictionaries = {
  'zh-CN': {
    'severity.error': '错误',
    'severity.warning': '警告',
    'severity.info': '提示',
    'notice.top': (p: Params) => `${p.category}前${p.n}名：${p.units}`,
    'category.uncategorised': '未分类',
    'category.all': '全部单位',
    'summary.title': (p: Params) => `${p.period}全县政务信息考评汇总`,
    'summary.subtitle': (p: Params) => `来源工作表：${p.sheet}　通报前${p.topN}名　排名方式：${p.mode}`,
    'summary.rankMode.competition': '并列占位（1,2,2,4）',
    'summary.rankMode.dense': '并列不占位（1,2,2,3）',
    'summary.section.categories': '一、各类别得分概况',
    'summary.section.top': (p: Params) => `二、各类别前${p.topN}名（含并列）`,
    'summary.section.flags': '三、需关注单位',
    'summary.section.findings': '四、校验发现',
    'summary.section.notice': '五、通报文字（可直接复制）',
    'summary.section.chart': '六、累计得分图',
    'summary.section.data': '附表：各单位累计得分',
    'summary.col.category': '类别',
    'summary.col.units': '单位数',
    'summary.col.mean': '平均分',
    'summary.col.max': '最高分',
    'summary.col.min': '最低分',
    'summary.col.rank': '名次',
    'summary.col.unit': '单位',
    'summary.col.total': '累计得分',
    'summary.col.flag': '标记',
    'summary.col.severity': '级别',
    'summary.col.cell': '单元格',
    'summary.col.message': '说明',
    'summary.flag.ZERO_SUBMISSION': '零报送',
    'summary.flag.BELOW_QUOTA': '基础数量不足',
    'summary.flag.LOW_QUALITY': '质量待提高',
    'summary.none': '无',
    'summary.noProblems': '未发现错误或警告。',
    'summary.chartTitle': '各单位累计得分',
    'summary.footer': '，重新生成时将被替换，请勿在本表中录入数据。',
    // #14 year
    'summary.flag.REPEAT_ZERO_SUBMISSION': '连续零报送',
    'summary.col.movement': '名次变化',
    'year.title': (p: Params) => (p.from === p.to ? `${p.from}全县政务信息年度汇总` : `${p.from}至${p.to}全县政务信息年度汇总`),
    'year.subtitle': (p: Params) => `共${p.periods}期　通报前${p.topN}名　排名方式：${p.mode}　名次变化：末期对比上一期（↑上升，↓下降，—不变，新：上一期未参评）`,
    'year.section.category': (p: Params) => `${p.n}. ${p.category}`,
    'year.col.total': '年度累计得分',
    'year.section.findings': '校验发现',
    'year.section.notice': '年度通报文字（可直接复制）',
  },
  'en-US': {
    'severity.error': 'Error',
    'severity.warning': 'Warning',
    'severity.info': 'Note',
    'notice.top': (p: Params) => `${p.category} top ${p.n}: ${p.units}`,
    'category.uncategorised': '未分类',
    'category.all': '全部单位',
    'summary.title': (p: Params) => `Government information scores ${p.period}: summary`,
    'summary.subtitle': (p: Params) => `Source sheet: ${p.sheet}  Top ${p.topN}  Ranking: ${p.mode}`,
    'summary.rankMode.competition': 'ties share, next skipped (1,2,2,4)',
    'summary.rankMode.dense': 'ties share, none skipped (1,2,2,3)',
    'summary.section.categories': '1. Scores by category',
    'summary.section.top': (p: Params) => `2. Top ${p.topN} per category (ties included)`,
    'summary.section.flags': '3. Units needing attention',
    'summary.section.findings': '4. Validation findings',
    'summary.section.notice': '5. Notice text (ready to copy)',
    'summary.section.chart': '6. Totals chart',
    'summary.section.data': 'Appendix: total per unit',
    'summary.col.category': 'Category',
    'summary.col.units': 'Units',
    'summary.col.mean': 'Mean',
    'summary.col.max': 'Max',
    'summary.col.min': 'Min',
    'summary.col.rank': 'Rank',
    'summary.col.unit': 'Unit',
    'summary.col.total': 'Total',
    'summary.col.flag': 'Flag',
    'summary.col.severity': 'Severity',
    'summary.col.cell': 'Cell',
    'summary.col.message': 'Message',
    'summary.flag.ZERO_SUBMISSION': 'No submissions',
    'summary.flag.BELOW_QUOTA': 'Below quota',
    'summary.flag.LOW_QUALITY': 'Quality to improve',
    'summary.none': 'None',
    'summary.noProblems': 'No errors or warnings found.',
    'summary.chartTitle': 'Total per unit',
    'summary.footer': ' (regenerated by the add-in: do not enter data here).',
    // #14 year
    'summary.flag.REPEAT_ZERO_SUBMISSION': 'No submissions, periods running',
    'summary.col.movement': 'Move',
    'year.title': (p: Params) => (p.from === p.to ? `Government information scores ${p.from}: the year` : `Government information scores ${p.from} to ${p.to}: the year`),
    'year.subtitle': (p: Params) => `${p.periods} periods  Top ${p.topN}  Ranking: ${p.mode}  Move: last period against the one before (↑ up, ↓ down, — same, 新 new)`,
    'year.section.category': (p: Params) => `${p.n}. ${p.category}`,
    'year.col.total': 'Year total',
    'year.section.findings': 'Validation findings',
    'year.section.notice': 'Annual notice text (ready to copy)',
  },
};

/** The text the 考评汇总 sheet needs, in one locale: pass to buildSummarySheet. */
export function summaryText(locale: Locale = 'zh-CN'): SummaryText {
  return { label: (key, params) => t(key, locale, params ?? {}), finding: (f) => formatFinding(f, locale) };
}
