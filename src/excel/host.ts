/**
 * ScorecardHost over Office.js: the task pane's and ribbon's only way into Excel.
 * Sync budget per operation (tests assert them on the simulated Excel):
 *   inspect / previewRecalc 1 · recalcNow 2 · applyRecalc 2 · clearFlags 2 ·
 *   undoLast 2 (3 when the run was on another sheet) · writeSummary ≤ 3 · selectCell 1,
 * plus extra chunks only when a read or write would pass Excel on the web's 5 MB limit
 * (responses and requests alike), and extra syncs only on failure, to put back what a
 * failed write may have changed.
 */
import {
  planRecalc,
  analyze,
  planClearFlags,
  planUndo,
  buildSummarySheet,
  writeCount,
  firstChangedCell,
  SUMMARY_SHEET_NAME,
  type RankMode,
  type WritePlan,
  freeSheetName,
  isOwnSheetName,
  isOwnSheetRows,
  isTopN,
} from '../core';
import { pickLocale, summaryText } from '../i18n';
import { DEFAULT_SETTINGS, type ApplyResult, type HostOutcome, type Inspection, type RecalcPreview, type ScorecardHost, type ScorecardSettings } from '../host/port';
import { syncReporter, type OnSyncs } from '../host/diagnostics';
import { errorsRefusal, failure, failureFromError, type HostFailure } from './errors';
import type { ExcelRunner, OfficeLike } from './office';
import { readActiveSheet, readSheetByName, type WorkbookRead } from './read';
import { queueRenderSpec } from './summary';

import { UNDO_SHEET_NAME } from './undoStore';
import { applyChanges, changesOf, WriteFailedError, type StoreUpdate } from './write';
import { periodCandidates } from './periods';
import { MIN_EXCEL_API, officeLimits, officeTooOld } from './requirements';
import type { createYearMethods } from './year';

export type { ExcelRunner, OfficeLike } from './office';
export { officeExcelRunner } from './office';

/** Key of the task pane's settings in Office.context.document.settings. */
export const SETTINGS_KEY = 'govInfoScorecard.settings';

export interface HostOptions {
  /** Bytes per sync to stay under (default just under Excel on the web's 5 MB). */
  payloadBudget?: number;
  /** Tests and bench only: told each budgeted operation's syncs (the UI passes none). */
  onSyncs?: OnSyncs;
}

const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

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

  /** Why a write must not start: protection, or no place for the undo record. */
  function writeBlocker(read: WorkbookRead, needsStore: boolean): HostFailure | null {
    if (read.sheetProtected) return failure('host.error.sheetProtected', { sheet: read.sheetName });
    if (needsStore && !read.undo.exists && read.workbookProtected) return failure('host.error.workbookProtected', { sheet: UNDO_SHEET_NAME });
    return null;
  }

  function saveRecord(read: WorkbookRead, plan: WritePlan, kind: 'recalc' | 'clearFlags'): StoreUpdate {
    return { kind: 'save', state: read.undo, plan, header: { sheet: read.sheetName, sheetId: read.sheetId, at: new Date().toISOString(), kind } };
  }

  function mergesOf(read: WorkbookRead) {
    return read.grid.merges ?? (supports('1.13') ? [] : null);
  }

  function preview(read: WorkbookRead): RecalcPreview {
    const insp = inspection(read);
    return { inspection: insp, ...planRecalc(read.grid, insp.analysis, insp.settings.flagColumn, insp.settings.writeFormulas === true) };
  }


  /** A guarded batch on the active sheet: read it (naming it for any error message), then `then`. */
  function onActiveSheet<T>(
    readWith: typeof readOptions & { undoBody?: boolean },
    then: (context: Excel.RequestContext, read: WorkbookRead, sheet: { name: string }) => Promise<HostOutcome<T>>,
  ): Promise<HostOutcome<T>> {
    const sheet = { name: '' };
    return guarded(sheet, async (context) => {
      const read = await readActiveSheet(context, office, readWith);
      if (!read) return failure('host.error.unexpected', { sheet: '', detail: 'no active sheet' });
      sheet.name = read.sheetName;
      return then(context, read, sheet);
    });
  }

  /** Options of a write: the sheet's merges, the undo-record update, and the payload budget. */
  function writeOptions(read: WorkbookRead, store: StoreUpdate) {
    return { merges: mergesOf(read), store, ...(budget ? { budget } : {}) };
  }

  // #14 year: 年度汇总, its undo, and the quarter's movement against the periods before it.
  // Its code is fetched the first time it is needed, so the pane's first screen does not carry it.
  let yearMethods: Promise<ReturnType<typeof createYearMethods>> | null = null;
  const year = () => (yearMethods ??= import('./year').then((m) => m.createYearMethods({ run, office, runOptions, readOptions, inspection, locale, done })));

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

    previewYear: async () => officeTooOld(office) ?? (await year()).previewYear(),
    applyYear: async (preview, force) => officeTooOld(office) ?? (await year()).applyYear(preview, force),
    undoYear: async () => officeTooOld(office) ?? (await year()).undoYear(),
    periodContext: async () => officeTooOld(office) ?? (await year()).periodContext(),

    async previewRecalc() {
      return onActiveSheet(readOptions, async (_context, read) => ok(preview(read)));
    },

    async applyRecalc(previewed) {
      const plan = previewed.plan;
      const sheet = { name: plan.sheetName };
      if (writeCount(plan) === 0) return done('applyRecalc', 0, { cellsWritten: 0 });
      return guarded<ApplyResult>(sheet, async (context) => {
        // Sync 1: the plan's cells as they are now, protection and the undo store.
        const read = await readActiveSheet(context, office, { ...readOptions, sheetName: plan.sheetName });
        if (!read) return failure('host.error.sheetMissing', { sheet: plan.sheetName });
        const changed = firstChangedCell(read.grid, plan);
        if (changed) return failure('host.error.sheetChanged', { sheet: plan.sheetName, cell: changed });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        // Sync 2: the write and the undo record together.
        const out = await applyChanges(context, plan.sheetName, changesOf(plan), writeOptions(read, saveRecord(read, plan, 'recalc')));
        return done('applyRecalc', read.syncs + out.syncs, { cellsWritten: out.cellsWritten });
      });
    },

    async recalcNow() {
      return onActiveSheet(readOptions, async (context, read) => {
        const p = preview(read);
        const refusal = errorsRefusal(read.sheetName, p.inspection.analysis);
        if (refusal) return refusal;
        if (writeCount(p.plan) === 0) return done('recalcNow', read.syncs, { cellsWritten: 0, inspection: p.inspection });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        const out = await applyChanges(context, read.sheetName, changesOf(p.plan), writeOptions(read, saveRecord(read, p.plan, 'recalc')));
        return done('recalcNow', read.syncs + out.syncs, { cellsWritten: out.cellsWritten, inspection: { ...p.inspection, canUndo: true } });
      });
    },

    async undoLast() {
      return onActiveSheet<ApplyResult>({ ...readOptions, undoBody: true }, async (context, firstRead, sheet) => {
        let read = firstRead;
        const record = read.undoRecord;
        if (!record) return failure(read.undo.exists && read.undo.usedRows > 0 && !read.undo.header ? 'host.error.undoUnreadable' : 'host.error.nothingToUndo');
        let syncs = read.syncs;
        const target = record.plan.sheetName;
        if (target !== read.sheetName) {
          // The run was on another sheet: read that one too.
          const byName = await readSheetByName(context, office, target, readOptions);
          syncs += byName.syncs;
          const other = byName.read;
          if (!other) return failure('host.error.sheetMissing', { sheet: target });
          read = { ...read, ...other };
          sheet.name = target;
        }
        const { plan, conflicts } = planUndo(read.grid, record.plan);
        const blocked = writeBlocker(read, false);
        if (blocked) return blocked;
        const out = await applyChanges(context, target, changesOf(plan), writeOptions(read, { kind: 'clear', state: read.undo }));
        const result: ApplyResult = { cellsWritten: out.cellsWritten };
        if (conflicts.length) {
          result.conflicts = conflicts.map((c) => ({ cell: c.address, unit: c.unit }));
          result.note = { key: 'host.undo.conflicts', params: { count: conflicts.length, cell: conflicts[0]!.address } };
        }
        return done('undoLast', syncs + out.syncs, result);
      });
    },

    async clearFlags() {
      return onActiveSheet<ApplyResult>(readOptions, async (context, read) => {
        const insp = inspection(read);
        if (!insp.analysis.scored) return failure('host.error.noTable', { sheet: read.sheetName });
        const plan = planClearFlags(read.grid, insp.analysis);
        if (writeCount(plan) === 0) return done('clearFlags', read.syncs, { cellsWritten: 0 });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        const out = await applyChanges(context, read.sheetName, changesOf(plan), writeOptions(read, saveRecord(read, plan, 'clearFlags')));
        const units = plan.columns.filter((c) => c.kind === 'flag').reduce((n, c) => n + c.rows.length, 0);
        return done('clearFlags', read.syncs + out.syncs, { cellsWritten: out.cellsWritten, units });
      });
    },

    async writeSummary(options = {}) {
      const sheet = { name: SUMMARY_SHEET_NAME };
      const temp = `${SUMMARY_SHEET_NAME}~new`;
      const tooOld = officeTooOld(office);
      if (tooOld) return tooOld;
      try {
        return await run(runOptions(), async (context) => {
          // Sync 1: the score sheet and the names of all sheets.
          const sheets = context.workbook.worksheets;
          const read = await readActiveSheet(context, office, { ...readOptions, alsoQueue: () => void sheets.load('items/name') });
          if (!read) return failure('host.error.unexpected', { sheet: '', detail: 'no active sheet' });
          const insp = inspection(read);
          if (!insp.analysis.scored) return failure('host.error.noTable', { sheet: read.sheetName });
          // Like the recalculation, a summary is not drafted from a sheet with errors unless the
          // user chose to (in the pane, after a confirmation naming the count).
          const errors = insp.analysis.findings.filter((f) => f.severity === 'error');
          if (errors.length > 0 && !options.allowErrors) {
            return failure('host.error.summaryHasErrors', { sheet: read.sheetName, count: errors.length, cell: errors[0]?.cell ?? '' });
          }
          if (read.workbookProtected) return failure('host.error.workbookProtected', { sheet: SUMMARY_SHEET_NAME });
          const names = sheets.items.map((s) => s.name);
          // #14 year: movement and 零报送 runs when sheets named for earlier periods are in the workbook (extra syncs only then).
          const within = await (await year()).contextWithin(context, read, insp, names);
          const spec = buildSummarySheet(insp.analysis, summaryText(locale()), within.context);
          let syncs = read.syncs + within.syncs;
          // Sync 2 (only when a sheet has a summary's name): which of them is ours.
          const candidates = names.filter((n) => isOwnSheetName(n, spec.name));
          let own: { name: string; position: number } | null = null;
          if (candidates.length) {
            const loaded = candidates.map((name) => {
              const ws = sheets.getItem(name);
              ws.load('name,position');
              const used = ws.getUsedRangeOrNullObject(true);
              used.load('values');
              return { ws, used };
            });
            await context.sync();
            syncs += 1;
            const mine = loaded.find(({ used }) => !used.isNullObject && isOwnSheetRows(used.values));
            if (mine) own = { name: mine.ws.name, position: mine.ws.position };
          }
          // Sync 3: build the new sheet under a temporary name, then swap it in.
          const name = own ? own.name : freeSheetName(names, spec.name);
          sheet.name = name;
          const fresh = sheets.add(temp);
          queueRenderSpec(fresh, spec, office);
          if (own) sheets.getItem(own.name).delete();
          fresh.name = name;
          if (own) fresh.position = own.position;
          fresh.activate();
          await context.sync();
          syncs += 1;
          return done('writeSummary', syncs, { sheetName: name, errors: errors.length });
        });
      } catch (error) {
        // A failed batch may have added the temporary sheet: remove it (extra syncs on failure only).
        try {
          await run({}, async (context) => {
            context.workbook.worksheets.getItemOrNullObject(temp).delete();
            await context.sync();
          });
        } catch {
          /* the first error is the one to report */
        }
        return failureFromError(error, sheet.name);
      }
    },

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

    async onActiveSheetChanged(listener) {
      let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetActivatedEventArgs> | null = null;
      // worksheets.onActivated is ExcelApi 1.7: without it the pane does not follow sheet switches.
      if (!supports(MIN_EXCEL_API)) return () => undefined;
      try {
        await run({}, async (context) => {
          registration = context.workbook.worksheets.onActivated.add(async () => {
            listener();
          });
          await context.sync();
        });
      } catch {
        // Without the event (older Excel, lost connection) the pane still works; it just won't follow sheet switches.
        return () => undefined;
      }
      return () => {
        const r = registration;
        registration = null;
        if (!r) return;
        r.remove();
        void (r.context as Excel.RequestContext).sync().catch(() => undefined);
      };
    },

    async onSheetEdited(sheetName, listener) {
      let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
      // worksheet.onChanged is ExcelApi 1.7 (and its triggerSource 1.14, read only when present).
      if (!supports(MIN_EXCEL_API)) return () => undefined;
      try {
        await run({}, async (context) => {
          registration = context.workbook.worksheets.getItem(sheetName).onChanged.add(async (event) => {
            // The add-in's own writes are followed by a fresh inspection anyway (ExcelApi 1.14 tells them apart).
            if ((event as { triggerSource?: string }).triggerSource === 'ThisLocalAddin') return;
            listener(event.address);
          });
          await context.sync();
        });
      } catch {
        // Without the event the pane still works; it is checked again on 校验.
        return () => undefined;
      }
      return () => {
        const r = registration;
        registration = null;
        if (!r) return;
        r.remove();
        void (r.context as Excel.RequestContext).sync().catch(() => undefined);
      };
    },
  };
  return host;
}

