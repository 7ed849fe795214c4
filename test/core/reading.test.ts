/**
 * #9 "Reading traps": sheets that real offices (and scripts) make, each read right or stopped
 * with a finding that names the cell. Every grid is built here.
 */
import { byCategory } from '../support/units';
import {
  summaryNoticeLines,
  analyze,
  buildSummarySheet,
  gridFromRows,
  normalizeName,
  noticeDraft,
  parseScore,
  pickScoreSheet,
  splitNoticeLine,
  MAX_CELL_CHARS,
  NOTICE_ROW_CHARS,
  type Analysis,
  type CellValue,
  type FindingCode,
  type Grid,
} from '../../src/core';
import { summaryText } from '../../src/i18n';

const H = ['单位', '基础得分', '采用得分', '附加得分'];
const ONE = '一类考评单位';
const TWO = '二类考评单位';

/** Category name -> [unit, total] in sheet order. */
function ranked(analysis: Analysis): Array<[string, Array<[string, number]>]> {
  return (byCategory(analysis.scored!) ?? []).map((c) => [c.name, c.units.map((u) => [u.name, u.totalCents / 100] as [string, number])]);
}

const codes = (analysis: Analysis, code: FindingCode) => analysis.findings.filter((f) => f.code === code).map((f) => ({ cell: f.cell, severity: f.severity }));

function withFormulas(grid: Grid, cells: Array<[row: number, col: number, formula: string]>): Grid {
  const formulas = grid.values.map((r) => r.map(() => null as string | null));
  for (const [row, col, formula] of cells) formulas[row]![col] = formula;
  return { ...grid, formulas };
}

describe('1. a formula saved without its calculated value', () => {
  // How openpyxl and pandas save formulas: the formula is there, the cached value is not.
  const grid = withFormulas(gridFromRows([H, [ONE], ['甲', null, 40, 0], ['乙', 120, 10, 0], ['丙', 110, 5, 0]]), [[2, 1, '=60*2']]);

  it('is an error naming the cell, not an empty score counted 0', () => {
    const analysis = analyze(grid);
    expect(codes(analysis, 'FORMULA_NO_VALUE')).toEqual([{ cell: 'B3', severity: 'error' }]);
    expect(codes(analysis, 'EMPTY_SCORE')).toEqual([]);
    expect(analysis.findings.find((f) => f.code === 'FORMULA_NO_VALUE')).toMatchObject({ formula: '=60*2', unit: '甲', column: '基础得分' });
  });

  it('is not taken for an empty score when the formula showed the empty text', () => {
    const calculated = withFormulas(gridFromRows([H, [ONE], ['甲', 120, 40, 0], ['乙', 120, 10, 0]]), [[3, 3, '=IF(1,"","")']]);
    calculated.values[3]![3] = '';
    const analysis = analyze(calculated);
    expect(codes(analysis, 'FORMULA_NO_VALUE')).toEqual([]);
    expect(codes(analysis, 'EMPTY_SCORE')).toEqual([{ cell: 'D4', severity: 'warning' }]);
  });

  it('keeps a unit whose every score is such a formula a unit, even one named like a category', () => {
    const g = withFormulas(gridFromRows([H, [ONE], ['甲', 120, 40, 0], ['县委巡察组'], ['乙', 120, 10, 0]]), [
      [3, 1, '=B3'],
      [3, 2, '=C3'],
      [3, 3, '=D3'],
    ]);
    const analysis = analyze(g);
    expect(ranked(analysis).map(([name, units]) => [name, units.map(([u]) => u)])).toEqual([[ONE, ['甲', '县委巡察组', '乙']]]);
    expect(codes(analysis, 'FORMULA_NO_VALUE').map((f) => f.cell)).toEqual(['B4', 'C4', 'D4']);
  });
});

describe('2. unit names beginning with *, ※ or 注', () => {
  it('are units when the row is shaped like one, and the units after them are ranked', () => {
    const grid = gridFromRows([
      H,
      [ONE],
      ['甲', 120, 10, 0],
      ['*县委办', 120, 15, 0],
      ['※统计局', 115, 5, 0],
      ['注册登记服务中心', 110, 5, 0],
      ['*水利局', '未报送', 0, 0],
      ['乙', 100, 5, 0],
      ['注：基础得分上限为 120 分。'],
    ]);
    const analysis = analyze(grid);
    expect(ranked(analysis)[0]![1].map(([u]) => u)).toEqual(['甲', '*县委办', '※统计局', '注册登记服务中心', '*水利局', '乙']);
    expect(codes(analysis, 'NOT_A_NUMBER').map((f) => f.cell)).toEqual(['B7']);
    expect(codes(analysis, 'TABLE_ENDS_EARLY')).toEqual([]);
  });

  it('a note that ends the table while unit-shaped rows follow is an error at the note', () => {
    const grid = gridFromRows([H, [ONE], ['甲', 120, 10, 0], ['注：以下为补报单位'], ['乙', 100, 5, 0], ['丙', 90, 5, 0], ['填表人：张三']]);
    const analysis = analyze(grid);
    expect(codes(analysis, 'TABLE_ENDS_EARLY')).toEqual([{ cell: 'A4', severity: 'error' }]);
    expect(analysis.findings.find((f) => f.code === 'TABLE_ENDS_EARLY')).toMatchObject({ unitCell: 'A5', count: 2 });
  });
});

describe('3. units ending in 组 or holding 类, with blank scores', () => {
  it('stay units when the categories are merged rows', () => {
    const grid = gridFromRows([H, [ONE], ['甲', 120, 10, 0], ['县委巡察组'], ['乙', 100, 5, 0], [TWO], ['丙', 60, 5, 0]]);
    grid.merges = [
      { top: 1, left: 0, bottom: 1, right: 3 },
      { top: 5, left: 0, bottom: 5, right: 3 },
    ];
    const analysis = analyze(grid);
    expect(ranked(analysis)).toEqual([
      [ONE, [['甲', 130], ['县委巡察组', 0], ['乙', 105]]],
      [TWO, [['丙', 65]]],
    ]);
    expect(codes(analysis, 'EMPTY_SCORE').map((f) => f.cell)).toEqual(['B4', 'C4', 'D4']);
    expect(codes(analysis, 'UNKNOWN_CATEGORY')).toEqual([]);
  });

  it('stay units when the categories are known names, merged or not', () => {
    const grid = gridFromRows([H, [ONE], ['甲', 120, 10, 0], ['城市垃圾分类工作领导小组办公室'], ['乙', 100, 5, 0], [TWO], ['丙', 60, 5, 0]]);
    const analysis = analyze(grid);
    expect(ranked(analysis).map(([name, units]) => [name, units.map(([u]) => u)])).toEqual([
      [ONE, ['甲', '城市垃圾分类工作领导小组办公室', '乙']],
      [TWO, ['丙']],
    ]);
  });

  it('stay units on a sheet without categories', () => {
    const analysis = analyze(gridFromRows([H, ['甲', 120, 10, 0], ['县委巡察组'], ['乙', 100, 5, 0]]));
    expect(ranked(analysis).map(([name, units]) => [name, units.map(([u]) => u)])).toEqual([['全部单位', ['甲', '县委巡察组', '乙']]]);
    expect(codes(analysis, 'UNIT_BEFORE_CATEGORY')).toEqual([]);
  });

  it('are categories only when nothing else marks one and they head the table, and that guess is a finding', () => {
    const analysis = analyze(gridFromRows([H, ['第一考评组'], ['甲', 120, 10, 0], ['第二考评组'], ['乙', 100, 5, 0]]));
    expect(ranked(analysis).map(([name, units]) => [name, units.map(([u]) => u)])).toEqual([
      ['第一考评组', ['甲']],
      ['第二考评组', ['乙']],
    ]);
    expect(codes(analysis, 'DOUBTFUL_CATEGORY')).toEqual([
      { cell: 'A2', severity: 'warning' },
      { cell: 'A4', severity: 'warning' },
    ]);
  });
});

describe('4. ambiguous numeric text', () => {
  it('is not a number: inner spaces, commas out of their groups, a full-width comma', () => {
    const grid = gridFromRows([H, [ONE], ['甲', '1 5', '1,2,0', '2，0'], ['乙', '12,00', 5, 0]]);
    const analysis = analyze(grid);
    expect(codes(analysis, 'NOT_A_NUMBER').map((f) => f.cell)).toEqual(['B3', 'C3', 'D3', 'B4']);
    expect(ranked(analysis)[0]![1]).toEqual([['甲', 0], ['乙', 5]]);
  });

  it('accepts thousands separators only in proper groups', () => {
    expect(parseScore('1,200')).toMatchObject({ kind: 'number', cents: 120000, fromText: true });
    expect(parseScore('1,200.5')).toMatchObject({ kind: 'number', cents: 120050 });
    expect(parseScore('12,000,0')).toMatchObject({ kind: 'text' });
    expect(parseScore(' 115 ')).toMatchObject({ kind: 'number', cents: 11500 });
  });

  it('that is read (１２０, 15分) counts and gets an info finding, since Excel’s SUM skips it', () => {
    const analysis = analyze(gridFromRows([H, [ONE], ['甲', '１２０', '15分', 0.5]]));
    expect(ranked(analysis)).toEqual([[ONE, [['甲', 135.5]]]]);
    expect(codes(analysis, 'NUMERIC_TEXT')).toEqual([
      { cell: 'B3', severity: 'info' },
      { cell: 'C3', severity: 'info' },
    ]);
  });
});

describe('5. invisible characters in unit names', () => {
  const marks: Array<[string, string]> = [
    ['LRM', '统\u200E计局'],
    ['RLM', '统计局\u200F'],
    ['bidi embedding', '\u202A统计局\u202C'],
    ['bidi override', '\u202E统计局\u202C'],
    ['bidi isolate', '\u2066统计局\u2069'],
    ['variation selector', '统\uFE00计局'],
    ['variation selector supplement', '统\u{E0100}计局'],
    ['combining grapheme joiner', '统\u034F计局'],
    ['Arabic letter mark', '\u061C统计局'],
    ['Mongolian vowel separator', '统计局\u180E'],
  ];

  it.each(marks)('%s: the same unit for duplicates and lookups', (_what, name) => {
    expect(normalizeName(name)).toBe('统计局');
    const analysis = analyze(gridFromRows([H, [ONE], ['统计局', 120, 10, 0], [name, 100, 5, 0]]));
    expect(codes(analysis, 'DUPLICATE_UNIT').map((f) => f.cell)).toEqual(['A4']);
  });
});

describe('6. extra 得分 columns', () => {
  it.each(['全年累计得分', '上季度得分', '年度得分', '上期得分', '全年得分'])('a %s column is not added into the total', (header) => {
    const analysis = analyze(gridFromRows([[...H, header], [ONE], ['甲', 120, 15, 1, 400]]));
    expect(ranked(analysis)).toEqual([[ONE, [['甲', 136]]]]);
    expect(codes(analysis, 'EXTRA_COMPONENT')).toEqual([]);
  });

  it('every other 得分 column the total includes is named in an info finding', () => {
    const analysis = analyze(gridFromRows([[...H, '在线服务得分', '全年累计得分', '创新工作得分'], [ONE], ['甲', 120, 15, 1, 5, 400, 3]]));
    expect(ranked(analysis)).toEqual([[ONE, [['甲', 144]]]]);
    expect(analysis.findings.filter((f) => f.code === 'EXTRA_COMPONENT').map((f) => [f.cell, f.severity, (f as { column?: string }).column])).toEqual([
      ['E1', 'info', '在线服务得分'],
      ['G1', 'info', '创新工作得分'],
    ]);
  });
});

describe('7. which sheet is ranked', () => {
  const table = (name: string, unit: string): Grid => gridFromRows([H, [ONE], [unit, 120, 10, 0]], name);
  const notes = gridFromRows([['说明'], ['本工作簿为三季度考评']], '说明');

  it('the active sheet first, then the first visible one; a hidden one only when nothing else has a table', () => {
    expect(pickScoreSheet([notes, { ...table('二季度', '甲'), hidden: true }, table('三季度', '乙')])).toBe(2);
    expect(pickScoreSheet([table('二季度', '甲'), { ...table('三季度', '乙'), active: true }])).toBe(1);
    expect(pickScoreSheet([table('二季度', '甲'), { ...table('三季度', '乙'), active: true, hidden: true }])).toBe(0);
    expect(pickScoreSheet([notes, { ...table('二季度', '甲'), hidden: true }])).toBe(1);
  });

  it('ranking a hidden sheet is a finding', () => {
    const analysis = analyze({ ...table('二季度', '甲'), hidden: true });
    expect(analysis.findings.filter((f) => f.code === 'HIDDEN_SHEET').map((f) => [f.severity, (f as { sheet?: string }).sheet])).toEqual([['warning', '二季度']]);
    expect(codes(analyze(table('三季度', '乙')), 'HIDDEN_SHEET')).toEqual([]);
  });
});

describe("8. Excel's limits", () => {
  it('an input cell longer than 32,767 characters is an error naming it', () => {
    const long = '某'.repeat(MAX_CELL_CHARS + 1);
    const analysis = analyze(gridFromRows([H, [ONE], [long, 120, 10, 0], ['乙', 'x'.repeat(40000), 0, 0]]));
    expect(codes(analysis, 'CELL_TOO_LONG')).toEqual([
      { cell: 'A3', severity: 'error' },
      { cell: 'B4', severity: 'error' },
    ]);
    // The 40,000 characters are not repeated into another finding's message.
    expect(codes(analysis, 'NOT_A_NUMBER')).toEqual([]);
  });

  it('a notice line naming 3,000 units is split over rows, each cell inside the limits, nothing lost', () => {
    const rows: CellValue[][] = [H, [ONE]];
    for (let i = 0; i < 3000; i++) rows.push([`第${i + 1}号乡镇人民政府办公室`, 60, 5, 0]);
    const analysis = analyze(gridFromRows(rows));
    const sentence = noticeDraft(analysis).find((line) => line.startsWith('基础数量不足'))!;
    expect(sentence.length).toBeGreaterThan(MAX_CELL_CHARS);

    const spec = buildSummarySheet(analysis, summaryText('zh-CN'));
    const notice = spec.rows.map((r) => r[0]).filter((c) => c?.style === 'notice').map((c) => String(c!.value));
    expect(notice.join('')).toBe(summaryNoticeLines(analysis).join(''));
    expect(notice.length).toBeGreaterThan(summaryNoticeLines(analysis).length + 30);
    expect(Math.max(...notice.map((line) => line.length))).toBeLessThanOrEqual(NOTICE_ROW_CHARS);
    const longest = Math.max(...spec.rows.flatMap((row) => row.map((c) => (typeof c.value === 'string' ? c.value.length : 0))));
    expect(longest).toBeLessThanOrEqual(MAX_CELL_CHARS);
    // Cut after a 、, never inside a unit's name: every piece of the sentence but its last ends in one.
    const pieces = notice.slice(notice.findIndex((line) => line.startsWith('基础数量不足')));
    expect(pieces.slice(0, -1).filter((line) => !line.endsWith('、'))).toEqual([]);
    expect(pieces.join('')).toBe(sentence);
  });

  it('splitNoticeLine keeps short lines whole and never splits a surrogate pair', () => {
    expect(splitNoticeLine('前3名：甲、乙')).toEqual(['前3名：甲、乙']);
    const astral = '𠮷'.repeat(15);
    const parts = splitNoticeLine(astral, 10);
    expect(parts.join('')).toBe(astral);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(10);
    for (const p of parts) expect([...p].every((ch) => ch === '𠮷')).toBe(true);
  });
});
