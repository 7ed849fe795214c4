/**
 * The 考评汇总 sheet as data: per-category table, top N with ties, flag lists, findings,
 * the notice lines ready to copy, and a chart of totals. Hosts render it (src/excel, src/cli).
 */
import { centsToNumber } from './decimal';
import { SHEET_FLAG_CODES, FLAG_LABELS_ZH, type Analysis } from './model';
import type { Finding } from './findings';
import { SUMMARY_MARKER, SUMMARY_SHEET_NAME, type SheetSpec, type SpecCell, type SpecStyle } from './sheetSpec';
import type { PeriodContext } from './year';

/** Text the sheet needs, supplied by the caller from src/i18n so the core stays locale-free. */
export interface SummaryText {
  label(key: string, params?: Record<string, string | number>): string;
  finding(f: Finding): string;
}

const WIDTH = 8;
const CHART_ROWS = 18;

/** Call as `buildSummarySheet(analysis, summaryText(locale))` with summaryText from src/i18n. */
export function buildSummarySheet(analysis: Analysis, text: SummaryText, context: PeriodContext | null = null): SheetSpec {
  const rows: SpecCell[][] = [];
  const merges: SheetSpec['merges'] = [];
  const cell = (value: string | number | null, style: SpecStyle): SpecCell => ({ value, style });
  const wide = (value: string, style: SpecStyle) => {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: WIDTH - 1 });
    rows.push([cell(value, style)]);
  };
  const blank = () => rows.push([]);
  const header = (...labels: string[]) => rows.push(labels.map((l) => cell(l, 'header')));
  const L = text.label;
  // #14 year: with the previous period in the workbook, each unit's rank movement beside it.
  const moved = (name: string) => (context ? [cell(context.units.get(name)?.text ?? '', 'text')] : []);
  const movedHeader = context ? [L('summary.col.movement')] : [];

  const summary = analysis.summary;
  const period = summary?.period ?? analysis.layout?.period ?? '';
  wide(L('summary.title', { period }), 'title');
  wide(L('summary.subtitle', { sheet: analysis.sheetName, topN: analysis.rules.topN, mode: L(`summary.rankMode.${analysis.rules.rankMode}`) }), 'subtitle');
  blank();

  let chart: SheetSpec['chart'] = null;
  if (summary && analysis.scored) {
    wide(L('summary.section.categories'), 'section');
    header(L('summary.col.category'), L('summary.col.units'), L('summary.col.mean'), L('summary.col.max'), L('summary.col.min'), ...SHEET_FLAG_CODES.map((c) => L(`summary.flag.${c}`)));
    for (const c of summary.categories) {
      rows.push([
        cell(c.name, 'text'),
        cell(c.unitCount, 'number'),
        cell(centsToNumber(c.meanCents), 'number'),
        cell(centsToNumber(c.maxCents), 'number'),
        cell(centsToNumber(c.minCents), 'number'),
        ...SHEET_FLAG_CODES.map((code) => cell(c.flagCounts[code], 'number')),
      ]);
    }
    blank();

    wide(L('summary.section.top', { topN: summary.topN }), 'section');
    header(L('summary.col.category'), L('summary.col.rank'), L('summary.col.unit'), L('summary.col.total'), ...movedHeader);
    for (const c of summary.categories) {
      for (const u of c.top) rows.push([cell(c.name, 'text'), cell(u.rank, 'number'), cell(u.name, 'text'), cell(centsToNumber(u.totalCents), 'number'), ...moved(u.name)]);
    }
    blank();

    wide(L('summary.section.flags'), 'section');
    header(L('summary.col.category'), L('summary.col.flag'), L('summary.col.unit'));
    let anyFlag = false;
    for (const code of SHEET_FLAG_CODES) {
      for (const f of summary.flagged[code]) {
        anyFlag = true;
        rows.push([cell(f.category, 'text'), cell(L(`summary.flag.${code}`), 'text'), cell(f.unit, 'text')]);
      }
    }
    if (!anyFlag) rows.push([cell(L('summary.none'), 'text')]);
    blank();
  }

  wide(L('summary.section.findings'), 'section');
  const shown = analysis.findings.filter((f) => f.severity !== 'info');
  header(L('summary.col.severity'), L('summary.col.cell'), L('summary.col.unit'), L('summary.col.message'));
  for (const f of shown) {
    const row = rows.length;
    rows.push([cell(L(`severity.${f.severity}`), 'text'), cell(f.cell ?? '', 'text'), cell(f.unit ?? '', 'text'), cell(text.finding(f), 'text')]);
    merges.push({ top: row, left: 3, bottom: row, right: WIDTH - 1 });
  }
  if (shown.length === 0) rows.push([cell(L('summary.noProblems'), 'text')]);
  blank();

  if (summary && analysis.scored) {
    wide(L('summary.section.notice'), 'section');
    for (const line of noticeDraft(analysis, context)) wide(line, 'notice');
    blank();

    // The chart reads its data from the table at the end of the sheet; its area is reserved rows.
    const units = analysis.scored.categories.flatMap((c) => c.units);
    if (units.length > 0) {
      wide(L('summary.section.chart'), 'section');
      const anchorTop = rows.length;
      for (let i = 0; i < CHART_ROWS; i++) blank();
      wide(L('summary.section.data'), 'section');
      header(L('summary.col.category'), L('summary.col.rank'), L('summary.col.unit'), L('summary.col.total'), ...movedHeader);
      const dataTop = rows.length;
      for (const c of analysis.scored.categories) {
        for (const u of c.units) rows.push([cell(c.name, 'text'), cell(u.rank, 'number'), cell(u.name, 'text'), cell(centsToNumber(u.totalCents), 'number'), ...moved(u.name)]);
      }
      const dataBottom = rows.length - 1;
      chart = {
        title: L('summary.chartTitle'),
        seriesName: L('summary.col.total'),
        categories: { top: dataTop, left: 2, bottom: dataBottom, right: 2 },
        values: { top: dataTop, left: 3, bottom: dataBottom, right: 3 },
        anchor: { top: anchorTop, left: 0, bottom: anchorTop + CHART_ROWS - 1, right: WIDTH - 1 },
      };
      blank();
    }
  }
  wide(`${SUMMARY_MARKER}${L('summary.footer')}`, 'footer');

  return {
    name: SUMMARY_SHEET_NAME,
    // Unit names sit in column C in every table, so it is the wide one; B fits 基础数量不足.
    columnWidths: [20, 13, 26, 10, 10, 9, 12, 11],
    rows,
    merges,
    chart,
    print: { paperSize: 'A4', orientation: 'portrait', fitToWidth: 1 },
  };
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

