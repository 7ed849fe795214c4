/**
 * #14 year: twelve monthly sheets of 5,000 units each in the simulated Excel, through the real
 * adapter: preview the year (every sheet read, analysed, put together), then write 年度汇总.
 * Budget: within 2 s, every sync's request and response under 5 MB.
 */
import { createScorecardHost, type ExcelRunner } from '../src/excel/host';
import type { SyncCount } from '../src/host/diagnostics';
import { createSimExcel, createSimOffice, PAYLOAD_LIMIT_BYTES, SimWorkbook } from '../src/sim';
import { monthGrid } from './generate';
import { median, round } from './stats';
import { toldSyncs } from './excel';

export interface YearFigure {
  sheets: number;
  unitsPerSheet: number;
  runs: number;
  /** Median wall time of preview + write. */
  ms: number;
  previewMs: number;
  syncs: number;
  maxBytes: number;
  maxResponseBytes: number;
  withinBudget: boolean;
}

export async function simYear(units: number, sheets: number, runs: number): Promise<YearFigure> {
  const grids = Array.from({ length: sheets }, (_, i) => monthGrid(units, i + 1));
  const times: number[] = [];
  const previews: number[] = [];
  let first: Omit<YearFigure, 'ms' | 'previewMs' | 'runs'> | null = null;
  for (let i = 0; i < runs; i++) {
    const workbook = SimWorkbook.fromGrids(grids, sheets - 1);
    const reported: SyncCount[] = [];
    const host = createScorecardHost(createSimExcel(workbook).run as unknown as ExcelRunner, createSimOffice(workbook), { onSyncs: (c) => reported.push(c) });
    const start = performance.now();
    const preview = await host.previewYear();
    previews.push(performance.now() - start);
    if (!preview.ok) throw new Error(`previewYear refused: ${preview.error.key}`);
    const previewSyncs = workbook.syncLog.length;
    if (preview.value.year.periods.length !== sheets) throw new Error(`expected ${sheets} periods, got ${preview.value.year.periods.length}`);
    const written = await host.applyYear(preview.value);
    times.push(performance.now() - start);
    if (!written.ok) throw new Error(`applyYear refused: ${written.error.key}`);
    const log = workbook.syncLog;
    // The host's own counts (its test-only listener) must agree with what the workbook saw.
    toldSyncs(reported, 'previewYear', previewSyncs);
    toldSyncs(reported, 'applyYear', log.length - previewSyncs);
    const maxBytes = Math.max(0, ...log.map((s) => s.bytes));
    const maxResponseBytes = Math.max(0, ...log.map((s) => s.responseBytes));
    first ??= {
      sheets,
      unitsPerSheet: units,
      syncs: log.length,
      maxBytes,
      maxResponseBytes,
      withinBudget: log.every((s) => s.ok) && maxBytes < PAYLOAD_LIMIT_BYTES && maxResponseBytes < PAYLOAD_LIMIT_BYTES,
    };
  }
  if (!first) throw new Error('no runs');
  return { ...first, runs, ms: round(median(times), 0), previewMs: round(median(previews), 0) };
}
