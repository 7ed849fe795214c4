/** Timing helpers shared by the figures. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds of one call. */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Run `fn` `warmup` times untimed (JIT), then `runs` times; every sample in wall ms. CPU ms
 * (user + system, GC threads included) go to `cpu` when given: steadier on a busy machine.
 */
export async function sample(fn: () => unknown, runs: number, warmup = 1, cpu?: number[]): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const before = process.cpuUsage();
    samples.push(await timeOnce(fn));
    const used = process.cpuUsage(before);
    cpu?.push((used.user + used.system) / 1000);
  }
  return samples;
}

/** A full collection when node runs with --expose-gc (so one run's garbage is not billed to the next). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
