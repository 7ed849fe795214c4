/**
 * In WPS the test-only sync listener is told whole-range calls into ET (it has no syncs): each
 * operation that succeeds reports the reads and writes the strict simulated ET counted, and the
 * results the pane and the ribbon get carry no count.
 */
import { gridFromRows, type CellValue, type Grid } from '../../src/core';
import type { CountedOperation } from '../../src/host/diagnostics';
import type { HostOutcome } from '../../src/host/port';
import { SimWorkbook } from '../../src/sim';
import { fixtureWorkbook, wpsHost } from './simWps';

type Setup = ReturnType<typeof wpsHost>;

async function counted<T>(setup: Setup, operation: CountedOperation, step: () => Promise<HostOutcome<T>>): Promise<T> {
  setup.app.resetCounts();
  const told = setup.counts.length;
  const outcome = await step();
  if (!outcome.ok) throw new Error(outcome.error.key);
  const { rangeReads, rangeWrites } = setup.app.counts;
  expect(setup.counts.slice(told)).toEqual([{ operation, syncs: rangeReads + rangeWrites }]);
  expect(rangeReads + rangeWrites).toBeGreaterThan(0);
  if (outcome.value && typeof outcome.value === 'object') expect(Object.keys(outcome.value)).not.toContain('syncs');
  return outcome.value;
}

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
function periodGrid(name: string, title: string, units: Array<[string, CellValue, number, number]>): Grid {
  return gridFromRows([[title], HEADER, ['一类考评单位'], ...units.map((u) => [...u])], name);
}

describe('WPS: whole-range calls reach the test-only listener, not the results', () => {
  test('recalculation, undo, preview and apply, clear flags and the summary on the real sheet', async () => {
    const setup = wpsHost(await fixtureWorkbook());
    const { host } = setup;
    await counted(setup, 'recalcNow', () => host.recalcNow());
    await counted(setup, 'undoLast', () => host.undoLast());
    const preview = await host.previewRecalc();
    if (!preview.ok) throw new Error(preview.error.key);
    await counted(setup, 'applyRecalc', () => host.applyRecalc(preview.value));
    await counted(setup, 'clearFlags', () => host.clearFlags());
    await counted(setup, 'writeSummary', () => host.writeSummary({ allowErrors: true }));
  });

  test('the year: preview, write and undo', async () => {
    const q1 = periodGrid('一季度', '2023年第一季度全县政务信息得分情况', [['甲', 120, 10, 0], ['乙', 100, 0, 0]]);
    const q2 = periodGrid('二季度', '2023年4—6月份全县政务信息得分情况', [['甲', 100, 0, 0], ['乙', 120, 5, 0]]);
    const setup = wpsHost(SimWorkbook.fromGrids([q1, q2], 1));
    const preview = await counted(setup, 'previewYear', () => setup.host.previewYear());
    await counted(setup, 'applyYear', () => setup.host.applyYear(preview));
    await counted(setup, 'undoYear', () => setup.host.undoYear());
  });

  test('a refused operation tells nothing', async () => {
    const setup = wpsHost(await fixtureWorkbook());
    const undo = await setup.host.undoLast();
    expect(undo.ok || undo.error.key).toBe('host.error.nothingToUndo');
    expect(setup.counts).toEqual([]);
  });
});
