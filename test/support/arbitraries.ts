/**
 * fast-check arbitraries for score sheets.
 *
 * `scenarioArb` builds sheets the way offices lay them out (title rows, blank rows, category
 * rows or a category column, any column order, an offset origin, junk cells) together with an
 * independent model of what they mean: which rows are units, in which category, and each
 * unit's total in integer cents summed here from the generated numbers — never by the core.
 *
 * `chaosGridArb` builds anything at all from spreadsheet-ish vocabulary, for "never throws"
 * and "findings point at real cells".
 */
import fc from 'fast-check';
import type { CellRange, CellValue, Grid } from '../../src/core';

// ---- vocabulary ---------------------------------------------------------------------------

export const KNOWN_CATEGORIES = ['乡镇（街道）', '一类考评单位', '二类考评单位', '三类考评单位'];
/** Unknown names that still read as categories (类 / 组 / 单位 in them). */
export const OTHER_CATEGORIES = ['第一组', '城区单位', '四类', '直属单位', '第二组'];
const UNIT_NAMES = ['农业农村局', '商务局', '财政局', '教育局', '温泉街道', '祥云镇', '县委办', '统计局', '=HYPERLINK("x")', '+税务局', '🏛️县政府办', '农业 农村局', '商务局\u200B'];
const TITLES: CellValue[][] = [
  ['2023年7—9月份全县政务信息得分情况'],
  ['2023年第三季度政务信息考评'],
  ['制表单位：县政府办公室', null, null, '2023-10-08'],
  [null, '（单位：分）'],
];
/** Text a clerk leaves in cells: none of it is a header word, a note start or a number. */
const JUNK_TEXT = ['未报送', '—', 'N/A', '无', '待核', '张三', '0391-1234567', '  ', '#REF!', '#DIV/0!', '#N/A', '=1/0', '-', '@某人'];
const JUNK: CellValue[] = [...JUNK_TEXT, true, false, null];

type Role = 'unit' | 'base' | 'adoption' | 'bonus' | 'deduction' | 'extra' | 'total' | 'rank' | 'category' | 'serial' | 'remark';
type ScoreRole = 'base' | 'adoption' | 'bonus' | 'deduction' | 'extra';
const SCORE_ROLES: readonly ScoreRole[] = ['base', 'adoption', 'bonus', 'deduction', 'extra'];

const LABELS: Record<Role, string[]> = {
  unit: ['单位', '单位名称', '考评单位', '部门名称'],
  base: ['基础得分', '基础分', '报送得分'],
  adoption: ['采用得分', '采用分'],
  bonus: ['附加得分', '加分'],
  deduction: ['扣分', '扣减分'],
  extra: ['在线服务得分(9)', '信息公开得分'],
  total: ['累计得分', '总分', '综合得分'],
  rank: ['排名', '名次'],
  category: ['类别', '单位类别'],
  serial: ['序号'],
  remark: ['备注', '联系人'],
};

// ---- the generated description -----------------------------------------------------------------

/** How a score cell is written; `cents` is what it is worth (junk counts as 0). */
type ScoreCell =
  | { kind: 'number'; cents: number }
  | { kind: 'text'; cents: number }
  | { kind: 'formula'; cents: number }
  | { kind: 'junk'; value: CellValue };

/** What already sits in a total or rank cell. */
type Existing = { kind: 'empty' } | { kind: 'value'; value: CellValue } | { kind: 'formula'; value: CellValue };

interface UnitSpec {
  name: string;
  scores: Record<ScoreRole, ScoreCell>;
  total: Existing;
  rank: Existing;
  remark: CellValue;
  /** Column mode: repeat the category name on this row (the first unit always has it). */
  repeatCategory: boolean;
  blankAfter: boolean;
  hidden: boolean;
}

interface CategorySpec {
  name: string;
  /** Rows mode: the name sits in the unit column, or in the table's first column, merged across. */
  placement: 'unitColumn' | 'firstColumnMerged';
  hidden: boolean;
  /** A remark beside the category row, right of the table ("（共5家）"), at this distance. */
  sideNote: { text: string; gap: number } | null;
  units: UnitSpec[];
}

export interface ScenarioSpec {
  origin: [number, number];
  titles: CellValue[][];
  mode: 'rows' | 'column' | 'none';
  columns: Role[];
  labels: Record<Role, string>;
  categories: CategorySpec[];
  sumRow: boolean;
  noteBelow: boolean;
  /** Squeeze every score into 0, 5 or 10 so that ties are common. */
  tight: boolean;
}

/** The model: what a person reading the sheet knows it means. */
export interface ModelUnit {
  name: string;
  /** Absolute 0-based row. */
  row: number;
  totalCents: number;
}

export interface Scenario {
  spec: ScenarioSpec;
  grid: Grid;
  headerRow: number;
  /** Absolute column of each role present. */
  cols: Partial<Record<Role, number>>;
  categories: Array<{ name: string; units: ModelUnit[] }>;
  /** Cells holding the user's formulas in total/rank columns (never overwritten). */
  formulaCells: Set<string>;
}

// ---- arbitraries ----------------------------------------------------------------------------

/** Cents with at most two decimals, biased towards the few values that make ties likely. */
const centsArb = (max: number): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(0, 500, 1000, 6000, 12000, 50, 100).filter((c) => c <= max) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: Math.floor(max / 500) }).map((n) => n * 500) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max }) },
    { weight: 1, arbitrary: fc.integer({ min: -500, max: -1 }) },
  );

const scoreCellArb = (max: number): fc.Arbitrary<ScoreCell> =>
  fc.oneof(
    { weight: 8, arbitrary: centsArb(max).map((cents) => ({ kind: 'number' as const, cents })) },
    { weight: 2, arbitrary: centsArb(max).map((cents) => ({ kind: 'text' as const, cents })) },
    { weight: 1, arbitrary: centsArb(max).map((cents) => ({ kind: 'formula' as const, cents })) },
    { weight: 2, arbitrary: fc.constantFrom(...JUNK).map((value) => ({ kind: 'junk' as const, value })) },
  );

const existingArb = (values: fc.Arbitrary<CellValue>): fc.Arbitrary<Existing> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'empty' as const }) },
    { weight: 3, arbitrary: values.map((value) => ({ kind: 'value' as const, value })) },
    { weight: 1, arbitrary: values.map((value) => ({ kind: 'formula' as const, value })) },
  );

const existingValues: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.integer({ min: 0, max: 20000 }).map((c) => c / 100),
  fc.constantFrom('第1名', '待算', '130', '#VALUE!'),
);

const unitArb = (names: fc.Arbitrary<string>): fc.Arbitrary<UnitSpec> =>
  fc.record({
    name: names,
    scores: fc.record({
      base: scoreCellArb(15000),
      adoption: scoreCellArb(8000),
      bonus: scoreCellArb(300),
      deduction: scoreCellArb(1000),
      extra: scoreCellArb(1000),
    }),
    total: existingArb(existingValues),
    rank: existingArb(existingValues),
    remark: fc.constantFrom<CellValue>(null, null, '补报', '张三', 42),
    repeatCategory: fc.boolean(),
    blankAfter: fc.boolean(),
    hidden: fc.boolean(),
  });

/** Unit names: mostly unique, sometimes repeated or look-alike (duplicates are still ranked). */
const unitNameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...UNIT_NAMES), fc.integer({ min: 1, max: 999 })).map(([n, i]) => `${n}${i}`) },
  { weight: 1, arbitrary: fc.constantFrom(...UNIT_NAMES) },
);

export const scenarioSpecArb: fc.Arbitrary<ScenarioSpec> = fc
  .record({
    origin: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })),
    titles: fc.subarray(TITLES),
    blankUnderTitle: fc.boolean(),
    mode: fc.constantFrom('rows' as const, 'column' as const, 'none' as const),
    optional: fc.subarray(['deduction', 'extra', 'total', 'rank', 'serial', 'remark'] as Role[]),
    order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 11, maxLength: 11 }),
    labelPicks: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
    categoryNames: fc.shuffledSubarray([...KNOWN_CATEGORIES, ...OTHER_CATEGORIES], { minLength: 1, maxLength: 4 }),
    categories: fc.array(
      fc.record({
        placement: fc.constantFrom('unitColumn' as const, 'firstColumnMerged' as const),
        hidden: fc.boolean(),
        sideNote: fc.option(fc.record({ text: fc.constantFrom('（共5家）', '含新设单位', '备注'), gap: fc.integer({ min: 0, max: 2 }) }), { nil: null, freq: 4 }),
        units: fc.array(unitArb(unitNameArb), { minLength: 1, maxLength: 7 }),
      }),
      { minLength: 4, maxLength: 4 },
    ),
    sumRow: fc.boolean(),
    noteBelow: fc.boolean(),
    tight: fc.boolean(),
  })
  .map((r) => {
    const roles: Role[] = ['unit', 'base', 'adoption', 'bonus', ...r.optional];
    if (r.mode === 'column') roles.push('category');
    const keyed = roles.map((role, i) => ({ role, key: r.order[i] ?? 0 }));
    keyed.sort((a, b) => a.key - b.key);
    const labels = Object.fromEntries(
      (Object.keys(LABELS) as Role[]).map((role, i) => [role, LABELS[role][(r.labelPicks[i] ?? 0) % LABELS[role].length]!]),
    ) as Record<Role, string>;
    const count = r.mode === 'none' ? 1 : r.categoryNames.length;
    const categories = r.categories.slice(0, count).map((c, i) => ({ ...c, name: r.categoryNames[i]! }));
    const titles = r.blankUnderTitle && r.titles.length ? [...r.titles, []] : r.titles;
    return { origin: r.origin, titles, mode: r.mode, columns: keyed.map((k) => k.role), labels, categories, sumRow: r.sumRow, noteBelow: r.noteBelow, tight: r.tight };
  });

// ---- building the sheet and its model -------------------------------------------------------------

/** Decimal text of a cents amount, written here so the check does not lean on the core's formatting. */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const frac = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${frac === 0 ? '' : `.${String(frac).padStart(2, '0').replace(/0$/, '')}`}`;
}

/** A name as a reader sees it: the zero-width spaces the generator pastes in are invisible. */
function shownName(name: string): string {
  return name.split('\u200B').join('');
}

function a1Local(row: number, col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

export function buildScenario(spec: ScenarioSpec): Scenario {
  const [originRow, originCol] = spec.origin;
  const width = spec.columns.length;
  const rows: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const merges: CellRange[] = [];
  const hidden: number[] = [];
  const formulaCells = new Set<string>();
  const colOf = (role: Role) => spec.columns.indexOf(role);
  const cols: Partial<Record<Role, number>> = {};
  for (const role of spec.columns) cols[role] = colOf(role) + originCol;
  const abs = (i: number) => i + originRow;

  const push = (values: CellValue[], f: (string | null)[] = []) => {
    rows.push(values);
    formulas.push(f);
    return rows.length - 1;
  };

  for (const t of spec.titles) push([...t]);
  const headerIndex = push(spec.columns.map((role) => spec.labels[role]));
  const categories: Scenario['categories'] = [];
  let serial = 0;

  for (const category of spec.categories) {
    const model = { name: spec.mode === 'none' ? '全部单位' : category.name, units: [] as ModelUnit[] };
    categories.push(model);
    if (spec.mode === 'rows') {
      const line: CellValue[] = new Array<CellValue>(width).fill(null);
      const at = category.placement === 'unitColumn' ? colOf('unit') : 0;
      line[at] = category.name;
      if (category.sideNote) line[width + category.sideNote.gap] = category.sideNote.text;
      const i = push(line);
      if (category.placement === 'firstColumnMerged' && width > 1) merges.push({ top: abs(i), left: originCol, bottom: abs(i), right: originCol + width - 1 });
      if (category.hidden) hidden.push(abs(i));
    }
    category.units.forEach((unit, u) => {
      const line: CellValue[] = new Array<CellValue>(width).fill(null);
      const f: (string | null)[] = new Array<string | null>(width).fill(null);
      const index = rows.length;
      let total = 0;
      for (const role of spec.columns) {
        const c = colOf(role);
        if ((SCORE_ROLES as readonly string[]).includes(role)) {
          const cell = unit.scores[role as ScoreRole];
          if (cell.kind === 'junk') {
            line[c] = cell.value;
            continue;
          }
          const cents = spec.tight ? (Math.abs(cell.cents) % 3) * 500 : cell.cents;
          line[c] = cell.kind === 'text' ? centsText(cents) : cents / 100;
          if (cell.kind === 'formula') f[c] = `=${centsText(cents)}+0`;
          total += role === 'deduction' ? -cents : cents;
        } else if (role === 'unit') line[c] = unit.name;
        else if (role === 'serial') line[c] = ++serial;
        else if (role === 'remark') line[c] = unit.remark;
        else if (role === 'category') line[c] = u === 0 || unit.repeatCategory ? category.name : null;
        else if (role === 'total' || role === 'rank') {
          const existing = role === 'total' ? unit.total : unit.rank;
          if (existing.kind === 'empty') continue;
          line[c] = existing.value;
          if (existing.kind === 'formula') {
            f[c] = role === 'total' ? '=SUM(B1:D1)' : '=RANK(E1,E:E)';
            formulaCells.add(a1Local(abs(index), c + originCol));
          }
        }
      }
      push(line, f);
      model.units.push({ name: shownName(unit.name), row: abs(index), totalCents: total });
      if (unit.hidden) hidden.push(abs(index));
      if (unit.blankAfter) push([]);
    });
  }
  if (spec.sumRow) {
    const line: CellValue[] = new Array<CellValue>(width).fill(null);
    line[colOf('unit')] = '合计';
    line[colOf('base')] = 999;
    push(line);
  }
  if (spec.noteBelow) {
    push(['注：基础得分上限为 120 分。']);
    const stray: CellValue[] = new Array<CellValue>(width).fill(1);
    stray[colOf('unit')] = '不应计入局';
    push(stray);
  }

  const grid: Grid = {
    sheetName: '得分表',
    originRow,
    originCol,
    values: rows.map((r) => r.map((v) => (v === '' ? null : v))),
    formulas,
    merges,
    hiddenRows: hidden,
  };
  return { spec, grid, headerRow: abs(headerIndex), cols, categories, formulaCells };
}

export const scenarioArb: fc.Arbitrary<Scenario> = scenarioSpecArb.map(buildScenario);

// ---- chaos ----------------------------------------------------------------------------------------

const WORDS = [
  ...Object.values(LABELS).flat(),
  ...KNOWN_CATEGORIES,
  ...OTHER_CATEGORIES,
  ...UNIT_NAMES,
  ...JUNK_TEXT,
  '合计',
  '注：以上数据截至9月30日',
  '得分情况',
  '标记',
  '零报送',
  '2023年第三季度',
  'x'.repeat(300),
  '农业\n农村局',
  '\u200B',
  '１２０',
  '12分',
  '1e400',
  '',
];

const chaosCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<CellValue>(...WORDS) },
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.integer({ min: -20000, max: 20000 }).map((c) => c / 100) },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) }, // hosts never hand over NaN
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

const HEADER_ROW: CellValue[] = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];

export const chaosGridArb: fc.Arbitrary<Grid> = fc
  .record({
    origin: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
    seedHeader: fc.boolean(),
    rows: fc.array(fc.array(chaosCell, { maxLength: 8 }), { maxLength: 14 }),
    merges: fc.array(fc.tuple(fc.nat(14), fc.nat(8), fc.nat(3), fc.nat(3)), { maxLength: 4 }),
    hidden: fc.array(fc.nat(16), { maxLength: 4 }),
    formulas: fc.array(fc.tuple(fc.nat(14), fc.nat(8), fc.constantFrom('=SUM(B2:D2)', '=1/0', '=A1', 'not a formula')), { maxLength: 4 }),
    formats: fc.array(fc.tuple(fc.nat(14), fc.nat(8), fc.constantFrom('yyyy-mm-dd', '0.00', 'General', '@', '[$-409]m/d/yy h:mm')), { maxLength: 3 }),
  })
  .map((r) => {
    const [originRow, originCol] = r.origin;
    const values = r.seedHeader ? [HEADER_ROW, ...r.rows] : r.rows;
    const shape = <T>(fill: T) => values.map((row) => row.map(() => fill));
    const formulas = shape<string | null>(null);
    for (const [row, col, text] of r.formulas) if (formulas[row]?.[col] !== undefined) formulas[row][col] = text;
    const numberFormats = shape<string | null>(null);
    for (const [row, col, text] of r.formats) if (numberFormats[row]?.[col] !== undefined) numberFormats[row][col] = text;
    const grid: Grid = {
      sheetName: 'Sheet1',
      originRow,
      originCol,
      values: values.map((row) => row.map((v) => (v === '' ? null : v))),
      formulas,
      numberFormats,
      merges: r.merges.map(([top, left, h, w]) => ({ top: top + originRow, left: left + originCol, bottom: top + originRow + h, right: left + originCol + w })),
      hiddenRows: r.hidden.map((h) => h + originRow),
    };
    return grid;
  });

/**
 * Settings for fc.configureGlobal: a fixed seed and a modest run count so CI is reproducible
 * and fast; PROP_SEED / PROP_RUNS override them for a longer bug hunt on a workstation.
 */
export function propertySettings(defaultSeed: number): { seed: number; numRuns: number } {
  const seed = process.env.PROP_SEED ? Number(process.env.PROP_SEED) : defaultSeed;
  const numRuns = process.env.PROP_RUNS ? Number(process.env.PROP_RUNS) : 200;
  return { seed, numRuns };
}
