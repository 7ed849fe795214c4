import type { SimWorkbook } from '../sim/workbook';

/** What the demo page shares with its task-pane iframe (window.__scorecardDemo). */
export interface DemoGlobal {
  workbook: SimWorkbook;
  displayLanguage: string;
}
