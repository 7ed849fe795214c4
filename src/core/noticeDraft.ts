/**
 * The quarterly notice draft as the office words it: the top N lines per category, then one
 * sentence per flag (零报送, 基础数量不足, 质量待提高, 连续零报送), and, when the ledger gives
 * the whole notice (core/notice), that notice first. The pane, the summary sheet, the CLI and
 * the Word file all take their lines from here.
 */
import { FLAG_LABELS_ZH, SHEET_FLAG_CODES, type Analysis } from './model';
import { noticeText } from './notice';
import type { PeriodContext } from './year';

/**
 * The notice text the summary sheet carries: the whole notice (title, sections 一 to 四) when the
 * analysis has one, then the flag sentences the clerk copies from into 四; else the draft alone.
 */
export function summaryNoticeLines(analysis: Analysis, context: PeriodContext | null = null): string[] {
  const draft = noticeDraft(analysis, context);
  if (!analysis.notice || !analysis.summary) return draft;
  return [...noticeText(analysis.notice), ...draft.slice(analysis.summary.noticeLines.length)];
}

/** The notice lines (top N per category) followed by the flag sentences, ready to paste. */
export function noticeDraft(analysis: Analysis, context: PeriodContext | null = null): string[] {
  const summary = analysis.summary;
  if (!summary) return [];
  const lines = [...summary.noticeLines];
  for (const code of SHEET_FLAG_CODES) {
    const units = summary.flagged[code].map((f) => (code === 'ZERO_SUBMISSION' ? zeroRunName(f.unit, context) : f.unit));
    if (units.length) lines.push(`${FLAG_SENTENCE[code]}${units.join('、')}`);
  }
  return lines;
}

/** #14 year: "水利局（连续3期）" when the unit was 零报送 in the periods just before this one too. */
function zeroRunName(unit: string, context: PeriodContext | null): string {
  const run = context?.units.get(unit)?.zeroRun ?? 0;
  return run >= 2 ? `${unit}（连续${run}期）` : unit;
}

const FLAG_SENTENCE: Record<(typeof SHEET_FLAG_CODES)[number], string> = {
  ZERO_SUBMISSION: `${FLAG_LABELS_ZH.ZERO_SUBMISSION}单位：`,
  BELOW_QUOTA: `${FLAG_LABELS_ZH.BELOW_QUOTA}单位：`,
  LOW_QUALITY: '报送数量达标但未被采用、信息质量待提高的单位：',
  // #14 year
  REPEAT_ZERO_SUBMISSION: `${FLAG_LABELS_ZH.REPEAT_ZERO_SUBMISSION}单位：`,
};

