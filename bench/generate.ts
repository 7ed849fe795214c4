/**
 * Synthetic score sheets of any size, laid out like the real one (merged title, header,
 * merged category rows, units): the inputs of every benchmark figure.
 */
import { isGeneralFormat, sparseRows, type CellRange, type CellValue, type Grid } from '../src/core';

/** The four categories of the real notice and their base-score caps. */
export const CATEGORIES: ReadonlyArray<{ name: string; cap: number }> = [
  { name: '乡镇(街道)', cap: 120 },
  { name: '一类考评单位', cap: 120 },
  { name: '二类考评单位', cap: 60 },
  { name: '三类考评单位', cap: 30 },
];

/** Name stems from the real table; an index suffix keeps every unit unique. */
const STEMS = ['温泉街道', '农业农村局', '人力资源和社会保障局', '市场监督管理局', '卫生健康委', '自然资源局', '供销社', '气象局', '教育局', '财政局'];

export const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'] as const;
export const TITLE = '2023年7—9月份全县政务信息得分情况';

/** Small deterministic PRNG (mulberry32): the same sheet on every run and machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SheetRow {
  kind: 'title' | 'header' | 'category' | 'unit';
  cells: CellValue[];
}

/**
 * Rows of a sheet with `units` units spread evenly over the four categories, 累计得分 and
 * 排名 blank (what the office has before recalculating). Scores follow the real rules
 * (base ≤ cap in steps of 5, adoption in steps of 5, bonus ≤ 2 with one decimal), so the
 * sheet has no errors and a recalculation is allowed; most units sit at the cap like the real table.
 */
export function sheetRows(units: number, seed = 1): SheetRow[] {
  const next = random(seed);
  const rows: SheetRow[] = [
    { kind: 'title', cells: [TITLE, null, null, null, null, null] },
    { kind: 'header', cells: [...HEADER] },
  ];
  let made = 0;
  CATEGORIES.forEach((category, index) => {
    const count = Math.floor(units / CATEGORIES.length) + (index < units % CATEGORIES.length ? 1 : 0);
    rows.push({ kind: 'category', cells: [category.name, null, null, null, null, null] });
    for (let i = 0; i < count; i++) {
      made++;
      const steps = category.cap / 5;
      const base = next() < 0.7 ? category.cap : Math.floor(next() * (steps + 1)) * 5;
      const adoption = Math.floor(next() * 14) * 5;
      const bonus = Math.round(next() * 20) / 10;
      rows.push({ kind: 'unit', cells: [`${STEMS[made % STEMS.length]}${made}`, base, adoption, bonus, null, null] });
    }
  });
  return rows;
}

/** The sheet as a core Grid (what an adapter hands the core after its one read). */
export function scoreGrid(units: number, seed = 1): Grid {
  const rows = sheetRows(units, seed);
  const merges: CellRange[] = [];
  rows.forEach((row, r) => {
    if (row.kind === 'title' || row.kind === 'category') merges.push({ top: r, left: 0, bottom: r, right: HEADER.length - 1 });
  });
  return {
    sheetName: '7-9月得分',
    originRow: 0,
    originCol: 0,
    values: rows.map((row) => row.cells),
    // What the adapters hand over for a sheet without formulas, all in General format: every row left out.
    formulas: sparseRows(rows.map((row) => row.cells.map((): string | null => null)), (f) => f, (f) => f === null),
    numberFormats: sparseRows(rows.map((row) => row.cells.map((): string | null => 'General')), (f) => f, isGeneralFormat),
    merges,
  };
}

/** Month m's sheet: the generator's sheet with a title naming the month, scores from its own seed. */
export function monthGrid(units: number, month: number): Grid {
  const grid = scoreGrid(units, month);
  const values = grid.values.map((row, r) => (r === 0 ? [TITLE.replace('7—9月份', `${month}月`), ...row.slice(1)] : row));
  return { ...grid, sheetName: `${month}月`, values };
}
