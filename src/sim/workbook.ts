/**
 * The state of a simulated Excel workbook: its sheets (./sheet.ts), settings, the requirement
 * sets it reports, the knobs tests turn (failure injection, cell-edit mode, edits "by the user"
 * between runs) and the counters they read (syncs, request and response bytes). The Excel API
 * proxies over it live in ./api.ts and the files it lists.
 */
import { a1, parseA1, type CellRange, type CellValue, type Grid } from '../core/grid';
import { SimOfficeError, SIM_ERROR, type SimDebugInfo } from './errors';
import { SimSheet, writeInput, sheetToGrid, type CellEditListener, type SimChangedArgs } from './sheet';

export { SimSheet, writeInput, sheetToGrid, type Visibility, type SimCellFormat, type SimCell, type SimChart, type SimPageLayout, type SimChangedArgs, type CellEditListener } from './sheet';

export interface InjectedFailure {
  code: string;
  message?: string;
  debugInfo?: Partial<SimDebugInfo>;
}

export interface SyncRecord {
  /** JSON size of the request in UTF-8 bytes. */
  bytes: number;
  /** JSON size of the response (the values of the properties the sync loaded) in UTF-8 bytes. */
  responseBytes: number;
  statements: number;
  ok: boolean;
  errorCode?: string;
}

export interface RunRecord {
  delayForCellEdit: boolean;
  mergeUndoGroup: boolean;
  syncs: number;
}

/** Excel on the web rejects a request, or fails a response, whose payload passes 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export type ChangeListener = (workbook: SimWorkbook) => void;
export type ActivationListener = (sheet: SimSheet) => void;

/** Requirement sets reported by Office.context.requirements.isSetSupported. */
export type Requirements = Record<string, string>;

export const DEFAULT_REQUIREMENTS: Requirements = { ExcelApi: '1.20', WordApi: '0' };

export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; range: CellRange } | null = null;
  /** Workbook structure protection (adding, deleting, renaming sheets is refused). */
  structureProtected = false;
  /** Office.context.document.settings as last saved, and as set but not yet saved. */
  savedSettings: Record<string, unknown> = {};
  /** Members called or loaded that this Excel's ExcelApi set does not have (see ./requirements). */
  readonly apiNotFound: string[] = [];
  requirements: Requirements = { ...DEFAULT_REQUIREMENTS };
  payloadLimit = PAYLOAD_LIMIT_BYTES;

  readonly syncLog: SyncRecord[] = [];
  readonly runLog: RunRecord[] = [];
  private failures = new Map<number, InjectedFailure>();
  private userActions = new Map<number, Array<() => void>>();
  private cellEdit = false;
  private cellEditWaiters: Array<() => void> = [];
  private changeListeners = new Set<ChangeListener>();
  private activationListeners = new Set<ActivationListener>();
  private cellEditListeners = new Set<CellEditListener>();
  private pendingAddinEdits: SimChangedArgs[] = [];

  static fromGrids(grids: readonly Grid[], activeIndex = 0): SimWorkbook {
    const wb = new SimWorkbook();
    for (const grid of grids) {
      const sheet = new SimSheet(grid.sheetName);
      grid.values.forEach((row, r) => {
        row.forEach((value, c) => {
          const formula = grid.formulas?.[r]?.[c];
          const numberFormat = grid.numberFormats?.[r]?.[c] ?? null;
          const isFormula = typeof formula === 'string' && formula.startsWith('=');
          if (value === null && !isFormula && (numberFormat === null || numberFormat === 'General')) return;
          const cell = sheet.touch(grid.originRow + r, grid.originCol + c);
          cell.value = value === '' ? null : value;
          cell.formula = isFormula ? formula : null;
          if (numberFormat) cell.numberFormat = numberFormat;
        });
      });
      sheet.merges = (grid.merges ?? []).map((m) => ({ ...m }));
      for (const r of grid.hiddenRows ?? []) sheet.hiddenRows.add(r);
      wb.sheets.push(sheet);
    }
    const active = wb.sheets[activeIndex] ?? wb.sheets[0];
    if (!active) {
      const blank = new SimSheet('Sheet1');
      wb.sheets.push(blank);
      wb.activeSheetId = blank.id;
    } else {
      wb.activeSheetId = active.id;
    }
    return wb;
  }

  /** Every sheet as a Grid of its used range (values, formulas, number formats, merges, hidden rows). */
  toGrids(): Grid[] {
    return this.sheets.map((sheet) => sheetToGrid(sheet));
  }

  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  get activeSheet(): SimSheet {
    const sheet = (this.activeSheetId && this.sheetById(this.activeSheetId)) || this.sheets[0];
    if (!sheet) throw new Error('The simulated workbook has no sheet');
    return sheet;
  }

  /** A stable text image of everything the add-in could change, to prove "nothing changed". */
  snapshot(): string {
    const sheets = this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.value !== null || c.formula !== null || c.numberFormat !== 'General' || c.format !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      merges: s.merges,
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      charts: s.charts,
      pageLayout: s.pageLayout,
    }));
    return JSON.stringify({ sheets, active: this.activeSheet.name, settings: this.savedSettings });
  }

  // ---- knobs for tests and the demo ----

  /** Make a future sync fail with this error before it applies anything: `at` 1 = the next sync. */
  failSync(failure: InjectedFailure, at = 1): void {
    this.failures.set(this.syncLog.length + at, failure);
  }

  /** Do something "as the user" just before a future sync runs (`at` 1 = the next sync): between the syncs of one run. */
  beforeSync(action: () => void, at = 1): void {
    const n = this.syncLog.length + at;
    this.userActions.set(n, [...(this.userActions.get(n) ?? []), action]);
  }

  /** @internal called by the request context before sync number `syncNumber` runs. */
  runUserActions(syncNumber: number): void {
    const actions = this.userActions.get(syncNumber);
    if (!actions) return;
    this.userActions.delete(syncNumber);
    for (const action of actions) action();
  }

  /** Put the user into (or out of) cell-edit mode. */
  setCellEditMode(on: boolean): void {
    this.cellEdit = on;
    if (!on) {
      const waiters = this.cellEditWaiters;
      this.cellEditWaiters = [];
      for (const w of waiters) w();
    }
  }

  get inCellEditMode(): boolean {
    return this.cellEdit;
  }

  /** Resolves when the user leaves cell-edit mode (what delayForCellEdit waits for). */
  whenCellEditEnds(): Promise<void> {
    if (!this.cellEdit) return Promise.resolve();
    return new Promise((resolve) => this.cellEditWaiters.push(resolve));
  }

  /** The user types into a cell (between runs): same input rules as the API. */
  userEdit(sheetName: string, address: string, input: CellValue): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    const { row, col } = parseA1(address);
    writeInput(sheet, row, col, input === null ? '' : input);
    this.notifyChange();
    // Like Excel, a typed cell raises worksheet.onChanged for its sheet (handlers filter by worksheetId).
    const args: SimChangedArgs = { type: 'WorksheetChanged', worksheetId: sheet.id, address: a1(row, col), changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown' };
    for (const listener of [...this.cellEditListeners]) listener(args);
  }

  /**
   * The add-in wrote values or formulas into a range. Excel raises worksheet.onChanged for its
   * own writes too, once the batch is done: the events wait for the sync (deliverAddinEdits).
   */
  addinEdited(sheet: SimSheet, range: CellRange): void {
    const address = range.top === range.bottom && range.left === range.right ? a1(range.top, range.left) : `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
    this.pendingAddinEdits.push({ type: 'WorksheetChanged', worksheetId: sheet.id, address, changeType: 'RangeEdited', source: 'Local', triggerSource: 'ThisLocalAddin' });
  }

  /** After a sync: its writes' change events reach the handlers a moment later, as in Excel; a failed sync's are dropped. */
  deliverAddinEdits(synced: boolean): void {
    const events = this.pendingAddinEdits;
    this.pendingAddinEdits = [];
    if (!synced || events.length === 0) return;
    setTimeout(() => {
      for (const args of events) for (const listener of [...this.cellEditListeners]) listener(args);
    }, 0);
  }

  /** Listen for cell edits, users' and the add-in's (what worksheet.onChanged reports); returns unsubscribe. */
  onCellEdit(listener: CellEditListener): () => void {
    this.cellEditListeners.add(listener);
    return () => this.cellEditListeners.delete(listener);
  }

  /** The user protects or unprotects a sheet. */
  protectSheet(sheetName: string, on: boolean): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    sheet.protected = on;
  }

  /** The user clicks another sheet tab: fires worksheets.onActivated. */
  activateSheet(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    this.setActive(sheet);
  }

  setActive(sheet: SimSheet): void {
    if (this.activeSheetId === sheet.id) return;
    this.activeSheetId = sheet.id;
    for (const listener of [...this.activationListeners]) listener(sheet);
    this.notifyChange();
  }

  /** Listen for changes (after each sync that ran statements, and user edits); returns unsubscribe. */
  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onActivation(listener: ActivationListener): () => void {
    this.activationListeners.add(listener);
    return () => this.activationListeners.delete(listener);
  }

  notifyChange(): void {
    for (const listener of [...this.changeListeners]) listener(this);
  }

  isSetSupported(name: string, minVersion?: string): boolean {
    const have = this.requirements[name];
    if (have === undefined) return false;
    if (!minVersion) return true;
    return compareVersions(have, minVersion) >= 0;
  }

  /** Total syncs so far and the payload of each, for budgets in tests. */
  get syncCount(): number {
    return this.syncLog.length;
  }

  /** Called by the request context: the failure injected for this sync, if any. */
  takeInjectedFailure(syncNumber: number): SimOfficeError | null {
    const failure = this.failures.get(syncNumber);
    if (!failure) return null;
    this.failures.delete(syncNumber);
    return new SimOfficeError(failure.code, failure.message ?? defaultMessage(failure.code), failure.debugInfo);
  }

  addSheet(name: string): SimSheet {
    if (this.structureProtected) throw new SimOfficeError(SIM_ERROR.accessDenied, 'The workbook structure is protected.');
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new SimOfficeError(SIM_ERROR.itemAlreadyExists, `A sheet named ${name} already exists.`);
    }
    if (!validSheetName(name)) throw new SimOfficeError(SIM_ERROR.invalidArgument, `Invalid sheet name ${name}.`);
    const sheet = new SimSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: SimSheet): void {
    if (this.structureProtected) throw new SimOfficeError(SIM_ERROR.accessDenied, 'The workbook structure is protected.');
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new SimOfficeError(SIM_ERROR.invalidOperation, 'A workbook must contain at least one visible worksheet.');
    }
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.sheets.splice(index, 1);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.find((s) => s.visibility === 'Visible');
      if (next) this.setActive(next);
    }
  }
}

function defaultMessage(code: string): string {
  switch (code) {
    case SIM_ERROR.connectionFailure: return 'The connection to the Office application was lost.';
    case SIM_ERROR.accessDenied: return 'You cannot perform the requested operation.';
    case SIM_ERROR.invalidOperationInCellEditMode: return "The operation isn't available while Excel is in Edit cell mode.";
    case SIM_ERROR.requestPayloadSizeLimitExceeded: return 'The request payload size has exceeded the limit.';
    case SIM_ERROR.responsePayloadSizeLimitExceeded: return 'The response payload size has exceeded the limit.';
    default: return 'There was an internal error while processing the request.';
  }
}

function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !/^'|'$/.test(name);
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

