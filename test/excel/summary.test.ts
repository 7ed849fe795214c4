/** 生成汇总表 through the adapter: ≤ 3 syncs, the notice lines, the marker, a chart, and users' sheets left alone. */
import { SUMMARY_MARKER, gridFromRows } from '../../src/core';
import { SimWorkbook } from '../../src/sim';
import { noticeLines } from '../support/fixtures';
import { fixtureGrids, manyMergedCategories, simHost } from './simHost';

function texts(wb: SimWorkbook, name: string): string[] {
  const grid = wb.toGrids().find((g) => g.sheetName === name)!;
  return grid.values.flat().filter((v): v is string => typeof v === 'string');
}

describe('summary sheet', () => {
  test('written in at most 3 syncs with the notice lines, the marker, a chart per category and A4 page setup with header and footer', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const { host, reported } = simHost(wb);
    const result = await host.writeSummary();
    if (!result.ok) throw new Error(result.error.key);
    expect(result.value.sheetName).toBe('考评汇总');
    expect(reported('writeSummary')).toBeLessThanOrEqual(3);
    expect(wb.syncCount).toBeLessThanOrEqual(3);
    const all = texts(wb, '考评汇总');
    for (const line of noticeLines()) expect(all).toContain(line);
    expect(all.some((t) => t.includes(SUMMARY_MARKER))).toBe(true);
    const sheet = wb.sheet('考评汇总')!;
    // One readable bar chart per category, not one crowded chart of all 47 units.
    expect(sheet.charts.map((c) => c.title)).toEqual(['乡镇(街道)累计得分', '一类考评单位累计得分', '二类考评单位累计得分', '三类考评单位累计得分']);
    for (const chart of sheet.charts) expect(chart).toMatchObject({ type: 'BarClustered', seriesBy: 'Columns', legendVisible: false, reversePlotOrder: true });
    expect(sheet.pageLayout).toEqual({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      headersFooters: { centerHeader: '2023年7—9月份全县政务信息考评汇总', centerFooter: '第 &P 页，共 &N 页' },
    });
    expect(sheet.cell(0, 0)?.format).toMatchObject({ fontName: '宋体', fontSize: 16, bold: true });
    expect(sheet.merges.length).toBeGreaterThan(3);
    expect(sheet.columnWidths.size).toBeGreaterThan(3);
    expect(wb.activeSheet.name).toBe('考评汇总');
    // The title carries the period.
    expect(String(sheet.cell(0, 0)?.value)).toContain('2023年7—9月份');
  });

  test('regenerating replaces only the product\'s own sheet, in place', async () => {
    const grids = await fixtureGrids();
    const wb = SimWorkbook.fromGrids([...grids, gridFromRows([['其他']], '附表')]);
    const { host } = simHost(wb);
    expect((await host.writeSummary()).ok).toBe(true);
    const order = wb.sheets.map((s) => s.name);
    wb.activateSheet(grids[0]!.sheetName);
    const before = wb.syncCount;
    const again = await host.writeSummary();
    expect(again.ok && again.value.sheetName).toBe('考评汇总');
    expect(wb.syncCount - before).toBeLessThanOrEqual(3);
    expect(wb.sheets.map((s) => s.name)).toEqual(order);
    expect(wb.sheets.filter((s) => s.name.startsWith('考评汇总'))).toHaveLength(1);
  });

  test('a user\'s own sheet named 考评汇总 is never touched: the summary goes to 考评汇总(2)', async () => {
    const grids = await fixtureGrids();
    const mine = gridFromRows([['我自己的汇总'], ['别动', 1]], '考评汇总');
    const wb = SimWorkbook.fromGrids([...grids, mine]);
    const userSheet = JSON.stringify(wb.toGrids().find((g) => g.sheetName === '考评汇总'));
    const { host } = simHost(wb);
    const result = await host.writeSummary();
    expect(result.ok && result.value.sheetName).toBe('考评汇总(2)');
    wb.activateSheet(grids[0]!.sheetName);
    const again = await host.writeSummary();
    expect(again.ok && again.value.sheetName).toBe('考评汇总(2)');
    expect(JSON.stringify(wb.toGrids().find((g) => g.sheetName === '考评汇总'))).toBe(userSheet);
    expect(wb.sheets.map((s) => s.name).filter((n) => n.startsWith('考评汇总'))).toEqual(['考评汇总', '考评汇总(2)']);
  });

  test('English display language gives the English summary texts', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const { host } = simHost(wb, { displayLanguage: 'en-US' });
    expect((await host.writeSummary()).ok).toBe(true);
    expect(texts(wb, '考评汇总').some((t) => /[A-Za-z]{4,}/.test(t) && t.includes(SUMMARY_MARKER))).toBe(true);
  });

  test('no score table on the active sheet: a clear message and nothing written', async () => {
    const wb = SimWorkbook.fromGrids([gridFromRows([['会议记录'], ['无关内容']], '记录')]);
    const before = wb.snapshot();
    const { host } = simHost(wb);
    const result = await host.writeSummary();
    expect(!result.ok && result.error).toEqual({ key: 'host.error.noTable', params: { sheet: '记录' } });
    expect(wb.snapshot()).toBe(before);
  });

  test('a failed summary write leaves no sheet behind, and a retry works', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const before = wb.snapshot();
    const { host } = simHost(wb);
    wb.failSync({ code: 'ConnectionFailure' }, 2);
    const failed = await host.writeSummary();
    expect(!failed.ok && failed.error.key).toBe('host.error.connection');
    expect(wb.snapshot()).toBe(before);
    expect((await host.writeSummary()).ok).toBe(true);
  });
});

test('summary of a sheet with more than 512 merged category rows (read retried without merges)', async () => {
  const grid = manyMergedCategories(520);
  const wb = SimWorkbook.fromGrids([grid]);
  const { host } = simHost(wb);
  const result = await host.writeSummary();
  expect(result.ok && result.value.sheetName).toBe('考评汇总');
});
