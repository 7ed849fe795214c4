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
  // #9 adapters (items 9-10)
  CELLS_OUTSIDE_TABLE: (f) =>
    `${at(f)} 等 ${f.count} 个单元格远离得分表（${f.table}），未读入也不会改动。如确属表格内容，请把它们移到表格旁边。`,
  MERGE_CLIPPED: (f) =>
    f.clipped
      ? `${at(f)} 起的合并单元格 ${f.merge} 远超出表格范围，已按 ${f.clipped} 读取；写出文件时此合并区域将改为 ${f.clipped}。`
      : `${at(f)} 起的合并单元格 ${f.merge} 远超出表格范围且不与表格相交，已忽略；写出文件时将取消此合并。`,
  MERGED_OUTPUT_CELL: (f) =>
    `${at(f)}${who(f)} 位于合并单元格 ${f.merge} 内，无法写入${COLUMN_ZH[f.column] ?? '标记'}。请先取消该合并单元格后重试。`,
  FLAG_COLUMN_SKIPPED: (f) => `表格右侧没有可用的空列（${f.cell ?? ''} 起为合并单元格或已到工作表最后一列），未添加“标记”列；累计得分和排名照常写入。`,
  NO_ROOM_FOR_COLUMN: (f) =>
    `表格右侧没有可用的空列写入“${COLUMN_ZH[f.column] ?? f.column}”（已到工作表最后一列或为合并单元格，${f.cell ?? ''}）。请在表格中加入“${COLUMN_ZH[f.column] ?? f.column}”列后重试。`,
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
  // #9 adapters (items 9-10)
  CELLS_OUTSIDE_TABLE: (f) =>
    `${atEn(f)} and ${f.count - 1} more cells lie far from the score table (${f.table}); they are not read and not changed. Move them next to the table if they belong to it.`,
  MERGE_CLIPPED: (f) =>
    f.clipped
      ? `${atEn(f)}: the merged area ${f.merge} reaches far beyond the table; it is read as ${f.clipped}, and a written file merges ${f.clipped} instead.`
      : `${atEn(f)}: the merged area ${f.merge} reaches far beyond the table and does not touch it; it is ignored, and a written file drops this merge.`,
  MERGED_OUTPUT_CELL: (f) =>
    `${atEn(f)}${whoEn(f)} lies inside the merged area ${f.merge}; the ${COLUMN_EN[f.column] ?? 'flag'} cannot be written there. Unmerge it and retry.`,
  FLAG_COLUMN_SKIPPED: (f) =>
    `No empty column right of the table for 标记 (from ${f.cell ?? ''} the cells are merged, or the sheet ends); the flag column is left out. Totals and ranks are written as usual.`,
  NO_ROOM_FOR_COLUMN: (f) =>
    `No empty column right of the table for the ${COLUMN_EN[f.column] ?? f.column} (${f.cell ?? ''}: merged cells or the sheet's last column). Add a ${f.column === 'total' ? '累计得分' : '排名'} column to the table and retry.`,
};

const FINDINGS: Record<Locale, FindingMessages> = { 'zh-CN': zhFindings, 'en-US': enFindings };

/** A finding as a sentence in the given locale. */
export function formatFinding(f: Finding, locale: Locale = 'zh-CN'): string {
  const render = FINDINGS[locale][f.code] as (f: Finding) => string;
  return render(f);
}

const FLAGS: Record<Locale, Record<FlagCode, string>> = {
  'zh-CN': { ZERO_SUBMISSION: '零报送', BELOW_QUOTA: '基础数量不足', LOW_QUALITY: '质量待提高' },
  'en-US': { ZERO_SUBMISSION: 'No submissions', BELOW_QUOTA: 'Below quota', LOW_QUALITY: 'Quality to improve' },
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
  },
};

/** The text the 考评汇总 sheet needs, in one locale: pass to buildSummarySheet. */
export function summaryText(locale: Locale = 'zh-CN'): SummaryText {
  return { label: (key, params) => t(key, locale, params ?? {}), finding: (f) => formatFinding(f, locale) };
}
