/**
 * The corpus through the simulated Excel and the real Office.js adapter, against the hand-written
 * expectations (test/excel/corpus.test.ts compares with the core and covers refusal and undo).
 */
import { analyze, hasErrors, planWrites, cellWrites, type Grid } from '../../src/core';
import { SimWorkbook } from '../../src/sim';
import { simHost } from '../excel/simHost';
import { CASES, type CorpusCase } from './cases';
import { categoriesOf, diffCells, findingKeys } from './check';

const sheetOf = (wb: SimWorkbook): Grid => wb.toGrids()[0]!;

describe.each(CASES.map((c) => [c.id, c] as const))('corpus case %s in the simulated Excel', (_id, c: CorpusCase) => {
  it('inspect reports the expected findings and results', async () => {
    const { host } = simHost(SimWorkbook.fromGrids([c.grid]));
    const inspection = await host.inspect();
    if (!inspection.ok) throw new Error(`inspect failed: ${inspection.error.key}`);
    expect(findingKeys(inspection.value.analysis.findings)).toEqual(c.findings);
    if (c.categories) expect(categoriesOf(inspection.value.analysis)).toEqual(c.categories);
  });

  const runnable = c.categories !== undefined && !hasErrors(analyze(c.grid).findings);
  if (!runnable) return;

  it('recalcNow writes exactly the planned cells; a second inspect finds nothing stale and a second run writes nothing', async () => {
    const wb = SimWorkbook.fromGrids([c.grid]);
    const before = sheetOf(wb);
    const { host } = simHost(wb);
    const planned = cellWrites(planWrites(c.grid, analyze(c.grid), { flagColumn: true })).map((w) => w.address);

    const first = await host.recalcNow();
    if (!first.ok) throw new Error(`recalcNow failed: ${first.error.key}`);
    expect(first.value.cellsWritten).toBe(planned.length);
    expect(diffCells(before, sheetOf(wb)).sort()).toEqual([...planned].sort());

    const again = await host.inspect();
    if (!again.ok) throw new Error(`inspect failed: ${again.error.key}`);
    expect(categoriesOf(again.value.analysis)).toEqual(c.categories);
    const kept = new Set(c.findings.filter(([code]) => code === 'FORMULA_OVERWRITE').map(([, cell]) => cell));
    const stale = again.value.analysis.findings.filter((f) => (f.code === 'TOTAL_MISMATCH' || f.code === 'RANK_MISMATCH') && !kept.has(f.cell));
    expect(findingKeys(stale)).toEqual([]);

    const second = await host.recalcNow();
    if (!second.ok) throw new Error(`second recalcNow failed: ${second.error.key}`);
    expect(second.value.cellsWritten).toBe(0);
  });
});
