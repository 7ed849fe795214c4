/**
 * Sync counts are for tests and bench only: each operation that succeeds tells the host's
 * test-only listener what it cost, and the results the pane and the ribbon get carry none.
 */
import { gridFromRows, type CellValue, type Grid } from '../../src/core';
import type { CountedOperation } from '../../src/host/diagnostics';
import type { HostOutcome } from '../../src/host/port';
import { SimWorkbook } from '../../src/sim';
import { fixtureGrids, simHost, type SimSetup } from './simHost';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
function periodGrid(name: string, title: string, units: Array<[string, CellValue, number, number]>): Grid {
  return gridFromRows([[title], HEADER, ['一类考评单位'], ...units.map((u) => [...u])], name);
}

/** Run `step`; it must succeed and be reported exactly once, with the syncs the simulated Excel saw. */
async function counted<T>(setup: SimSetup, operation: CountedOperation, step: () => Promise<HostOutcome<T>>): Promise<T> {
  const before = setup.wb.syncCount;
  const told = setup.counts.length;
  const outcome = await step();
  if (!outcome.ok) throw new Error(outcome.error.key);
  expect(setup.counts.slice(told)).toEqual([{ operation, syncs: setup.wb.syncCount - before }]);
  expect(setup.wb.syncCount - before).toBeGreaterThan(0);
  if (outcome.value && typeof outcome.value === 'object') expect(Object.keys(outcome.value)).not.toContain('syncs');
  return outcome.value;
}

describe('sync counts reach the test-only listener, not the results', () => {
  test('recalculation, undo, preview and apply, clear flags and the summary on the real sheet', async () => {
    const setup = simHost(SimWorkbook.fromGrids(await fixtureGrids()));
    const { host } = setup;
    await counted(setup, 'recalcNow', () => host.recalcNow());
    await counted(setup, 'undoLast', () => host.undoLast());
    const preview = await host.previewRecalc();
    if (!preview.ok) throw new Error(preview.error.key);
    // Previews are not budgeted operations: nothing is told until the write.
    expect(setup.counts.map((c) => c.operation)).toEqual(['recalcNow', 'undoLast']);
    await counted(setup, 'applyRecalc', () => host.applyRecalc(preview.value));
    await counted(setup, 'clearFlags', () => host.clearFlags());
    await counted(setup, 'writeSummary', () => host.writeSummary({ allowErrors: true }));
    expect(setup.reported('recalcNow')).toBe(2);
    expect(setup.reported('applyRecalc')).toBe(2);
  });

  test('the year: preview, write and undo', async () => {
    const q1 = periodGrid('一季度', '2023年第一季度全县政务信息得分情况', [['甲', 120, 10, 0], ['乙', 100, 0, 0]]);
    const q2 = periodGrid('二季度', '2023年4—6月份全县政务信息得分情况', [['甲', 100, 0, 0], ['乙', 120, 5, 0]]);
    const setup = simHost(SimWorkbook.fromGrids([q1, q2], 1));
    const preview = await counted(setup, 'previewYear', () => setup.host.previewYear());
    await counted(setup, 'applyYear', () => setup.host.applyYear(preview));
    await counted(setup, 'undoYear', () => setup.host.undoYear());
    expect(setup.reported('undoYear')).toBe(3);
  });

  test('a refused operation tells nothing, though it read the sheet', async () => {
    const setup = simHost(SimWorkbook.fromGrids(await fixtureGrids()));
    const undo = await setup.host.undoLast();
    expect(undo.ok || undo.error.key).toBe('host.error.nothingToUndo');
    const year = await setup.host.undoYear();
    expect(year.ok || year.error.key).toBe('host.error.nothingToUndoYear');
    expect(setup.wb.syncCount).toBeGreaterThan(0);
    expect(setup.counts).toEqual([]);
  });
});
