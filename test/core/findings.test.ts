import { ALL_FINDING_CODES, SUMMARY_MARKER, analyze, gridFromRows, type AnalyzeOptions, type CellValue, type FindingCode, type Grid } from '../../src/core';
import { byCategory } from '../support/units';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
const table = (...rows: CellValue[][]): Grid => gridFromRows([HEADER, ['一类考评单位'], ...rows]);
const found = (grid: Grid, code: FindingCode, options: AnalyzeOptions = {}) =>
  analyze(grid, options).findings.filter((f) => f.code === code).map((f) => ({ cell: f.cell, unit: f.unit, severity: f.severity }));

/** One case per code: the grid and the cells the code must point at. */
const CASES: Record<FindingCode, { grid: Grid; cells: Array<string | null>; options?: AnalyzeOptions }> = {
  HEADER_NOT_FOUND: { grid: gridFromRows([['一些文字'], [1, 2, 3]]), cells: [null] },
  SUMMARY_SHEET: { grid: gridFromRows([['单位', '基础得分'], ['甲', 1], [`${SUMMARY_MARKER}，重新生成时将被替换。`]]), cells: [null] },
  MISSING_COLUMN: { grid: gridFromRows([['序号', '基础得分', '采用得分'], [1, 10, 5]]), cells: ['A1'] },
  DUPLICATE_HEADER: { grid: gridFromRows([['单位', '基础得分', '基础得分'], ['甲', 10, 5]]), cells: ['C1'] },
  NO_CATEGORY: { grid: gridFromRows([HEADER, ['甲', 10, 5, 0]]), cells: [null] },
  UNKNOWN_CATEGORY: { grid: gridFromRows([HEADER, ['四类考评单位'], ['甲', 10, 5, 0]]), cells: ['A2'] },
  EMPTY_CATEGORY: { grid: gridFromRows([HEADER, ['一类考评单位'], ['二类考评单位'], ['甲', 10, 5, 0]]), cells: ['A2'] },
  UNIT_BEFORE_CATEGORY: { grid: gridFromRows([HEADER, ['甲', 10, 5, 0], ['一类考评单位'], ['乙', 10, 5, 0]]), cells: ['A2'] },
  MULTIPLE_TABLES: { grid: gridFromRows([HEADER, ['甲', 10, 5, 0], HEADER, ['乙', 1, 1, 1]]), cells: ['A3'] },
  NOT_A_NUMBER: { grid: table(['甲', '未报送', 0, 0]), cells: ['B3'] },
  ERROR_VALUE: { grid: table(['甲', 120, '#REF!', 0]), cells: ['C3'] },
  OUT_OF_RANGE: { grid: table(['甲', 1e308, 0, 0]), cells: ['B3'] },
  TOO_MANY_DECIMALS: { grid: table(['甲', 119.99999, 0, 0]), cells: ['B3'] },
  EMPTY_SCORE: { grid: table(['甲', 120, null, 0]), cells: ['C3'] },
  NEGATIVE_SCORE: { grid: table(['甲', 120, -5, 0]), cells: ['C3'] },
  BASE_OVER_CAP: { grid: table(['甲', 125, 0, 0]), cells: ['B3'] },
  BONUS_OVER_CAP: { grid: table(['甲', 120, 0, 2.5]), cells: ['D3'] },
  OVER_CAP: { grid: gridFromRows([['单位', '基础得分', '在线服务得分(9)'], ['甲', 10, 9.5]]), cells: ['C2'] },
  SCORE_STEP: { grid: table(['甲', 117, 12, 0]), cells: ['B3', 'C3'] },
  DUPLICATE_UNIT: { grid: table(['甲', 120, 0, 0], [' 甲 ', 100, 0, 0]), cells: ['A4'] },
  UNIT_IN_TWO_CATEGORIES: { grid: gridFromRows([HEADER, ['一类考评单位'], ['甲', 10, 0, 0], ['二类考评单位'], ['甲', 10, 0, 0]]), cells: ['A5'] },
  EMPTY_UNIT_NAME: { grid: table(['甲', 120, 0, 0], [null, 100, 0, 0]), cells: ['A4'] },
  TOTAL_MISMATCH: { grid: table(['甲', 120, 15, 0.4, 135.39, 1]), cells: ['E3'] },
  RANK_MISMATCH: { grid: table(['甲', 120, 15, 0.4, 135.4, 2]), cells: ['F3'] },
  FORMULA_OVERWRITE: { grid: withFormula(table(['甲', 120, 15, 0.4, 135.4, 1]), 2, 4, '=SUM(B3:D3)'), cells: ['E3'] },
  HIDDEN_ROW: { grid: { ...table(['甲', 120, 0, 0], ['乙', 120, 5, 0]), hiddenRows: [3] }, cells: ['A4'] },
  RULES_SHEET_INVALID: { grid: table(['甲', 120, 0, 0]), cells: [] }, // covered in rules.test.ts (needs a rules sheet)
  // #9 reading traps (each one's behaviour is tested in test/core/reading.test.ts)
  FORMULA_NO_VALUE: { grid: withFormula(table(['甲', null, 15, 0]), 2, 1, '=60*2'), cells: ['B3'] },
  TABLE_ENDS_EARLY: { grid: table(['甲', 120, 0, 0], ['注：以下单位为新增'], ['乙', 120, 5, 0]), cells: ['A4'] },
  DOUBTFUL_CATEGORY: { grid: gridFromRows([HEADER, ['县委巡察组'], ['甲', 10, 5, 0]]), cells: ['A2'] },
  NUMERIC_TEXT: { grid: table(['甲', '１２０', 0, 0]), cells: ['B3'] },
  EXTRA_COMPONENT: { grid: gridFromRows([['单位', '基础得分', '在线服务得分'], ['甲', 10, 5]]), cells: ['C1'] },
  HIDDEN_SHEET: { grid: { ...table(['甲', 120, 0, 0]), hidden: true }, cells: [null] },
  CELL_TOO_LONG: { grid: table(['甲', '1'.repeat(40000), 0, 0]), cells: ['B3'] },
  // #13 ledger: cells on the ledger or roster sheet (more in test/core/ledger.test.ts)
  ROSTER_DUPLICATE: { grid: period(['甲', 120, 0, 0]), cells: ['A3'], options: { rosterGrid: gridFromRows([['单位', '类别'], ['甲', '一类考评单位'], ['甲', '一类考评单位']], '单位名录') } },
  LEDGER_UNKNOWN_UNIT: { grid: period(['甲', 120, 0, 0]), cells: ['B2'], options: { ledgerGrid: ledger(['2023-07-03', '乙', '市政府采用']) } },
  LEDGER_EMPTY_UNIT: { grid: period(['甲', 120, 0, 0]), cells: ['B2'], options: { ledgerGrid: ledger(['2023-07-03', null, '市政府采用']) } },
  LEDGER_BAD_DATE: { grid: period(['甲', 120, 0, 0]), cells: ['A2'], options: { ledgerGrid: ledger(['七月三日', '甲', '市政府采用']) } },
  LEDGER_EMPTY_DATE: { grid: period(['甲', 120, 0, 0]), cells: ['A2'], options: { ledgerGrid: ledger([null, '甲', '市政府采用']) } },
  LEDGER_NO_DATES: { grid: period(['甲', 120, 0, 0]), cells: [null], options: { ledgerGrid: gridFromRows([['报送单位', '采用情况'], ['甲', '约稿']], '采用登记') } },
  LEDGER_NO_PERIOD: { grid: table(['甲', 120, 0, 0]), cells: [null], options: { ledgerGrid: ledger(['2023-07-03', '甲', '约稿']) } },
  LEDGER_UNKNOWN_KIND: { grid: period(['甲', 120, 0, 0]), cells: ['C2'], options: { ledgerGrid: ledger(['2023-07-03', '甲', '报社采用']) } },
  LEDGER_OUTSIDE_PERIOD: { grid: period(['甲', 120, 0, 0]), cells: [null], options: { ledgerGrid: ledger(['2023-10-03', '甲', '约稿']) } },
  ADOPTION_MISMATCH: {
    grid: period(['甲', 120, 5, 0]),
    cells: ['C4'],
    options: { ledgerGrid: ledger(['2023-07-03', '甲', '约稿']), rulesGrid: gridFromRows([['采用情况', '分值'], ['约稿', 3]], '考评规则') },
  },
  // #14 year: findings about several periods, never from one sheet (covered in test/core/year.test.ts)
  PERIOD_HAS_ERRORS: { grid: table(['甲', 120, 0, 0]), cells: [] },
  PERIOD_NOT_RECOGNISED: { grid: table(['甲', 120, 0, 0]), cells: [] },
  PERIOD_DUPLICATE: { grid: table(['甲', 120, 0, 0]), cells: [] },
  UNIT_MISSING_IN_PERIOD: { grid: table(['甲', 120, 0, 0]), cells: [] },
  UNIT_JOINED_IN_PERIOD: { grid: table(['甲', 120, 0, 0]), cells: [] },
  UNIT_CATEGORY_CHANGED: { grid: table(['甲', 120, 0, 0]), cells: [] },
  YEAR_TOO_FEW_PERIODS: { grid: table(['甲', 120, 0, 0]), cells: [] },
  // #9 adapters: found while reading the package or planning the writes, not by analyze
  CELLS_OUTSIDE_TABLE: { grid: table(['甲', 120, 0, 0]), cells: [] }, // test/cli/bombs.test.ts
  MERGE_CLIPPED: { grid: table(['甲', 120, 0, 0]), cells: [] }, // test/cli/bombs.test.ts
  MERGED_OUTPUT_CELL: { grid: table(['甲', 120, 0, 0]), cells: [] }, // test/core/planCells.test.ts
  FLAG_COLUMN_SKIPPED: { grid: table(['甲', 120, 0, 0]), cells: [] }, // test/core/planCells.test.ts
  NO_ROOM_FOR_COLUMN: { grid: table(['甲', 120, 0, 0]), cells: [] }, // test/core/planCells.test.ts
};

/** #13 ledger: a score sheet titled with its period, and a ledger of pieces (日期, 报送单位, 采用情况). */
function period(...rows: CellValue[][]): Grid {
  return gridFromRows([['2023年7—9月份全县政务信息得分情况'], HEADER, ['一类考评单位'], ...rows]);
}
function ledger(...rows: CellValue[][]): Grid {
  return gridFromRows([['日期', '报送单位', '采用情况'], ...rows], '信息采用登记');
}

/** Codes that analyze never raises: their own tests are named above. */
const NOT_FROM_ANALYZE = new Set<FindingCode>(['RULES_SHEET_INVALID', 'CELLS_OUTSIDE_TABLE', 'MERGE_CLIPPED', 'MERGED_OUTPUT_CELL', 'FLAG_COLUMN_SKIPPED', 'NO_ROOM_FOR_COLUMN']);

function withFormula(grid: Grid, row: number, col: number, formula: string): Grid {
  const formulas = grid.values.map((r) => r.map(() => null as string | null));
  formulas[row]![col] = formula;
  return { ...grid, formulas };
}

describe('every finding code', () => {
  it('has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual([...ALL_FINDING_CODES].sort());
  });

  for (const code of ALL_FINDING_CODES.filter((c) => !NOT_FROM_ANALYZE.has(c))) {
    it(`${code} points at the right cell`, () => {
      const { grid, cells, options } = CASES[code];
      expect(found(grid, code, options).map((f) => f.cell)).toEqual(cells);
    });
  }

  it('names the unit on unit-level findings', () => {
    expect(found(CASES.NOT_A_NUMBER.grid, 'NOT_A_NUMBER')).toEqual([{ cell: 'B3', unit: '甲', severity: 'error' }]);
  });

  it('never throws on an empty sheet and says no table was found', () => {
    expect(found(gridFromRows([]), 'HEADER_NOT_FOUND')).toHaveLength(1);
  });

  it('counts the value of a formula in a score cell', () => {
    const grid = withFormula(table(['甲', 120, 15, 0.4]), 2, 1, '=60*2');
    expect(byCategory(analyze(grid).scored!)[0]!.units[0]!.totalCents).toBe(13540);
  });

  it('takes dates and booleans in score cells for what they are: not scores', () => {
    const grid = table(['甲', 45200, true, 0]);
    grid.numberFormats = grid.values.map((r) => r.map(() => 'General'));
    grid.numberFormats[2]![1] = 'yyyy/m/d';
    expect(found(grid, 'NOT_A_NUMBER').map((f) => f.cell)).toEqual(['B3', 'C3']);
  });
});
