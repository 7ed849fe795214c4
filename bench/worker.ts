/**
 * One benchmark figure per process (so heap and JIT state never leak between figures):
 * `node --expose-gc worker.cjs <figure> '<json args>'` prints one line "BENCH_RESULT <json>".
 * Bundled on the fly by scripts/bench.mjs.
 */
import { coreMemory, coreThroughput } from './core';
import { coreStages } from './stages';
import { cliRatio } from './cli';
import { simPreviewApply, simRecalc, simSummary } from './excel';
import { peerRatio } from './peer';
import { simYear } from './year';
import { wpsRead, wpsRecalc, wpsYear } from './wps';
import { bombs } from './bombs';

type Figure = (args: Record<string, unknown>) => Promise<unknown>;

const FIGURES: Record<string, Figure> = {
  coreThroughput: (a) => coreThroughput(Number(a.units), Number(a.runs)),
  coreMemory: (a) => coreMemory(Number(a.units), Number(a.runs)),
  coreStages: (a) => coreStages(Number(a.units), Number(a.runs)),
  cliRatio: (a) => cliRatio(Number(a.units), Number(a.runs)),
  simRecalc: (a) => simRecalc(Number(a.units), Number(a.runs ?? 1)),
  simPreviewApply: (a) => simPreviewApply(Number(a.units), Number(a.runs ?? 1)),
  simSummary: (a) => simSummary(String(a.fixture), Number(a.runs ?? 1)),
  peerRatio: (a) => peerRatio(Number(a.units), Number(a.runs ?? 3)),
  // #14 year
  simYear: (a) => simYear(Number(a.units), Number(a.sheets), Number(a.runs ?? 1)),
  wpsRecalc: (a) => wpsRecalc(String(a.fixture), Number(a.runs ?? 1)),
  wpsRead: (a) => wpsRead(Number(a.units), Number(a.runs ?? 1)),
  wpsYear: (a) => wpsYear(Number(a.units), Number(a.sheets), Number(a.runs ?? 1)),
  bombs: (a) => bombs(String(a.root)),
};

async function main(): Promise<void> {
  const [name, rawArgs] = process.argv.slice(2);
  const figure = name ? FIGURES[name] : undefined;
  if (!figure) throw new Error(`unknown figure ${name ?? '(none)'}; known: ${Object.keys(FIGURES).join(', ')}`);
  const result = await figure(rawArgs ? (JSON.parse(rawArgs) as Record<string, unknown>) : {});
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
