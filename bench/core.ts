/** Core figures: analyze (parse + validate + score + summary) and planWrites, on grids of N units. */
import { analyze, planWrites, writeCount, type Analysis, type Grid, type WritePlan } from '../src/core';
import { scoreGrid } from './generate';
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
  const check = pipeline(grid);
  if (!check.analysis.scored) throw new Error(`no table detected in the ${units}-unit sheet`);
  const errors = check.analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(`the ${units}-unit sheet has ${errors.length} errors, first ${errors[0]!.code}`);
  // Small sheets need several warm-up passes before V8 has optimised the hot paths.
  const warmup = units <= 10_000 ? 5 : 1;
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
