/**
 * #13 ledger: the Excel adapter on the golden ledger workbook in the strict simulated Excel:
 * the ledger and roster come in the inspect sync, the inspection carries the notice, and with
 * a points table 采用得分 is written in preview, apply and undo.
 */
import { readFileSync } from 'node:fs';
import { gridFromRows, noticeText } from '../../src/core';
import { t } from '../../src/i18n';
import { SimWorkbook } from '../../src/sim';
import { fixturePath } from '../support/fixtures';
import { fixtureGrids, simHost } from './simHost';

const GOLDEN = readFileSync(fixturePath('wenxian-2023-q3.notice-full.txt'), 'utf8').split(/\r?\n/).filter((l) => l !== '');

describe('the ledger in Excel', () => {
  test('inspect reads the ledger and the roster in its one sync and gives the golden notice', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids('wenxian-2023-q3-ledger.xlsx'));
    const { host } = simHost(wb);
    const result = await host.inspect();
    if (!result.ok) throw new Error(t(result.error.key, 'zh-CN', result.error.params));
    expect(wb.syncCount).toBe(1);
    const analysis = result.value.analysis;
    expect(analysis.ledger!.ledger!.sheetName).toBe('信息采用登记');
    expect(analysis.ledger!.rosterSheet).toBe('单位名录');
    expect(noticeText(analysis.notice!).slice(0, GOLDEN.length)).toEqual(GOLDEN);
  });

  test('with a points table, recalculation writes 采用得分 and undo puts the clerk values back', async () => {
    const grids = await fixtureGrids('wenxian-2023-q3-ledger.xlsx');
    grids.push(gridFromRows([['采用情况', '分值'], ['市政府采用', 10], ['约稿', 5]], '考评规则'));
    const wb = SimWorkbook.fromGrids(grids);
    const before = JSON.stringify(wb.toGrids()[0]!.values);
    const { host } = simHost(wb);
    const preview = await host.previewRecalc();
    if (!preview.ok) throw new Error(t(preview.error.key, 'zh-CN', preview.error.params));
    const adoption = preview.value.plan.columns.find((c) => c.kind === 'adoption');
    expect(adoption?.col).toBe(2);
    const applied = await host.applyRecalc(preview.value);
    expect(applied.ok).toBe(true);
    const sheet = wb.toGrids()[0]!;
    const rowOf = (unit: string) => sheet.values.findIndex((r) => r[0] === unit);
    expect(sheet.values[rowOf('科技和工业信息化局')]![2]).toBe(35);
    expect(sheet.values[rowOf('科技和工业信息化局')]![4]).toBe(130);
    expect(sheet.values[rowOf('水利局')]![2]).toBe(0);
    const undo = await host.undoLast();
    expect(undo.ok).toBe(true);
    expect(JSON.stringify(wb.toGrids()[0]!.values)).toBe(before);
  });
});
