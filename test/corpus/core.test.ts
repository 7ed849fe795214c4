import { analyze, buildSummarySheet, FLAG_CODES, planWrites, SUMMARY_MARKER, cellWrites, type Analysis, type CellWrite } from '../../src/core';
import { byCategory } from '../support/units';
import { formatFinding, messagesOf, summaryText } from '../../src/i18n';
import { CASES, NO_TABLE_CODES, type CorpusCase } from './cases';
import { applyPlan, categoriesOf, findingKeys, placementProblems, topOf } from './check';

const byId = CASES.map((c) => [c.id, c] as const);

describe('the corpus itself', () => {
  it('has at least 40 sheets with distinct ids, each expecting a table or a no-table finding', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) {
      const noTable = c.findings.some(([code]) => NO_TABLE_CODES.has(code));
      expect([c.id, noTable]).toEqual([c.id, c.categories === undefined]);
    }
  });
});

describe.each(byId)('corpus case %s through the core', (_id, c: CorpusCase) => {
  let analysis: Analysis;
  beforeAll(() => {
    analysis = analyze(c.grid);
  });

  it('reports exactly the expected findings, each at its cell', () => {
    expect(findingKeys(analysis.findings)).toEqual(c.findings);
    expect(placementProblems(c.grid, analysis.findings)).toEqual([]);
  });

  it('gives the expected categories, totals, ranks, top lists and flags', () => {
    if (c.categories === undefined) {
      expect(analysis.kind).not.toBe('table');
      expect(analysis.table).toBeUndefined();
      expect(analysis.scored).toBeUndefined();
      return;
    }
    expect(categoriesOf(analysis)).toEqual(c.categories);
    if (c.top) expect(topOf(analysis)).toEqual(c.top);
    for (const code of FLAG_CODES) {
      const expected = c.flagged?.[code];
      if (expected) expect([code, analysis.summary!.flagged[code].map((f) => f.unit)]).toEqual([code, expected]);
    }
    if (c.period !== undefined) expect(analysis.layout?.period ?? null).toBe(c.period);
  });

  it('plans writes only into total, rank and flag cells of unit rows, and a second run plans nothing', () => {
    const plan = planWrites(c.grid, analysis, { flagColumn: true });
    const layout = analysis.layout;
    if (!layout) {
      expect(cellWrites(plan)).toEqual([]);
      return;
    }
    const unitRows = new Set(byCategory(analysis.scored).flatMap((cat) => cat.units.map((u) => u.row)));
    const outside = (w: CellWrite) => (w.kind === 'header' ? w.row !== layout.headerRow : !unitRows.has(w.row));
    expect(cellWrites(plan).filter(outside).map((w) => w.address)).toEqual([]);
    // One column per kind, and never a cell that holds the user's total/rank formula.
    for (const kind of ['total', 'rank', 'flag'] as const) {
      expect(new Set(cellWrites(plan).filter((w) => w.kind === kind).map((w) => w.col)).size).toBeLessThanOrEqual(1);
    }
    expect(cellWrites(plan).filter((w) => w.kind !== 'flag' && w.kind !== 'header' && w.before.formula !== null).map((w) => w.address)).toEqual([]);
    expect(cellWrites(plan).filter((w) => Object.is(w.after.value, -0)).map((w) => w.address)).toEqual([]);
    expect(new Set(cellWrites(plan).map((w) => w.address)).size).toBe(cellWrites(plan).length);

    const after = applyPlan(c.grid, plan);
    const again = analyze(after);
    expect(categoriesOf(again)).toEqual(categoriesOf(analysis));
    // Mismatches can remain only where the user's formulas were kept.
    const kept = new Set(analysis.findings.filter((f) => f.code === 'FORMULA_OVERWRITE').map((f) => f.cell));
    const mismatches = again.findings.filter((f) => (f.code === 'TOTAL_MISMATCH' || f.code === 'RANK_MISMATCH') && !kept.has(f.cell));
    expect(findingKeys(mismatches)).toEqual([]);
    expect(cellWrites(planWrites(after, again, { flagColumn: true })).map((w) => w.address)).toEqual([]);
  });

  it('builds the 考评汇总 sheet in both locales, listing every error and warning in Chinese', () => {
    const spec = buildSummarySheet(analysis, summaryText('zh-CN'));
    const texts = spec.rows.flatMap((row) => row.map((cell) => cell.value)).filter((v): v is string => typeof v === 'string');
    for (const f of analysis.findings.filter((x) => x.severity !== 'info')) {
      expect(texts).toContain(formatFinding(f, 'zh-CN'));
    }
    expect(texts[texts.length - 1]!.startsWith(SUMMARY_MARKER)).toBe(true);
    // Every label the English sheet asks for exists in en-US, and no cell shows a raw key.
    const english = summaryText('en-US');
    const asked: string[] = [];
    const enSpec = buildSummarySheet(analysis, { ...english, label: (key, params) => (asked.push(key), english.label(key, params)) });
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((key) => !(key in messagesOf('en-US')))).toEqual([]);
    const enTexts = enSpec.rows.flatMap((row) => row.map((cell) => cell.value)).filter((v): v is string => typeof v === 'string');
    expect(enTexts.filter((v) => v in messagesOf('zh-CN') || /^[a-z]+(\.[A-Za-z0-9]+)+$/.test(v))).toEqual([]);
    const dataRows = spec.charts.reduce((n, chart) => n + chart.values.bottom - chart.values.top + 1, 0);
    expect(dataRows).toBe(analysis.scored ? byCategory(analysis.scored).reduce((n, cat) => n + cat.units.length, 0) : 0);
  });
});
