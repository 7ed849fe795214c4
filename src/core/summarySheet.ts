/**
 * The 考评汇总 sheet as data: per-category table, top N with ties, flag lists, findings,
 * the notice lines ready to copy, a chart of totals per category, and (last, marked 内部) the
 * findings. Hosts render it (src/excel, src/cli). The notice's words are core/noticeDraft's.
 */
import { centsToNumber } from './decimal';
import { SHEET_FLAG_CODES, type Analysis } from './model';
import { unitsOf } from './units';
import { MAX_CELL_CHARS, type Finding } from './findings';
import { summaryNoticeLines } from './noticeDraft';
import { SUMMARY_MARKER, SUMMARY_SHEET_NAME, type ChartSpec, type SheetSpec, type SpecCell, type SpecStyle } from './sheetSpec';
import type { PeriodContext } from './year';

/** Text the sheet needs, supplied by the caller from src/i18n so the core stays locale-free. */
export interface SummaryText {
  label(key: string, params?: Record<string, string | number>): string;
  finding(f: Finding): string;
}

const WIDTH = 8;
/** Chart rows per unit and around the bars (title, axis): enough for a 12-point label per bar. */
const CHART_ROWS_PER_UNIT = 1.2;
const CHART_ROWS_EXTRA = 5;
const CHART_ROWS_MIN = 8;

/** Excel header/footer codes start with "&": a literal one in the period must be doubled. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/** Call as `buildSummarySheet(analysis, summaryText(locale))` with summaryText from src/i18n. */
export function buildSummarySheet(analysis: Analysis, text: SummaryText, context: PeriodContext | null = null): SheetSpec {
  const rows: SpecCell[][] = [];
  const merges: SheetSpec['merges'] = [];
  const cell = (value: string | number | null, style: SpecStyle): SpecCell => ({ value: typeof value === 'string' && value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS - 1)}…` : value, style });
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
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  // A summary made from a sheet with errors says so where a reader starts, and again beside the
  // notice text, which is what gets pasted into the official document.
  const warning = errors.length > 0 && analysis.scored ? L('summary.errorsWarning', { count: errors.length, cell: errors[0]?.cell ?? '' }) : null;
  wide(L('summary.title', { period }), 'title');
  wide(L('summary.subtitle', { sheet: analysis.sheetName, topN: analysis.rules.topN, mode: L(`summary.rankMode.${analysis.rules.rankMode}`) }), 'subtitle');
  if (warning) wide(warning, 'warning');
  blank();

  const charts: ChartSpec[] = [];
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

    wide(L('summary.section.notice'), 'section');
    if (warning) wide(warning, 'warning');
    // #13 ledger: the whole notice (title, sections 一 to 四) when there is one.
    for (const line of summaryNoticeLines(analysis, context)) for (const part of splitNoticeLine(line)) wide(part, 'notice');
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

    // Each chart reads its data from its category's block of the table at the end of the sheet;
    // its area is reserved rows, tall enough for one readable bar per unit.
    const scored = analysis.scored;
    const withUnits = scored.categories.filter((c) => c.members.length > 0);
    if (withUnits.length > 0) {
      wide(L('summary.section.chart'), 'section');
      const anchors = withUnits.map((c) => {
        const top = rows.length;
        const height = Math.max(CHART_ROWS_MIN, Math.ceil(c.members.length * CHART_ROWS_PER_UNIT) + CHART_ROWS_EXTRA);
        for (let i = 0; i < height; i++) blank();
        return { top, left: 0, bottom: top + height - 1, right: WIDTH - 1 };
      });
      wide(L('summary.section.data'), 'section');
      header(L('summary.col.category'), L('summary.col.rank'), L('summary.col.unit'), L('summary.col.total'), ...movedHeader);
      withUnits.forEach((c, i) => {
        const dataTop = rows.length;
        for (const u of unitsOf(scored, c)) rows.push([cell(c.name, 'text'), cell(u.rank, 'number'), cell(u.name, 'text'), cell(centsToNumber(u.totalCents), 'number'), ...moved(u.name)]);
        const dataBottom = rows.length - 1;
        charts.push({
          title: L('summary.chartTitle', { category: c.name }),
          type: 'BarClustered',
          seriesName: L('summary.col.total'),
          categories: { top: dataTop, left: 2, bottom: dataBottom, right: 2 },
          values: { top: dataTop, left: 3, bottom: dataBottom, right: 3 },
          anchor: anchors[i]!,
        });
      });
      blank();
    }
  }

  // The findings are for the office that checks the table, not for the units it is sent to:
  // they come last, under a heading that says so, after everything that is handed out.
  wide(L('summary.section.findings'), 'internal');
  const shown = analysis.findings.filter((f) => f.severity !== 'info');
  header(L('summary.col.severity'), L('summary.col.cell'), L('summary.col.unit'), L('summary.col.message'));
  for (const f of shown) {
    const row = rows.length;
    rows.push([cell(L(`severity.${f.severity}`), 'text'), cell(f.cell ?? '', 'text'), cell(f.unit ?? '', 'text'), cell(text.finding(f), 'text')]);
    merges.push({ top: row, left: 3, bottom: row, right: WIDTH - 1 });
  }
  if (shown.length === 0) rows.push([cell(L('summary.noProblems'), 'text')]);
  blank();
  wide(`${SUMMARY_MARKER}${L('summary.footer')}`, 'footer');

  return {
    name: SUMMARY_SHEET_NAME,
    // Unit names sit in column C in every table, so it is the wide one; B fits 基础数量不足.
    columnWidths: [20, 13, 26, 10, 10, 9, 12, 11],
    rows,
    merges,
    charts,
    print: {
      paperSize: 'A4',
      orientation: 'portrait',
      fitToWidth: 1,
      header: headerText(L('summary.title', { period })),
      // The page codes (&P, &N) are the point of the footer: its text is not escaped.
      footer: L('summary.pageFooter'),
    },
  };
}

/**
 * #9: the most characters of a notice line in one row of the summary sheet. A merged row
 * across the sheet fits about 55 Chinese characters a line, so 1,000 are about 19 lines, a
 * row of some 340 pt: inside Excel's 409 pt a row and 32,767 characters a cell.
 */
export const NOTICE_ROW_CHARS = 1000;

/**
 * A notice line in pieces of at most NOTICE_ROW_CHARS, cut after a 、 where one is near the end
 * of a piece so no unit's name is split (a 基础数量不足 sentence can name thousands of units).
 */
export function splitNoticeLine(line: string, max = NOTICE_ROW_CHARS): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const comma = rest.lastIndexOf('、', max - 1);
    let cut = comma >= max / 2 ? comma + 1 : max;
    // Never between the halves of a surrogate pair.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}
