/** #9 item 10: cells the plan cannot write become findings naming them, never an internal error. */
import { analyze, cellWrites, gridFromRows, planWrites, type CellValue, type Grid } from '../../src/core';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
const rows = (): CellValue[][] => [HEADER, ['一类考评单位'], ['甲', 40, 10, 0], ['乙', 30, 5, 0], ['丙', 20, 0, 0]];

function plan(grid: Grid) {
  const analysis = analyze(grid);
  return planWrites(grid, analysis, { flagColumn: true });
}

const problems = (p: ReturnType<typeof plan>) => (p.problems ?? []).map((f) => `${f.code}@${f.cell}:${f.severity}`);

describe('the plan around merged cells and the sheet\'s edge', () => {
  it('moves the added 标记 column past a merge that crosses the table (G1:G3), with no finding', () => {
    const grid: Grid = { ...gridFromRows(rows()), merges: [{ top: 0, left: 6, bottom: 2, right: 6 }] };
    const p = plan(grid);
    expect(problems(p)).toEqual([]);
    const flagCells = cellWrites(p).filter((w) => w.kind === 'flag' || (w.kind === 'header' && w.after.value === '标记'));
    expect(flagCells.length).toBeGreaterThan(0);
    expect(flagCells.every((w) => w.address.startsWith('H'))).toBe(true);
  });

  it('merged 累计得分 cells (E3:E4) are error findings naming each cell, and are not written', () => {
    const grid: Grid = { ...gridFromRows(rows()), merges: [{ top: 2, left: 4, bottom: 3, right: 4 }] };
    const p = plan(grid);
    expect(problems(p)).toEqual(['MERGED_OUTPUT_CELL@E3:error', 'MERGED_OUTPUT_CELL@E4:error']);
    expect(p.problems![0]!.unit).toBe('甲');
    const written = cellWrites(p).map((w) => w.address);
    expect(written).not.toContain('E3');
    expect(written).not.toContain('E4');
    expect(written).toContain('E5');
  });

  it('a header word in column XFD: no column is left for 标记, a warning says so, totals and ranks still planned', () => {
    const header: CellValue[] = [...HEADER, ...new Array<CellValue>(16_383 - HEADER.length).fill(null), '备注'];
    const grid = gridFromRows([header, ...rows().slice(1)]);
    const p = plan(grid);
    expect(problems(p)).toEqual(['FLAG_COLUMN_SKIPPED@XFD1:warning']);
    const kinds = new Set(cellWrites(p).map((w) => w.kind));
    expect([...kinds].sort()).toEqual(['rank', 'total']);
    expect(cellWrites(p).every((w) => w.col <= 16_383)).toBe(true);
  });

  it('no 累计得分 column and no room to add one: an error finding', () => {
    const header: CellValue[] = ['单位', '基础得分', '采用得分', ...new Array<CellValue>(16_383 - 3).fill(null), '备注'];
    const grid = gridFromRows([header, ['一类考评单位'], ['甲', 40, 10], ['乙', 30, 5]]);
    const p = plan(grid);
    expect(problems(p)).toEqual(['NO_ROOM_FOR_COLUMN@XFD1:error', 'NO_ROOM_FOR_COLUMN@XFD1:error', 'FLAG_COLUMN_SKIPPED@XFD1:warning']);
    expect(cellWrites(p)).toEqual([]);
  });
});
