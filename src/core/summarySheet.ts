/**
 * The 考评汇总 sheet as data: per-category table, top N with ties, flag lists, findings,
 * the notice lines ready to copy, and a chart of totals. Hosts render it (src/excel, src/cli).
 */
import { centsToNumber } from './decimal';
import { FLAG_CODES, FLAG_LABELS_ZH, type Analysis } from './model';
import type { Finding } from './findings';
import { noticeText } from './notice';
import { SUMMARY_MARKER, SUMMARY_SHEET_NAME, type SheetSpec, type SpecCell, type SpecStyle } from './sheetSpec';

/** Text the sheet needs, supplied by the caller from src/i18n so the core stays locale-free. */
export interface SummaryText {
  label(key: string, params?: Record<string, string | number>): string;
  finding(f: Finding): string;
}

const WIDTH = 8;
const CHART_ROWS = 18;

/** Call as `buildSummarySheet(analysis, summaryText(locale))` with summaryText from src/i18n. */
export function buildSummarySheet(analysis: Analysis, text: SummaryText): SheetSpec {
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

  const summary = analysis.summary;
  const period = summary?.period ?? analysis.layout?.period ?? '';
  wide(L('summary.title', { period }), 'title');
  wide(L('summary.subtitle', { sheet: analysis.sheetName, topN: analysis.rules.topN, mode: L(`summary.rankMode.${analysis.rules.rankMode}`) }), 'subtitle');
  blank();

  let chart: SheetSpec['chart'] = null;
  if (summary && analysis.scored) {
    wide(L('summary.section.categories'), 'section');
    header(L('summary.col.category'), L('summary.col.units'), L('summary.col.mean'), L('summary.col.max'), L('summary.col.min'), ...FLAG_CODES.map((c) => L(`summary.flag.${c}`)));
    for (const c of summary.categories) {
      rows.push([
        cell(c.name, 'text'),
        cell(c.unitCount, 'number'),
        cell(centsToNumber(c.meanCents), 'number'),
        cell(centsToNumber(c.maxCents), 'number'),
        cell(centsToNumber(c.minCents), 'number'),
        ...FLAG_CODES.map((code) => cell(c.flagCounts[code], 'number')),
      ]);
    }
    blank();

    wide(L('summary.section.top', { topN: summary.topN }), 'section');
    header(L('summary.col.category'), L('summary.col.rank'), L('summary.col.unit'), L('summary.col.total'));
    for (const c of summary.categories) {
      for (const u of c.top) rows.push([cell(c.name, 'text'), cell(u.rank, 'number'), cell(u.name, 'text'), cell(centsToNumber(u.totalCents), 'number')]);
    }
    blank();

    wide(L('summary.section.flags'), 'section');
    header(L('summary.col.category'), L('summary.col.flag'), L('summary.col.unit'));
    let anyFlag = false;
    for (const code of FLAG_CODES) {
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
    // #13 ledger: the whole notice (title, sections 一 to 四) when there is one.
    // The flag sentences follow, as before: the clerk copies from them into 四.
    const draft = noticeDraft(analysis);
    const lines = analysis.notice ? [...noticeText(analysis.notice), ...draft.slice(summary.noticeLines.length)] : draft;
    for (const line of lines) wide(line, 'notice');
    blank();
    const ledger = analysis.ledger?.ledger;
    if (ledger) {
      // The pieces as the office attaches them to the notice: counted ones, in ledger order.
      wide(L('summary.section.pieces'), 'section');
      header(L('summary.col.serial'), L('summary.col.unit'), L('summary.col.title'), L('summary.col.kind'));
      let n = 0;
      for (const p of ledger.pieces) {
        if (!p.counted) continue;
        const units = p.names.map((x) => x.unit?.name ?? x.text).join('、');
        rows.push([cell(++n, 'number'), cell(units, 'text'), cell(p.title, 'text'), cell(p.kind, 'text')]);
      }
      if (n === 0) rows.push([cell(L('summary.none'), 'text')]);
      blank();
    }

    // The chart reads its data from the table at the end of the sheet; its area is reserved rows.
    const units = analysis.scored.categories.flatMap((c) => c.units);
    if (units.length > 0) {
      wide(L('summary.section.chart'), 'section');
      const anchorTop = rows.length;
      for (let i = 0; i < CHART_ROWS; i++) blank();
      wide(L('summary.section.data'), 'section');
      header(L('summary.col.category'), L('summary.col.rank'), L('summary.col.unit'), L('summary.col.total'));
      const dataTop = rows.length;
      for (const c of analysis.scored.categories) {
        for (const u of c.units) rows.push([cell(c.name, 'text'), cell(u.rank, 'number'), cell(u.name, 'text'), cell(centsToNumber(u.totalCents), 'number')]);
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
export function noticeDraft(analysis: Analysis): string[] {
  const summary = analysis.summary;
  if (!summary) return [];
  const lines = [...summary.noticeLines];
  for (const code of FLAG_CODES) {
    const units = summary.flagged[code].map((f) => f.unit);
    if (units.length) lines.push(`${FLAG_SENTENCE[code]}${units.join('、')}`);
  }
  return lines;
}

const FLAG_SENTENCE: Record<(typeof FLAG_CODES)[number], string> = {
  ZERO_SUBMISSION: `${FLAG_LABELS_ZH.ZERO_SUBMISSION}单位：`,
  BELOW_QUOTA: `${FLAG_LABELS_ZH.BELOW_QUOTA}单位：`,
  LOW_QUALITY: '报送数量达标但未被采用、信息质量待提高的单位：',
};

