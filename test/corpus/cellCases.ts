/** Corpus cases (see ./cases.ts): categories and names, score cells, hidden rows. */
import { H, HT, hundredCategories, ONE, sheet, TWO, type CorpusCase } from './sheetBuilder';

export const CELL_CASES: CorpusCase[] = [
  // ---- categories and names ----------------------------------------------------------------
  {
    id: 'units-before-category',
    about: 'a unit above the first category row goes to 未分类',
    grid: sheet([H, ['甲', 100, 10, 1], [ONE], ['乙', 120, 5, 0]]),
    findings: [['UNIT_BEFORE_CATEGORY', 'A2']],
    categories: [
      { name: '未分类', units: [['甲', 111, 1]] },
      { name: ONE, units: [['乙', 125, 1]] },
    ],
  },
  {
    id: 'unit-in-two-categories',
    about: 'the same unit listed under two categories: ranked in both, with a warning',
    grid: sheet([H, [ONE], ['甲', 120, 10, 0], ['乙', 115, 10, 0], [TWO], ['甲', 60, 5, 0], ['丙', 55, 0, 0]]),
    findings: [['UNIT_IN_TWO_CATEGORIES', 'A6']],
    categories: [
      { name: ONE, units: [['甲', 130, 1], ['乙', 125, 2]] },
      { name: TWO, units: [['甲', 65, 1], ['丙', 55, 2]] },
    ],
  },
  {
    id: 'unknown-category',
    about: 'a category with no rule: no caps are checked',
    grid: sheet([H, ['四类考评单位'], ['甲', 50, 5, 5]]),
    findings: [['UNKNOWN_CATEGORY', 'A2']],
    categories: [{ name: '四类考评单位', units: [['甲', 60, 1]] }],
  },
  {
    id: 'names-differing-by-spaces',
    about: 'the same unit written with an inner space and an ideographic space',
    grid: sheet([H, [ONE], ['农业农村局', 120, 10, 0], ['农业 农村局', 115, 10, 0], ['农业\u3000农村局 ', 110, 10, 0]]),
    findings: [
      ['DUPLICATE_UNIT', 'A4'],
      ['DUPLICATE_UNIT', 'A5'],
    ],
    categories: [{ name: ONE, units: [['农业农村局', 130, 1], ['农业 农村局', 125, 2], ['农业\u3000农村局', 120, 3]] }],
  },
  {
    id: 'names-differing-by-full-width',
    about: 'full-width digits and brackets',
    grid: sheet([H, [ONE], ['第1中学', 120, 10, 0], ['第１中学', 115, 10, 0], ['县供销社(联社)', 100, 0, 0], ['县供销社（联社）', 95, 0, 0]]),
    findings: [
      ['DUPLICATE_UNIT', 'A4'],
      ['DUPLICATE_UNIT', 'A6'],
    ],
    categories: [{ name: ONE, units: [['第1中学', 130, 1], ['第１中学', 125, 2], ['县供销社(联社)', 100, 3], ['县供销社（联社）', 95, 4]] }],
  },
  {
    id: 'names-differing-by-zero-width',
    about: 'zero-width space, byte-order mark and soft hyphen pasted into names',
    grid: sheet([H, [ONE], ['商务局', 120, 10, 0], ['商务局\u200B', 120, 5, 0], ['\uFEFF商务局', 120, 0, 0], ['统\u00AD计局', 100, 0, 0], ['统计局', 100, 5, 0]]),
    findings: [
      ['DUPLICATE_UNIT', 'A4'],
      ['DUPLICATE_UNIT', 'A5'],
      ['DUPLICATE_UNIT', 'A7'],
    ],
    categories: [{ name: ONE, units: [['商务局', 130, 1], ['商务局', 125, 2], ['商务局', 120, 3], ['统计局', 100, 5], ['统计局', 105, 4]] }],
  },
  {
    id: 'very-long-names',
    about: 'a 260-character unit name',
    grid: sheet([H, [ONE], [`县${'直'.repeat(250)}机关事务服务中心`, 120, 10, 0], ['商务局', 120, 5, 0]]),
    findings: [],
    categories: [{ name: ONE, units: [[`县${'直'.repeat(250)}机关事务服务中心`, 130, 1], ['商务局', 125, 2]] }],
  },
  {
    id: 'names-with-line-breaks',
    about: 'line breaks inside name cells fold to a space and still match for duplicates',
    grid: sheet([H, [ONE], ['农业\n农村局', 120, 10, 0], ['商务局\r\n（外事办）', 115, 10, 0], ['农业农村局', 100, 0, 0]]),
    findings: [['DUPLICATE_UNIT', 'A5']],
    categories: [{ name: ONE, units: [['农业 农村局', 130, 1], ['商务局 （外事办）', 125, 2], ['农业农村局', 100, 3]] }],
  },
  {
    id: 'names-with-emoji',
    about: 'emoji (with a variation selector) and an astral CJK character in names',
    grid: sheet([H, [ONE], ['🏛️县政府办', 120, 10, 0], ['⭐统计局', 115, 10, 0], ['𠮷野家镇', 110, 10, 0]]),
    findings: [],
    categories: [{ name: ONE, units: [['🏛️县政府办', 130, 1], ['⭐统计局', 125, 2], ['𠮷野家镇', 120, 3]] }],
  },
  {
    id: 'formula-like-names',
    about: 'unit names starting with = + - @ are names, never formulas',
    grid: sheet([H, ['=HYPERLINK("http://example.com","点我")', 120, 10, 0], ['+商务局', 115, 10, 0], ['-财政局', 110, 10, 0], ['@教育局', 105, 10, 0]]),
    findings: [['NO_CATEGORY', null]],
    categories: [
      {
        name: '全部单位',
        units: [
          ['=HYPERLINK("http://example.com","点我")', 130, 1],
          ['+商务局', 125, 2],
          ['-财政局', 120, 3],
          ['@教育局', 115, 4],
        ],
      },
    ],
  },
  {
    id: 'empty-unit-name',
    about: 'a row with scores but no name is reported and left out',
    grid: sheet([H, [ONE], ['甲', 120, 10, 0], [null, 100, 10, 0]]),
    findings: [['EMPTY_UNIT_NAME', 'A4']],
    categories: [{ name: ONE, units: [['甲', 130, 1]] }],
  },
  hundredCategories(),
  {
    id: 'single-unit-category',
    about: 'a category of one unit next to a category of three',
    grid: sheet([HT, [ONE], ['甲', 100, 5, 0], [TWO], ['乙', 60, 5, 0], ['丙', 50, 5, 0], ['丁', 60, 0, 2]]),
    findings: [],
    categories: [
      { name: ONE, units: [['甲', 105, 1]] },
      { name: TWO, units: [['乙', 65, 1], ['丙', 55, 3], ['丁', 62, 2]] },
    ],
    top: [['甲'], ['乙', '丁', '丙']],
  },
  {
    id: 'every-unit-tied',
    about: 'five units with 130 each, summed differently: all first, top list in sheet order',
    grid: sheet([HT, [ONE], ['戊', 120, 10, 0], ['丁', 115, 15, 0], ['丙', 110, 20, 0], ['乙', 100, 30, 0], ['甲', 90, 40, 0]]),
    findings: [],
    categories: [{ name: ONE, units: [['戊', 130, 1], ['丁', 130, 1], ['丙', 130, 1], ['乙', 130, 1], ['甲', 130, 1]] }],
    top: [['戊', '丁', '丙', '乙', '甲']],
  },
  {
    id: 'ties-at-the-cut',
    about: 'three units tied for third: the top-3 list holds all five, in sheet order within the tie',
    grid: sheet([HT, [ONE], ['甲', 120, 30, 0], ['乙', 120, 20, 0], ['丙', 120, 10, 0], ['丁', 110, 20, 0], ['戊', 100, 30, 0], ['己', 95, 0, 0]]),
    findings: [],
    categories: [{ name: ONE, units: [['甲', 150, 1], ['乙', 140, 2], ['丙', 130, 3], ['丁', 130, 3], ['戊', 130, 3], ['己', 95, 6]] }],
    top: [['甲', '乙', '丙', '丁', '戊']],
  },
  {
    id: 'cents-that-float-would-miss',
    about: '0.1 + 0.2 and 0.7 + 0.35 style sums are exact; equal sums tie',
    grid: sheet([HT, [ONE], ['甲', 120, 10, 0.3], ['乙', 120, 10.1, 0.2], ['丙', 115, 15.15, 0.15], ['丁', 115, 15, 0.45]]),
    findings: [
      ['SCORE_STEP', 'C4'],
      ['SCORE_STEP', 'C5'],
    ],
    categories: [{ name: ONE, units: [['甲', 130.3, 2], ['乙', 130.3, 2], ['丙', 130.3, 2], ['丁', 130.45, 1]] }],
    top: [['丁', '甲', '乙', '丙']],
  },
  {
    id: 'all-scores-zero',
    about: 'nobody submitted anything',
    grid: sheet([HT, [ONE], ['甲', 0, 0, 0], ['乙', 0, 0, 0], ['丙', 0, 0, 0], ['丁', 0, 0, 0]]),
    findings: [],
    categories: [{ name: ONE, units: [['甲', 0, 1], ['乙', 0, 1], ['丙', 0, 1], ['丁', 0, 1]] }],
    top: [['甲', '乙', '丙', '丁']],
    flagged: { ZERO_SUBMISSION: ['甲', '乙', '丙', '丁'], BELOW_QUOTA: [], LOW_QUALITY: [] },
  },

  // ---- score cells ----------------------------------------------------------------------------
  {
    id: 'text-in-score-cells',
    about: '未报送, —, N/A, 无 and - typed into score cells count as 0, as errors',
    grid: sheet([H, [ONE], ['甲', '未报送', '—', 'N/A'], ['乙', 120, 10, 0], ['丙', '无', 5, '-']]),
    findings: [
      ['NOT_A_NUMBER', 'B3'],
      ['NOT_A_NUMBER', 'C3'],
      ['NOT_A_NUMBER', 'D3'],
      ['NOT_A_NUMBER', 'B5'],
      ['NOT_A_NUMBER', 'D5'],
    ],
    categories: [{ name: ONE, units: [['甲', 0, 3], ['乙', 130, 1], ['丙', 5, 2]] }],
  },
  {
    id: 'excel-error-values',
    about: '#REF!, #DIV/0!, #N/A and #VALUE! in score cells',
    grid: sheet([H, [ONE], ['甲', '#REF!', '#DIV/0!', '#N/A'], ['乙', 120, 10, 0], ['丙', 100, '#VALUE!', 0]]),
    findings: [
      ['ERROR_VALUE', 'B3'],
      ['ERROR_VALUE', 'C3'],
      ['ERROR_VALUE', 'D3'],
      ['ERROR_VALUE', 'C5'],
    ],
    categories: [{ name: ONE, units: [['甲', 0, 3], ['乙', 130, 1], ['丙', 100, 2]] }],
  },
  {
    id: 'booleans-in-score-cells',
    about: 'TRUE and FALSE are not scores',
    grid: sheet([H, [ONE], ['甲', true, 10, false], ['乙', 120, 10, 0]]),
    findings: [
      ['NOT_A_NUMBER', 'B3'],
      ['NOT_A_NUMBER', 'D3'],
    ],
    categories: [{ name: ONE, units: [['甲', 10, 2], ['乙', 130, 1]] }],
  },
  {
    id: 'dates-in-score-cells',
    about: 'a date-formatted number and date text are not scores; a 0.00-formatted number is',
    grid: sheet([H, [ONE], ['甲', 45207, 10, 0], ['乙', '2023-10-08', 10, 0], ['丙', 120, 10, 0]], { formats: { B3: 'yyyy-mm-dd', B5: '0.00' } }),
    findings: [
      ['NOT_A_NUMBER', 'B3'],
      ['NOT_A_NUMBER', 'B4'],
    ],
    categories: [{ name: ONE, units: [['甲', 10, 2], ['乙', 10, 2], ['丙', 130, 1]] }],
  },
  {
    id: 'formulas-in-score-cells',
    about: 'score cells holding formulas count with their computed values',
    grid: sheet([H, [ONE], ['甲', 120, 55, 0.7], ['乙', 115, 15, 0]], { formulas: { B3: '=100+20', C3: '=SUM(40,15)', D4: '=0*1' } }),
    findings: [],
    categories: [{ name: ONE, units: [['甲', 175.7, 1], ['乙', 130, 2]] }],
  },
  {
    id: 'formula-error-in-score-cell',
    about: 'a formula whose value is #DIV/0!',
    grid: sheet([H, [ONE], ['甲', 120, '#DIV/0!', 0], ['乙', 120, 10, 0]], { formulas: { C3: '=1/0' } }),
    findings: [['ERROR_VALUE', 'C3']],
    categories: [{ name: ONE, units: [['甲', 120, 2], ['乙', 130, 1]] }],
  },
  {
    id: 'formulas-in-total-and-rank',
    about: 'the user’s formulas in total and rank cells are kept; a wrong cached total is reported',
    grid: sheet([HT, [ONE], ['甲', 120, 10, 0, 130, 1], ['乙', 100, 10, 0, 999, 2]], {
      formulas: { E3: '=SUM(B3:D3)', F3: '=RANK(E3,E$3:E$4)', E4: '=SUM(B4:D4)+889' },
    }),
    findings: [
      ['FORMULA_OVERWRITE', 'E3'],
      ['FORMULA_OVERWRITE', 'F3'],
      ['FORMULA_OVERWRITE', 'E4'],
      ['TOTAL_MISMATCH', 'E4'],
    ],
    categories: [{ name: ONE, units: [['甲', 130, 1], ['乙', 110, 2]] }],
  },
  {
    id: 'huge-numbers',
    about: '1e308 and 1e400 (text) are out of range and count as 0',
    grid: sheet([H, [ONE], ['甲', 1e308, 10, 0], ['乙', '1e400', 5, 0], ['丙', 120, 10, 0]]),
    findings: [
      ['OUT_OF_RANGE', 'B3'],
      ['OUT_OF_RANGE', 'B4'],
    ],
    categories: [{ name: ONE, units: [['甲', 10, 2], ['乙', 5, 3], ['丙', 130, 1]] }],
  },
  {
    id: 'negative-zero',
    about: '-0 is zero: no finding, totals of 0 and a shared first place',
    grid: sheet([HT, [ONE], ['甲', -0, -0, 0], ['乙', 0, 0, -0]]),
    findings: [],
    categories: [{ name: ONE, units: [['甲', 0, 1], ['乙', 0, 1]] }],
    flagged: { ZERO_SUBMISSION: ['甲', '乙'] },
  },
  {
    id: 'too-many-decimals',
    about: '119.99999999, 0.125 and 119.999 are rounded to the cent, with a warning',
    grid: sheet([H, [ONE], ['甲', 119.99999999, 10, 0], ['乙', 115, 10, 0.125], ['丙', 119.999, 5, 0]]),
    findings: [
      ['TOO_MANY_DECIMALS', 'B3'],
      ['TOO_MANY_DECIMALS', 'D4'],
      ['TOO_MANY_DECIMALS', 'B5'],
    ],
    categories: [{ name: ONE, units: [['甲', 130, 1], ['乙', 125.13, 2], ['丙', 125, 3]] }],
  },
  {
    id: 'numeric-text',
    about: 'numbers typed as text, with full-width digits, spaces or a 分 suffix, count',
    grid: sheet([H, [ONE], ['甲', '120', '１０', '0.5分'], ['乙', ' 115 ', '5', '1']]),
    // #9: each is read, and said (Excel's own SUM would skip it).
    findings: [
      ['NUMERIC_TEXT', 'B3'],
      ['NUMERIC_TEXT', 'C3'],
      ['NUMERIC_TEXT', 'D3'],
      ['NUMERIC_TEXT', 'B4'],
      ['NUMERIC_TEXT', 'C4'],
      ['NUMERIC_TEXT', 'D4'],
    ],
    categories: [{ name: ONE, units: [['甲', 130.5, 1], ['乙', 121, 2]] }],
  },
  {
    id: 'negative-score',
    about: 'a negative adoption score is an error',
    grid: sheet([H, [ONE], ['甲', 120, -5, 0], ['乙', 100, 5, 0]]),
    findings: [['NEGATIVE_SCORE', 'C3']],
    categories: [{ name: ONE, units: [['甲', 115, 1], ['乙', 105, 2]] }],
  },
  {
    id: 'empty-score-cells',
    about: 'empty and whitespace-only score cells count as 0, with a warning',
    grid: sheet([H, [ONE], ['甲', 120, null, '  '], ['乙', 120, 5, 1]]),
    findings: [
      ['EMPTY_SCORE', 'C3'],
      ['EMPTY_SCORE', 'D3'],
    ],
    categories: [{ name: ONE, units: [['甲', 120, 2], ['乙', 126, 1]] }],
  },
  {
    id: 'caps-exceeded',
    about: 'base over the 二类 cap of 60, bonus over 2, and a column over the (9) in its header',
    grid: sheet([[...H, '在线服务得分(9)'], [TWO], ['甲', 65, 10, 3, 10], ['乙', 60, 5, 2, 9]]),
    findings: [
      ['EXTRA_COMPONENT', 'E1'], // #9: the extra 得分 column added into the total is named
      ['BASE_OVER_CAP', 'B3'],
      ['BONUS_OVER_CAP', 'D3'],
      ['OVER_CAP', 'E3'],
    ],
    categories: [{ name: TWO, units: [['甲', 88, 1], ['乙', 76, 2]] }],
  },
  {
    id: 'score-steps',
    about: 'base and adoption scores that are not multiples of 5',
    grid: sheet([H, [ONE], ['甲', 117, 12, 0], ['乙', 120, 10, 0]]),
    findings: [
      ['SCORE_STEP', 'B3'],
      ['SCORE_STEP', 'C3'],
    ],
    categories: [{ name: ONE, units: [['甲', 129, 2], ['乙', 130, 1]] }],
  },
  {
    id: 'existing-total-and-rank-wrong',
    about: 'a total typed as matching text is fine; a wrong total and a rank as text are reported',
    grid: sheet([HT, [ONE], ['甲', 120, 10, 0, '130', 1], ['乙', 100, 0, 0, 99, '第1名']]),
    findings: [
      ['TOTAL_MISMATCH', 'E4'],
      ['RANK_MISMATCH', 'F4'],
    ],
    categories: [{ name: ONE, units: [['甲', 130, 1], ['乙', 100, 2]] }],
  },

  // ---- hidden rows ----------------------------------------------------------------------------
  {
    id: 'hidden-row',
    about: 'a hidden unit row is still ranked, with a note',
    grid: sheet([H, [ONE], ['甲', 120, 10, 0], ['乙', 115, 10, 0], ['丙', 110, 10, 0]], { hiddenRows: [4] }),
    findings: [['HIDDEN_ROW', 'A4']],
    categories: [{ name: ONE, units: [['甲', 130, 1], ['乙', 125, 2], ['丙', 120, 3]] }],
  },
  {
    id: 'filtered-rows',
    about: 'rows filtered out in two categories (and a hidden category row) are still ranked',
    grid: sheet([HT, [ONE], ['甲', 120, 10, 0], ['乙', 120, 20, 0], [TWO], ['丙', 60, 5, 0], ['丁', 60, 10, 0], ['戊', 55, 0, 0]], {
      hiddenRows: [4, 5, 7],
    }),
    findings: [
      ['HIDDEN_ROW', 'A4'],
      ['HIDDEN_ROW', 'A7'],
    ],
    categories: [
      { name: ONE, units: [['甲', 130, 2], ['乙', 140, 1]] },
      { name: TWO, units: [['丙', 65, 2], ['丁', 70, 1], ['戊', 55, 3]] },
    ],
  },
];
