/**
 * #13 ledger in WPS: the golden ledger workbook (score sheet, 信息采用登记, 单位名录) through the
 * strict simulated ET gives the notice's sections 一 to 三 line for line as the published text,
 * and the same lines as the Excel host (simulated Excel) and `scorecard notice` give from the
 * same workbook; 考评汇总 carries them too. Simulation only: no WPS runs here.
 */
import type { MessageKey } from '../../src/i18n';
import { readFileSync } from 'node:fs';
import { gridFromRows, noticeText, SUMMARY_SHEET_NAME, type Analysis, type CellValue } from '../../src/core';
import { t } from '../../src/i18n';
import { SimWorkbook } from '../../src/sim';
import { run } from '../cli/helpers';
import { fixtureGrids, simHost } from '../excel/simHost';
import { fixturePath } from '../support/fixtures';
import { wpsHost } from './simWps';

const LEDGER = 'wenxian-2023-q3-ledger.xlsx';
const GOLDEN = readFileSync(fixturePath('wenxian-2023-q3.notice-full.txt'), 'utf8').split(/\r?\n/).filter((l) => l !== '');

type Outcome<T> = { ok: true; value: T } | { ok: false; error: { key: MessageKey; params?: Record<string, string | number> } };
function value<T>(r: Outcome<T>): T {
  if (!r.ok) throw new Error(t(r.error.key, 'zh-CN', r.error.params ?? {}));
  return r.value;
}

async function ledgerWorkbook(): Promise<SimWorkbook> {
  return SimWorkbook.fromGrids(await fixtureGrids(LEDGER));
}

function valuesOf(wb: SimWorkbook, name: string): CellValue[][] {
  return wb.toGrids().find((g) => g.sheetName === name)!.values;
}

describe('the ledger in WPS', () => {
  let wpsAnalysis: Analysis;
  let excelAnalysis: Analysis;

  beforeAll(async () => {
    wpsAnalysis = value(await wpsHost(await ledgerWorkbook()).host.inspect()).analysis;
    excelAnalysis = value(await simHost(await ledgerWorkbook()).host.inspect()).analysis;
  });

  test('inspect reads 信息采用登记 and 单位名录 and drafts the published sections 一 to 三', () => {
    expect(wpsAnalysis.ledger?.ledger?.sheetName).toBe('信息采用登记');
    expect(wpsAnalysis.ledger?.rosterSheet).toBe('单位名录');
    expect(wpsAnalysis.ledger?.ledger?.pieces.length).toBe(15 + 17);
    expect(noticeText(wpsAnalysis.notice!).slice(0, GOLDEN.length)).toEqual(GOLDEN);
  });

  test('the WPS notice lines are the Excel host’s and the CLI’s, line for line', async () => {
    const lines = noticeText(wpsAnalysis.notice!);
    expect(lines).toEqual(noticeText(excelAnalysis.notice!));
    const cli = await run(['notice', fixturePath(LEDGER), '--json']);
    expect(cli.code).toBe(0);
    const doc = JSON.parse(cli.stdout) as { title: string; sections: Array<{ heading: string; lines: string[] }> };
    expect([doc.title, ...doc.sections.flatMap((s) => [s.heading, ...s.lines])]).toEqual(lines);
  });

  test('考评汇总 in WPS holds the same text as in Excel, sections 二 and 三 included', async () => {
    const wpsBook = await ledgerWorkbook();
    const excelBook = await ledgerWorkbook();
    const wps = value(await wpsHost(wpsBook).host.writeSummary());
    const excel = value(await simHost(excelBook).host.writeSummary());
    expect(wps.sheetName).toBe(SUMMARY_SHEET_NAME);
    expect(excel.sheetName).toBe(SUMMARY_SHEET_NAME);
    const wpsText = valuesOf(wpsBook, SUMMARY_SHEET_NAME);
    expect(wpsText).toEqual(valuesOf(excelBook, SUMMARY_SHEET_NAME));
    const flat = wpsText.flat().filter((v): v is string => typeof v === 'string');
    // Section 二's and 三's lines as published, in the sheet's notice rows.
    const second = GOLDEN.findIndex((l) => l.startsWith('二、'));
    expect(second).toBeGreaterThan(0);
    for (const line of GOLDEN.slice(second)) expect(flat).toContain(line);
  });

  test('with a points table, recalculation writes 采用得分 from the ledger and undo puts the clerk’s values back', async () => {
    const grids = await fixtureGrids(LEDGER);
    grids.push(gridFromRows([['采用情况', '分值'], ['市政府采用', 10], ['约稿', 5]], '考评规则'));
    const wb = SimWorkbook.fromGrids(grids);
    const before = JSON.stringify(wb.toGrids()[0]!.values);
    const { host } = wpsHost(wb);
    const preview = value(await host.previewRecalc());
    expect(preview.plan.columns.find((c) => c.kind === 'adoption')?.col).toBe(2);
    value(await host.applyRecalc(preview));
    const sheet = wb.toGrids()[0]!;
    const rowOf = (unit: string) => sheet.values.findIndex((r) => r[0] === unit);
    // 3 pieces adopted by the city and 1 约稿: 35; with the base 95, the total 130 (as in Excel).
    expect(sheet.values[rowOf('科技和工业信息化局')]![2]).toBe(35);
    expect(sheet.values[rowOf('科技和工业信息化局')]![4]).toBe(130);
    value(await host.undoLast());
    expect(JSON.stringify(wb.toGrids()[0]!.values)).toBe(before);
  });

  test('the ledger and roster are not counted as periods: no 年度汇总 for a one-quarter workbook', async () => {
    const insp = value(await wpsHost(await ledgerWorkbook()).host.inspect());
    expect(insp.periodCandidates).toEqual([insp.sheetName]);
  });

  test('no ledger sheet: the notice still drafts section 一, and no ledger is claimed', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const analysis = value(await wpsHost(wb).host.inspect()).analysis;
    expect(analysis.ledger?.ledger ?? null).toBeNull();
    expect(noticeText(analysis.notice!)).toEqual(noticeText(value(await simHost(SimWorkbook.fromGrids(await fixtureGrids())).host.inspect()).analysis.notice!));
  });
});
