/**
 * A strict simulated WPS 表格 (ET) `Application` over the simulated workbook of src/sim, for
 * the WPS adapter's tests, the bench and the WPS demo page. It behaves as Kingsoft documents
 * the object model (and as Excel's VBA model it follows), not as the adapter would like:
 *   - Value2 / Formula / NumberFormat of a range are 2-D arrays (rows of cells), a single
 *     value for one cell; assigning an array writes every cell, and an empty entry CLEARS
 *     its cell (unlike Office.js, where null leaves a cell alone);
 *   - Cells(r, c), Item(r, c), Row and Column are 1-based;
 *   - `style: 'method'` builds expose Address, MergeArea, UsedRange, Count and Cells(r, c)
 *     as methods, `style: 'property'` builds as properties (Cells then only by Item);
 *   - a protected sheet refuses every write, Sheets.Add activates the new sheet, deleting a
 *     sheet while DisplayAlerts is on would open a confirmation dialog (here: an error);
 *   - reading a member the model does not have throws instead of returning undefined.
 * It counts whole-range calls (reads and writes of Value2, Formula, NumberFormat) and every
 * call of a cell-level member, so tests and the bench can hold the adapter to its budget.
 *
 * The proxies live beside this file: context.ts (options, counts, the strict member check and
 * the state they share), range.ts, worksheet.ts and workbookProxy.ts; this file puts them
 * together under the Application (task panes, dialogs, events, storage, counts, failWrite).
 */
import type { SimWorkbook } from '../workbook';
import type { EtApplicationLike, EtTaskPaneLike } from '../../wps/et';
import { createEtSimContext, freshCounts, type EtCallCounts, type SimEtOptions } from './context';
import { makeSheet } from './worksheet';
import { makeWorkbook } from './workbookProxy';

export { EtSimError, type EtCallCounts, type EtMemberStyle, type SimEtOptions } from './context';

export interface SimEtApplication extends EtApplicationLike {
  readonly counts: EtCallCounts;
  resetCounts(): void;
  /** Make the n-th range write from now on throw (1 = the next one), as WPS would on failure. */
  failWrite(n: number, message?: string): void;
  readonly taskPanes: Array<{ id: number; url: string; title: string | undefined; visible: boolean }>;
  /** Dialogs opened with ShowDialog (url and title). */
  readonly dialogs: Array<{ url: string; title: string | undefined }>;
  readonly workbook: SimWorkbook;
}

export function createSimEtApplication(workbook: SimWorkbook, options: SimEtOptions = {}): SimEtApplication {
  const ctx = createEtSimContext(workbook, options);
  let nextPaneId = 1;
  const taskPanes: SimEtApplication['taskPanes'] = [];
  const dialogs: SimEtApplication['dialogs'] = [];
  const storage = new Map<string, unknown>();
  const bookObj = makeWorkbook(ctx);

  const listeners = new Map<(...args: unknown[]) => void, () => void>();
  const apiEvent = {
    AddApiEventListener(name: string, callback: (...args: unknown[]) => void) {
      if (name !== 'SheetActivate') return;
      listeners.set(callback, workbook.onActivation((sheet) => callback(makeSheet(ctx, sheet))));
    },
    RemoveApiEventListener(name: string, callback?: (...args: unknown[]) => void) {
      if (name !== 'SheetActivate') return;
      for (const [cb, off] of [...listeners]) {
        if (!callback || cb === callback) {
          off();
          listeners.delete(cb);
        }
      }
    },
  };

  const pane = (p: SimEtApplication['taskPanes'][number]): EtTaskPaneLike => ({
    ID: p.id,
    get Visible() {
      return p.visible;
    },
    set Visible(v: boolean) {
      p.visible = v;
    },
  });
  // defineProperties, not Object.assign: the getters must stay live (Object.assign would copy their first value).
  const application = Object.defineProperties(ctx.app, {
    ActiveWorkbook: { get: () => bookObj, enumerable: true, configurable: true },
    Build: { value: options.build ?? '12.1.0.16120', enumerable: true },
    CreateTaskPane: {
      value: (url: string, title?: string): EtTaskPaneLike => {
        const p = { id: nextPaneId++, url, title, visible: false };
        taskPanes.push(p);
        return pane(p);
      },
    },
    GetTaskPane: {
      value: (id: number): EtTaskPaneLike | null => {
        const p = taskPanes.find((x) => x.id === id);
        return p ? pane(p) : null;
      },
    },
    ShowDialog: {
      value: (url: string, title?: string) => {
        dialogs.push({ url, title });
      },
    },
    ApiEvent: { value: apiEvent },
    PluginStorage: { value: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: unknown) => void storage.set(k, v) } },
    counts: { get: () => ctx.counts },
    resetCounts: {
      value: () => {
        ctx.counts = freshCounts();
      },
    },
    failWrite: {
      value: (n: number, message?: string) => {
        ctx.failAt = ctx.writes + n;
        ctx.failMessage = message ?? '';
      },
    },
    taskPanes: { value: taskPanes },
    dialogs: { value: dialogs },
    workbook: { value: workbook },
  });
  return application as unknown as SimEtApplication;
}
