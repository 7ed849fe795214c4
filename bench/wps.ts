/**
 * Simulated WPS figures: the WPS adapter (src/wps) over the strict simulated ET
 * (src/sim/wps), which counts whole-range calls. Times are the adapter's calls plus the
 * simulation answering them (an upper bound on the adapter's own time).
 */
import { Workbook } from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Grid } from '../src/core';
import { gridFromWorksheet } from '../src/xlsx/workbook';
import { SimWorkbook } from '../src/sim';
import { createSimEtApplication } from '../src/sim/wps/et';
import { createWpsHost } from '../src/wps/host';
import type { SyncCount } from '../src/host/diagnostics';
import { monthGrid, scoreGrid } from './generate';
import { median, round } from './stats';

async function gridsOf(file: string): Promise<Grid[]> {
  const wb = new Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => gridFromWorksheet(ws));
}

export interface WpsFigure {
  units: number;
  runs: number;
  /** Median wall time of the operation (adapter + simulated ET). */
  ms: number;
  bestMs: number;
  rangeReads: number;
  rangeWrites: number;
  mergeProbes: number;
  /** Cells the largest single read covered. */
  largestRead: number;
  cellsWritten: number;
}

/** 重新计算排名 on the real table, a fresh workbook each run (the first run warms the JIT and is dropped). */
export async function wpsRecalc(fixture: string, runs: number): Promise<WpsFigure> {
  const grids = await gridsOf(fixture);
  const times: number[] = [];
  let figure: Omit<WpsFigure, 'ms' | 'bestMs'> | null = null;
  for (let i = 0; i <= runs; i++) {
    const app = createSimEtApplication(SimWorkbook.fromGrids(structuredClone(grids)));
    const reported: SyncCount[] = [];
    const host = createWpsHost(app, { onSyncs: (c) => reported.push(c) });
    const start = performance.now();
    const outcome = await host.recalcNow();
    const ms = performance.now() - start;
    if (!outcome.ok) throw new Error(`recalcNow failed: ${outcome.error.key}`);
    // The host's own count (its test-only listener) must be the whole-range calls the simulated ET saw.
    const calls = app.counts.rangeReads + app.counts.rangeWrites;
    if (reported.length !== 1 || reported[0]!.syncs !== calls) throw new Error(`recalcNow reported ${JSON.stringify(reported)}, the simulated ET saw ${calls} calls`);
    if (i === 0) continue;
    times.push(ms);
    const units = outcome.value.inspection.analysis.scored?.units.names.length ?? 0;
    figure ??= { units, runs, ...pick(app.counts), cellsWritten: outcome.value.cellsWritten };
  }
  if (!figure) throw new Error('no runs');
  return { ...figure, ms: round(median(times), 1), bestMs: round(Math.min(...times), 1) };
}

/** Reading (inspect) a sheet of `units` units in the real layout. */
export async function wpsRead(units: number, runs: number): Promise<WpsFigure> {
  const grid = scoreGrid(units);
  const times: number[] = [];
  let figure: Omit<WpsFigure, 'ms' | 'bestMs'> | null = null;
  for (let i = 0; i <= runs; i++) {
    const app = createSimEtApplication(SimWorkbook.fromGrids([structuredClone(grid)]));
    const host = createWpsHost(app);
    const start = performance.now();
    const outcome = await host.inspect();
    const ms = performance.now() - start;
    if (!outcome.ok) throw new Error(`inspect failed: ${outcome.error.key}`);
    if (i === 0) continue;
    times.push(ms);
    const read = outcome.value.analysis.scored?.units.names.length ?? 0;
    figure ??= { units: read, runs, ...pick(app.counts), cellsWritten: 0 };
  }
  if (!figure) throw new Error('no runs');
  return { ...figure, ms: round(median(times), 1), bestMs: round(Math.min(...times), 1) };
}

function pick(c: { rangeReads: number; rangeWrites: number; mergeProbes: number; largestRead: number }) {
  return { rangeReads: c.rangeReads, rangeWrites: c.rangeWrites, mergeProbes: c.mergeProbes, largestRead: c.largestRead };
}

export interface WpsYearFigure {
  sheets: number;
  unitsPerSheet: number;
  runs: number;
  /** Median wall time of previewYear + applyYear (adapter + simulated ET). */
  ms: number;
  previewMs: number;
  rangeReads: number;
  rangeWrites: number;
  mergeProbes: number;
}

/** #14 year in WPS: `sheets` monthly sheets of `units` units (as bench/year.ts lays them), preview and write 年度汇总. */
export async function wpsYear(units: number, sheets: number, runs: number): Promise<WpsYearFigure> {
  const grids = Array.from({ length: sheets }, (_, i) => monthGrid(units, i + 1));
  const times: number[] = [];
  const previews: number[] = [];
  let counts: ReturnType<typeof pick> | null = null;
  for (let i = 0; i < runs; i++) {
    const workbook = SimWorkbook.fromGrids(structuredClone(grids), sheets - 1);
    const app = createSimEtApplication(workbook);
    const host = createWpsHost(app);
    const start = performance.now();
    const preview = await host.previewYear();
    previews.push(performance.now() - start);
    if (!preview.ok) throw new Error(`previewYear refused: ${preview.error.key}`);
    if (preview.value.year.periods.length !== sheets) throw new Error(`expected ${sheets} periods, got ${preview.value.year.periods.length}`);
    const written = await host.applyYear(preview.value);
    times.push(performance.now() - start);
    if (!written.ok) throw new Error(`applyYear refused: ${written.error.key}`);
    counts ??= pick(app.counts);
  }
  if (!counts) throw new Error('no runs');
  return { sheets, unitsPerSheet: units, runs, ms: round(median(times)), previewMs: round(median(previews)), rangeReads: counts.rangeReads, rangeWrites: counts.rangeWrites, mergeProbes: counts.mergeProbes };
}
