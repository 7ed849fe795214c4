/**
 * The writing half of the Excel host: 重新计算排名 (preview and write), the ribbon's
 * recalculation, 撤销, 清除标记 and 生成汇总表. Fetched the first time one is used, so the pane's
 * first screen carries only what reading and checking the sheet need (see host.ts).
 * Sync budgets are host.ts's.
 */
import {
  buildSummarySheet,
  firstChangedCell,
  freeSheetName,
  isOwnSheetName,
  isOwnSheetRows,
  planClearFlags,
  planRecalc,
  planUndo,
  SUMMARY_SHEET_NAME,
  writeCount,
  type WritePlan,
} from '../core';
import { summaryText, type Locale } from '../i18n';
import type { ApplyResult, HostOutcome, Inspection, RecalcPreview, ScorecardHost } from '../host/port';
import type { syncReporter } from '../host/diagnostics';
import { errorsRefusal, failure, failureFromError, summaryGate, type HostFailure } from './errors';
import { removeSheetAfterFailure, type ExcelRunner, type OfficeLike } from './office';
import { readActiveSheet, readSheetByName, type WorkbookRead } from './read';
import { queueRenderSpec } from './summary';
import { readRecord } from './undoRecord';
import { UNDO_SHEET_NAME } from './undoStore';
import { applyChanges, changesOf, type StoreUpdate } from './write';
import type { createYearMethods } from './year';
import { ok } from '../core/result';

export interface WriteHostDeps {
  run: ExcelRunner;
  office: OfficeLike;
  runOptions: () => Excel.RunOptions;
  readOptions: { budget?: number };
  supports: (version: string) => boolean;
  inspection: (read: WorkbookRead) => Inspection;
  locale: () => Locale;
  /** The host's success outcome, telling its test-only listener the syncs spent. */
  done: ReturnType<typeof syncReporter>;
  /** Any Office error becomes a message naming the sheet, never a throw. */
  guarded: <T>(sheet: { name: string }, batch: (context: Excel.RequestContext) => Promise<HostOutcome<T>>) => Promise<HostOutcome<T>>;
  year: () => Promise<HostOutcome<ReturnType<typeof createYearMethods>>>;
}

type WriteMethods = Pick<ScorecardHost, 'previewRecalc' | 'applyRecalc' | 'recalcNow' | 'undoLast' | 'clearFlags' | 'writeSummary'>;

export function createWriteMethods(deps: WriteHostDeps): WriteMethods {
  const { run, office, runOptions, readOptions, supports, inspection, locale, done, guarded, year } = deps;
  const budget = readOptions.budget;

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
    readWith: { budget?: number; undoBody?: boolean },
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

  return {
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
        const record = read.undoValues ? readRecord(read.undoValues) : null;
        if (!record) return failure(read.undo.exists && read.undo.usedRows > 0 ? 'host.error.undoUnreadable' : 'host.error.nothingToUndo');
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
      try {
        return await run(runOptions(), async (context) => {
          // Sync 1: the score sheet and the names of all sheets.
          const sheets = context.workbook.worksheets;
          const read = await readActiveSheet(context, office, { ...readOptions, alsoQueue: () => void sheets.load('items/name') });
          if (!read) return failure('host.error.unexpected', { sheet: '', detail: 'no active sheet' });
          const insp = inspection(read);
          // Like the recalculation, a summary is not drafted from a sheet with errors unless the
          // user chose to (in the pane, after a confirmation naming the count).
          const gate = summaryGate(read.sheetName, insp.analysis, options.allowErrors === true, read.workbookProtected);
          if (!gate.ok) return gate;
          const names = sheets.items.map((s) => s.name);
          // #14 year: movement and 零报送 runs when sheets named for earlier periods are in the workbook (extra syncs only then).
          const yearCode = await year();
          if (!yearCode.ok) return yearCode;
          const within = await yearCode.value.contextWithin(context, read, insp, names);
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
          return done('writeSummary', syncs, { sheetName: name, errors: gate.errors });
        });
      } catch (error) {
        await removeSheetAfterFailure(run, temp);
        return failureFromError(error, sheet.name);
      }
    },
  };
}
