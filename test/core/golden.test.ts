import { analyze, centsToNumber, planWrites, cellWrites, type Grid } from '../../src/core';
import { byCategory } from '../support/units';
import { EXPECTED_FLAGS, fixtureGrid, noticeLines, publishedUnits } from '../support/fixtures';

function unitsOf(grid: Grid) {
  const analysis = analyze(grid);
  return { analysis, units: byCategory(analysis.scored!).flatMap((c) => c.units.map((u) => ({ ...u, category: c.name }))) };
}

describe('the real 温县 2023 Q3 table', () => {
  const published = publishedUnits();

  it('gives every published total and rank from the blank input', () => {
    const { analysis, units } = unitsOf(fixtureGrid(false));
    expect(analysis.layout?.period).toBe('2023年7—9月份');
    expect(byCategory(analysis.scored!).map((c) => [c.name, c.units.length])).toEqual([
      ['乡镇(街道)', 11],
      ['一类考评单位', 19],
      ['二类考评单位', 11],
      ['三类考评单位', 6],
    ]);
    expect(units.map((u) => ({ category: u.category, name: u.name, total: centsToNumber(u.totalCents), rank: u.rank }))).toEqual(
      published.map((p) => ({ category: p.category, name: p.name, total: p.total, rank: p.rank })),
    );
  });

  it('finds no errors and no mismatches in the published table', () => {
    const { analysis } = unitsOf(fixtureGrid(true));
    expect(analysis.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('flags exactly the units the fixtures README lists', () => {
    const { analysis } = unitsOf(fixtureGrid(false));
    const names = (code: keyof typeof EXPECTED_FLAGS) => analysis.summary!.flagged[code].map((f) => f.unit);
    expect(names('ZERO_SUBMISSION')).toEqual(EXPECTED_FLAGS.ZERO_SUBMISSION);
    expect(names('LOW_QUALITY')).toEqual(EXPECTED_FLAGS.LOW_QUALITY);
    expect(names('BELOW_QUOTA')).toEqual(EXPECTED_FLAGS.BELOW_QUOTA);
  });

  it('writes the notice lines exactly as published', () => {
    const { analysis } = unitsOf(fixtureGrid(false));
    expect(analysis.summary!.noticeLines).toEqual(noticeLines());
  });

  it('plans totals, ranks and flags for every unit and nothing else; a second run plans nothing', () => {
    const input = fixtureGrid(false);
    const analysis = analyze(input);
    const plan = planWrites(input, analysis, { flagColumn: true });
    const kinds = new Set(cellWrites(plan).map((w) => w.kind));
    expect(kinds).toEqual(new Set(['total', 'rank', 'flag', 'header']));
    expect(cellWrites(plan).filter((w) => w.kind === 'total')).toHaveLength(published.length);
    expect(cellWrites(plan).filter((w) => w.kind === 'header').map((w) => [w.address, w.after.value])).toEqual([['G2', '标记']]);
    // The input's total, rank and 标记 cells are all empty: no column keeps a list of old contents.
    expect(plan.columns.map((c) => [c.kind, c.before])).toEqual([['header', null], ['total', null], ['rank', null], ['flag', null]]);
    expect(cellWrites(plan).every((w) => w.before.value === null && w.before.formula === null)).toBe(true);

    const applied = fixtureGrid(false);
    for (const w of cellWrites(plan)) {
      const row = applied.values[w.row]!;
      while (row.length <= w.col) row.push(null);
      row[w.col] = w.after.value;
    }
    expect(cellWrites(planWrites(applied, analyze(applied), { flagColumn: true }))).toEqual([]);
  });
});
