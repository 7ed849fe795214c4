/**
 * ScorecardHost over Office.js: the task pane's and ribbon's only way into Excel.
 * Sync budget per operation (tests assert them on the simulated Excel):
 *   inspect / previewRecalc 1 · recalcNow 2 · applyRecalc 2 · clearFlags 2 ·
 *   undoLast 2 (3 when the run was on another sheet) · writeSummary ≤ 3 · selectCell 1,
 * plus extra chunks only when a read or write would pass Excel on the web's 5 MB limit
 * (responses and requests alike), and extra syncs only on failure, to put back what a
 * failed write may have changed.
 */
import { analyze, isTopN, type RankMode } from '../core';
import { pickLocale } from '../i18n';
import { DEFAULT_SETTINGS, type HostOutcome, type Inspection, type ScorecardHost, type ScorecardSettings } from '../host/port';
import { syncReporter, type OnSyncs } from '../host/diagnostics';
import { failure, failureFromError, WriteFailedError } from './errors';
import type { ExcelRunner, OfficeLike } from './office';
import { readActiveSheet, type WorkbookRead } from './read';
import { periodCandidates } from './periods';
import { MIN_EXCEL_API, officeLimits, officeTooOld } from './requirements';
import type { createWriteMethods } from './writes';
import type { createYearMethods } from './year';
import { ok } from '../core/result';

export type { ExcelRunner, OfficeLike } from './office';
export { officeExcelRunner } from './office';

/** Key of the task pane's settings in Office.context.document.settings. */
export const SETTINGS_KEY = 'govInfoScorecard.settings';

export interface HostOptions {
  /** Bytes per sync to stay under (default just under Excel on the web's 5 MB). */
  payloadBudget?: number;
  /** Tests and bench only: told each budgeted operation's syncs (the UI passes none). */
  onSyncs?: OnSyncs;
  /** How long after one of its writes a change event without a triggerSource is taken for its echo (see below). */
  ownWriteEchoMs?: number;
}

/**
 * Excel raises worksheet.onChanged a moment after a batch is done. A write by the add-in
 * arrives within this time on a PC of the county's kind; a cell typed in that moment is
 * checked with the next edit (the pane checks the sheet again after every write anyway).
 */
const OWN_WRITE_ECHO_MS = 2000;

/** Settings stored in the workbook, checked field by field (a hand-edited value must not break the pane). */
export function readSettings(office: OfficeLike): ScorecardSettings {
  const raw = office.context.document.settings.get(SETTINGS_KEY) as Partial<ScorecardSettings> | null;
  const rankMode: RankMode = raw?.rankMode === 'dense' || raw?.rankMode === 'competition' ? raw.rankMode : DEFAULT_SETTINGS.rankMode;
  const topN = isTopN(raw?.topN) ? raw.topN : DEFAULT_SETTINGS.topN;
  const flagColumn = typeof raw?.flagColumn === 'boolean' ? raw.flagColumn : DEFAULT_SETTINGS.flagColumn;
  const writeFormulas = typeof raw?.writeFormulas === 'boolean' ? raw.writeFormulas : false;
  return { rankMode, topN, flagColumn, writeFormulas };
}

export function createScorecardHost(run: ExcelRunner, office: OfficeLike, options: HostOptions = {}): ScorecardHost {
  const supports = (version: string) => office.context.requirements.isSetSupported('ExcelApi', version);
  // Wait for the user to leave cell-edit mode instead of failing (ExcelApi 1.11), and make
  // a recalculation one step of Excel's own undo (ExcelApi 1.20).
  const runOptions = (): Excel.RunOptions => ({
    ...(supports('1.11') ? { delayForCellEdit: true } : {}),
    ...(supports('1.20') ? { mergeUndoGroup: true } : {}),
  });
  const budget = options.payloadBudget;
  const readOptions = budget ? { budget } : {};
  const locale = () => pickLocale(office.context.displayLanguage);
  const done = syncReporter(options.onSyncs);

  // Excel raises worksheet.onChanged for the add-in's own writes too. From ExcelApi 1.14 the event
  // says so (triggerSource); before, one that comes while a write runs or just after is its echo.
  const echoMs = options.ownWriteEchoMs ?? OWN_WRITE_ECHO_MS;
  let writesRunning = 0;
  let lastWriteEnd = -Infinity;
  async function writing<T>(write: () => Promise<T>): Promise<T> {
    writesRunning++;
    try {
      return await write();
    } finally {
      writesRunning--;
      lastWriteEnd = Date.now();
    }
  }
  const isOwnEcho = (triggerSource: string | undefined): boolean =>
    triggerSource === 'ThisLocalAddin' || (triggerSource === undefined && (writesRunning > 0 || Date.now() - lastWriteEnd < echoMs));

  function inspection(read: WorkbookRead): Inspection {
    const settings = readSettings(office);
    const analysis = analyze(read.grid, { rulesGrid: read.rulesGrid, ledgerGrid: read.ledgerGrid, rosterGrid: read.rosterGrid, overrides: { rankMode: settings.rankMode, topN: settings.topN } });
    const limits = officeLimits(office);
    return { sheetName: read.sheetName, analysis, settings, canUndo: read.undo.header !== null, ...(limits.length ? { officeLimits: limits } : {}) };
  }

  /** Run a batch; any Office error becomes a message naming the sheet, never a throw. */
  async function guarded<T>(sheet: { name: string }, batch: (context: Excel.RequestContext) => Promise<HostOutcome<T>>): Promise<HostOutcome<T>> {
    // Before Office 2019 nothing is attempted: the message says which Office is needed.
    const tooOld = officeTooOld(office);
    if (tooOld) return tooOld;
    try {
      return await run(runOptions(), batch);
    } catch (error) {
      if (error instanceof WriteFailedError) return failureFromError(error.error, sheet.name, !error.rolledBack);
      return failureFromError(error, sheet.name);
    }
  }

  /**
   * Code fetched the first time it is needed, so the pane's first screen carries only reading
   * and checking: the writing half (./writes) and the year (./year). A fetch that fails (the
   * network dropped) is a message, and the next click fetches again.
   */
  function onFirstUse<M>(load: () => Promise<M>): () => Promise<HostOutcome<M>> {
    let loading: Promise<M> | null = null;
    return async () => {
      try {
        return ok(await (loading ??= load()));
      } catch (error) {
        loading = null;
        return failure('host.error.codeNotLoaded', { detail: error instanceof Error ? error.message : String(error) });
      }
    };
  }
  /** Old Office first (nothing is attempted before Office 2019), then the code, then the call. */
  async function using<M, T>(code: () => Promise<HostOutcome<M>>, call: (methods: M) => Promise<HostOutcome<T>>): Promise<HostOutcome<T>> {
    const tooOld = officeTooOld(office);
    if (tooOld) return tooOld;
    const loaded = await code();
    return loaded.ok ? call(loaded.value) : loaded;
  }

  // #14 year: 年度汇总, its undo, and the quarter's movement against the periods before it.
  const year = onFirstUse<ReturnType<typeof createYearMethods>>(() => import('./year').then((m) => m.createYearMethods({ run, office, runOptions, readOptions, inspection, locale, done })));
  const writes = onFirstUse<ReturnType<typeof createWriteMethods>>(() =>
    import('./writes').then((m) => m.createWriteMethods({ run, office, runOptions, readOptions, supports, inspection, locale, done, guarded, year })),
  );

  /**
   * Register an Office event handler (ExcelApi 1.7) and give back its removal. Without the event
   * (older Excel, a lost connection) the pane still works, just without following it: a no-op.
   */
  async function subscribe(add: (context: Excel.RequestContext) => OfficeExtension.EventHandlerResult<unknown>): Promise<() => void> {
    if (!supports(MIN_EXCEL_API)) return () => undefined;
    let registration: OfficeExtension.EventHandlerResult<unknown> | null = null;
    try {
      await run({}, async (context) => {
        registration = add(context);
        await context.sync();
      });
    } catch {
      return () => undefined;
    }
    return () => {
      const r = registration;
      registration = null;
      if (!r) return;
      r.remove();
      void (r.context as Excel.RequestContext).sync().catch(() => undefined);
    };
  }

  const host: ScorecardHost = {
    async inspect() {
      const sheet = { name: '' };
      return guarded(sheet, async (context) => {
        // Every sheet's name in the same sync: the pane offers 年度汇总 when other sheets could be periods.
        const sheets = context.workbook.worksheets;
        const read = await readActiveSheet(context, office, { ...readOptions, alsoQueue: () => void sheets.load('items/name') });
        if (!read) return failure('host.error.unexpected', { sheet: '', detail: 'no active sheet' });
        sheet.name = read.sheetName;
        return ok({ ...inspection(read), periodCandidates: periodCandidates(sheets.items.map((s) => s.name)) });
      });
    },

    previewYear: async () => using(year, (methods) => methods.previewYear()),
    applyYear: async (preview, force) => writing(() => using(year, (methods) => methods.applyYear(preview, force))),
    undoYear: async () => writing(() => using(year, (methods) => methods.undoYear())),
    periodContext: async () => using(year, (methods) => methods.periodContext()),

    previewRecalc: async () => using(writes, (methods) => methods.previewRecalc()),
    applyRecalc: async (previewed) => writing(() => using(writes, (methods) => methods.applyRecalc(previewed))),
    recalcNow: async () => writing(() => using(writes, (methods) => methods.recalcNow())),
    undoLast: async () => writing(() => using(writes, (methods) => methods.undoLast())),
    clearFlags: async () => writing(() => using(writes, (methods) => methods.clearFlags())),
    writeSummary: async (options) => writing(() => using(writes, (methods) => methods.writeSummary(options))),

    async selectCell(sheetName, address) {
      return guarded<void>({ name: sheetName }, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
        return ok(undefined);
      });
    },

    async saveSettings(settings) {
      const store = office.context.document.settings;
      // 写入公式 stored when given (the pane always gives it), so settings saved without it read as before.
      store.set(SETTINGS_KEY, { rankMode: settings.rankMode, topN: settings.topN, flagColumn: settings.flagColumn, ...(settings.writeFormulas !== undefined ? { writeFormulas: settings.writeFormulas } : {}) });
      return new Promise<HostOutcome<void>>((resolve) => {
        store.saveAsync((result) => {
          if (result.status === 'failed' || result.status === 'Failed') {
            resolve(failure('host.error.settingsNotSaved', { detail: result.error?.message ?? '' }));
          } else {
            resolve(ok(undefined));
          }
        });
      });
    },

    // worksheets.onActivated is ExcelApi 1.7: without it the pane does not follow sheet switches.
    onActiveSheetChanged: async (listener) =>
      subscribe((context) =>
        context.workbook.worksheets.onActivated.add(async () => {
          listener();
        }),
      ),

    // worksheet.onChanged is ExcelApi 1.7 (and its triggerSource 1.14, read only when present).
    // Without it the pane still works; the sheet is checked again on 校验.
    onSheetEdited: async (sheetName, listener) =>
      subscribe((context) =>
        context.workbook.worksheets.getItem(sheetName).onChanged.add(async (event) => {
          // The add-in's own writes are followed by a fresh inspection anyway: they are no edit to report.
          if (isOwnEcho((event as { triggerSource?: string }).triggerSource)) return;
          listener(event.address);
        }),
      ),
  };
  return host;
}

