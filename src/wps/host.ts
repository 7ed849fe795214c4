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
 * `syncs` in results counts whole-range calls here (ET has no syncs).
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
  RULES_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  type CellContent,
  type CellRange,
  type Grid,
  type RankMode,
  type WritePlan,
} from '../core';
import { pickLocale, summaryText } from '../i18n';
import { DEFAULT_SETTINGS, type ApplyResult, type HostOutcome, type Inspection, type RecalcPreview, type ScorecardHost, type ScorecardSettings } from '../host/port';
import { gridFromLoaded, parseArea, parseAreas, toExcelInput } from '../excel/cells';
import { errorsRefusal, failure, type HostFailure } from '../excel/errors';
import { freeSheetName, isOwnSummary, isSummaryName } from '../excel/summary';
import { chunkText, encodePlan, readRecord, UNDO_SHEET_NAME, UNDO_VERSION, type UndoHeader, type UndoRecord } from '../excel/undoStore';
import { buildBlocks, changesOf, type CellChange } from '../excel/write';
import { cellAt, member, truthy, XL_CELL_TYPE_VISIBLE, XL_SHEET_VERY_HIDDEN, type EtApplicationLike, type EtRangeLike, type EtSheetLike, type EtWorkbookLike } from './et';
import { renderSpec } from './summary';

/** VeryHidden sheet whose A1 holds the pane's settings as JSON (WPS has no Office document settings). */
export const WPS_SETTINGS_SHEET_NAME = '__scorecard_settings';

export interface WpsHostOptions {
  /** UI language for the summary sheet's text (default zh-CN). */
  displayLanguage?: string;
}

const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** A failed WPS call: its message, naming the sheet. */
function wpsFailure(error: unknown, sheet: string, partial = false): HostFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return failure(partial ? 'host.wps.error.partial' : 'host.wps.error.failed', { sheet, detail });
}

/** Settings from the stored JSON, checked field by field (a hand-edited cell must not break the pane). */
export function parseWpsSettings(text: unknown): ScorecardSettings {
  let raw: Partial<ScorecardSettings> | null = null;
  if (typeof text === 'string' && text.startsWith('{')) {
    try {
      raw = JSON.parse(text) as Partial<ScorecardSettings>;
    } catch {
      raw = null;
    }
  }
  const rankMode: RankMode = raw?.rankMode === 'dense' || raw?.rankMode === 'competition' ? raw.rankMode : DEFAULT_SETTINGS.rankMode;
  const topN = typeof raw?.topN === 'number' && Number.isInteger(raw.topN) && raw.topN >= 1 && raw.topN <= 100 ? raw.topN : DEFAULT_SETTINGS.topN;
  const flagColumn = typeof raw?.flagColumn === 'boolean' ? raw.flagColumn : DEFAULT_SETTINGS.flagColumn;
  const writeFormulas = typeof raw?.writeFormulas === 'boolean' ? raw.writeFormulas : false;
  return { rankMode, topN, flagColumn, writeFormulas };
}

/** A 2-D read as rows of cells: ET returns a bare value for a one-cell range. */
function rows2d(value: unknown, height: number, width: number): unknown[][] {
  if (Array.isArray(value)) return value as unknown[][];
  return Array.from({ length: height }, () => Array.from({ length: width }, () => value));
}

interface SheetRead {
  sheetName: string;
  grid: Grid;
  sheetProtected: boolean;
}

interface UndoState {
  exists: boolean;
  header: UndoHeader | null;
  usedRows: number;
  record: UndoRecord | null;
}

interface WorkbookRead extends SheetRead {
  rulesGrid: Grid | null;
  undo: UndoState;
  workbookProtected: boolean;
  settings: ScorecardSettings;
  /** Whole-range calls the read took. */
  calls: number;
}

/** Sheets of the workbook by name, hidden ones included (Sheets.Item(i) for i = 1..Count). */
function sheetList(book: EtWorkbookLike): EtSheetLike[] {
  const count = member(book.Sheets.Count);
  const list: EtSheetLike[] = [];
  for (let i = 1; i <= count; i++) list.push(book.Sheets.Item(i));
  return list;
}

function findSheet(book: EtWorkbookLike, name: string): EtSheetLike | null {
  const lower = name.toLowerCase();
  return sheetList(book).find((s) => s.Name.toLowerCase() === lower) ?? null;
}

function usedArea(used: EtRangeLike): CellRange {
  const top = used.Row - 1;
  const left = used.Column - 1;
  return { top, left, bottom: top + member(used.Rows.Count) - 1, right: left + member(used.Columns.Count) - 1 };
}

/**
 * Number formats as rows: a 2-D array, or one string for the whole range; a build that
 * answers null for mixed formats is asked column by column (then cell by cell only in a
 * column that is itself mixed).
 */
function readFormats(used: EtRangeLike, area: CellRange, counter: { calls: number }): unknown[][] {
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  const all = used.NumberFormat;
  counter.calls += 1;
  if (all !== null && all !== undefined) return rows2d(all, height, width);
  const rows: unknown[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => 'General'));
  for (let c = 0; c < width; c++) {
    const column = used.Columns.Item(c + 1);
    const f = column.NumberFormat;
    counter.calls += 1;
    if (f !== null && f !== undefined) {
      const col = rows2d(f, height, 1);
      for (let r = 0; r < height; r++) rows[r]![c] = col[r]?.[0];
      continue;
    }
    for (let r = 0; r < height; r++) {
      rows[r]![c] = column.Item(r + 1, 1).NumberFormat;
      counter.calls += 1;
    }
  }
  return rows;
}

/** Rows to probe for merged areas: above and at the header, and rows holding one label only (title, categories). */
function mergeProbes(values: unknown[][]): Array<{ row: number; cols: number[] }> {
  const probes: Array<{ row: number; cols: number[] }> = [];
  let header = -1;
  for (let r = 0; r < Math.min(values.length, 12) && header < 0; r++) {
    const texts = (values[r] ?? []).filter((v) => typeof v === 'string' && v.trim() !== '').length;
    if (texts >= 3) header = r;
  }
  values.forEach((row, r) => {
    const filled: number[] = [];
    row.forEach((v, c) => {
      if (v !== '' && v !== null && v !== undefined) filled.push(c);
    });
    if (r <= header) {
      // Header cells (a two-line header merges vertically) and the title above.
      if (filled.length) probes.push({ row: r, cols: filled });
    } else if (filled.length === 1 && row.length > 1 && typeof row[filled[0]!] === 'string') {
      probes.push({ row: r, cols: filled });
    }
  });
  return probes;
}

function readSheet(sheet: EtSheetLike, counter: { calls: number }, withMerges = true): SheetRead {
  const name = sheet.Name;
  const used = member(sheet.UsedRange);
  const area = usedArea(used);
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  const values = rows2d(used.Value2, height, width);
  const formulas = rows2d(used.Formula, height, width);
  counter.calls += 2;
  const formats = readFormats(used, area, counter);
  const grid = gridFromLoaded(name, area.top, area.left, values, formulas, formats);
  if (height === 1 && width === 1 && (values[0]?.[0] === undefined || values[0]?.[0] === '') && !formulas[0]?.[0]) {
    grid.values = [];
    grid.formulas = [];
    grid.numberFormats = [];
  }
  if (withMerges && grid.values.length) {
    const merges: CellRange[] = [];
    const seen = new Set<string>();
    for (const probe of mergeProbes(values)) {
      for (const c of probe.cols) {
        const cell = cellAt(sheet, area.top + probe.row + 1, area.left + c + 1);
        const m = parseArea(member(member(cell.MergeArea).Address));
        if (!m || (m.top === m.bottom && m.left === m.right)) continue;
        const k = `${m.top},${m.left},${m.bottom},${m.right}`;
        if (!seen.has(k)) {
          seen.add(k);
          merges.push(m);
        }
      }
    }
    grid.merges = merges;
    let visible: CellRange[] = [];
    try {
      visible = parseAreas(member(used.SpecialCells(XL_CELL_TYPE_VISIBLE).Address));
    } catch {
      // No visible cell at all (every row hidden): all rows count as hidden.
      visible = [];
    }
    counter.calls += 1;
    const shown = new Set<number>();
    for (const v of visible) for (let r = v.top; r <= v.bottom; r++) shown.add(r);
    const hidden: number[] = [];
    for (let r = area.top; r <= area.bottom; r++) if (!shown.has(r)) hidden.push(r);
    grid.hiddenRows = hidden;
  }
  return { sheetName: name, grid, sheetProtected: truthy(sheet.ProtectContents) };
}

/** The undo store's used range in one read: A1 header, B/C chunk slots. */
function readUndo(book: EtWorkbookLike, counter: { calls: number }): UndoState {
  const store = findSheet(book, UNDO_SHEET_NAME);
  if (!store) return { exists: false, header: null, usedRows: 0, record: null };
  const used = member(store.UsedRange);
  const area = usedArea(used);
  const values = rows2d(used.Value2, area.bottom - area.top + 1, area.right - area.left + 1);
  counter.calls += 1;
  const empty = area.top === 0 && area.bottom === 0 && (values[0]?.[0] === undefined || values[0]?.[0] === '');
  const usedRows = empty ? 0 : area.bottom + 1;
  if (area.top !== 0 || area.left !== 0) return { exists: true, header: null, usedRows, record: null };
  const record = readRecord(values.map((row) => row.map((v) => (v === undefined ? '' : v))));
  return { exists: true, header: record?.header ?? null, usedRows, record };
}

function readSettingsSheet(book: EtWorkbookLike, counter: { calls: number }): ScorecardSettings {
  const sheet = findSheet(book, WPS_SETTINGS_SHEET_NAME);
  if (!sheet) return { ...DEFAULT_SETTINGS };
  counter.calls += 1;
  return parseWpsSettings(sheet.Range('A1').Value2);
}

export function createWpsHost(app: EtApplicationLike, options: WpsHostOptions = {}): ScorecardHost {
  const locale = () => pickLocale(options.displayLanguage ?? 'zh-CN');

  function book(): EtWorkbookLike {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new NoWorkbook();
    return wb;
  }

  function readWorkbook(target?: string): WorkbookRead | null {
    const wb = book();
    const counter = { calls: 0 };
    const sheet = target ? findSheet(wb, target) : wb.ActiveSheet;
    if (!sheet) return null;
    const read = readSheet(sheet, counter);
    let rulesGrid: Grid | null = null;
    const rules = findSheet(wb, RULES_SHEET_NAME);
    if (rules && rules.Name !== read.sheetName) {
      const used = member(rules.UsedRange);
      const area = usedArea(used);
      rulesGrid = gridFromLoaded(rules.Name, area.top, area.left, rows2d(used.Value2, area.bottom - area.top + 1, area.right - area.left + 1), null, null);
      counter.calls += 1;
    }
    const undo = readUndo(wb, counter);
    const settings = readSettingsSheet(wb, counter);
    return { ...read, rulesGrid, undo, settings, workbookProtected: truthy(wb.ProtectStructure), calls: counter.calls };
  }

  function inspection(read: WorkbookRead): Inspection {
    const { settings } = read;
    const analysis = analyze(read.grid, { rulesGrid: read.rulesGrid, overrides: { rankMode: settings.rankMode, topN: settings.topN } });
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

  const host: ScorecardHost = {
    async inspect() {
      const sheet = { name: '' };
      return guarded(sheet, () => ok(inspection(activeRead())));
    },

    async previewRecalc() {
      const sheet = { name: '' };
      return guarded(sheet, () => ok(preview(activeRead())));
    },

    async applyRecalc(previewed) {
      const plan = previewed.plan;
      const sheet = { name: plan.sheetName };
      if (writeCount(plan) === 0) return ok({ cellsWritten: 0, syncs: 0 });
      return guarded<ApplyResult>(sheet, () => {
        const read = readWorkbook(plan.sheetName);
        if (!read) return failure('host.error.sheetMissing', { sheet: plan.sheetName });
        const changed = firstChangedCell(read.grid, plan);
        if (changed) return failure('host.error.sheetChanged', { sheet: plan.sheetName, cell: changed });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        const calls = applyChanges(read, changesOf(plan), { save: plan, kind: 'recalc' });
        return ok({ cellsWritten: writeCount(plan), syncs: read.calls + calls });
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
        if (writeCount(p.plan) === 0) return ok({ cellsWritten: 0, syncs: read.calls, inspection: p.inspection });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        const calls = applyChanges(read, changesOf(p.plan), { save: p.plan, kind: 'recalc' });
        return ok({ cellsWritten: writeCount(p.plan), syncs: read.calls + calls, inspection: { ...p.inspection, canUndo: true } });
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
        const result: ApplyResult = { cellsWritten: writeCount(plan), syncs: first.calls + (read === first ? 0 : read.calls) + calls };
        if (conflicts.length) {
          result.conflicts = conflicts.map((c) => ({ cell: c.address, unit: c.unit }));
          result.note = { key: 'host.undo.conflicts', params: { count: conflicts.length, cell: conflicts[0]!.address } };
        }
        return ok(result);
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
        if (writeCount(plan) === 0) return ok({ cellsWritten: 0, syncs: read.calls });
        const blocked = writeBlocker(read, true);
        if (blocked) return blocked;
        const calls = applyChanges(read, changesOf(plan), { save: plan, kind: 'clearFlags' });
        return ok({ cellsWritten: writeCount(plan), syncs: read.calls + calls });
      });
    },

    async writeSummary(options = {}) {
      const sheet = { name: SUMMARY_SHEET_NAME };
      const temp = `${SUMMARY_SHEET_NAME}~new`;
      let fresh: EtSheetLike | null = null;
      try {
        const read = activeRead();
        const insp = inspection(read);
        if (!insp.analysis.scored) return failure('host.error.noTable', { sheet: read.sheetName });
        // As in Excel: no summary from a sheet with errors unless the user confirmed in the pane.
        const errors = insp.analysis.findings.filter((f) => f.severity === 'error');
        if (errors.length > 0 && !options.allowErrors) {
          return failure('host.error.summaryHasErrors', { sheet: read.sheetName, count: errors.length, cell: errors[0]?.cell ?? '' });
        }
        if (read.workbookProtected) return failure('host.error.workbookProtected', { sheet: SUMMARY_SHEET_NAME });
        const wb = book();
        const spec = buildSummarySheet(insp.analysis, summaryText(locale()));
        const all = sheetList(wb);
        const names = all.map((s) => s.Name);
        let calls = read.calls;
        // Which sheet with a summary's name is ours (its footer carries the marker).
        let own: EtSheetLike | null = null;
        for (const s of all) {
          if (!isSummaryName(s.Name, spec.name)) continue;
          const used = member(s.UsedRange);
          const area = usedArea(used);
          calls += 1;
          if (isOwnSummary(rows2d(used.Value2, area.bottom - area.top + 1, area.right - area.left + 1))) {
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
        return ok({ sheetName: name, syncs: calls, errors: errors.length });
      } catch (error) {
        if (fresh) {
          try {
            deleteSheet(fresh);
          } catch {
            /* the first error is the one to report */
          }
        }
        if (error instanceof NoWorkbook) return failure('host.wps.error.noWorkbook');
        return wpsFailure(error, sheet.name);
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

    // #14 year: the year is built by the Excel add-in and `scorecard year`; the WPS edition says so.
    async previewYear() {
      return failure('host.wps.error.yearUnsupported');
    },
    async applyYear() {
      return failure('host.wps.error.yearUnsupported');
    },
    async undoYear() {
      return failure('host.wps.error.yearUnsupported');
    },
    async periodContext() {
      return ok(null);
    },

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
