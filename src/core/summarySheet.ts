import type { Analysis } from './model';
import type { SheetSpec } from './sheetSpec';
import type { Locale } from '../i18n';

/** The 考评汇总 sheet: per-category table, top N with ties, flag lists, findings, notice lines, chart. */
export function buildSummarySheet(analysis: Analysis, locale: Locale = 'zh-CN'): SheetSpec {
  void analysis; void locale;
  throw new Error('not implemented yet');
}
