/**
 * #11 item 8: the whole flow on the Excel of each Office the county PCs run — Office 2019
 * (ExcelApi 1.7), LTSC 2021 (1.14) and Microsoft 365 (1.20) — with the strict simulated Excel
 * failing every member newer than the set it reports (src/sim/requirements.ts). Results equal
 * the published ranks everywhere; what an older Excel leaves out is said, and no ungated call
 * is ever made (SimWorkbook.apiNotFound stays empty, even where the adapter swallows errors).
 */
import type { MessageKey } from '../../src/i18n';
import { gridFromRows, type CellValue, type Grid } from '../../src/core';
import { t } from '../../src/i18n';
import { OFFICE_EXCEL_API, SimWorkbook } from '../../src/sim';
import { publishedUnits } from '../support/fixtures';
import { fixtureGrids, simHost } from './simHost';

/** The published units as the score sheet holds them: name -> { total, rank }. */
function resultsIn(wb: SimWorkbook) {
  const grid = wb.toGrids()[0]!;
  const header = grid.values.findIndex((row) => row.includes('累计得分'));
  const cols = grid.values[header]!;
  const found = new Map<string, { total: unknown; rank: unknown }>();
  grid.values.forEach((row, i) => {
    if (typeof row[0] === 'string' && i > header) found.set(row[0], { total: row[cols.indexOf('累计得分')], rank: row[cols.indexOf('排名')] });
  });
  return found;
}

function expectPublished(wb: SimWorkbook): void {
  const found = resultsIn(wb);
  const units = publishedUnits();
  expect(units.length).toBeGreaterThan(40);
  for (const unit of units) expect({ name: unit.name, ...found.get(unit.name) }).toEqual({ name: unit.name, total: unit.total, rank: unit.rank });
}

function must<T>(outcome: { ok: true; value: T } | { ok: false; error: { key: MessageKey; params?: Record<string, string | number> } }): T {
  if (!outcome.ok) throw new Error(t(outcome.error.key, 'zh-CN', outcome.error.params));
  return outcome.value;
}

const LEVELS = [
  { office: 'Office 2019', set: OFFICE_EXCEL_API.office2019, limits: ['host.office.limit.hiddenRows', 'host.office.limit.print', 'host.office.limit.cellEdit', 'host.office.limit.merges', 'host.office.limit.undoGroup'] },
  { office: 'Office LTSC 2021', set: OFFICE_EXCEL_API.ltsc2021, limits: ['host.office.limit.undoGroup'] },
  { office: 'Microsoft 365', set: OFFICE_EXCEL_API.microsoft365, limits: [] },
] as const;

describe.each(LEVELS)('the whole flow on $office (ExcelApi $set)', ({ set, limits }) => {
  async function setup(extra: Grid[] = []) {
    const wb = SimWorkbook.fromGrids([...(await fixtureGrids()), ...extra]);
    wb.requirements = { ExcelApi: set };
    return simHost(wb);
  }

  test('校验, preview and 重新计算排名, 撤销上次计算, 清除标记: the published ranks, and what this Excel leaves out is said', async () => {
    const { wb, host } = await setup();
    const before = JSON.stringify(wb.toGrids()[0]!.values);

    const inspection = must(await host.inspect());
    expect(inspection.analysis.scored?.categories.length).toBe(4);
    expect((inspection.officeLimits ?? []).map((m) => m.key)).toEqual(limits);
    // Every stated limit reads as a sentence in both languages, naming the Office that has the feature.
    for (const m of inspection.officeLimits ?? []) {
      expect(t(m.key, 'zh-CN', m.params)).toMatch(/需要 (Office LTSC 2021|Microsoft 365)/);
      expect(t(m.key, 'en-US', m.params)).toMatch(/needs (Office LTSC 2021|Microsoft 365)/);
    }

    const preview = must(await host.previewRecalc());
    expect(preview.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(wb.toGrids()[0]!.values)).toBe(before);
    const applied = must(await host.applyRecalc(preview));
    expect(applied.cellsWritten).toBeGreaterThan(0);
    expectPublished(wb);
    // The run options go only where the set has them (Excel would ignore them otherwise).
    expect(wb.runLog.at(-1)).toMatchObject({ delayForCellEdit: set !== '1.7', mergeUndoGroup: set === '1.20' });

    must(await host.undoLast());
    expect(JSON.stringify(wb.toGrids()[0]!.values)).toBe(before);

    must(await host.recalcNow());
    expectPublished(wb);
    const cleared = must(await host.clearFlags());
    expect(cleared.units).toBeGreaterThan(0);
    expect(wb.apiNotFound).toEqual([]);
  });

  test('生成汇总表: same sheet everywhere; the print setup only from ExcelApi 1.9', async () => {
    const { wb, host } = await setup();
    must(await host.recalcNow());
    const summary = must(await host.writeSummary());
    const sheet = wb.sheet(summary.sheetName)!;
    expect(sheet.charts.length).toBe(4);
    // Bars in rank order needs ChartAxis.reversePlotOrder (1.7): every level here has it.
    for (const chart of sheet.charts) expect(chart.reversePlotOrder).toBe(true);
    if (set === '1.7') expect(sheet.pageLayout).toEqual({});
    else expect(sheet.pageLayout).toMatchObject({ paperSize: 'A4', headersFooters: { centerFooter: '第 &P 页，共 &N 页' } });
    const reference = SimWorkbook.fromGrids(await fixtureGrids());
    must(await simHost(reference).host.recalcNow());
    const newest = must(await simHost(reference).host.writeSummary());
    expect(wb.toGrids().find((g) => g.sheetName === summary.sheetName)!.values).toEqual(reference.toGrids().find((g) => g.sheetName === newest.sheetName)!.values);
    expect(wb.apiNotFound).toEqual([]);
  });

  test('settings saved and read back by a reopened pane; an edit re-checks through worksheet.onChanged', async () => {
    const { wb, host, reopen } = await setup([gridFromRows([['其他']], '附表')]);
    must(await host.saveSettings({ rankMode: 'dense', topN: 5, flagColumn: false, writeFormulas: true }));
    expect(must(await reopen().inspect()).settings).toEqual({ rankMode: 'dense', topN: 5, flagColumn: false, writeFormulas: true });

    const sheetName = wb.sheets[0]!.name;
    const edits: string[] = [];
    const off = await host.onSheetEdited(sheetName, (address) => edits.push(address));
    let switches = 0;
    const offActivated = await host.onActiveSheetChanged(() => (switches += 1));
    wb.userEdit(sheetName, 'B5', 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(edits).toEqual(['B5']);
    wb.activateSheet('附表');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(switches).toBe(1);
    off();
    offActivated();
    expect(wb.apiNotFound).toEqual([]);
  });

  test('年度汇总 of two periods, and its undo', async () => {
    const header = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
    const period = (name: string, title: string, units: Array<[string, CellValue, number, number]>): Grid =>
      gridFromRows([[title], header, ['一类考评单位'], ...units.map((u) => [...u])], name);
    const wb = SimWorkbook.fromGrids([
      period('一季度', '2023年第一季度全县政务信息得分情况', [['甲', 120, 10, 0], ['乙', 100, 0, 0]]),
      period('二季度', '2023年4—6月份全县政务信息得分情况', [['甲', 100, 0, 0], ['乙', 120, 5, 0]]),
    ]);
    wb.requirements = { ExcelApi: set };
    const { host } = simHost(wb);
    const preview = must(await host.previewYear());
    expect(preview.year.periods.map((p) => p.sheetName)).toEqual(['一季度', '二季度']);
    const written = must(await host.applyYear(preview));
    expect(wb.sheet(written.sheetName)).toBeDefined();
    must(await host.undoYear());
    expect(wb.sheet(written.sheetName)).toBeUndefined();
    expect(wb.apiNotFound).toEqual([]);
  });
});

describe('an Excel older than Office 2019', () => {
  test.each(['1.4', '1.6'])('ExcelApi %s: every operation says which Office is needed and touches nothing', async (set) => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    wb.requirements = { ExcelApi: set };
    const before = JSON.stringify(wb.toGrids());
    const { host } = simHost(wb);
    const outcomes = [await host.inspect(), await host.previewRecalc(), await host.recalcNow(), await host.undoLast(), await host.clearFlags(), await host.writeSummary(), await host.previewYear(), await host.undoYear()];
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error).toMatchObject({ key: 'host.office.tooOld', params: { have: set, need: '1.7', office: 'Office 2019' } });
    }
    const [first] = outcomes;
    if (first && !first.ok) {
      expect(t(first.error.key, 'zh-CN', first.error.params)).toContain(`考评助手需要 Office 2019 或更新版本（ExcelApi 1.7）`);
      expect(t(first.error.key, 'en-US', first.error.params)).toContain('needs Office 2019 or later (ExcelApi 1.7)');
    }
    // The events are not registered either (both are ExcelApi 1.7).
    const off = await host.onSheetEdited(wb.sheets[0]!.name, () => undefined);
    off();
    expect(wb.syncCount).toBe(0);
    expect(wb.apiNotFound).toEqual([]);
    expect(JSON.stringify(wb.toGrids())).toBe(before);
  });
});
