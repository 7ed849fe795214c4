/**
 * ScorecardHost over Office.js: the only place (with readSheet/applyPlan) that talks to Excel.
 * Every operation costs a small, fixed number of syncs; see docs in each method.
 */
import type { ScorecardHost } from './contract';
import type { ExcelRunner, OfficeLike } from './office';

export type { ExcelRunner, OfficeLike } from './office';
export { officeExcelRunner } from './office';

export function createScorecardHost(run: ExcelRunner, office: OfficeLike): ScorecardHost {
  void run; void office;
  throw new Error('not implemented yet');
}
