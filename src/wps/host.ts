/**
 * ScorecardHost over WPS 表格's ET object model: the same port the Office.js adapter
 * (src/excel) implements, so the task pane, the ribbon commands and their messages serve
 * both hosts unchanged.
 *
 * ET is synchronous and unbatched: every member read is a call into the host, so a read
 * takes the used range's values, formulas and number formats as three whole-range 2-D
 * reads (never cell by cell), one read of the visible rows, and probes merged areas only
 * where the layout needs them (the rows above the header, the header cells, and rows that
 * hold a single label: title and category rows). A plan is written in contiguous blocks,
 * because an ET array write also writes its empty entries (it would clear the cells that
 * Office.js leaves alone for null). WPS has no undo grouping for scripts and no document
 * settings, so the 撤销上次计算 record (same format as src/excel/undoStore.ts, same hidden
 * sheet) and the pane's settings live in VeryHidden sheets of the workbook.
 *
 * The test-only sync listener (src/host/diagnostics.ts) is told whole-range calls here (ET has no syncs).
 */
import {
  planRecalc,
  analyze,
  buildSummarySheet,
  firstChangedCell,
  planClearFlags,
  planUndo,
  writeCount,
  a1,
  SUMMARY_SHEET_NAME,
  type CellContent,
  type WritePlan,
  freeSheetName,
  isOwnSheetName,
  isOwnSheetRows,
} from '../core';
import { pickLocale, summaryText } from '../i18n';
import type { ApplyResult, HostOutcome, Inspection, RecalcPreview, ScorecardHost } from '../host/port';
import { syncReporter, type OnSyncs } from '../host/diagnostics';
import { toExcelInput } from '../excel/cells';
import { errorsRefusal, failure, summaryGate, type HostFailure } from '../excel/errors';
import { chunkText, encodePlan } from '../excel/undoRecord';
import { UNDO_SHEET_NAME, UNDO_VERSION, type UndoHeader } from '../excel/undoStore';
import { buildBlocks, changesOf, type CellChange } from '../excel/write';
import { member, XL_SHEET_VERY_HIDDEN, type EtApplicationLike, type EtSheetLike, type EtWorkbookLike } from './et';
import { findSheet, readWorkbook as readBook, rows2d, sheetList, usedArea, WPS_SETTINGS_SHEET_NAME, type WorkbookRead } from './read';
import { renderSpec } from './summary';
import { createWpsYear, wpsPeriodCandidates } from './year';
import { ok } from '../core/result';

export { parseWpsSettings, WPS_SETTINGS_SHEET_NAME } from './read';

export interface WpsHostOptions {
  /** UI language for the summary sheet's text (default zh-CN). */
  displayLanguage?: string;
  /** Tests and bench only: told each budgeted operation's whole-range calls (the UI passes none). */
  onSyncs?: OnSyncs;
}

/** A failed WPS call: its message, naming the sheet. */
function wpsFailure(error: unknown, sheet: string, partial = false): HostFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return failure(partial ? 'host.wps.error.partial' : 'host.wps.error.failed', { sheet, detail });
}

export function createWpsHost(app: EtApplicationLike, options: WpsHostOptions = {}): ScorecardHost {
  const locale = () => pickLocale(options.displayLanguage ?? 'zh-CN');
  const done = syncReporter(options.onSyncs);

  function book(): EtWorkbookLike {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new NoWorkbook();
    return wb;
  }

  function readWorkbook(target?: string): WorkbookRead | null {
    return readBook(book(), target);
  }

  function inspection(read: WorkbookRead): Inspection {
    const { settings } = read;
    const analysis = analyze(read.grid, { rulesGrid: read.rulesGrid, ledgerGrid: read.ledgerGrid, rosterGrid: read.rosterGrid, overrides: { rankMode: settings.rankMode, topN: settings.topN } });
    return { sheetName: read.sheetName, analysis, settings, canUndo: read.undo.header !== null };
  }

  function preview(read: WorkbookRead): RecalcPreview {
    const insp = inspection(read);
    return { inspection: insp, ...planRecalc(read.grid, insp.analysis, insp.settings.flagColumn, insp.settings.writeFormulas === true) };
  }


  function writeBlocker(read: WorkbookRead, needsStore: boolean): HostFailure | null {
    if (read.sheetProtected) return failure('host.wps.error.sheetProtected', { sheet: read.sheetName });
    if (needsStore && !read.undo.exists && read.workbookProtected) return failure('host.error.workbookProtected', { sheet: UNDO_SHEET_NAME });
    return null;
  }

  /** Run an operation; a WPS error becomes a message naming the sheet, never a throw. */
  async function guarded<T>(sheet: { name: string }, body: () => HostOutcome<T>): Promise<HostOutcome<T>> {
    try {
      return body();
    } catch (error) {
      if (error instanceof NoWorkbook) return failure('host.wps.error.noWorkbook');
      if (error instanceof PartialWrite) return wpsFailure(error.cause, sheet.name, !error.rolledBack);
      return wpsFailure(error, sheet.name);
    }
  }

  /** Any thrown WPS error as a message naming the sheet. */
  function failed(error: unknown, sheet: string): HostFailure {
    if (error instanceof NoWorkbook) return failure('host.wps.error.noWorkbook');
    return wpsFailure(error, sheet);
  }

  /** Add a VeryHidden sheet without leaving it active (Sheets.Add activates what it adds). */
  function addHiddenSheet(wb: EtWorkbookLike, name: string): EtSheetLike {
    const active = wb.ActiveSheet;
    const all = sheetList(wb);
    const sheet = wb.Sheets.Add(undefined, all[all.length - 1]);
    sheet.Name = name;
    active?.Activate();
    sheet.Visible = XL_SHEET_VERY_HIDDEN;
    return sheet;
  }

  function deleteSheet(sheet: EtSheetLike): void {
    // Delete asks the user to confirm unless alerts are off: the script would wait on the dialog.
    const alerts = app.DisplayAlerts;
    app.DisplayAlerts = false;
    try {
      sheet.Delete();
    } finally {
      app.DisplayAlerts = alerts;
    }
  }

  function writeBlock(sheet: EtSheetLike, top: number, left: number, data: unknown[][], formulas: boolean): void {
    const range = sheet.Range(`${a1(top, left)}:${a1(top + data.length - 1, left + (data[0]?.length ?? 1) - 1)}`);
    if (formulas) range.Formula = data;
    else range.Value2 = data;
  }

  const contentInput = (c: CellContent) => toExcelInput(c);

  /**
   * Write the changes (contiguous blocks only) and switch the undo record to `save`, or clear
   * it. Order: new record chunks into the free slot, the sheet's blocks, then the header;
   * a failing block puts back the blocks before it, so no half write is left behind.
   */
  function applyChanges(read: WorkbookRead, changes: readonly CellChange[], store: { save: WritePlan; kind: UndoHeader['kind'] } | 'clear'): number {
    const wb = book();
    const target = findSheet(wb, read.sheetName);
    if (!target) throw new Error(`sheet ${read.sheetName} missing`);
    let calls = 0;
    let storeSheet = findSheet(wb, UNDO_SHEET_NAME);
    const created = !storeSheet && store !== 'clear';
    const oldSlot = read.undo.header?.slot ?? 2;
    const slot: 1 | 2 = oldSlot === 1 ? 2 : 1;
    let header: UndoHeader | null = null;
    if (store !== 'clear') {
      if (!storeSheet) storeSheet = addHiddenSheet(wb, UNDO_SHEET_NAME);
      const chunks = chunkText(encodePlan(store.save));
      if (read.undo.usedRows > 0) {
        storeSheet.Range(`${a1(0, slot)}:${a1(read.undo.usedRows - 1, slot)}`).ClearContents();
        calls += 1;
      }
      writeBlock(storeSheet, 0, slot, chunks.map((chunk) => ["'" + chunk]), false);
      calls += 1;
      header = { v: UNDO_VERSION, slot, chunks: chunks.length, cells: writeCount(store.save), sheet: read.sheetName, sheetId: read.sheetName, at: new Date().toISOString(), kind: store.kind };
    }
    // No gaps: an ET array write would clear the untouched cells in between.
    const blocks = buildBlocks(changes, null, Number.POSITIVE_INFINITY);
    const done: typeof blocks = [];
    try {
      for (const block of blocks) {
        writeBlock(target, block.top, block.left, block.data, block.formulas);
        calls += 1;
        done.push(block);
      }
    } catch (error) {
      let rolledBack = true;
      try {
        for (const block of done.reverse()) {
          const before = block.cells.map((c) => contentInput(c.before));
          const width = block.data[0]?.length ?? 1;
          const rows: unknown[][] = [];
          for (let i = 0; i < before.length; i += width) rows.push(before.slice(i, i + width));
          writeBlock(target, block.top, block.left, rows, block.cells.some((c) => !!c.before.formula));
        }
        if (created && storeSheet) deleteSheet(storeSheet);
      } catch {
        rolledBack = false;
      }
      throw new PartialWrite(error, rolledBack);
    }
    if (storeSheet) {
      if (header) {
        storeSheet.Range('A1').Value2 = "'" + JSON.stringify(header);
        calls += 1;
        if (read.undo.header) {
          storeSheet.Range(`${a1(0, oldSlot)}:${a1(Math.max(1, read.undo.usedRows) - 1, oldSlot)}`).ClearContents();
          calls += 1;
        }
      } else if (read.undo.exists) {
        storeSheet.Range(`A1:${a1(Math.max(1, read.undo.usedRows) - 1, 2)}`).ClearContents();
        calls += 1;
      }
    }
    return calls;
  }

  function activeRead(): WorkbookRead {
    const read = readWorkbook();
    if (!read) throw new Error('no active sheet');
    return read;
  }

  const year = createWpsYear({ book, readWorkbook: () => readWorkbook(), inspection, locale, deleteSheet, fail: failed, done });

  const host: ScorecardHost = {
    async inspect() {
      const sheet = { name: '' };
      return guarded(sheet, () => {
        const read = activeRead();
        // #14 year: the pane offers 年度汇总 when other sheets could be periods.
        return ok({ ...inspection(read), periodCandidates: wpsPeriodCandidates(read) });
      });
    },

    async previewRecalc() {
      const sheet = { name: '' };
      return guarded(sheet, () => ok(preview(activeRead())));
    },

    async applyRecalc(previewed) {
      const plan = previewed.plan;
      const sheet = { name: plan.sheetName };
      if (writeCount(plan) === 0) return done('applyRecalc', 0, { cellsWritten: 0 });
      return guarded<ApplyResult>(sheet, () => {
        const read = readWorkbook(plan.sheetName);
        if (!read) return failure('host.error.sheetMissing', { sheet: plan.sheetName });
        const changed = firstChangedCell(read.grid, plan);
        if (changed) return failure('host.error.sheetChanged', { sheet: plan.sheetName, cell: changed });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        const calls = applyChanges(read, changesOf(plan), { save: plan, kind: 'recalc' });
        return done('applyRecalc', read.calls + calls, { cellsWritten: writeCount(plan) });
      });
    },

    async recalcNow() {
      const sheet = { name: '' };
      return guarded(sheet, () => {
        const read = activeRead();
        sheet.name = read.sheetName;
        const p = preview(read);
        const refusal = errorsRefusal(read.sheetName, p.inspection.analysis);
        if (refusal) return refusal;
        if (writeCount(p.plan) === 0) return done('recalcNow', read.calls, { cellsWritten: 0, inspection: p.inspection });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        const calls = applyChanges(read, changesOf(p.plan), { save: p.plan, kind: 'recalc' });
        return done('recalcNow', read.calls + calls, { cellsWritten: writeCount(p.plan), inspection: { ...p.inspection, canUndo: true } });
      });
    },

    async undoLast() {
      const sheet = { name: '' };
      return guarded<ApplyResult>(sheet, () => {
        const first = activeRead();
        sheet.name = first.sheetName;
        const record = first.undo.record;
        if (!record) return failure(first.undo.exists && first.undo.usedRows > 0 && !first.undo.header ? 'host.error.undoUnreadable' : 'host.error.nothingToUndo');
        const target = record.plan.sheetName;
        let read = first;
        if (target !== first.sheetName) {
          const other = readWorkbook(target);
          if (!other) return failure('host.error.sheetMissing', { sheet: target });
          read = other;
          sheet.name = target;
        }
        const { plan, conflicts } = planUndo(read.grid, record.plan);
        const blocked = writeBlocker(read, false);
        if (blocked) return blocked;
        const calls = applyChanges(read, changesOf(plan), 'clear');
        const result: ApplyResult = { cellsWritten: writeCount(plan) };
        if (conflicts.length) {
          result.conflicts = conflicts.map((c) => ({ cell: c.address, unit: c.unit }));
          result.note = { key: 'host.undo.conflicts', params: { count: conflicts.length, cell: conflicts[0]!.address } };
        }
        return done('undoLast', first.calls + (read === first ? 0 : read.calls) + calls, result);
      });
    },

    async clearFlags() {
      const sheet = { name: '' };
      return guarded<ApplyResult>(sheet, () => {
        const read = activeRead();
        sheet.name = read.sheetName;
        const insp = inspection(read);
        if (!insp.analysis.scored) return failure('host.error.noTable', { sheet: read.sheetName });
        const plan = planClearFlags(read.grid, insp.analysis);
        if (writeCount(plan) === 0) return done('clearFlags', read.calls, { cellsWritten: 0 });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        const calls = applyChanges(read, changesOf(plan), { save: plan, kind: 'clearFlags' });
        return done('clearFlags', read.calls + calls, { cellsWritten: writeCount(plan) });
      });
    },

    async writeSummary(options = {}) {
      const sheet = { name: SUMMARY_SHEET_NAME };
      const temp = `${SUMMARY_SHEET_NAME}~new`;
      let fresh: EtSheetLike | null = null;
      try {
        const read = activeRead();
        const insp = inspection(read);
        // As in Excel: no summary from a sheet with errors unless the user confirmed in the pane.
        const gate = summaryGate(read.sheetName, insp.analysis, options.allowErrors === true, read.workbookProtected);
        if (!gate.ok) return gate;
        const wb = book();
        // #14 year: movement and 零报送 runs when sheets named for earlier periods are in the workbook.
        const within = year.contextFor(read, insp);
        const spec = buildSummarySheet(insp.analysis, summaryText(locale()), within.context);
        const all = sheetList(wb);
        const names = all.map((s) => s.Name);
        let calls = read.calls + within.calls;
        // Which sheet with a summary's name is ours (its footer carries the marker).
        let own: EtSheetLike | null = null;
        for (const s of all) {
          if (!isOwnSheetName(s.Name, spec.name)) continue;
          const used = member(s.UsedRange);
          const area = usedArea(used);
          calls += 1;
          if (isOwnSheetRows(rows2d(used.Value2, area.bottom - area.top + 1, area.right - area.left + 1))) {
            own = s;
            break;
          }
        }
        const name = own ? own.Name : freeSheetName(names, spec.name);
        sheet.name = name;
        // Build under a temporary name, then swap it in: a failure leaves the old summary as it was.
        fresh = wb.Sheets.Add(undefined, own ?? all[all.length - 1]);
        fresh.Name = temp;
        calls += renderSpec(fresh, spec);
        if (own) deleteSheet(own);
        fresh.Name = name;
        fresh.Activate();
        return done('writeSummary', calls, { sheetName: name, errors: gate.errors });
      } catch (error) {
        if (fresh) {
          try {
            deleteSheet(fresh);
          } catch {
            /* the first error is the one to report */
          }
        }
        return failed(error, sheet.name);
      }
    },

    async selectCell(sheetName, address) {
      return guarded<void>({ name: sheetName }, () => {
        const target = findSheet(book(), sheetName);
        if (!target) return failure('host.error.sheetMissing', { sheet: sheetName });
        target.Activate();
        target.Range(address).Select();
        return ok(undefined);
      });
    },

    async saveSettings(settings) {
      try {
        const wb = book();
        const sheet = findSheet(wb, WPS_SETTINGS_SHEET_NAME) ?? addHiddenSheet(wb, WPS_SETTINGS_SHEET_NAME);
        sheet.Range('A1').Value2 = "'" + JSON.stringify({ rankMode: settings.rankMode, topN: settings.topN, flagColumn: settings.flagColumn, ...(settings.writeFormulas !== undefined ? { writeFormulas: settings.writeFormulas } : {}) });
        return ok(undefined);
      } catch (error) {
        return failure('host.error.settingsNotSaved', { detail: error instanceof Error ? error.message : String(error) });
      }
    },

    async onSheetEdited(sheetName, listener) {
      // ET raises SheetChange(Sh, Target) like VBA's Workbook_SheetChange; builds without it fall
      // back to checking again on 校验 (unverified on a real WPS: see README › WPS 表格).
      const events = app.ApiEvent;
      if (!events) return () => undefined;
      const callback = (...args: unknown[]) => {
        const sheet = args[0] as { Name?: string } | undefined;
        const target = args[1] as { Address?: unknown } | undefined;
        if (sheet?.Name !== undefined && sheet.Name !== sheetName) return;
        const address = typeof target?.Address === 'function' ? (target.Address as (a: boolean, b: boolean) => unknown)(false, false) : target?.Address;
        listener(typeof address === 'string' ? address : '');
      };
      try {
        events.AddApiEventListener('SheetChange', callback);
      } catch {
        return () => undefined;
      }
      return () => {
        try {
          events.RemoveApiEventListener('SheetChange', callback);
        } catch {
          /* already gone with the workbook */
        }
      };
    },

    // #14 year: 年度汇总, its undo, and the quarter's movement against the periods before it.
    previewYear: () => year.previewYear(),
    applyYear: (previewed, force) => year.applyYear(previewed, force),
    undoYear: () => year.undoYear(),
    periodContext: () => year.periodContext(),

    async onActiveSheetChanged(listener) {
      const events = app.ApiEvent;
      if (!events) return () => undefined;
      const callback = () => listener();
      try {
        events.AddApiEventListener('SheetActivate', callback);
      } catch {
        // Without the event the pane still works; it just won't follow sheet switches.
        return () => undefined;
      }
      return () => {
        try {
          events.RemoveApiEventListener('SheetActivate', callback);
        } catch {
          /* already gone with the workbook */
        }
      };
    },
  };
  return host;
}

class NoWorkbook extends Error {
  constructor() {
    super('no workbook');
  }
}

class PartialWrite extends Error {
  constructor(override readonly cause: unknown, readonly rolledBack: boolean) {
    super('write failed');
  }
}
