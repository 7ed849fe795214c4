/** Test support: the real fixture in a simulated workbook, with the real adapter over it. */
import { Workbook } from 'exceljs';
import { gridFromWorksheet } from '../../src/xlsx/workbook';
import { gridFromRows, type Grid } from '../../src/core';
import { createScorecardHost, type HostOptions } from '../../src/excel/host';
import type { CountedOperation, SyncCount } from '../../src/host/diagnostics';
import type { ExcelRunner, OfficeLike } from '../../src/excel/office';
import { createSimExcel, createSimOffice, simExcelRunner, SimWorkbook } from '../../src/sim';
import { fixturePath } from '../support/fixtures';

let cached: Grid[] | null = null;

/** The sheets of wenxian-2023-q3-input.xlsx as grids (read once with exceljs via the CLI's adapter). */
export async function fixtureGrids(file = 'wenxian-2023-q3-input.xlsx'): Promise<Grid[]> {
  if (cached && file === 'wenxian-2023-q3-input.xlsx') return structuredClone(cached);
  const wb = new Workbook();
  await wb.xlsx.readFile(fixturePath(file));
  const grids = wb.worksheets.map((ws) => gridFromWorksheet(ws));
  if (file === 'wenxian-2023-q3-input.xlsx') cached = structuredClone(grids);
  return grids;
}

export interface SimSetup {
  wb: SimWorkbook;
  office: OfficeLike & ReturnType<typeof createSimOffice>;
  run: ExcelRunner;
  host: ReturnType<typeof createScorecardHost>;
  /** A fresh host over the same workbook, as when the pane is closed and opened again. */
  reopen(): ReturnType<typeof createScorecardHost>;
  /** What every host of this setup told its test-only sync listener, in order. */
  counts: SyncCount[];
  /** The syncs the last successful `operation` reported (undefined when none succeeded). */
  reported(operation: CountedOperation): number | undefined;
}

export function simHost(wb: SimWorkbook, options: HostOptions & { displayLanguage?: string } = {}): SimSetup {
  const excel = createSimExcel(wb);
  // The adapter is typed against the real Office.js; src/sim/conformance.ts checks the stand-ins member by member.
  const run: ExcelRunner = simExcelRunner(excel);
  const counts: SyncCount[] = [];
  const onSyncs = (count: SyncCount) => {
    counts.push(count);
    options.onSyncs?.(count);
  };
  const make = () => {
    const office = createSimOffice(wb, options.displayLanguage ? { displayLanguage: options.displayLanguage } : {});
    return { office, host: createScorecardHost(run, office, { ...options, onSyncs }) };
  };
  const first = make();
  return {
    wb,
    office: first.office,
    run,
    host: first.host,
    reopen: () => make().host,
    counts,
    reported: (operation) => counts.filter((c) => c.operation === operation).at(-1)?.syncs,
  };
}

/** Syncs made since `from` (a previous wb.syncCount). */
export function syncsSince(wb: SimWorkbook, from: number): number {
  return wb.syncCount - from;
}

/** A sheet of `count` merged category rows, one unit each: past Excel's 512-merge listing limit when count > 512. */
export function manyMergedCategories(count: number): Grid {
  const rows: (string | number | null)[][] = [['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名']];
  const merges = [];
  for (let i = 0; i < count; i++) {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 5 });
    rows.push([`组${i}`]);
    rows.push([`单位${i}`, 30, 5, 0, null, null]);
  }
  const grid = gridFromRows(rows, '多组');
  grid.merges = merges;
  return grid;
}
