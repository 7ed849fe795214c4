/**
 * Simulated Excel figures: the real adapter (src/excel) over the strict simulated workbook
 * (src/sim), which counts syncs and the JSON payload of each request.
 */
import { Workbook } from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Grid } from '../src/core';
import { createScorecardHost, type ExcelRunner } from '../src/excel/host';
import type { SyncCount } from '../src/host/diagnostics';
import { gridFromWorksheet } from '../src/xlsx/workbook';
import { createSimExcel, createSimOffice, PAYLOAD_LIMIT_BYTES, SimWorkbook, type SyncRecord } from '../src/sim';
import { scoreGrid } from './generate';
import { median, round } from './stats';

function hostOver(grids: Grid[]) {
  const workbook = SimWorkbook.fromGrids(grids);
  // What the host itself counted, through its test-only listener (the pane's results carry no syncs).
  const reported: SyncCount[] = [];
  const host = createScorecardHost(createSimExcel(workbook).run as unknown as ExcelRunner, createSimOffice(workbook), { onSyncs: (c) => reported.push(c) });
  return { workbook, host, reported };
}

/**
 * The syncs the host told its listener for `operation`, checked against the simulated
 * workbook's own log (`expected`): a figure is only printed when both agree.
 */
export function toldSyncs(reported: readonly SyncCount[], operation: SyncCount['operation'], expected: number): number {
  const told = reported.filter((c) => c.operation === operation);
  if (told.length !== 1) throw new Error(`${operation} reported its syncs ${told.length} times`);
  if (told[0]!.syncs !== expected) throw new Error(`${operation} reported ${told[0]!.syncs} syncs, the workbook saw ${expected}`);
  return told[0]!.syncs;
}

export interface SyncFigure {
  units: number;
  runs: number;
  /** Median wall time of the whole operation over the simulated workbook. */
  ms: number;
  syncs: number;
  /** Payload of each sync, in bytes. */
  bytes: number[];
  totalBytes: number;
  maxBytes: number;
  cellsWritten: number;
  /** Syncs spent before the write step (the pane's preview), counted apart from the recalculation. */
  previewSyncs: number;
  /** Response of each sync, in bytes (Excel on the web limits responses to 5 MB as well as requests). */
  responses: number[];
  maxResponseBytes: number;
  /** 2 syncs while requests and responses fit under the limit, else every request and response under it. */
  withinBudget: boolean;
}

interface OneRun {
  ms: number;
  log: SyncRecord[];
  cellsWritten: number;
  previewSyncs?: number;
}

/** Repeat on a fresh workbook each time; sync counts and sizes must not vary between runs. */
async function repeat(units: number, runs: number, once: () => Promise<OneRun>): Promise<SyncFigure> {
  const results: OneRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  const first = results[0]!;
  const bytes = first.log.map((s) => s.bytes);
  for (const r of results) {
    if (r.log.map((s) => s.bytes).join() !== bytes.join()) throw new Error('sync payloads differ between identical runs');
  }
  const totalBytes = bytes.reduce((a, b) => a + b, 0);
  const maxBytes = Math.max(0, ...bytes);
  const failed = first.log.some((s) => !s.ok);
  const previewSyncs = first.previewSyncs ?? 0;
  const recalcSyncs = first.log.length - previewSyncs;
  const responses = first.log.map((s) => s.responseBytes);
  const maxResponseBytes = Math.max(0, ...responses);
  const totalResponse = responses.reduce((a, b) => a + b, 0);
  // More than two syncs are allowed only where the traffic could not fit in one request and one response.
  const withinBudget =
    !failed &&
    maxBytes < PAYLOAD_LIMIT_BYTES &&
    maxResponseBytes < PAYLOAD_LIMIT_BYTES &&
    (totalBytes >= PAYLOAD_LIMIT_BYTES || totalResponse >= PAYLOAD_LIMIT_BYTES || recalcSyncs <= 2);
  return {
    units,
    runs,
    ms: round(median(results.map((r) => r.ms)), 0),
    syncs: first.log.length,
    bytes,
    totalBytes,
    maxBytes,
    cellsWritten: first.cellsWritten,
    previewSyncs,
    responses,
    maxResponseBytes,
    withinBudget,
  };
}

/** The ribbon's one-click recalculation (read, plan, write) on a sheet of `units` units. */
export function simRecalc(units: number, runs: number): Promise<SyncFigure> {
  const grid = scoreGrid(units);
  return repeat(units, runs, async () => {
    const { workbook, host, reported } = hostOver([grid]);
    const start = performance.now();
    const outcome = await host.recalcNow();
    const ms = performance.now() - start;
    if (!outcome.ok) throw new Error(`recalcNow refused: ${outcome.error.key} ${JSON.stringify(outcome.error.params ?? {})}`);
    toldSyncs(reported, 'recalcNow', workbook.syncLog.length);
    return { ms, log: [...workbook.syncLog], cellsWritten: outcome.value.cellsWritten };
  });
}

/** The task pane's path: preview (read + plan), then apply the previewed plan. */
export function simPreviewApply(units: number, runs: number): Promise<SyncFigure> {
  const grid = scoreGrid(units);
  return repeat(units, runs, async () => {
    const { workbook, host, reported } = hostOver([grid]);
    const start = performance.now();
    const preview = await host.previewRecalc();
    if (!preview.ok) throw new Error(`previewRecalc refused: ${preview.error.key}`);
    const previewSyncs = workbook.syncLog.length;
    const applied = await host.applyRecalc(preview.value);
    const ms = performance.now() - start;
    if (!applied.ok) throw new Error(`applyRecalc refused: ${applied.error.key}`);
    toldSyncs(reported, 'applyRecalc', workbook.syncLog.length - previewSyncs);
    return { ms, log: [...workbook.syncLog], cellsWritten: applied.value.cellsWritten, previewSyncs };
  });
}

/** The real table as the office keeps it (the fixture .xlsx), read by the exceljs adapter. */
async function fixtureGrids(file: string): Promise<Grid[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load((await readFile(file)) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return workbook.worksheets.map(gridFromWorksheet);
}

export interface SummaryFigure {
  runs: number;
  sheetName: string;
  syncs: number;
  /** What writeSummary itself reports. */
  reportedSyncs: number;
  bytes: number[];
  ms: number;
}

/** 生成汇总表 on the real table: how many round trips it costs. */
export async function simSummary(fixture: string, runs: number): Promise<SummaryFigure> {
  const grids = await fixtureGrids(fixture);
  let figure: SummaryFigure | null = null;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { workbook, host, reported } = hostOver(grids);
    const start = performance.now();
    const outcome = await host.writeSummary();
    times.push(performance.now() - start);
    if (!outcome.ok) throw new Error(`writeSummary failed: ${outcome.error.key}`);
    figure ??= { runs, sheetName: outcome.value.sheetName, syncs: workbook.syncLog.length, reportedSyncs: toldSyncs(reported, 'writeSummary', workbook.syncLog.length), bytes: workbook.syncLog.map((s) => s.bytes), ms: 0 };
  }
  if (!figure) throw new Error('no runs');
  return { ...figure, ms: round(median(times), 0) };
}
