/**
 * #14 year: the 年度汇总 sheet as data, like 考评汇总 (buildSummarySheet): per category, each
 * unit's total in each period, its 年度累计得分 and rank for the year, its rank movement in the
 * last period and its flags; then the year's findings and the annual notice lines. Hosts render
 * it with the same code as 考评汇总, and recognise it as their own by the SUMMARY_MARKER footer.
 */
import { centsToNumber } from './decimal';
import { SUMMARY_MARKER, YEAR_SHEET_NAME, type SheetSpec, type SpecCell, type SpecStyle } from './sheetSpec';
import type { SummaryText } from './summarySheet';
import { movementText, type Year } from './year';


export function buildYearSheet(year: Year, text: SummaryText): SheetSpec {
  const L = text.label;
  const periods = year.periods;
  // 名次, 单位, one column per period, 年度累计得分, 名次变化, 标记.
  const width = Math.max(6, 5 + periods.length);
  const rows: SpecCell[][] = [];
  const merges: SheetSpec['merges'] = [];
  const cell = (value: string | number | null, style: SpecStyle): SpecCell => ({ value, style });
  const wide = (value: string, style: SpecStyle) => {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
    rows.push([cell(value, style)]);
  };
  const first = periods[0]?.label ?? '';
  const last = periods[periods.length - 1]?.label ?? '';
  wide(L('year.title', { from: first, to: last }), 'title');
  wide(L('year.subtitle', { periods: periods.length, topN: year.topN, mode: L(`summary.rankMode.${year.rankMode}`) }), 'subtitle');
  rows.push([]);

  // A handful of flag sets over thousands of units: each label joined once.
  const flagTexts = new Map<string, string>();
  const flagText = (flags: readonly string[]) => {
    const key = flags.join(',');
    let text = flagTexts.get(key);
    if (text === undefined) flagTexts.set(key, (text = flags.map((f) => L(`summary.flag.${f}`)).join('、')));
    return text;
  };
  year.categories.forEach((category, i) => {
    wide(L('year.section.category', { n: i + 1, category: category.name }), 'section');
    rows.push(
      [L('summary.col.rank'), L('summary.col.unit'), ...periods.map((p) => p.label), L('year.col.total'), L('summary.col.movement'), L('summary.col.flag')].map((h) =>
        cell(h, 'header'),
      ),
    );
    for (const u of category.units) {
      rows.push([
        cell(u.rank, 'number'),
        cell(u.name, 'text'),
        ...u.periods.map((v) => cell(v === null ? null : centsToNumber(v), 'number')),
        cell(centsToNumber(u.totalCents), 'number'),
        cell(movementText(u), 'text'),
        cell(flagText(u.flags), 'text'),
      ]);
    }
    rows.push([]);
  });

  wide(L('year.section.findings'), 'section');
  rows.push([L('summary.col.severity'), L('summary.col.unit'), L('summary.col.message')].map((h) => cell(h, 'header')));
  merges.push({ top: rows.length - 1, left: 2, bottom: rows.length - 1, right: width - 1 });
  const shown = year.findings.filter((f) => f.severity !== 'info');
  for (const f of shown) {
    merges.push({ top: rows.length, left: 2, bottom: rows.length, right: width - 1 });
    rows.push([cell(L(`severity.${f.severity}`), 'text'), cell(f.unit ?? '', 'text'), cell(text.finding(f), 'text')]);
  }
  if (shown.length === 0) rows.push([cell(L('summary.noProblems'), 'text')]);
  rows.push([]);

  wide(L('year.section.notice'), 'section');
  for (const line of year.notice) wide(line, 'notice');
  rows.push([]);
  wide(`${SUMMARY_MARKER}${L('summary.footer')}`, 'footer');

  return {
    name: YEAR_SHEET_NAME,
    columnWidths: [7, 26, ...periods.map(() => 12), 13, 9, 16],
    rows,
    merges,
    charts: [],
    print: { paperSize: 'A4', orientation: 'portrait', fitToWidth: 1, header: L('year.title', { from: first, to: last }).replace(/&/g, '&&'), footer: L('summary.pageFooter') },
  };
}
