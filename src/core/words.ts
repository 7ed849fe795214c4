/**
 * The Chinese words the product writes into a workbook and into the notice: column headers it
 * adds, the flag labels of the 标记 column, the bucket for units before any category row, and the
 * names of the sheets it owns. They are document content of a Chinese office, so they stay the
 * same whatever language the task pane or the CLI report speaks; UI text lives in src/i18n.
 */

/** Headers of the columns a run fills (added after the table when missing). */
export const COLUMN_WORDS: Readonly<Record<'unit' | 'score' | 'total' | 'rank' | 'flag', string>> = { unit: '单位', score: '得分', total: '累计得分', rank: '排名', flag: '标记' };

/** Flag text written into the sheet's 标记 column and into the notice (core/flags declares the flags by these codes). */
export const FLAG_WORDS = {
  ZERO_SUBMISSION: '零报送',
  BELOW_QUOTA: '基础数量不足',
  LOW_QUALITY: '质量待提高',
  REPEAT_ZERO_SUBMISSION: '连续零报送',
} as const;

/** The category of units listed before the first category row. */
export const UNCATEGORISED_WORD = '未分类';
/** The one category of a table that has no category rows or column. */
export const SINGLE_CATEGORY_WORD = '全部单位';

/** Sheets the product writes or reads as settings. */
export const SHEET_WORDS: Readonly<Record<'summary' | 'year' | 'rules', string>> = { summary: '考评汇总', year: '年度汇总', rules: '考评规则' };

/** Between names in one cell or one sentence of a Chinese document (零报送、基础数量不足). */
export const NAME_SEPARATOR = '、';
