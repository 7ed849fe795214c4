/**
 * The core beside a spreadsheet engine (issue #12): HyperFormula computing the same totals and
 * competition ranks with the formulas a clerk would type, `=SUM(B:D)` per unit row and
 * `=COUNTIF(block,">"&E)+1` per category block (HyperFormula has no RANK.EQ; COUNTIF gives the
 * same rank). Both sides start from the same rows and end with every total and rank known; the
 * figure checks the two agree before it reports a ratio.
 */
import { HyperFormula } from 'hyperformula';
import { analyze, planWrites, unitsOf, type Analysis } from '../src/core';
import { scoreGrid, sheetRows } from './generate';
import { median, round, sample } from './stats';

export interface PeerRatio {
  units: number;
  runs: number;
  coreMs: number;
  engineMs: number;
  /** How many times faster the core is than the engine. */
  ratio: number;
}

/** The sheet with formulas in 累计得分 and 排名, as HyperFormula's input (A1 rows). */
function formulaSheet(units: number): (string | number | null)[][] {
  const rows = sheetRows(units);
  const out: (string | number | null)[][] = [];
  // Category blocks: the unit rows between one category row and the next (1-based sheet rows).
  const blocks: Array<{ first: number; last: number }> = [];
  rows.forEach((row, r) => {
    if (row.kind === 'category') blocks.push({ first: r + 2, last: r + 1 });
    else if (row.kind === 'unit') blocks[blocks.length - 1]!.last = r + 1;
  });
  let block = -1;
  rows.forEach((row, r) => {
    if (row.kind === 'category') block++;
    if (row.kind !== 'unit') return out.push(row.cells.map((c) => (typeof c === 'number' || typeof c === 'string' ? c : null)));
    const n = r + 1;
    const { first, last } = blocks[block]!;
    out.push([row.cells[0] as string, row.cells[1] as number, row.cells[2] as number, row.cells[3] as number, `=SUM(B${n}:D${n})`, `=COUNTIF(E$${first}:E$${last},">"&E${n})+1`]);
  });
  return out;
}

function engineRun(sheet: (string | number | null)[][]): { totals: number[]; ranks: number[] } {
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
  const totals: number[] = [];
  const ranks: number[] = [];
  sheet.forEach((row, r) => {
    if (typeof row[4] !== 'string' || !row[4].startsWith('=SUM')) return;
    totals.push(hf.getCellValue({ sheet: 0, row: r, col: 4 }) as number);
    ranks.push(hf.getCellValue({ sheet: 0, row: r, col: 5 }) as number);
  });
  hf.destroy();
  return { totals, ranks };
}

function coreRun(units: number): Analysis {
  const grid = scoreGrid(units);
  const analysis = analyze(grid);
  planWrites(grid, analysis, { flagColumn: true });
  return analysis;
}

export async function peerRatio(units: number, runs: number): Promise<PeerRatio> {
  const sheet = formulaSheet(units);
  const engine = engineRun(sheet);
  const analysis = coreRun(units);
  const scored = analysis.scored!;
  const inOrder = scored.categories.flatMap((c) => unitsOf(scored, c));
  const coreRanks = inOrder.map((u) => u.rank);
  const coreTotals = inOrder.map((u) => u.totalCents / 100);
  const differs = coreRanks.findIndex((rank, i) => rank !== engine.ranks[i] || Math.abs(coreTotals[i]! - engine.totals[i]!) > 1e-9);
  if (coreRanks.length !== engine.ranks.length || differs >= 0) throw new Error(`core and engine disagree at unit ${differs}`);
  const engineSamples = await sample(() => engineRun(sheet), runs, 1);
  const coreSamples = await sample(() => coreRun(units), runs, 5);
  const coreMs = median(coreSamples);
  const engineMs = median(engineSamples);
  return { units, runs, coreMs: round(coreMs, 2), engineMs: round(engineMs, 1), ratio: round(engineMs / coreMs, 1) };
}
