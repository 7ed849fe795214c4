// npm run bench: the figures users feel, side by side with their budgets (issue 5).
// Prints a table and writes bench/results.json. Each figure runs in its own node process
// (bench/worker.ts, bundled here with esbuild) and is the median of several runs; a figure
// whose module is missing or unfinished prints "n/a (reason)" instead of stopping the run.
//   node scripts/bench.mjs [--quick] [--only core,memory,peer,excel,cli,pane,year,wps] [--no-build] [--no-write]
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paneFigures } from './bench-pane.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1] ?? '').split(',') : null;
const wants = (group) => !only || only.includes(group);
const noBuild = args.includes('--no-build');
const noWrite = args.includes('--no-write') || quick || only !== null;

const fixture = path.resolve(root, '..', 'shared', 'fixtures', 'wenxian-2023-q3-input.xlsx');
const log = (s) => process.stderr.write(s + '\n');
const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '-' : Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

// ---- machine ------------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
    // Other work on the machine skews every timing; recorded so a reader can judge.
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

// ---- the worker ---------------------------------------------------------------------------

const cacheDir = path.join(root, 'node_modules', '.cache', 'scorecard-bench');
const workerFile = path.join(cacheDir, 'worker.cjs');

async function bundleWorker() {
  mkdirSync(cacheDir, { recursive: true });
  // Inside node_modules so the bundle resolves exceljs and playwright-core from the project.
  await build({
    entryPoints: [path.join(root, 'bench', 'worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['exceljs', 'playwright-core'],
    logLevel: 'error',
  });
}

/** Run one figure in a fresh `node --expose-gc`; resolves { value } or { na: reason }. */
function runFigure(name, figureArgs, timeoutMs = 180_000) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', workerFile, name, JSON.stringify(figureArgs)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code === 0 && line) return resolve({ value: JSON.parse(line.slice('BENCH_RESULT '.length)) });
      const reason = signal ? `timed out after ${timeoutMs / 1000} s` : firstLine(stderr) || `exit status ${code}`;
      resolve({ na: reason });
    });
  });
}

function firstLine(text) {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('at '));
  return line ? line.replace(/^Error: /, '').slice(0, 160) : '';
}

// ---- figures ------------------------------------------------------------------------------

/** Rows of the printed table and of results.json. */
const rows = [];
const raw = {};

function row(id, figure, measured, budget, status, extra = {}) {
  rows.push({ id, figure, measured, budget, status, ...extra });
  log(`  ${status === 'ok' ? '✓' : status === 'over' ? '✗' : '·'} ${figure}: ${measured}`);
}

const na = (result) => `n/a (${result.na})`;
const verdict = (pass) => (pass ? 'ok' : 'over');

async function coreFigures() {
  log('core: analyze + planWrites');
  const sizes = quick ? [[1000, 5], [10_000, 3], [100_000, 3]] : [[1000, 21], [10_000, 9], [100_000, 5]];
  for (const [units, runs] of sizes) {
    const result = await runFigure('coreThroughput', { units, runs });
    raw[`core${units}`] = result;
    const label = `core: parse + validate + score + plan, ${fmt(units)} units`;
    if (result.na) {
      row(`core-${units}`, label, na(result), units === 100_000 ? '≥ 500,000 units/s' : '—', 'n/a');
      continue;
    }
    const v = result.value;
    const measured = `${fmt(v.ms, 1)} ms · ${fmt(v.unitsPerSecond)} units/s (CPU ${fmt(v.cpuMs, 1)} ms; best run ${fmt(v.bestMs, 1)} ms; first, cold run ${fmt(v.firstMs, 1)} ms)`;
    if (units === 100_000) row(`core-${units}`, label, measured, '≥ 500,000 units/s', verdict(v.unitsPerSecond >= 500_000), { runs });
    else row(`core-${units}`, label, measured, '—', 'info', { runs });
  }
  // Where the time goes at 100k (diagnosis only, no budget).
  const stages = await runFigure('coreStages', { units: 100_000, runs: quick ? 2 : 3 });
  raw.coreStages100000 = stages;
  if (!stages.na) {
    const { units: _units, ...parts } = stages.value;
    log(`  stages at 100k (ms): ${Object.entries(parts).map(([k, ms]) => `${k} ${fmt(ms, 1)}`).join(' · ')}`);
  }
}

async function peerFigure() {
  log('core vs a spreadsheet engine (HyperFormula), 5k units');
  const result = await runFigure('peerRatio', { units: 5000, runs: quick ? 1 : 3 });
  raw.peer = result;
  const label = 'core vs HyperFormula formulas (SUM + COUNTIF rank), 5,000 units';
  if (result.na) return row('core-peer', label, na(result), '≥ 100× faster', 'n/a');
  const v = result.value;
  row('core-peer', label, `${fmt(v.ratio, 0)}× faster (core ${fmt(v.coreMs, 1)} ms, engine ${fmt(v.engineMs)} ms)`, '≥ 100× faster', verdict(v.ratio >= 100), { runs: v.runs });
}

async function memoryFigure() {
  log('core: heap growth at 100k units');
  const result = await runFigure('coreMemory', { units: 100_000, runs: 3 });
  raw.coreMemory = result;
  const label = 'core memory at 100k units (heap growth, result held)';
  if (result.na) return row('core-memory', label, na(result), '≤ 200 MB', 'n/a');
  const v = result.value;
  row('core-memory', label, `${fmt(v.heapGrowthMB, 1)} MB (grid itself ${fmt(v.gridMB, 1)} MB)`, '≤ 200 MB', verdict(v.heapGrowthMB <= 200), { runs: 3 });
}

function syncText(v) {
  const kb = (b) => `${fmt(b / 1024)} KB`;
  const preview = v.previewSyncs ? `preview ${v.previewSyncs} + ` : '';
  const syncs = v.previewSyncs ? `${preview}apply ${v.syncs - v.previewSyncs} syncs` : `${v.syncs} syncs`;
  return `${syncs}; requests ${v.bytes.map(kb).join(' + ')}; responses ${v.responses.map(kb).join(' + ')}; ${fmt(v.ms)} ms`;
}

async function excelFigures() {
  log('simulated Excel: syncs and payload per recalculation');
  for (const units of [50, 5000, 50_000]) {
    const runs = units >= 50_000 ? 3 : 5;
    for (const [name, path_] of [['simRecalc', 'ribbon recalc'], ['simPreviewApply', 'pane preview + apply']]) {
      const result = await runFigure(name, { units, runs: quick ? 1 : runs });
      raw[`${name}${units}`] = result;
      const label = `simulated Excel, ${path_}, ${fmt(units)} units`;
      const budget = '2 syncs while ≤ 5 MB, else chunks each < 5 MB';
      if (result.na) row(`${name}-${units}`, label, na(result), budget, 'n/a');
      else row(`${name}-${units}`, label, syncText(result.value), budget, verdict(result.value.withinBudget), { runs });
    }
  }
  log('simulated Excel: summary sheet on the real table');
  const label = 'summary generation on the real table (syncs)';
  if (!existsSync(fixture)) return row('summary-syncs', label, `n/a (fixture missing: ${fixture})`, '≤ 3 syncs', 'n/a');
  const result = await runFigure('simSummary', { fixture, runs: quick ? 1 : 5 });
  raw.simSummary = result;
  if (result.na) return row('summary-syncs', label, na(result), '≤ 3 syncs', 'n/a');
  const v = result.value;
  row('summary-syncs', label, `${v.syncs} syncs (${v.bytes.map((b) => `${fmt(b / 1024, 1)} KB`).join(' + ')}), ${fmt(v.ms)} ms`, '≤ 3 syncs', verdict(v.syncs <= 3), { runs: quick ? 1 : 5 });
}

// #14 year: twelve monthly sheets of 5,000 units make a year in the simulated Excel.
async function yearFigure() {
  log('simulated Excel: 年度汇总 from 12 monthly sheets of 5,000 units');
  const label = 'simulated Excel, 年度汇总 (preview + write), 12 sheets × 5,000 units';
  const budget = '≤ 2 s, every sync < 5 MB';
  const result = await runFigure('simYear', { units: 5000, sheets: 12, runs: quick ? 1 : 3 });
  raw.simYear = result;
  if (result.na) return row('year-12x5000', label, na(result), budget, 'n/a');
  const v = result.value;
  const mb = (b) => `${fmt(b / 1024 / 1024, 2)} MB`;
  row('year-12x5000', label, `${fmt(v.ms)} ms (preview ${fmt(v.previewMs)} ms); ${v.syncs} syncs; largest request ${mb(v.maxBytes)}, response ${mb(v.maxResponseBytes)}`, budget, verdict(v.ms <= 2000 && v.withinBudget), { runs: v.runs });
}

// #15 WPS: the WPS adapter over the simulated ET (whole-range calls, not syncs).
async function wpsFigures() {
  log('simulated WPS: recalculation of the real table, reads of 5,000 units');
  const label = 'simulated WPS, 重新计算排名 on the real table (adapter + simulated ET)';
  if (!existsSync(fixture)) row('wps-recalc', label, `n/a (fixture missing: ${fixture})`, '≤ 100 ms', 'n/a');
  else {
    const result = await runFigure('wpsRecalc', { fixture, runs: quick ? 3 : 15 });
    raw.wpsRecalc = result;
    if (result.na) row('wps-recalc', label, na(result), '≤ 100 ms', 'n/a');
    else {
      const v = result.value;
      row('wps-recalc', label, `${fmt(v.ms, 1)} ms (best ${fmt(v.bestMs, 1)} ms); ${v.rangeReads} range reads, ${v.rangeWrites} range writes, ${v.cellsWritten} cells`, '≤ 100 ms', verdict(v.ms <= 100), { runs: quick ? 3 : 15 });
    }
  }
  const readLabel = 'simulated WPS, read of 5,000 units (whole-range calls)';
  const read = await runFigure('wpsRead', { units: 5000, runs: quick ? 2 : 7 });
  raw.wpsRead5000 = read;
  if (read.na) return row('wps-read-5000', readLabel, na(read), '≤ 8 range reads', 'n/a');
  const r = read.value;
  row('wps-read-5000', readLabel, `${r.rangeReads} range reads (largest ${fmt(r.largestRead)} cells), ${r.mergeProbes} merge probes, ${fmt(r.ms, 1)} ms`, '≤ 8 range reads', verdict(r.rangeReads <= 8), { runs: quick ? 2 : 7 });
  // #14 year in WPS: the Excel figure's workbook (12 monthly sheets of 5,000 units) through ET.
  const yearLabel = 'simulated WPS, 年度汇总 (preview + write), 12 sheets × 5,000 units';
  const year = await runFigure('wpsYear', { units: 5000, sheets: 12, runs: quick ? 1 : 3 });
  raw.wpsYear = year;
  if (year.na) return row('wps-year-12x5000', yearLabel, na(year), '≤ 2 s', 'n/a');
  const y = year.value;
  row('wps-year-12x5000', yearLabel, `${fmt(y.ms)} ms (preview ${fmt(y.previewMs)} ms); ${y.rangeReads} range reads, ${y.mergeProbes} merge probes`, '≤ 2 s', verdict(y.ms <= 2000), { runs: y.runs });
}

async function cliFigure() {
  log('CLI: recalc vs exceljs read + write, 20k units');
  const result = await runFigure('cliRatio', { units: 20_000, runs: quick ? 1 : 5 }, 300_000);
  raw.cli = result;
  const label = 'CLI recalc, 20k-unit workbook, vs exceljs read + write';
  if (result.na) return row('cli-ratio', label, na(result), '≤ 0.8×', 'n/a');
  const v = result.value;
  row('cli-ratio', label, `${fmt(v.ratio, 2)}× (${fmt(v.recalcMs)} ms vs ${fmt(v.exceljsMs)} ms; CPU time ${fmt(v.cpuRatio, 2)}×; ${fmt(v.fileKB)} KB file)`, '≤ 0.8×', verdict(v.ratio <= 0.8), { runs: v.runs });
}

// #9 item 9: small files that used to exhaust the heap; each checked in a fresh process.
async function bombsFigure() {
  log('CLI: bombs in small files (far cell, huge merge, merged column)');
  if (!noBuild) await new Promise((resolve) => spawn(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'ignore' }).on('close', resolve));
  const result = await runFigure('bombs', { root }, 600_000);
  raw.bombs = result;
  if (result.na) return row('cli-bombs', 'CLI check on bomb files', na(result), '≤ 10 s, ≤ 500 MB', 'n/a');
  for (const v of result.value) {
    const ok = v.ms <= 10_000 && v.peakRssMB <= 500 && (v.exitStatus === 0 || v.exitStatus === 1 || v.exitStatus === 2);
    row(`cli-bomb-${v.kind}`, `CLI check, ${v.kind} bomb (${fmt(v.fileKB, 1)} KB file)`, `${fmt(v.ms)} ms, ${fmt(v.peakRssMB)} MB peak RSS, exit ${v.exitStatus}`, '≤ 10 s, ≤ 500 MB', verdict(ok));
  }
}

// ---- run ----------------------------------------------------------------------------------

function printTable(info) {
  const header = ['figure', 'measured', 'budget', ''];
  const body = rows.map((r) => [r.figure, r.measured, r.budget, r.status === 'ok' ? 'ok' : r.status === 'over' ? 'OVER' : r.status === 'n/a' ? 'n/a' : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  const out = [
    '',
    `Machine: ${info.os}; ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB; Node ${info.node}; ${info.date}; load ${info.loadAverage.join(' ')}`,
    '',
    line(header),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...body.map(line),
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');
}

const started = Date.now();
const info = machine();
log(`bench on ${info.cpu} × ${info.cores}, Node ${info.node}${quick ? ' (quick)' : ''}`);
await bundleWorker();
if (wants('core')) await coreFigures();
if (wants('memory')) await memoryFigure();
if (wants('peer')) await peerFigure();
if (wants('excel')) await excelFigures();
if (wants('cli')) await cliFigure();
if (wants('year')) await yearFigure();
if (wants('wps')) await wpsFigures();
if (wants('cli') || wants('bombs')) await bombsFigure();
if (wants('pane')) await paneFigures({ root, quick, noBuild, log, fmt, row, raw, na, verdict, firstLine });
info.seconds = Math.round((Date.now() - started) / 1000);
printTable(info);
if (!noWrite) {
  const out = path.join(root, 'bench', 'results.json');
  writeFileSync(out, JSON.stringify({ machine: info, budgetsMet: rows.every((r) => r.status !== 'over' && r.status !== 'n/a'), table: rows, raw }, null, 2) + '\n');
  log(`wrote ${path.relative(root, out)} (${info.seconds} s)`);
}
