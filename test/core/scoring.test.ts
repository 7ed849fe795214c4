import { analyze, gridFromRows, rankTotals, totalOf, toCents, formatCents, centsToNumber, planWrites, planUndo, sameContent, valueAt, formulaAt, cellWrites, type Grid, type WritePlan } from '../../src/core';
import { byCategory } from '../support/units';

describe('exact decimals', () => {
  it('sums to the cent: 120 + 15 + 0.4 is 135.4', () => {
    const total = totalOf(['base', 'adoption', 'bonus'], [toCents(120)!.cents, toCents(15)!.cents, toCents(0.4)!.cents]);
    expect(centsToNumber(total)).toBe(135.4);
    expect(formatCents(total)).toBe('135.4');
  });

  it('subtracts deductions and counts unusable cells as 0', () => {
    expect(totalOf(['base', 'deduction', 'bonus'], [12000, 250, null])).toBe(11750);
  });

  it('adds 0.1 + 0.2 exactly and keeps -0 out', () => {
    expect(formatCents(toCents(0.1)!.cents + toCents(0.2)!.cents)).toBe('0.3');
    expect(Object.is(centsToNumber(toCents(-0)!.cents), -0)).toBe(false);
  });

  it('ties 160 with 160 however it was summed', () => {
    const grid = gridFromRows([
      ['单位', '基础得分', '采用得分', '附加得分'],
      ['甲', 120, 40, 0],
      ['乙', 95, 65, 0],
      ['丙', 119.9, 40, 0.1],
    ]);
    expect(byCategory(analyze(grid).scored!)[0]!.units.map((u) => u.rank)).toEqual([1, 1, 1]);
  });
});

describe('ranks', () => {
  const totals = [175.7, 165.3, 160, 160, 145.2].map((n) => toCents(n)!.cents);
  it('competition: ties share a rank and the next is skipped (1,2,3,3,5)', () => {
    expect(rankTotals(totals, 'competition')).toEqual([1, 2, 3, 3, 5]);
  });
  it('dense: ties share a rank and none is skipped (1,2,3,3,4)', () => {
    expect(rankTotals(totals, 'dense')).toEqual([1, 2, 3, 3, 4]);
  });
  it('works on unsorted input and when everyone ties', () => {
    expect(rankTotals([10, 30, 20, 30], 'competition')).toEqual([4, 1, 3, 1]);
    expect(rankTotals([5, 5, 5], 'dense')).toEqual([1, 1, 1]);
    expect(rankTotals([], 'competition')).toEqual([]);
  });
  it('ranks within each category and includes every unit tied at the cut in the top N', () => {
    const grid = gridFromRows([
      ['单位', '基础得分', '采用得分', '附加得分'],
      ['一类考评单位'],
      ['甲', 120, 10, 0], ['乙', 120, 5, 0], ['丙', 120, 0, 0], ['丁', 120, 0, 0], ['戊', 100, 0, 0],
      ['二类考评单位'],
      ['子', 60, 0, 0],
    ]);
    const analysis = analyze(grid, { overrides: { rankMode: 'dense' } });
    expect(byCategory(analysis.scored!).map((c) => c.units.map((u) => u.rank))).toEqual([[1, 2, 3, 3, 4], [1]]);
    expect(analysis.summary!.noticeLines[0]).toBe('一类考评单位前3名：甲（130分）、乙（125分）、丙（120分）、丁（120分）');
  });
});

describe('write plan and undo', () => {
  const input = () =>
    gridFromRows([
      ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名', '备注'],
      ['一类考评单位'],
      ['=HYPERLINK("x")', 120, 10, 0, null, null, '保留'],
      ['乙', 0, 0, 0, 999, 1, null],
    ]);

  function apply(grid: Grid, plan: WritePlan): Grid {
    const values = grid.values.map((r) => [...r]);
    const formulas = grid.values.map((r, i) => r.map((_, j) => grid.formulas?.[i]?.[j] ?? null));
    for (const w of cellWrites(plan)) {
      const r = w.row - grid.originRow;
      const c = w.col - grid.originCol;
      while (values[r]!.length <= c) values[r]!.push(null);
      while (formulas[r]!.length <= c) formulas[r]!.push(null);
      values[r]![c] = w.after.value;
      formulas[r]![c] = w.after.formula;
    }
    return { ...grid, values, formulas };
  }

  it('touches only total, rank and flag cells of unit rows, keeps old content, and guards nothing else', () => {
    const grid = input();
    const plan = planWrites(grid, analyze(grid), { flagColumn: false });
    expect(cellWrites(plan).map((w) => [w.address, w.kind, w.before.value, w.after.value])).toEqual([
      ['E3', 'total', null, 130],
      ['E4', 'total', 999, 0],
      ['F3', 'rank', null, 1],
      ['F4', 'rank', 1, 2],
    ]);
    // Column by column, as parallel arrays: one group per column, each with its own kind.
    expect(plan.columns.map((c) => [c.col, c.kind, Array.from(c.rows), c.units])).toEqual([
      [4, 'total', [2, 3], ['=HYPERLINK("x")', '乙']],
      [5, 'rank', [2, 3], ['=HYPERLINK("x")', '乙']],
    ]);
  });

  it('plans nothing, not even an added header, for a table without units', () => {
    const grid = gridFromRows([['单位', '采用得分'], ['累计得分', '单位', 0]]);
    expect(cellWrites(planWrites(grid, analyze(grid), { flagColumn: false }))).toEqual([]);
  });

  it('adds a 标记 column after the table when asked, in the first free column', () => {
    const grid = input();
    const plan = planWrites(grid, analyze(grid), { flagColumn: true });
    expect(cellWrites(plan).filter((w) => w.kind === 'header' || w.kind === 'flag').map((w) => [w.address, w.after.value])).toEqual([
      ['H1', '标记'],
      ['H4', '零报送'],
    ]);
  });

  it('keeps formulas in total cells unless told to overwrite them', () => {
    const grid = input();
    grid.formulas = grid.values.map((r) => r.map(() => null));
    grid.formulas[2]![4] = '=SUM(B3:D3)';
    grid.values[2]![4] = 130;
    expect(cellWrites(planWrites(grid, analyze(grid), { flagColumn: false })).map((w) => w.address)).not.toContain('E3');
    expect(cellWrites(planWrites(grid, analyze(grid), { flagColumn: false, overwriteFormulas: true })).map((w) => w.address)).toContain('E3');
  });

  it('undo after apply gives back the original grid cell for cell; edited cells are left and reported', () => {
    const grid = input();
    const plan = planWrites(grid, analyze(grid), { flagColumn: true });
    const after = apply(grid, plan);
    const undo = planUndo(after, plan);
    expect(undo.conflicts).toEqual([]);
    const back = apply(after, undo.plan);
    for (let r = 0; r < grid.values.length; r++) {
      for (let c = 0; c < 8; c++) {
        expect(sameContent({ value: valueAt(back, r, c), formula: formulaAt(back, r, c) }, { value: valueAt(grid, r, c), formula: formulaAt(grid, r, c) })).toBe(true);
      }
    }
    after.values[2]![4] = 77;
    const partial = planUndo(after, plan);
    expect(partial.conflicts.map((w) => w.address)).toEqual(['E3']);
  });
});

describe('runs one after another', () => {
  // The duplicate-name table is kept from one run to the next (fresh memory is slow to touch):
  // what earlier runs put in it must never show up as, or hide, a duplicate.
  const sheet = (names: string[]) =>
    gridFromRows([['单位', '基础得分', '采用得分', '附加得分'], ['一类考评单位'], ...names.map((name, i) => [name, 120, (i % 7) * 5, 0])]);
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('finds the same duplicates, and only those, however many sheets were analysed before', () => {
    const names = [...many('局', 3000), '局7', '局2999'];
    const first = analyze(sheet(names)).findings.filter((f) => f.code === 'DUPLICATE_UNIT').map((f) => f.cell);
    expect(first).toEqual(['A3003', 'A3004']);
    for (const other of [many('委', 3000), many('办', 3000), many('局', 2500), many('室', 4000)]) {
      expect(analyze(sheet(other)).findings.filter((f) => f.code === 'DUPLICATE_UNIT')).toEqual([]);
    }
    expect(analyze(sheet(names)).findings.filter((f) => f.code === 'DUPLICATE_UNIT').map((f) => f.cell)).toEqual(first);
  });
});
