/**
 * CLI figure: `scorecard recalc` on a 20k-unit workbook against exceljs merely reading and
 * writing the same file — the floor any exceljs-based tool pays. Both run in this process
 * from and to real files, alternately, so machine noise hits both alike.
 */
import { Workbook } from 'exceljs';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli';
import { writeScoreWorkbook } from './xlsx';
import { median, round, timeOnce } from './stats';

export interface CliFigure {
  units: number;
  runs: number;
  fileKB: number;
  recalcMs: number;
  exceljsMs: number;
  ratio: number;
  /** The same ratio in CPU time (user + system): steadier than wall time when the machine is busy. */
  cpuRatio: number;
}

async function cpuTimed(fn: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const wall = await timeOnce(fn);
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const silent = { stdout: () => undefined, stderr: () => undefined };

export async function cliRatio(units: number, runs: number): Promise<CliFigure> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-bench-'));
  try {
    const input = join(dir, 'input.xlsx');
    await writeScoreWorkbook(input, units);
    const recalc = async () => {
      const status = await runCli(['recalc', input, '--out', join(dir, 'recalc.xlsx')], silent);
      if (status !== 0) throw new Error(`scorecard recalc exited with status ${status}`);
    };
    const roundTrip = async () => {
      const workbook = new Workbook();
      await workbook.xlsx.load((await readFile(input)) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
      await writeFile(join(dir, 'plain.xlsx'), new Uint8Array((await workbook.xlsx.writeBuffer())));
    };
    // One untimed pass of each: JIT, module loading, file cache.
    await recalc();
    await roundTrip();
    const recalcSamples: Array<{ wall: number; cpu: number }> = [];
    const plainSamples: Array<{ wall: number; cpu: number }> = [];
    for (let i = 0; i < runs; i++) {
      plainSamples.push(await cpuTimed(roundTrip));
      recalcSamples.push(await cpuTimed(recalc));
    }
    const recalcMs = median(recalcSamples.map((s) => s.wall));
    const exceljsMs = median(plainSamples.map((s) => s.wall));
    const cpuRatio = median(recalcSamples.map((s) => s.cpu)) / median(plainSamples.map((s) => s.cpu));
    return {
      units,
      runs,
      fileKB: Math.round(statSync(input).size / 1024),
      recalcMs: round(recalcMs, 0),
      exceljsMs: round(exceljsMs, 0),
      ratio: round(recalcMs / exceljsMs, 2),
      cpuRatio: round(cpuRatio, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
