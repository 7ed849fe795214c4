/**
 * The bad-and-odd input corpus (issue 4): sheets as clerks really keep them, built by code,
 * each with the findings (code + cell, in order) and the result a person expects from reading
 * the sheet. Expectations are written by hand, never taken from the core's output.
 * The same cases run through the core, the CLI (via .xlsx) and the simulated Excel.
 */
import { a1, parseA1, type CellRange, type CellValue, type FindingCode, type FlagCode, type Grid } from '../../src/core';

export type ExpectedFinding = readonly [FindingCode, string | null];
/** [unit name as displayed, total, rank], in sheet order. */
export type ExpectedUnit = readonly [string, number, number];

export interface ExpectedCategory {
  name: string;
  units: ExpectedUnit[];
}

export interface CorpusCase {
  id: string;
  about: string;
  grid: Grid;
  /** Every finding, in the core's order (sheet-level first, then by row and column). */
  findings: ExpectedFinding[];
  /** Categories and units after ranking; omitted only where no table is found. */
  categories?: ExpectedCategory[];
  /** Unit names in each category's top list, in order (ties keep sheet order). */
  top?: string[][];
  /** Units carrying each flag, in sheet order. */
  flagged?: Partial<Record<FlagCode, string[]>>;
  period?: string | null;
}

interface Extras {
  name?: string;
  origin?: readonly [number, number];
  /** A1 address (absolute) -> formula; the value in rows is its cached result. */
  formulas?: Record<string, string>;
  /** A1 address -> number format. */
  formats?: Record<string, string>;
  /** Merged areas as A1 ranges ("A1:F1"). */
  merges?: string[];
  /** 1-based sheet rows, as Excel shows them. */
  hiddenRows?: number[];
}

function range(text: string): CellRange {
  const [from, to] = text.split(':');
  const start = parseA1(from!);
  const end = parseA1(to ?? from!);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

/** A grid at its absolute position, with the extras a case needs. */
export function sheet(rows: CellValue[][], extras: Extras = {}): Grid {
  const [originRow, originCol] = extras.origin ?? [0, 0];
  const values = rows.map((row) => row.map((v) => (v === '' || v === undefined ? null : v)));
  const grid: Grid = { sheetName: extras.name ?? '得分表', originRow, originCol, values };
  const sized = <T>(fill: Record<string, string> | undefined, empty: T): (string | T)[][] | undefined => {
    if (!fill) return undefined;
    const width = Math.max(0, ...values.map((r) => r.length));
    const out: (string | T)[][] = values.map(() => new Array<string | T>(width).fill(empty));
    for (const [address, text] of Object.entries(fill)) {
      const { row, col } = parseA1(address);
      const r = out[row - originRow];
      if (!r || col - originCol >= width) throw new Error(`extra outside the grid: ${address}`);
      r[col - originCol] = text;
    }
    return out;
  };
  const formulas = sized(extras.formulas, null);
  if (formulas) grid.formulas = formulas;
  const formats = sized(extras.formats, null);
  if (formats) grid.numberFormats = formats;
  if (extras.merges) grid.merges = extras.merges.map(range);
  if (extras.hiddenRows) grid.hiddenRows = extras.hiddenRows.map((r) => r - 1);
  return grid;
}

const H: CellValue[] = ['单位', '基础得分', '采用得分', '附加得分'];
const HT: CellValue[] = [...H, '累计得分', '排名'];
const ONE = '一类考评单位';
const TWO = '二类考评单位';

function hundredCategories(): CorpusCase {
  const rows: CellValue[][] = [H];
  const findings: ExpectedFinding[] = [];
  const categories: ExpectedCategory[] = [];
  for (let i = 1; i <= 100; i++) {
    const name = `第${i}组`;
    findings.push(['UNKNOWN_CATEGORY', a1(rows.length, 0)]);
    rows.push([name]);
    const a = 5 * (i % 25) + 5;
    const b = 5 * ((i * 7) % 25);
    rows.push([`${name}甲`, a - 5, 5, 0]);
    rows.push([`${name}乙`, b, 0, 0]);
    categories.push({
      name,
      units: [
        [`${name}甲`, a, a >= b ? 1 : 2],
        [`${name}乙`, b, b >= a ? 1 : 2],
      ],
    });
  }
  return { id: 'hundred-categories', about: '100 categories of two units each (none with a known rule)', grid: sheet(rows), findings, categories };
}

export const CASES: CorpusCase[] = [
  // ---- no table -------------------------------------------------------------------------
  { id: 'empty-sheet', about: 'a sheet with nothing in it', grid: sheet([]), findings: [['HEADER_NOT_FOUND', null]] },
  {
    id: 'blank-cells-only',
    about: 'a used range of empty and whitespace-free blank cells',
    grid: sheet([[null, null, ''], [], [null]]),
    findings: [['HEADER_NOT_FOUND', null]],
  },
  {
    id: 'title-only',
    about: 'a title and a note, no table',
    grid: sheet([['2023年第三季度全县政务信息得分情况'], [], ['制表单位：县政府办公室']]),
    findings: [['HEADER_NOT_FOUND', null]],
  },
  {
    id: 'unrelated-data',
    about: 'a contact list, not a score sheet',
    grid: sheet([['姓名', '电话', '备注'], ['张三', 13800000000, '值班'], [1, 2, 3]]),
    findings: [['HEADER_NOT_FOUND', null]],
  },
  {
    id: 'missing-unit-column',
    about: 'score columns but no 单位 column',
    grid: sheet([['名单', '基础得分', '采用得分'], ['甲', 100, 10]]),
    findings: [['MISSING_COLUMN', 'B1']],
  },
  {
    id: 'missing-score-columns',
    about: 'a 单位 column with a category column and notes, no score column',
    grid: sheet([['单位', '类别', '备注'], ['甲', ONE, '补报']]),
    findings: [['MISSING_COLUMN', 'A1']],
  },
  {
    id: 'only-total-and-rank',
    about: 'totals and ranks typed by hand, no component scores',
    grid: sheet([['单位', '累计得分', '排名'], ['甲', 100, 1]]),
    findings: [['MISSING_COLUMN', 'A1']],
  },
  {
    id: 'missing-unit-and-score',
    about: 'serial, total and rank only',
    grid: sheet([['序号', '累计得分', '排名'], [1, 100, 1]]),
    findings: [
      ['MISSING_COLUMN', 'A1'],
      ['MISSING_COLUMN', 'A1'],
    ],
  },

  // ---- layout -----------------------------------------------------------------------------
  {
    id: 'header-only',
    about: 'the header row and nothing under it',
    grid: sheet([HT]),
    findings: [['NO_CATEGORY', null]],
    categories: [],
  },
  {
    id: 'categories-without-units',
    about: 'category rows with no units under them',
    grid: sheet([HT, [ONE], [TWO]]),
    findings: [
      ['EMPTY_CATEGORY', 'A2'],
      ['EMPTY_CATEGORY', 'A3'],
    ],
    categories: [],
  },
  {
    id: 'title-and-blank-rows-above',
    about: 'header below a title, a 制表 line and blank rows; a note and a stray row below',
    grid: sheet([
      ['2023年7—9月份全县政务信息得分情况'],
      [],
      ['制表单位：县政府办公室', null, null, null, '2023-10-08'],
      [],
      [],
      HT,
      [ONE],
      ['农业农村局', 120, 55, 0.7],
      ['商务局', 120, 15, 0],
      ['财政局', 95, 65, 1],
      [],
      ['注：基础得分上限为 120 分。'],
      ['统计局', 1, 2, 3],
    ]),
    // #9: a unit-shaped row below the note is not read, and that is an error, not silence.
    findings: [['TABLE_ENDS_EARLY', 'A12']],
    period: '2023年7—9月份',
    categories: [{ name: ONE, units: [['农业农村局', 175.7, 1], ['商务局', 135, 3], ['财政局', 161, 2]] }],
    top: [['农业农村局', '财政局', '商务局']],
    flagged: { BELOW_QUOTA: ['财政局'] },
  },
  {
    id: 'two-tables',
    about: 'a second table under the first: only the first is used',
    grid: sheet([HT, [ONE], ['甲', 120, 10, 0], [], ['单位', '基础得分', '采用得分'], ['乙', 100, 5]]),
    findings: [['MULTIPLE_TABLES', 'A5']],
    categories: [{ name: ONE, units: [['甲', 130, 1]] }],
  },
  {
    id: 'two-tables-with-titles',
    about: 'two quarters stacked, each under its own title line: the second title is not a unit',
    grid: sheet([
      ['2023年第三季度政务信息得分'],
      HT,
      [ONE],
      ['甲', 120, 10, 0],
      ['乙', 115, 10, 0],
      [],
      ['2023年第二季度政务信息得分'],
      HT,
      [ONE],
      ['甲', 100, 0, 0],
    ]),
    findings: [['MULTIPLE_TABLES', 'A8']],
    period: '2023年第三季度',
    categories: [{ name: ONE, units: [['甲', 130, 1], ['乙', 125, 2]] }],
  },
  {
    id: 'merged-two-row-header',
    about: '单位, 累计得分 and 排名 merged down two rows, 得分情况 merged over three score columns',
    grid: sheet(
      [
        ['单位', '得分情况', null, null, '累计得分', '排名'],
        [null, '基础得分', '采用得分', '附加得分', null, null],
        [ONE],
        ['甲', 120, 20, 1],
        ['乙', 110, 30, 0],
      ],
      { merges: ['A1:A2', 'B1:D1', 'E1:E2', 'F1:F2', 'A3:F3'] },
    ),
    findings: [],
    categories: [{ name: ONE, units: [['甲', 141, 1], ['乙', 140, 2]] }],
  },
  {
    id: 'merged-title-and-category-rows',
    about: 'a merged title, full-width brackets in a category, and a merged category row with an unknown name',
    grid: sheet(
      [
        ['2023年第三季度政务信息考评得分'],
        HT,
        ['乡镇（街道）'],
        ['温泉街道', 120, 30, 2],
        ['祥云镇', 115, 15, 1.6],
        ['城区'],
        ['太行街道', 100, 5, 0],
      ],
      { merges: ['A1:F1', 'A3:F3', 'A6:F6'] },
    ),
    findings: [['UNKNOWN_CATEGORY', 'A6']],
    period: '2023年第三季度',
    categories: [
      { name: '乡镇（街道）', units: [['温泉街道', 152, 1], ['祥云镇', 131.6, 2]] },
      { name: '城区', units: [['太行街道', 105, 1]] },
    ],
  },
  {
    id: 'duplicate-headers',
    about: 'a second 单位名称 and a second 基础得分 column: the first of each is used',
    grid: sheet([['单位', '基础得分', '单位名称', '基础得分', '采用得分'], ['甲', 100, '乙', 999, 10]]),
    findings: [
      ['NO_CATEGORY', null],
      ['DUPLICATE_HEADER', 'C1'],
      ['DUPLICATE_HEADER', 'D1'],
    ],
    categories: [{ name: '全部单位', units: [['甲', 110, 1]] }],
  },
  {
    id: 'spaced-and-wrapped-headers',
    about: 'headers padded with spaces to line up (单  位), wrapped onto two lines, with full-width brackets',
    grid: sheet([['单  位', '基础\n得分', '采 用 得 分', '附加得分（2）', '累计\u3000得分', '排\n名'], [ONE], ['甲', 120, 10, 1], ['乙', 115, 10, 0]]),
    findings: [],
    categories: [{ name: ONE, units: [['甲', 131, 1], ['乙', 125, 2]] }],
  },
  {
    id: 'category-column',
    about: 'a 类别 column instead of category rows; blank category cells continue the one above',
    grid: sheet([
      ['类别', '单位', '基础得分', '采用得分', '附加得分'],
      [ONE, '甲', 120, 10, 0],
      [null, '乙', 115, 5, 0],
      [TWO, '丙', 60, 0, 0],
    ]),
    findings: [],
    categories: [
      { name: ONE, units: [['甲', 130, 1], ['乙', 120, 2]] },
      { name: TWO, units: [['丙', 60, 1]] },
    ],
  },
  {
    id: 'origin-offset',
    about: 'the used range starts at C4; wrong ranks typed in column H',
    grid: sheet([HT, [ONE], ['甲', 120, 10, 0, 130, 2], ['乙', 100, 0, 0, 100, 1]], { origin: [3, 2] }),
    findings: [
      ['RANK_MISMATCH', 'H6'],
      ['RANK_MISMATCH', 'H7'],
    ],
    categories: [{ name: ONE, units: [['甲', 130, 1], ['乙', 100, 2]] }],
  },
  {
    id: 'remark-right-of-category-row',
    about: 'a remark beside a category row, right of the table: the added 累计得分 column must not swallow it',
    grid: sheet([H, [ONE, null, null, null, '（共2家）'], ['甲', 120, 10, 0], ['乙', 115, 10, 0]]),
    findings: [],
    categories: [{ name: ONE, units: [['甲', 130, 1], ['乙', 125, 2]] }],
  },
  {
    id: 'note-and-sum-row-below',
    about: 'a 合计 row is not a unit; rows after a 注： note are not read, and that is said (#9)',
    grid: sheet([H, [ONE], ['甲', 120, 10, 0], ['乙', 100, 5, 0], ['合计', 220, 15, 0], ['注：数据截至9月30日'], ['丙', 1, 2, 3]]),
    findings: [['TABLE_ENDS_EARLY', 'A6']],
    categories: [{ name: ONE, units: [['甲', 130, 1], ['乙', 105, 2]] }],
  },
  {
    id: 'unknown-columns',
    about: 'serial, remark, contact and phone columns between the score columns are ignored',
    grid: sheet([
      ['序号', '单位', '备注', '基础得分', '联系人', '采用得分', '附加得分', '电话'],
      [1, '甲', '补报', 120, '张三', 10, 0, '0391-1234567'],
      [2, '乙', null, 100, '李四', 5, 1, 13800000000],
    ]),
    findings: [['NO_CATEGORY', null]],
    categories: [{ name: '全部单位', units: [['甲', 130, 1], ['乙', 106, 2]] }],
  },
  {
    id: 'deduction-column',
    about: 'a 扣分 column subtracts',
    grid: sheet([['单位', '基础得分', '采用得分', '扣分'], ['甲', 120, 10, 5], ['乙', 100, 30, 0]]),
    findings: [['NO_CATEGORY', null]],
    categories: [{ name: '全部单位', units: [['甲', 125, 2], ['乙', 130, 1]] }],
  },

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

/** True when a finding code means no score table was found (the CLI's exit status 2). */
export const NO_TABLE_CODES: ReadonlySet<FindingCode> = new Set(['HEADER_NOT_FOUND', 'MISSING_COLUMN']);
