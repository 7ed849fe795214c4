/** Test support: the real fixture (or a big sheet) in the simulated WPS, with the WPS adapter over it. */
import type { Grid } from '../../src/core';
import type { SyncCount } from '../../src/host/diagnostics';
import { SimWorkbook } from '../../src/sim';
import { createSimEtApplication, type SimEtOptions } from '../../src/sim/wps/et';
import { createWpsHost } from '../../src/wps/host';
import { fixtureGrids } from '../excel/simHost';

export async function fixtureWorkbook(): Promise<SimWorkbook> {
  return SimWorkbook.fromGrids(await fixtureGrids());
}

export function wpsHost(wb: SimWorkbook, options: SimEtOptions & { displayLanguage?: string } = {}) {
  const app = createSimEtApplication(wb, options);
  // What the hosts told their test-only listener (whole-range calls per operation), in order.
  const counts: SyncCount[] = [];
  const make = () => createWpsHost(app, { ...(options.displayLanguage ? { displayLanguage: options.displayLanguage } : {}), onSyncs: (c) => counts.push(c) });
  return { app, host: make(), reopen: make, counts };
}

/** The published units found in the score sheet: name -> { total, rank } as the sheet holds them. */
export function resultsIn(grid: Grid) {
  const header = grid.values.findIndex((row) => row.includes('累计得分'));
  const cols = grid.values[header]!;
  const totalCol = cols.indexOf('累计得分');
  const rankCol = cols.indexOf('排名');
  const found = new Map<string, { total: unknown; rank: unknown }>();
  grid.values.forEach((row, i) => {
    if (typeof row[0] === 'string' && i > header) found.set(row[0], { total: row[totalCol], rank: row[rankCol] });
  });
  return found;
}
