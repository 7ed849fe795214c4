/**
 * Round trips per host operation, for tests and `npm run bench` only. The Excel host counts
 * context.sync calls (each a round trip to Excel, the slow part on the web); the WPS host counts
 * whole-range calls into ET, which has no syncs. The pane, the ribbon and the demo pass no
 * listener: the port's results carry only what the user is shown.
 */
import type { ScorecardHost } from './port';

/** The operations whose cost is budgeted (README › Performance, test/excel). */
export type CountedOperation = Extract<keyof ScorecardHost, 'applyRecalc' | 'recalcNow' | 'undoLast' | 'clearFlags' | 'writeSummary' | 'previewYear' | 'applyYear' | 'undoYear'>;

export interface SyncCount {
  operation: CountedOperation;
  /** Round trips the operation made, reads and writes alike. */
  syncs: number;
}

/** Told once per operation that succeeded (a refused or failed one reports nothing). */
export type OnSyncs = (count: SyncCount) => void;

/**
 * `done(operation, syncs, value)`: the operation's successful outcome, after telling the
 * listener (when there is one) what it cost.
 */
export function syncReporter(onSyncs: OnSyncs | undefined) {
  return <T>(operation: CountedOperation, syncs: number, value: T): { ok: true; value: T } => {
    onSyncs?.({ operation, syncs });
    return { ok: true, value };
  };
}
