/**
 * What every host adapter (Office.js in src/excel, WPS in src/wps) shows before and checks
 * right before a write: the units a plan changes, and whether the sheet still holds what the
 * plan was made from. Pure, so the adapters share it instead of each keeping a copy.
 */
import { a1, type Grid } from './grid';
import { formatCents } from './decimal';
import { cellText } from './text';
import { beforeAt, contentAt, planWrites, sameContent } from './plan';
import type { Analysis, WritePlan } from './model';

/** One unit whose total or rank a plan changes, old → new, for the confirmation dialog. */
export interface PlannedChange {
  unit: string;
  category: string;
  totalBefore: string;
  totalAfter: string;
  rankBefore: string;
  rankAfter: string;
}

/** A1 address of the first planned cell that no longer holds what the plan was made from, or null. */
export function firstChangedCell(grid: Grid, plan: WritePlan): string | null {
  for (const c of plan.columns) {
    for (let i = 0; i < c.rows.length; i++) {
      if (!sameContent(contentAt(grid, c.rows[i]!, c.col), beforeAt(c, i))) return a1(c.rows[i]!, c.col);
    }
  }
  return null;
}

/** Units whose total or rank the plan changes, old → new (from the columns: no object for every unit of a big sheet). */
export function plannedChanges(analysis: Analysis, plan: WritePlan): PlannedChange[] {
  const rows = new Set<number>();
  for (const c of plan.columns) if (c.kind === 'total' || c.kind === 'rank') for (const row of c.rows) rows.add(row);
  const changes: PlannedChange[] = [];
  const scored = analysis.scored;
  if (!scored) return changes;
  const { units, results } = scored;
  for (const category of scored.categories) {
    for (const index of category.members) {
      if (!rows.has(units.rows[index]!)) continue;
      changes.push({
        unit: units.names[index]!,
        category: category.name,
        totalBefore: cellText(units.cells.total?.values?.[index] ?? null),
        totalAfter: formatCents(results.totals[index]!),
        rankBefore: cellText(units.cells.rank?.values?.[index] ?? null),
        rankAfter: String(results.ranks[index]!),
      });
    }
  }
  return changes;
}

/**
 * The recalculation a host previews and writes: the plan, and the units it changes. Cells the
 * plan cannot write (merged, no column left) join the analysis's findings, so an error among
 * them refuses the write like any other error.
 */
export function planRecalc(grid: Grid, analysis: Analysis, flagColumn: boolean, formulas = false): { plan: WritePlan; changes: PlannedChange[] } {
  const plan = planWrites(grid, analysis, { flagColumn, formulas });
  if (plan.problems) analysis.findings = [...analysis.findings, ...plan.problems];
  return { plan, changes: plannedChanges(analysis, plan) };
}
