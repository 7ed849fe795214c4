/**
 * Sync budgets under Excel on the web's 5 MB limit on requests AND responses: the real
 * sheet is read in one sync and recalculated in two; only a sheet whose read would not fit
 * is read in row blocks, and those blocks fit together whatever happens between them.
 */
import { analyze, type Grid } from '../../src/core';
import { readActiveSheet } from '../../src/excel/read';
import type { OfficeLike } from '../../src/excel/office';
import { createSimExcel, createSimOffice, SimWorkbook, type SyncRecord } from '../../src/sim';
import { bigGrid } from './bigSheet';
import { fixtureGrids, simHost } from './simHost';

const within = (limit: number) => (s: SyncRecord) => s.bytes <= limit && s.responseBytes <= limit;

async function readWith(wb: SimWorkbook, budget?: number) {
  const office = createSimOffice(wb) as unknown as OfficeLike;
  return createSimExcel(wb).run(async (ctx) => readActiveSheet(ctx as unknown as Excel.RequestContext, office, budget ? { budget } : {}));
}

/** The score sheet after a recalculation with the default budget and no limit trouble: the reference. */
async function recalculatedReference(grid: Grid): Promise<string> {
  const wb = SimWorkbook.fromGrids([structuredClone(grid)]);
  const result = await simHost(wb).host.recalcNow();
  if (!result.ok) throw new Error(result.error.key);
  expect(wb.syncCount).toBe(2);
  return JSON.stringify(wb.toGrids()[0]);
}

describe('the real sheet', () => {
  test('one sync to read, two for the ribbon recalculation, two for undo: each response and request small', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const read = await readWith(wb);
    expect(wb.syncCount).toBe(1);
    expect(read!.syncs).toBe(1);
    // The whole used range came back in that sync: values, formulas and number formats.
    expect(wb.syncLog[0]!.responseBytes).toBeGreaterThan(5000);
    expect(wb.syncLog[0]!.responseBytes).toBeLessThan(100_000);
    expect(read!.grid.values.length).toBe(wb.toGrids()[0]!.values.length);

    const { host, reported } = simHost(wb);
    const start = wb.syncCount;
    const recalc = await host.recalcNow();
    expect(recalc.ok && reported('recalcNow')).toBe(2);
    expect(wb.syncCount - start).toBe(2);
    const undoStart = wb.syncCount;
    const undo = await host.undoLast();
    expect(undo.ok && reported('undoLast')).toBe(2);
    expect(wb.syncCount - undoStart).toBe(2);
    expect(wb.syncLog.every((s) => s.ok && within(200_000)(s))).toBe(true);
  });

  test('read in blocks under a tiny budget: the same table as the one-sync read', async () => {
    const grids = await fixtureGrids();
    const whole = await readWith(SimWorkbook.fromGrids(grids));
    const wb = SimWorkbook.fromGrids(grids);
    wb.payloadLimit = 4000;
    const blocks = await readWith(wb, 2000);
    expect(blocks!.syncs).toBeGreaterThan(2);
    expect(blocks!.syncs).toBe(wb.syncCount);
    expect(wb.syncLog.every((s) => s.ok && within(4000)(s))).toBe(true);
    expect(blocks!.grid).toEqual(whole!.grid);
    expect(analyze(blocks!.grid).findings).toEqual(analyze(whole!.grid).findings);
  });
});

describe('a sheet whose read would not fit one response', () => {
  const grid = bigGrid({ categories: 6, perCategory: 500 });
  // A small budget and limit stand in for 4 MB and 5 MB: the same code paths, quickly.
  const BUDGET = 60_000;
  const LIMIT = 80_000;

  test('recalculation and undo in blocks and chunks, each sync under the limit; same result as one read', async () => {
    const reference = await recalculatedReference(grid);
    const wb = SimWorkbook.fromGrids([structuredClone(grid)]);
    const original = JSON.stringify(wb.toGrids()[0]);
    wb.payloadLimit = LIMIT;
    const { host, reported } = simHost(wb, { payloadBudget: BUDGET });
    const result = await host.recalcNow();
    if (!result.ok) throw new Error(result.error.key);
    expect(reported('recalcNow')).toBe(wb.syncCount);
    expect(wb.syncLog.filter((s) => s.responseBytes > 0).length).toBeGreaterThan(3);
    expect(wb.syncLog.every((s) => s.ok && within(LIMIT)(s))).toBe(true);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(reference);

    const before = wb.syncCount;
    const undo = await host.undoLast();
    if (!undo.ok) throw new Error(undo.error.key);
    expect(reported('undoLast')).toBe(wb.syncCount - before);
    expect(wb.syncLog.every((s) => s.ok && within(LIMIT)(s))).toBe(true);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(original);
  });

  test('the user switching sheets between the blocks does not mix sheets: later blocks read the first sync\'s sheet', async () => {
    const reference = await recalculatedReference(grid);
    const other = bigGrid({ categories: 1, perCategory: 3000 }, '其他');
    const wb = SimWorkbook.fromGrids([structuredClone(grid), other]);
    wb.payloadLimit = LIMIT;
    wb.beforeSync(() => wb.activateSheet('其他'), 2);
    const { host } = simHost(wb, { payloadBudget: BUDGET });
    const result = await host.recalcNow();
    if (!result.ok) throw new Error(result.error.key);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(reference);
    expect(wb.toGrids()[1]).toEqual(SimWorkbook.fromGrids([other]).toGrids()[0]);
  });

  test('rows heavier further down: a block Excel refuses is halved, and the read still completes', async () => {
    const heavy = bigGrid({ categories: 6, perCategory: 500, remark: { from: 1500, text: '备注'.repeat(60) } });
    const wb = SimWorkbook.fromGrids([structuredClone(heavy)]);
    wb.payloadLimit = LIMIT;
    const read = await readWith(wb, BUDGET);
    const refused = wb.syncLog.filter((s) => !s.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((s) => s.errorCode === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(wb.syncLog.filter((s) => s.ok).every(within(LIMIT))).toBe(true);
    expect(read!.syncs).toBe(wb.syncCount);
    expect(read!.grid).toEqual((await readWith(SimWorkbook.fromGrids([heavy])))!.grid);
  });

  test('a first block heavier than assumed: the first sync is refused, then the sheet is read by size and blocks', async () => {
    // Every row carries a long remark from the start: the first block passes the limit.
    const heavy = bigGrid({ categories: 6, perCategory: 500, remark: { from: 0, text: '备注'.repeat(60) } });
    const wb = SimWorkbook.fromGrids([structuredClone(heavy)]);
    wb.payloadLimit = LIMIT;
    const read = await readWith(wb, BUDGET);
    expect(wb.syncLog[0]).toMatchObject({ ok: false, errorCode: 'ResponsePayloadSizeLimitExceeded' });
    expect(wb.syncLog[1]!.ok).toBe(true);
    expect(wb.syncLog.filter((s) => s.ok).every(within(LIMIT))).toBe(true);
    expect(read!.syncs).toBe(wb.syncCount);
    expect(read!.grid).toEqual((await readWith(SimWorkbook.fromGrids([heavy])))!.grid);
  });
});

describe('undo started from another sheet', () => {
  test('the real sheet: 3 syncs (read the active sheet and the record, then the run\'s sheet, then write)', async () => {
    const wb = SimWorkbook.fromGrids(await fixtureGrids());
    const original = JSON.stringify(wb.toGrids()[0]);
    wb.addSheet('其他');
    const { host, reported } = simHost(wb);
    expect((await host.recalcNow()).ok).toBe(true);
    wb.activateSheet('其他');
    const before = wb.syncCount;
    const undo = await host.undoLast();
    expect(undo.ok && reported('undoLast')).toBe(3);
    expect(wb.syncCount - before).toBe(3);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(original);
  });

  test('a run\'s sheet too heavy for its first block: refused once, read by size and blocks, undone', async () => {
    const heavy = bigGrid({ categories: 6, perCategory: 500, remark: { from: 0, text: '备注'.repeat(60) } });
    const wb = SimWorkbook.fromGrids([heavy, bigGrid({ categories: 1, perCategory: 10 }, '其他')]);
    const original = JSON.stringify(wb.toGrids()[0]);
    wb.payloadLimit = 80_000;
    const { host, reported } = simHost(wb, { payloadBudget: 60_000 });
    expect((await host.recalcNow()).ok).toBe(true);
    wb.activateSheet('其他');
    const before = wb.syncCount;
    const undo = await host.undoLast();
    if (!undo.ok) throw new Error(undo.error.key);
    const undoSyncs = wb.syncLog.slice(before);
    expect(reported('undoLast')).toBe(undoSyncs.length);
    expect(undoSyncs.some((s) => s.errorCode === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(undoSyncs.filter((s) => s.ok).every(within(80_000))).toBe(true);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(original);
  });
});
