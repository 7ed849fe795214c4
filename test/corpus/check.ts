/** Shared checks of the corpus: what every host must report for a case. */
import { byCategory } from '../support/units';
import { a1, centsToNumber, colCount, formulaAt, sameContent, valueAt, cellWrites, type Analysis, type Finding, type Grid, type WritePlan } from '../../src/core';
import { formatFinding } from '../../src/i18n';
import type { CorpusCase, ExpectedCategory } from './cases';

export const findingKeys = (findings: readonly Pick<Finding, 'code' | 'cell'>[]) => findings.map((f) => [f.code, f.cell] as const);

export function categoriesOf(analysis: Analysis): ExpectedCategory[] {
  return (analysis.scored ? byCategory(analysis.scored) : []).map((c) => ({
    name: c.name,
    units: c.units.map((u) => [u.name, centsToNumber(u.totalCents), u.rank] as const),
  }));
}

/** The grid's bounds in absolute coordinates (the header may sit anywhere inside). */
export function inGrid(grid: Grid, row: number, col: number): boolean {
  return row >= grid.originRow && row < grid.originRow + grid.values.length && col >= grid.originCol && col < grid.originCol + colCount(grid);
}

/**
 * Problems with where findings point: a cell outside the grid, an address that does not match
 * its coordinates, or an error whose Chinese message does not name its cell.
 */
export function placementProblems(grid: Grid, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const f of findings) {
    if (f.cell === null) {
      if (f.row !== null || f.col !== null) problems.push(`${f.code}: sheet-level finding with coordinates`);
      if (f.severity === 'error' && f.code !== 'HEADER_NOT_FOUND') problems.push(`${f.code}: error without a cell`);
      continue;
    }
    if (f.row === null || f.col === null) {
      problems.push(`${f.code} ${f.cell}: no coordinates`);
      continue;
    }
    if (a1(f.row, f.col) !== f.cell) problems.push(`${f.code} ${f.cell}: coordinates say ${a1(f.row, f.col)}`);
    if (!inGrid(grid, f.row, f.col)) problems.push(`${f.code} ${f.cell}: outside the grid`);
    const zh = formatFinding(f, 'zh-CN');
    if (!zh.includes(f.cell)) problems.push(`${f.code} ${f.cell}: message does not name the cell: ${zh}`);
    if (!/[\u4e00-\u9fff]/.test(zh)) problems.push(`${f.code} ${f.cell}: message is not Chinese: ${zh}`);
  }
  return problems;
}

/** The top list and flag lists a case expects, read from an analysis. */
export function topOf(analysis: Analysis): string[][] {
  return (analysis.summary?.categories ?? []).map((c) => c.top.map((u) => u.name));
}

export function expectsTable(c: CorpusCase): boolean {
  return c.categories !== undefined;
}

/** A copy of the grid with a plan's writes applied, as a host would leave the sheet. */
export function applyPlan(grid: Grid, plan: WritePlan): Grid {
  const values = grid.values.map((r) => [...r]);
  const formulas = grid.values.map((r, i) => r.map((_, j) => grid.formulas?.[i]?.[j] ?? null));
  for (const w of cellWrites(plan)) {
    const r = w.row - grid.originRow;
    const c = w.col - grid.originCol;
    const valueRow = values[r];
    const formulaRow = formulas[r];
    if (!valueRow || !formulaRow || c < 0) throw new Error(`write outside the grid: ${w.address}`);
    while (valueRow.length <= c) valueRow.push(null);
    while (formulaRow.length <= c) formulaRow.push(null);
    valueRow[c] = w.after.value;
    formulaRow[c] = w.after.formula;
  }
  const out: Grid = { ...grid, values, formulas };
  if (grid.numberFormats) out.numberFormats = grid.numberFormats.map((r) => (r ? [...r] : r));
  return out;
}

/** Cells whose content differs between two grids (absolute A1 addresses). */
export function diffCells(a: Grid, b: Grid): string[] {
  const rows = Math.max(a.originRow + a.values.length, b.originRow + b.values.length);
  const cols = Math.max(a.originCol + colCount(a), b.originCol + colCount(b));
  const top = Math.min(a.originRow, b.originRow);
  const left = Math.min(a.originCol, b.originCol);
  const out: string[] = [];
  for (let r = top; r < rows; r++) {
    for (let c = left; c < cols; c++) {
      const x = { value: valueAt(a, r, c), formula: formulaAt(a, r, c) };
      const y = { value: valueAt(b, r, c), formula: formulaAt(b, r, c) };
      if (!sameContent(x, y)) out.push(a1(r, c));
    }
  }
  return out;
}
