/** Core figures: analyze (parse + validate + score + summary) and planWrites, on grids of N units. */
import { analyze, planWrites, writeCount, type Analysis, type Grid, type WritePlan } from '../src/core';
import { scoreGrid } from './generate';
import { performance } from 'node:perf_hooks';
import { collectGarbage, median, round, sample } from './stats';

export interface CoreThroughput {
  units: number;
  runs: number;
  ms: number;
  unitsPerSecond: number;
  /** Median CPU time of the same runs (GC threads included). */
  cpuMs: number;
  /** Fastest run: the least disturbed by other work on the machine. */
  bestMs: number;
  /** The very first run in a fresh process: nothing compiled yet (what the first click of a session costs). */
  firstMs: number;
  /** Median split of the time between analyze and planWrites. */
  analyzeMs: number;
  planMs: number;
  writes: number;
  findings: number;
}

function pipeline(grid: Grid): { analysis: Analysis; plan: WritePlan } {
  const analysis = analyze(grid);
  const plan = planWrites(grid, analysis, { flagColumn: true });
  return { analysis, plan };
}

export async function coreThroughput(units: number, runs: number): Promise<CoreThroughput> {
  const grid = scoreGrid(units);
  collectGarbage();
  const firstStart = performance.now();
  const check = pipeline(grid);
  const firstMs = performance.now() - firstStart;
  if (!check.analysis.scored) throw new Error(`no table detected in the ${units}-unit sheet`);
  const errors = check.analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(`the ${units}-unit sheet has ${errors.length} errors, first ${errors[0]!.code}`);
  // Throughput is measured once V8 has optimised the hot paths: five warm-up passes at every
  // size (a 100k run recompiles some functions on its second and third pass). The cold first
  // run is reported beside it.
  const warmup = 5;
  const cpu: number[] = [];
  const total = await sample(() => pipeline(grid), runs, warmup, cpu);
  const analyzeSamples = await sample(() => analyze(grid), runs, 0);
  const analysis = analyze(grid);
  const planSamples = await sample(() => planWrites(grid, analysis, { flagColumn: true }), runs, 0);
  const ms = median(total);
  return {
    units,
    runs,
    ms: round(ms, 2),
    unitsPerSecond: Math.round(units / (ms / 1000)),
    cpuMs: round(median(cpu), 2),
    bestMs: round(Math.min(...total), 2),
    firstMs: round(firstMs, 2),
    analyzeMs: round(median(analyzeSamples), 2),
    planMs: round(median(planSamples), 2),
    writes: writeCount(check.plan),
    findings: check.analysis.findings.length,
  };
}

export interface CoreMemory {
  units: number;
  runs: number;
  /** Heap growth while the analysis and plan are held, in MB (10^6 bytes); the grid itself is excluded. */
  heapGrowthMB: number;
  /** The grid's own heap size, for scale. */
  gridMB: number;
}

/** Heap growth of one pipeline run with its result held: needs node --expose-gc. */
export async function coreMemory(units: number, runs: number): Promise<CoreMemory> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('needs node --expose-gc');
  collectGarbage();
  const empty = process.memoryUsage().heapUsed;
  const grid = scoreGrid(units);
  collectGarbage();
  const withGrid = process.memoryUsage().heapUsed;
  const growth: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let held: ReturnType<typeof pipeline> | null = pipeline(grid);
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    if (!held.analysis.scored) throw new Error('no table');
    growth.push(after - before);
    held = null;
  }
  return { units, runs, heapGrowthMB: round(median(growth) / 1e6, 1), gridMB: round((withGrid - empty) / 1e6, 1) };
}
