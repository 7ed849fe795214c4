/** Messages for findings and flags. One entry per FindingCode in each locale (checked by a test). */
import type { Finding, FindingCode, FlagCode } from '../core';
import type { Locale, LocaleDictionaries, Params } from './index';

type FindingMessages = { [C in FindingCode]: (f: Extract<Finding, { code: C }>) => string };

const COLUMN_ZH: Record<string, string> = { unit: '单位', score: '得分', total: '累计得分', rank: '排名' };
const COLUMN_EN: Record<string, string> = { unit: 'unit name', score: 'score', total: 'total', rank: 'rank' };
const at = (f: Finding) => (f.cell ? `单元格 ${f.cell}` : '工作表');
const atEn = (f: Finding) => (f.cell ? `Cell ${f.cell}` : 'The sheet');
const who = (f: Finding) => (f.unit ? `（${f.unit}）` : '');
/** "单元格 B4（温泉街道）的…", "单元格 B4 的…": a space only after the ASCII address, never after "）". */
const subj = (f: Finding) => (f.unit ? `${at(f)}${who(f)}` : f.cell ? `${at(f)} ` : at(f));
const whoEn = (f: Finding) => (f.unit ? ` (${f.unit})` : '');

const zhFindings: FindingMessages = {
  HEADER_NOT_FOUND: () => '未找到得分表：工作表中没有包含“单位”和得分列（如“基础得分”）的表头行。',
  SUMMARY_SHEET: () => '这是本助手生成的“考评汇总”表，不是得分表。请切换到得分表所在的工作表。',
  MISSING_COLUMN: (f) => `${at(f)} 所在表头缺少“${COLUMN_ZH[f.column] ?? f.column}”列。`,
  DUPLICATE_HEADER: (f) => `${at(f)} 的表头“${f.column}”重复，已使用前一列。`,
  NO_CATEGORY: () => '未找到类别行或类别列，全部单位按同一类别排名。',
  UNKNOWN_CATEGORY: (f) => `${at(f)} 的类别“${f.category}”不在考评规则中，不检查该类别的得分上限。`,
  EMPTY_CATEGORY: (f) => `${at(f)} 的类别“${f.category}”下没有单位。`,
  UNIT_BEFORE_CATEGORY: (f) => `${subj(f)}位于第一个类别行之前，已归入“未分类”。`,
  MULTIPLE_TABLES: (f) => `${f.headerCell} 处还有一个表格，只处理第一个表格。`,
  NOT_A_NUMBER: (f) => `${subj(f)}的“${f.column}”不是数字：“${f.text}”。请填写数字（未报送请填 0）。`,
  ERROR_VALUE: (f) => `${subj(f)}的“${f.column}”是错误值 ${f.text}，请检查公式。`,
  OUT_OF_RANGE: (f) => `${subj(f)}的“${f.column}”数值超出范围：${f.text}。`,
  TOO_MANY_DECIMALS: (f) => `${subj(f)}的“${f.column}”为 ${f.value}，超过两位小数，按 ${f.rounded} 计算。`,
  EMPTY_SCORE: (f) => `${subj(f)}的“${f.column}”为空，按 0 分计算。`,
  NEGATIVE_SCORE: (f) => `${subj(f)}的“${f.column}”为负数 ${f.value}，得分不能为负。`,
  BASE_OVER_CAP: (f) => `${subj(f)}的基础得分为 ${f.value} 分，超过“${f.category}”的上限（最高 ${f.cap} 分）。`,
  BONUS_OVER_CAP: (f) => `${subj(f)}的附加得分为 ${f.value} 分，超过上限（最高 ${f.cap} 分）。`,
  OVER_CAP: (f) => `${subj(f)}的“${f.column}”为 ${f.value} 分，超过该列上限（最高 ${f.cap} 分）。`,
  SCORE_STEP: (f) => `${subj(f)}的“${f.column}”为 ${f.value}，不是 ${f.step} 的整数倍。`,
  DUPLICATE_UNIT: (f) => `${subj(f)}在“${f.category}”中重复出现（首次在 ${f.firstCell}）。`,
  UNIT_IN_TWO_CATEGORIES: (f) => `${subj(f)}同时出现在“${f.firstCategory}”（${f.firstCell}）和“${f.category}”中。`,
  EMPTY_UNIT_NAME: (f) => `${at(f)} 有得分但单位名称为空，该行未参与排名。`,
  TOTAL_MISMATCH: (f) => `${subj(f)}的累计得分为 ${f.found}，应为 ${f.expected}。`,
  RANK_MISMATCH: (f) => `${subj(f)}的排名为 ${f.found}，应为 ${f.expected}。`,
  FORMULA_OVERWRITE: (f) => `${subj(f)}的“${f.column}”含公式 ${f.formula}，已保留公式，未覆盖。`,
  HIDDEN_ROW: (f) => `${subj(f)}所在行已隐藏或被筛选，仍参与排名。`,
  RULES_SHEET_INVALID: (f) => `考评规则表 ${f.cell ?? ''} 无法识别：“${f.text}”，已按默认规则处理。`,
  // #9 reading traps
  FORMULA_NO_VALUE: (f) => `${subj(f)}的“${f.column}”含公式 ${f.formula}，但公式没有计算结果，请在 Excel 或 WPS 中打开并保存后重试。`,
  TABLE_ENDS_EARLY: (f) => `${at(f)} 处的说明行结束了表格，但下面 ${f.unitCell} 起还有 ${f.count} 行像单位行（有名称和得分），这些行未参与排名。请删除说明行或将其移到表格末尾。`,
  DOUBTFUL_CATEGORY: (f) => `${at(f)} 的“${f.category}”没有得分，已按类别处理；如果它是一个单位，请填写其得分或将类别行合并单元格。`,
  NUMERIC_TEXT: (f) => `${subj(f)}的“${f.column}”是文本“${f.text}”，已按数字读取（Excel 的求和会跳过这种文本）。`,
  EXTRA_COMPONENT: (f) => `${at(f)} 的“${f.column}”列计入累计得分。`,
  HIDDEN_SHEET: (f) => `排名的工作表“${f.sheet}”是隐藏的工作表，请确认它就是本期得分表。`,
  CELL_TOO_LONG: (f) => `${subj(f)}有 ${f.length} 个字符，超过 Excel 单元格上限 32767 个字符，Excel 打开时会截断。请缩短内容。`,
  // #13 ledger
  ROSTER_DUPLICATE: (f) => `单元格 ${f.sheet ?? ''}!${f.cell ?? ''} 的“${f.name}”与 ${f.firstCell} 重复，已使用前一行。`,
  LEDGER_UNKNOWN_UNIT: (f) => `单元格 ${f.sheet ?? ''}!${f.cell ?? ''} 的报送单位“${f.name}”不在单位名录中，该条暂不计入任何单位；请改为名录中的名称或在名录中添加别名。`,
  LEDGER_EMPTY_UNIT: (f) => `单元格 ${f.sheet ?? ''}!${f.cell ?? ''} 未填报送单位，该条未计入。`,
  LEDGER_BAD_DATE: (f) => `单元格 ${f.sheet ?? ''}!${f.cell ?? ''} 的日期“${f.text}”不是日期，该条未计入；请填写如 2023-07-03 的日期。`,
  LEDGER_EMPTY_DATE: (f) => `单元格 ${f.sheet ?? ''}!${f.cell ?? ''} 未填日期，该条按本期计入。`,
  LEDGER_NO_DATES: (f) => `采用登记“${f.sheet ?? ''}”没有“日期”列，全部条目按本期计入。`,
  LEDGER_NO_PERIOD: (f) => `得分表标题中没有考评期间，采用登记“${f.sheet ?? ''}”的全部条目均已计入。`,
  LEDGER_UNKNOWN_KIND: (f) => `单元格 ${f.sheet ?? ''}!${f.cell ?? ''} 的采用情况“${f.text}”无法识别，该条未计入；应为县政府采用、市政府采用、省政府采用、约稿或计分表中的一项。`,
  LEDGER_OUTSIDE_PERIOD: (f) => `采用登记“${f.sheet ?? ''}”中有 ${f.count} 条不在${f.period}内，未计入。`,
  ADOPTION_MISMATCH: (f) => `${at(f)}${who(f)} 的采用得分为“${f.found}”，按采用登记和计分表应为 ${f.expected}，将改写为 ${f.expected}。`,
  // #14 year
  PERIOD_HAS_ERRORS: (f) =>
    `工作表“${f.sheet}”（${f.period}）有 ${f.errors} 处错误${f.firstCell ? `（首处在 ${f.firstCell}）` : ''}，请先在该表中修正；修正前不写入年度汇总，确认仍要写入请用 --force（任务窗格中确认写入）。`,
  PERIOD_NOT_RECOGNISED: (f) => `工作表“${f.sheet}”有得分表，但从标题和表名看不出期别（如“2023年7—9月份”“二季度”“2023年5月”），未计入年度汇总。`,
  PERIOD_DUPLICATE: (f) => `工作表“${f.sheet}”与“${f.firstSheet}”是同一期（${f.period}），只计入“${f.firstSheet}”。`,
  UNIT_MISSING_IN_PERIOD: (f) => `${f.unit ?? ''} 不在“${f.sheet}”（${f.period}）中，该期留空。`,
  UNIT_JOINED_IN_PERIOD: (f) => `${f.unit ?? ''} 自“${f.sheet}”（${f.period}）起参加考评，按已有各期计分排名。`,
  UNIT_CATEGORY_CHANGED: (f) => `${f.unit ?? ''} 在“${f.sheet}”（${f.period}）属于“${f.from}”，年度按最新类别“${f.to}”排名。`,
  YEAR_TOO_FEW_PERIODS: (f) => `只找到 ${f.periods} 期得分表，年度汇总需要至少两期才能比较名次变化。`,
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
  BASE_OVER_CAP: (f) => `${atEn(f)}${whoEn(f)}: base score ${f.value} is over the cap for "${f.category}" (at most ${f.cap} points).`,
  BONUS_OVER_CAP: (f) => `${atEn(f)}${whoEn(f)}: bonus ${f.value} is over the cap (at most ${f.cap} points).`,
  OVER_CAP: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is ${f.value}, over the column's cap (at most ${f.cap} points).`,
  SCORE_STEP: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is ${f.value}, not a multiple of ${f.step}.`,
  DUPLICATE_UNIT: (f) => `${atEn(f)}${whoEn(f)} appears twice in "${f.category}" (first at ${f.firstCell}).`,
  UNIT_IN_TWO_CATEGORIES: (f) => `${atEn(f)}${whoEn(f)} is in both "${f.firstCategory}" (${f.firstCell}) and "${f.category}".`,
  EMPTY_UNIT_NAME: (f) => `${atEn(f)}: the row has scores but no unit name; it is not ranked.`,
  TOTAL_MISMATCH: (f) => `${atEn(f)}${whoEn(f)}: total is ${f.found}, should be ${f.expected}.`,
  RANK_MISMATCH: (f) => `${atEn(f)}${whoEn(f)}: rank is ${f.found}, should be ${f.expected}.`,
  FORMULA_OVERWRITE: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" holds the formula ${f.formula}; it is kept, not overwritten.`,
  HIDDEN_ROW: (f) => `${atEn(f)}${whoEn(f)}: the row is hidden or filtered out; it is still ranked.`,
  RULES_SHEET_INVALID: (f) => `Rules sheet ${f.cell ?? ''}: "${f.text}" is not understood; default rules are used.`,
  // #9 reading traps
  FORMULA_NO_VALUE: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" holds the formula ${f.formula} but no calculated value; open and save the file in Excel or WPS, then try again.`,
  TABLE_ENDS_EARLY: (f) => `${atEn(f)}: this note ends the table, but ${f.count} unit-like rows (a name and scores) follow from ${f.unitCell}; they are not ranked. Remove the note or move it below the table.`,
  DOUBTFUL_CATEGORY: (f) => `${atEn(f)}: "${f.category}" has no scores and is taken as a category; if it is a unit, enter its scores or merge the category row's cells.`,
  NUMERIC_TEXT: (f) => `${atEn(f)}${whoEn(f)}: "${f.column}" is the text "${f.text}", read as a number (Excel's SUM skips such text).`,
  EXTRA_COMPONENT: (f) => `${atEn(f)}: column "${f.column}" is added into the total.`,
  HIDDEN_SHEET: (f) => `The ranked sheet "${f.sheet}" is hidden; make sure it is this period's score table.`,
  CELL_TOO_LONG: (f) => `${atEn(f)}${whoEn(f)} holds ${f.length} characters, over Excel's limit of 32,767 per cell; Excel truncates it. Shorten it.`,
  // #13 ledger
  ROSTER_DUPLICATE: (f) => `Cell ${f.sheet ?? ''}!${f.cell ?? ''}: "${f.name}" repeats ${f.firstCell}; the first row is used.`,
  LEDGER_UNKNOWN_UNIT: (f) => `Cell ${f.sheet ?? ''}!${f.cell ?? ''}: unit "${f.name}" is not in the roster; the piece counts for no unit until the name is fixed or added as an alias.`,
  LEDGER_EMPTY_UNIT: (f) => `Cell ${f.sheet ?? ''}!${f.cell ?? ''}: no unit; the piece is not counted.`,
  LEDGER_BAD_DATE: (f) => `Cell ${f.sheet ?? ''}!${f.cell ?? ''}: "${f.text}" is not a date; the piece is not counted. Enter a date such as 2023-07-03.`,
  LEDGER_EMPTY_DATE: (f) => `Cell ${f.sheet ?? ''}!${f.cell ?? ''}: no date; the piece counts in this period.`,
  LEDGER_NO_DATES: (f) => `Ledger "${f.sheet ?? ''}" has no date column; every piece counts in this period.`,
  LEDGER_NO_PERIOD: (f) => `The score sheet's title names no period; every piece of ledger "${f.sheet ?? ''}" counts.`,
  LEDGER_UNKNOWN_KIND: (f) => `Cell ${f.sheet ?? ''}!${f.cell ?? ''}: adoption "${f.text}" is not known; the piece is not counted. Use 县政府采用, 市政府采用, 省政府采用, 约稿 or a row of the points table.`,
  LEDGER_OUTSIDE_PERIOD: (f) => `Ledger "${f.sheet ?? ''}": ${f.count} piece(s) fall outside ${f.period} and are not counted.`,
  ADOPTION_MISMATCH: (f) => `${atEn(f)}${whoEn(f)}: adoption score is "${f.found}"; the ledger and points table give ${f.expected}, which will be written.`,
  // #14 year
  PERIOD_HAS_ERRORS: (f) =>
    `Sheet "${f.sheet}" (${f.period}) has ${f.errors} error(s)${f.firstCell ? ` (first at ${f.firstCell})` : ''}; fix them there first. The year is not written until then, unless you confirm (--force, or confirm in the pane).`,
  PERIOD_NOT_RECOGNISED: (f) => `Sheet "${f.sheet}" holds a score table, but neither its title nor its name gives a period (such as 2023年7—9月份, 二季度, 2023年5月); it is left out of the year.`,
  PERIOD_DUPLICATE: (f) => `Sheet "${f.sheet}" is the same period as "${f.firstSheet}" (${f.period}); only "${f.firstSheet}" counts.`,
  UNIT_MISSING_IN_PERIOD: (f) => `${f.unit ?? ''} is not in "${f.sheet}" (${f.period}); that period is left blank.`,
  UNIT_JOINED_IN_PERIOD: (f) => `${f.unit ?? ''} joined in "${f.sheet}" (${f.period}); it is ranked on the periods it has.`,
  UNIT_CATEGORY_CHANGED: (f) => `${f.unit ?? ''} was in "${f.from}" in "${f.sheet}" (${f.period}); the year ranks it in its latest category "${f.to}".`,
  YEAR_TOO_FEW_PERIODS: (f) => `Only ${f.periods} period sheet(s) found; the year needs at least two to compare ranks.`,
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
    'summary.rankMode.dense': '并列不占位（中国式排名）',
    'summary.section.categories': '一、各类别得分概况',
    'summary.section.top': (p: Params) => `二、各类别前${p.topN}名（含并列）`,
    'summary.section.flags': '三、需关注单位',
    'summary.section.findings': '内部：校验发现（仅供核对，不对外印发）',
    'summary.section.notice': '四、通报文字（可直接复制）',
    'summary.section.chart': '五、各类别累计得分图',
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
    'summary.chartTitle': (p: Params) => `${p.category}累计得分`,
    'summary.footer': '，重新生成时将被替换，请勿在本表中录入数据。',
    // #11 pane
    'summary.errorsWarning': (p: Params) =>
      `注意：生成本表时，来源工作表中有 ${p.count} 处错误（第一处在单元格 ${p.cell}），以下数字和通报文字可能有误，请改正后重新生成。`,
    'summary.pageFooter': '第 &P 页，共 &N 页',
    // #13 ledger
    'summary.section.pieces': '附：政务信息采用条目',
    'summary.col.serial': '序号',
    'summary.col.title': '标题',
    'summary.col.kind': '采用情况',
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
    'summary.rankMode.dense': 'ties share, none skipped (dense ranking, 1,2,2,3)',
    'summary.section.categories': '1. Scores by category',
    'summary.section.top': (p: Params) => `2. Top ${p.topN} per category (ties included)`,
    'summary.section.flags': '3. Units needing attention',
    'summary.section.findings': 'Internal: validation findings (for checking, not for handing out)',
    'summary.section.notice': '4. Notice text (ready to copy)',
    'summary.section.chart': '5. Totals by category',
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
    'summary.chartTitle': (p: Params) => `${p.category}: total per unit`,
    'summary.footer': ' (regenerated by the add-in: do not enter data here).',
    // #11 pane
    'summary.errorsWarning': (p: Params) =>
      `Warning: the source sheet had ${p.count} errors when this was made (the first in cell ${p.cell}); the numbers and notice text below may be wrong. Fix them and build it again.`,
    'summary.pageFooter': 'Page &P of &N',
    // #13 ledger
    'summary.section.pieces': 'Appendix: adopted pieces (政务信息采用条目)',
    'summary.col.serial': 'No.',
    'summary.col.title': 'Title',
    'summary.col.kind': 'Adoption',
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

