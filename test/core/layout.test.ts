import { analyze, gridFromRows, type CellValue, type Grid } from '../../src/core';
import { byCategory } from '../support/units';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
const unitsOf = (grid: Grid) =>
  byCategory(analyze(grid).scored!).map((c) => ({ category: c.name, units: c.units.map((u) => [u.name, u.totalCents / 100, u.rank]) }));
const codes = (grid: Grid) => analyze(grid).findings.map((f) => f.code);

describe('detecting the table as offices keep it', () => {
  it('skips title and blank rows above the header and notes below the table', () => {
    const grid = gridFromRows([
      ['2023年第三季度全县政务信息得分情况'],
      [],
      ['制表单位：县政府办公室', null, null, null, '2023-10-08'],
      [],
      HEADER,
      ['一类考评单位'],
      ['农业农村局', 120, 55, 0.7],
      ['商务局', 120, 15, 0],
      [],
      ['注：基础得分上限为 120 分。'],
      ['财政局', 1, 2, 3],
    ]);
    const analysis = analyze(grid);
    expect(analysis.layout!.headerRow).toBe(4);
    expect(analysis.layout!.period).toBe('2023年第三季度');
    expect(unitsOf(grid)).toEqual([{ category: '一类考评单位', units: [['农业农村局', 175.7, 1], ['商务局', 135, 2]] }]);
  });

  it('maps columns by header synonyms, not position, and ignores 序号 and text columns', () => {
    const grid = gridFromRows([
      ['序号', '备注', '报送得分', '单位名称', '加分', '采用分', '名次', '总分'],
      [1, '好', 100, '甲局', 1, 10, null, null],
      [2, '', 110, '乙局', 0, 10, null, null],
    ]);
    const analysis = analyze(grid);
    expect(analysis.layout!.columns.map((c) => [c.col, c.role])).toEqual([
      [0, 'serial'], [2, 'base'], [3, 'unit'], [4, 'bonus'], [5, 'adoption'], [6, 'rank'], [7, 'total'],
    ]);
    expect(unitsOf(grid)[0]!.units).toEqual([['甲局', 111, 2], ['乙局', 120, 1]]);
  });

  it('subtracts 扣分 and adds any other 得分 column, reading its maximum from the header', () => {
    const grid = gridFromRows([
      ['单位', '基础得分', '采用得分', '在线服务得分(9)', '扣分', '合计'],
      ['甲', 100, 10, 9, 2.5, null],
      ['乙', 100, 10, 9.5, 0, null],
    ]);
    const analysis = analyze(grid);
    expect(analysis.layout!.columns.find((c) => c.role === 'component')).toMatchObject({ label: '在线服务得分(9)', maxCents: 900 });
    expect(unitsOf(grid)[0]!.units).toEqual([['甲', 116.5, 2], ['乙', 119.5, 1]]);
    expect(analysis.findings.filter((f) => f.code === 'OVER_CAP').map((f) => f.cell)).toEqual(['D3']);
  });

  it('reads a category column, including a vertically merged one', () => {
    const grid = gridFromRows([
      ['类别', '单位', '基础得分', '采用得分', '附加得分'],
      ['二类考评单位', '公安局', 60, 25, 1.7],
      [null, '司法局', 60, 15, 0.9],
      ['三类考评单位', '残联', 30, 5, 0.1],
    ]);
    grid.merges = [{ top: 1, left: 0, bottom: 2, right: 0 }];
    expect(analyze(grid).layout!.categoryMode).toBe('column');
    expect(unitsOf(grid)).toEqual([
      { category: '二类考评单位', units: [['公安局', 86.7, 1], ['司法局', 75.9, 2]] },
      { category: '三类考评单位', units: [['残联', 35.1, 1]] },
    ]);
  });

  it('treats a sheet with no categories as one category', () => {
    const grid = gridFromRows([HEADER, ['甲', 10, 5, 0], ['乙', 20, 0, 0]]);
    expect(unitsOf(grid)).toEqual([{ category: '全部单位', units: [['甲', 15, 2], ['乙', 20, 1]] }]);
    expect(codes(grid)).toContain('NO_CATEGORY');
  });

  it('matches category names after NFKC and whitespace removal', () => {
    const grid = gridFromRows([HEADER, ['乡镇（街道）'], ['温泉街道', 130, 0, 0]]);
    const analysis = analyze(grid);
    expect(analysis.scored!.categories[0]!.rule?.baseCapCents).toBe(12000);
    expect(codes(grid)).toContain('BASE_OVER_CAP');
    expect(codes(grid)).not.toContain('UNKNOWN_CATEGORY');
  });

  it('reads numbers as clerks type them: numeric text, full-width digits, a 分 suffix', () => {
    const grid = gridFromRows([HEADER, ['甲', '１２０', '15分', ' 0.4 ']]);
    expect(unitsOf(grid)[0]!.units).toEqual([['甲', 135.4, 1]]);
    expect(analyze(grid).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('takes a header merged over two rows from its top cell', () => {
    const grid = gridFromRows([
      ['单位', '得分情况', null, null],
      [null, '基础得分', '采用得分', '附加得分'],
      ['甲', 10, 5, 1],
    ]);
    grid.merges = [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 3 }];
    expect(analyze(grid).layout!.headerRow).toBe(1);
    expect(unitsOf(grid)[0]!.units).toEqual([['甲', 16, 1]]);
  });

  it('reads a table that does not start at A1', () => {
    const rows: CellValue[][] = [HEADER, ['一类考评单位'], ['甲', 120, 5, 0]];
    const grid = gridFromRows(rows, 'S', 3, 2);
    const analysis = analyze(grid);
    expect(byCategory(analysis.scored!)[0]!.units[0]!.row).toBe(5);
    expect(analysis.layout!.columns.find((c) => c.role === 'unit')!.col).toBe(2);
  });

  it('stops at a second table and says so', () => {
    const grid = gridFromRows([HEADER, ['甲', 10, 0, 0], [], HEADER, ['乙', 20, 0, 0]]);
    expect(unitsOf(grid)[0]!.units).toEqual([['甲', 10, 1]]);
    expect(analyze(grid).findings.find((f) => f.code === 'MULTIPLE_TABLES')?.cell).toBe('A4');
  });

  it('skips 合计 rows, however spaced, and keeps units whose names merely start like one', () => {
    const grid = gridFromRows([
      HEADER,
      ['甲', 10, 0, 0],
      ['合计', 10, 0, 0],
      ['合 计', 10, 0, 0],
      ['\u3000平均分', 10, 0, 0],
      ['\u200b总计', 10, 0, 0],
      ['合作社', 5, 0, 0],
      ['小计划局', 4, 0, 0],
    ]);
    expect(unitsOf(grid)[0]!.units).toEqual([['甲', 10, 1], ['合作社', 5, 2], ['小计划局', 4, 3]]);
  });
});
