/**
 * The bad-input corpus through the simulated Excel: the adapter's read gives the same
 * findings as the core on the plain grid, nothing throws, a refused run writes nothing,
 * and an applied run is undone cell for cell.
 */
import { analyze } from '../../src/core';
import { SimWorkbook } from '../../src/sim';
import { CASES } from '../corpus/cases';
import { findingKeys } from '../corpus/check';
import { simHost } from './simHost';

describe.each(CASES.map((c) => [c.id, c] as const))('corpus case %s in the simulated Excel', (_id, c) => {
  test('same findings as the core, then recalc and undo leave the sheet as it was', async () => {
    const wb = SimWorkbook.fromGrids([c.grid]);
    const original = JSON.stringify(wb.toGrids()[0]);
    const before = wb.snapshot();
    const { host, reported } = simHost(wb);
    const insp = await host.inspect();
    if (!insp.ok) throw new Error(insp.error.key);
    expect(findingKeys(insp.value.analysis.findings)).toEqual(findingKeys(analyze(c.grid).findings));

    const recalc = await host.recalcNow();
    if (!recalc.ok) {
      expect(recalc.error.key).toMatch(/^host\.error\.(hasErrors|noTable)$/);
      expect(wb.snapshot()).toBe(before);
      return;
    }
    expect(reported('recalcNow')).toBeLessThanOrEqual(2);
    if (recalc.value.cellsWritten === 0) return;
    const undo = await host.undoLast();
    if (!undo.ok) throw new Error(undo.error.key);
    expect(JSON.stringify(wb.toGrids()[0])).toBe(original);
  });
});
