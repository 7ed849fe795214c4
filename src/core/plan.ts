import type { Grid } from './grid';
import type { Analysis, CellWrite, PlanOptions, WritePlan } from './model';

/** True when text would be taken for a formula if typed into a cell: = + - @ at the start. */
export function needsTextGuard(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** The exact cells a recalculation changes: totals, ranks, and the 标记 column if asked. */
export function planWrites(grid: Grid, analysis: Analysis, options: PlanOptions): WritePlan {
  void grid; void analysis; void options;
  throw new Error('not implemented yet');
}

export interface UndoPlan {
  plan: WritePlan;
  /** Cells changed by someone since the run: left as they are now. */
  conflicts: CellWrite[];
}

/** Put back what `applied` changed, for every cell still holding what the run wrote. */
export function planUndo(current: Grid, applied: WritePlan): UndoPlan {
  void current; void applied;
  throw new Error('not implemented yet');
}
