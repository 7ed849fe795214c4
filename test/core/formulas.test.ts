/** #11 item 7 写入公式: the plan's live formulas for 累计得分 and 排名, and the values they compute. */
import { analyze, cellWrites, formulaAt, gridFromRows, isOwnFormula, planWrites, valueAt, type CellValue, type CellWrite, type Grid, type WritePlan } from '../../src/core';
import { computeSheet } from '../support/formulaEval';
import { fixtureGrid, publishedUnits } from '../support/fixtures';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];

function planOf(grid: Grid, rankMode: 'competition' | 'dense' = 'competition', formulas = true): WritePlan {
  return planWrites(grid, analyze(grid, { overrides: { rankMode } }), { flagColumn: true, formulas });
}

/** The sheet after the plan is written, every formula computed by a spreadsheet engine. */
function evaluated(grid: Grid, plan: WritePlan): (row: number, col: number) => CellValue {
  const written = new Map<string, CellWrite>();
  let rows = grid.originRow + grid.values.length;
  let cols = grid.originCol + Math.max(0, ...grid.values.map((r) => r.length));
  for (const w of cellWrites(plan)) {
    written.set(`${w.row},${w.col}`, w);
    rows = Math.max(rows, w.row + 1);
    cols = Math.max(cols, w.col + 1);
  }
  return computeSheet(rows, cols, (row, col) => {
    const w = written.get(`${row},${col}`);
    return w ? { formula: w.after.formula, value: w.after.value } : { formula: formulaAt(grid, row, col), value: valueAt(grid, row, col) };
  });
}

/** Unit name → [total, rank] as the formulas compute them. */
function computed(grid: Grid, plan: WritePlan): Map<string, [CellValue, CellValue]> {
  const cell = evaluated(grid, plan);
  const out = new Map<string, [CellValue, CellValue]>();
  for (const w of cellWrites(plan).filter((w) => w.kind === 'total')) out.set(w.unit!, [cell(w.row, w.col), cell(w.row, w.col + 1)]);
  return out;
}

describe('写入公式 on the golden table (merged category rows)', () => {
  const grid = fixtureGrid();
  const plan = planOf(grid);
  const writes = cellWrites(plan);

  it('writes ROUND(SUM) into every 累计得分 and a COUNTIF rank into every 排名, each with the computed value cached', () => {
    const published = publishedUnits();
    const totals = writes.filter((w) => w.kind === 'total');
    const ranks = writes.filter((w) => w.kind === 'rank');
    expect(totals).toHaveLength(47);
    expect(ranks).toHaveLength(47);
    const first = totals[0]!;
    expect(first).toMatchObject({ address: 'E4', after: { formula: '=ROUND(SUM(B4:D4),2)', value: published[0]!.total } });
    // 乡镇(街道) is rows 4..14 (its category row is row 3): the block starts below the category row.
    expect(ranks[0]!.after).toEqual({ formula: '=COUNTIF($E$4:$E$14,">"&E4)+1', value: published[0]!.rank });
    for (const w of [...totals, ...ranks]) expect(w.after.formula).toMatch(/^=/);
    for (const unit of published) {
      expect(totals.find((w) => w.unit === unit.name)!.after.value).toBe(unit.total);
      expect(ranks.find((w) => w.unit === unit.name)!.after.value).toBe(unit.rank);
    }
  });

  it('the published totals and ranks come out of the formulas themselves', () => {
    const values = computed(grid, plan);
    expect(values.size).toBe(47);
    for (const unit of publishedUnits()) expect([unit.name, ...values.get(unit.name)!]).toEqual([unit.name, unit.total, unit.rank]);
  });

  it('no rank block covers a category row', () => {
    const categoryRows = new Set(analyze(grid).layout!.categoryRows.map((c) => c.row + 1));
    for (const w of writes.filter((w) => w.kind === 'rank')) {
      for (const [, a, b] of w.after.formula!.matchAll(/\$E\$(\d+):\$E\$(\d+)/g)) {
        for (let r = Number(a); r <= Number(b); r++) expect(categoryRows.has(r)).toBe(false);
      }
    }
  });

  it('flags stay values', () => {
    const flags = writes.filter((w) => w.kind === 'flag');
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((w) => w.after.formula === null && typeof w.after.value === 'string')).toBe(true);
  });

  it('并列不占位（中国式排名）: SUMPRODUCT/COUNTIF formulas that compute the dense ranks', () => {
    const dense = planOf(grid, 'dense');
    const ranks = cellWrites(dense).filter((w) => w.kind === 'rank');
    expect(ranks[0]!.after.formula).toBe('=SUMPRODUCT(($E$4:$E$14>E4)/(COUNTIF($E$4:$E$14,$E$4:$E$14)))+1');
    const values = computed(grid, dense);
    for (const w of ranks) expect(values.get(w.unit!)![1]).toBe(w.after.value);
  });

  it('values stay the default: without the option nothing is a formula', () => {
    expect(cellWrites(planOf(grid, 'competition', false)).every((w) => w.after.formula === null)).toBe(true);
  });
});

describe('写入公式 on sheets laid out otherwise', () => {
  it('a category split by a blank row and by another category (its category row repeated) counts every part and no gap', () => {
    const grid = gridFromRows([
      HEADER,
      ['一类考评单位'],
      ['甲', 100, 20, 0.4],
      ['乙', 120, 15, 0.4],
      [null],
      ['丙', 120, 15, 0.4],
      ['二类考评单位'],
      ['戊', 50, 5, 0],
      ['己', 55, 0, 0],
      ['一类考评单位'],
      ['丁', 90, 5, 0],
    ]);
    const analysis = analyze(grid);
    expect(analysis.scored!.categories.map((c) => c.members.length)).toEqual([4, 2]);
    const plan = planOf(grid);
    const rank = cellWrites(plan).find((w) => w.kind === 'rank' && w.unit === '丙')!;
    expect(rank.after.formula).toBe('=COUNTIF($E$3:$E$4,">"&E6)+COUNTIF($E$6,">"&E6)+COUNTIF($E$11,">"&E6)+1');
    const values = computed(grid, plan);
    // 120+15+0.4 is 135.4 for the rank formulas too: 乙 and 丙 tie at 1, 甲 is 3rd.
    expect(Object.fromEntries(values)).toEqual({ 甲: [120.4, 3], 乙: [135.4, 1], 丙: [135.4, 1], 丁: [95, 4], 戊: [55, 1], 己: [55, 1] });
    const dense = computed(grid, planOf(grid, 'dense'));
    expect(dense.get('甲')).toEqual([120.4, 2]);
    expect(dense.get('丁')).toEqual([95, 3]);
  });

  it('categories given in a column, their units interleaved: one block per run of each category', () => {
    const grid = gridFromRows([
      ['单位', '类别', '基础得分', '采用得分', '累计得分', '排名'],
      ['甲', '一类', 100, 20],
      ['乙', '二类', 50, 5],
      ['丙', '一类', 110, 0],
      ['丁', '二类', 60, 5],
    ]);
    const plan = planOf(grid);
    const values = computed(grid, plan);
    expect(Object.fromEntries(values)).toEqual({ 甲: [120, 1], 丙: [110, 2], 乙: [55, 2], 丁: [65, 1] });
    expect(cellWrites(plan).find((w) => w.kind === 'total' && w.unit === '甲')!.after.formula).toBe('=ROUND(SUM(C2:D2),2)');
  });

  it('a deduction column is taken off, and components that are not adjacent are listed', () => {
    const grid = gridFromRows([
      ['单位', '基础得分', '备注', '采用得分', '扣分', '累计得分', '排名'],
      ['甲', 100, 'x', 20, 5],
      ['乙', 90, null, 5, 0],
    ]);
    const plan = planOf(grid);
    const total = cellWrites(plan).find((w) => w.kind === 'total' && w.unit === '甲')!;
    expect(total.after).toEqual({ formula: '=ROUND(SUM(B2,D2)-SUM(E2),2)', value: 115 });
    expect(computed(grid, plan).get('甲')).toEqual([115, 1]);
  });
});

describe('a score kept as text', () => {
  it('is added with + (which takes "15" as 15, as the core counts it) instead of SUM (which skips it)', () => {
    const grid = gridFromRows([HEADER, ['甲', 100, '15', 0.4], ['乙', 110, 5, 0]]);
    const plan = planOf(grid);
    const total = cellWrites(plan).find((w) => w.kind === 'total' && w.unit === '甲')!;
    expect(total.after).toEqual({ formula: '=ROUND(B2+C2+D2,2)', value: 115.4 });
    expect(cellWrites(plan).find((w) => w.kind === 'total' && w.unit === '乙')!.after.formula).toBe('=ROUND(SUM(B3:D3),2)');
    expect(computed(grid, plan).get('甲')).toEqual([115.4, 1]);
    expect(isOwnFormula('total', '=ROUND(B2+C2+D2,2)')).toBe(true);
    expect(isOwnFormula('total', '=ROUND(B2+C2-E2,2)')).toBe(true);
    expect(isOwnFormula('total', '=B2+C2+D2')).toBe(false);
  });
});

describe('a sheet that already holds our formulas', () => {
  const base = fixtureGrid();
  const first = planOf(base);

  /** The fixture with the plan's formulas in it, with their cached values or (a file saved by a script) without. */
  function withFormulas(cached: boolean): Grid {
    const grid: Grid = { ...base, values: base.values.map((r) => [...r]), formulas: base.values.map(() => undefined) };
    for (const w of cellWrites(first)) {
      const r = w.row - grid.originRow;
      const row = grid.values[r]!;
      row[w.col] = cached || w.after.formula === null ? w.after.value : null;
      if (w.after.formula) (grid.formulas![r] ??= new Array<string | null>(row.length).fill(null))[w.col] = w.after.formula;
    }
    return grid;
  }

  it('reads as correct and plans no write, with or without cached values', () => {
    for (const cached of [true, false]) {
      const grid = withFormulas(cached);
      const analysis = analyze(grid);
      // No mismatch, and no 已保留公式 warning: the formulas are the product's own output.
      expect(analysis.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(cellWrites(planWrites(grid, analysis, { flagColumn: true, formulas: true }))).toEqual([]);
    }
  });

  it('in values mode the formulas (live, and right) are kept as a user\'s are', () => {
    expect(cellWrites(planOf(withFormulas(true), 'competition', false))).toEqual([]);
  });

  it('our formula gone stale (a block that misses a unit) is replaced; a user\'s own formula is kept', () => {
    const grid = withFormulas(true);
    const r = 3 - grid.originRow; // E4/F4, the first unit
    grid.formulas![r]![5] = '=COUNTIF($E$4:$E$13,">"&E4)+1';
    grid.formulas![r + 1]![4] = '=B5+C5+D5';
    const analysis = analyze(grid);
    // The user's formula is kept and said so; our stale one is not a user's formula.
    expect(analysis.findings.filter((f) => f.code === 'FORMULA_OVERWRITE').map((f) => f.cell)).toEqual(['E5']);
    const writes = cellWrites(planOf(grid));
    expect(writes.map((w) => [w.address, w.before.formula, w.after.formula])).toEqual([['F4', '=COUNTIF($E$4:$E$13,">"&E4)+1', '=COUNTIF($E$4:$E$14,">"&E4)+1']]);
  });
});
