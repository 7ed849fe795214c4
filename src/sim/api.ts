/**
 * The Excel JavaScript API subset the adapter uses, over a SimWorkbook, strictly:
 * - every proxy call, load and property write is a queued statement, run at sync() in order;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded;
 * - *OrNullObject proxies settle at sync; calls on a null object do nothing;
 * - each sync is counted with the JSON size of its request and of its response (the values
 *   of the properties it loads); a request over 5 MB is refused (RequestPayloadSizeLimitExceeded)
 *   before anything runs, and so is a response over 5 MB (ResponsePayloadSizeLimitExceeded) when
 *   its loads come before the batch's first write (they are measured first); a load queued
 *   after a write can only be measured once the batch ran, so there the writes stay applied;
 * - loaded values become readable only when the whole sync succeeded;
 * - statements run in order and a failing one stops the batch (earlier ones stay applied,
 *   as in Excel: a batch is not a transaction).
 */
import { a1, columnLetter, parseA1, rangeA1, type CellRange, type CellValue } from '../core/grid';
import { SimOfficeError, SIM_ERROR, propertyNotLoaded } from './errors';
import { writeInput, type SimChangedArgs, type RunRecord, type SyncRecord, type SimCell, type SimCellFormat, type SimChart as ChartState, type SimSheet, type SimWorkbook } from './workbook';

interface Statement {
  path: string;
  kind: 'get' | 'load' | 'set' | 'call';
  name: string;
  args: unknown;
  exec: () => void;
}

const encoder = new TextEncoder();

export interface SimRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** A loaded property waiting for its sync to succeed: its value (for the response size) and how to make it readable. */
export interface StagedLoad {
  path: string;
  name: string;
  value: unknown;
  commit: () => void;
}

export class SimRequestContext {
  readonly workbook: SimWorkbookProxy;
  private queue: Statement[] = [];
  private staged: StagedLoad[] = [];

  constructor(readonly sim: SimWorkbook, private readonly run: RunRecord) {
    this.workbook = new SimWorkbookProxy(this);
  }

  /** @internal */
  enqueue(statement: Statement): void {
    this.queue.push(statement);
  }

  /** @internal a load ran during sync: keep its value until the sync's response is sent */
  stage(load: StagedLoad): void {
    this.staged.push(load);
  }

  /** @internal statements queued since the last sync */
  get pendingStatements(): number {
    return this.queue.length;
  }

  /** Queue a load (the Office.js `context.load(object, props)` form). */
  load(object: SimObject<unknown>, props?: string | string[]): void {
    object.load(props);
  }

  trace(): void {
    /* trace messages are not simulated */
  }

  async sync(): Promise<void> {
    const statements = this.queue;
    this.queue = [];
    this.staged = [];
    const request = JSON.stringify(statements.map((s) => [s.path, s.kind, s.name, s.args ?? null]));
    const bytes = encoder.encode(request).length;
    const sim = this.sim;
    this.run.syncs += 1;
    await Promise.resolve();
    let responseBytes = 0;
    const record = (ok: boolean, errorCode?: string) => {
      const entry: SyncRecord = { bytes, responseBytes, statements: statements.length, ok };
      if (errorCode !== undefined) entry.errorCode = errorCode;
      sim.syncLog.push(entry);
    };
    sim.runUserActions(sim.syncLog.length + 1);
    if (sim.inCellEditMode) {
      if (this.run.delayForCellEdit) {
        await sim.whenCellEditEnds();
      } else {
        record(false, SIM_ERROR.invalidOperationInCellEditMode);
        throw new SimOfficeError(SIM_ERROR.invalidOperationInCellEditMode, "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.");
      }
    }
    const injected = sim.takeInjectedFailure(sim.syncLog.length + 1);
    if (injected) {
      record(false, injected.code);
      throw injected;
    }
    if (bytes > sim.payloadLimit) {
      record(false, SIM_ERROR.requestPayloadSizeLimitExceeded);
      throw new SimOfficeError(SIM_ERROR.requestPayloadSizeLimitExceeded, 'The request payload size has exceeded the limit.', {
        errorLocation: `request of ${bytes} bytes`,
      });
    }
    // Statements before the first write only read: run them first and measure what they
    // load, so a response over the limit fails before anything of the batch applies.
    const firstWrite = statements.findIndex((s) => s.kind === 'set' || s.kind === 'call');
    const readOnly = firstWrite < 0 ? statements.length : firstWrite;
    let ran = 0;
    const tooLarge = (): SimOfficeError | null => {
      responseBytes = responseSize(this.staged);
      if (responseBytes <= sim.payloadLimit) return null;
      return new SimOfficeError(SIM_ERROR.responsePayloadSizeLimitExceeded, 'The response payload size has exceeded the limit.', {
        errorLocation: `response of ${responseBytes} bytes`,
      });
    };
    try {
      for (; ran < readOnly; ran++) statements[ran]!.exec();
      const early = tooLarge();
      if (early) {
        ran = -1;
        throw early;
      }
      for (; ran < statements.length; ran++) statements[ran]!.exec();
      const late = ran > readOnly ? tooLarge() : null;
      if (late) throw late;
    } catch (error) {
      this.staged = [];
      record(false, error instanceof SimOfficeError ? error.code : SIM_ERROR.generalException);
      if (ran > readOnly) sim.notifyChange();
      if (error instanceof SimOfficeError) {
        // The statement that failed (none when the response was too large).
        const failed = ran >= 0 ? statements[ran] : undefined;
        if (failed && !error.debugInfo.statement) (error.debugInfo as { statement?: string }).statement = `${failed.path}.${failed.name}`;
        throw error;
      }
      throw new SimOfficeError(SIM_ERROR.generalException, String(error));
    }
    // The response arrived: loaded values become readable.
    for (const load of this.staged) load.commit();
    this.staged = [];
    record(true);
    if (readOnly < statements.length) sim.notifyChange();
  }
}

/** UTF-8 size of the loaded values as JSON, the way they travel back from Excel. */
function responseSize(staged: readonly StagedLoad[]): number {
  if (!staged.length) return 0;
  return encoder.encode(JSON.stringify(staged.map((l) => [l.path, l.name, l.value]))).length;
}

/** Parse the arguments of load(): "a, b", ["a", "b"], { select: "a,b" } or nothing. */
function parseLoad(props: unknown): string[] | null {
  if (props === undefined || props === null) return null;
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => String(p).split(',')).map((p) => p.trim()).filter(Boolean);
  if (typeof props === 'object' && 'select' in (props)) return parseLoad((props).select);
  throw new SimOfficeError(SIM_ERROR.invalidArgument, 'Unsupported load argument in the simulated Excel.');
}

export abstract class SimObject<T> {
  protected loaded = new Map<string, unknown>();
  private settledNull: boolean | undefined;
  private cache: { target: T | null } | undefined;

  constructor(
    readonly context: SimRequestContext,
    readonly path: string,
    private readonly resolver: () => T | null,
    private readonly nullable: boolean,
    creation: boolean,
  ) {
    if (creation) {
      context.enqueue({ path, kind: 'get', name: '', args: null, exec: () => void this.target() });
    }
  }

  /** Scalar properties `load()` with no argument loads. */
  protected abstract scalarProps(): readonly string[];
  /** Read a property from the live target (at sync). */
  protected abstract read(target: T, prop: string): unknown;

  /** @internal resolve against the workbook (at sync time), once. */
  target(): T | null {
    if (!this.cache) {
      const target = this.resolver();
      if (target === null && !this.nullable) {
        throw new SimOfficeError(SIM_ERROR.itemNotFound, 'The requested resource doesn\'t exist.', { errorLocation: this.path });
      }
      this.cache = { target };
      this.settledNull = target === null;
    }
    return this.cache.target;
  }

  /** @internal bind to an object created by a statement. */
  bind(target: T): void {
    this.cache = { target };
    this.settledNull = false;
  }

  get isNullObject(): boolean {
    if (this.settledNull === undefined) throw propertyNotLoaded('isNullObject', this.path);
    return this.settledNull;
  }

  load(props?: unknown): this {
    const list = parseLoad(props);
    const names = list ?? [...this.scalarProps()];
    this.context.enqueue({
      path: this.path,
      kind: 'load',
      name: names.join(','),
      args: null,
      exec: () => {
        const target = this.target();
        if (target === null) return;
        for (const name of names) {
          if (name === 'isNullObject') continue;
          this.loadOne(target, name);
        }
      },
    });
    return this;
  }

  /** @internal load one (possibly nested "a/b") property: readable once the sync succeeds. */
  protected loadOne(target: T, name: string): void {
    const value = this.read(target, name);
    this.context.stage({ path: this.path, name, value, commit: () => this.loaded.set(name, value) });
  }

  protected prop<V>(name: string): V {
    if (this.settledNull === true) {
      throw new SimOfficeError(SIM_ERROR.invalidObjectPath, `The object is a null object; check isNullObject before reading '${name}'.`, { errorLocation: this.path });
    }
    if (!this.loaded.has(name)) throw propertyNotLoaded(name, this.path);
    return this.loaded.get(name) as V;
  }

  protected queueSet(name: string, value: unknown, apply: (target: T) => void): void {
    this.context.enqueue({ path: this.path, kind: 'set', name, args: value, exec: () => {
      const target = this.target();
      if (target !== null) apply(target);
    } });
  }

  protected queueCall(name: string, args: unknown, apply: (target: T) => void): void {
    this.context.enqueue({ path: this.path, kind: 'call', name, args, exec: () => {
      const target = this.target();
      if (target !== null) apply(target);
    } });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

// ---------------------------------------------------------------- workbook

export class SimWorkbookProxy extends SimObject<SimWorkbook> {
  readonly worksheets: SimWorksheetCollection;
  readonly protection: SimWorkbookProtection;

  constructor(context: SimRequestContext) {
    super(context, 'workbook', () => context.sim, false, false);
    this.worksheets = new SimWorksheetCollection(context, this);
    this.protection = new SimWorkbookProtection(context, this);
  }

  protected scalarProps(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  getSelectedRange(): SimRange {
    const wb = this.context.sim;
    return new SimRange(this.context, 'workbook.getSelectedRange()', () => {
      const sel = wb.selection;
      const sheet = sel ? wb.sheetById(sel.sheetId) : undefined;
      if (sel && sheet) return { sheet, range: sel.range };
      return { sheet: wb.activeSheet, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    }, false, true);
  }

  getActiveCell(): SimRange {
    return this.getSelectedRange().getCell(0, 0);
  }
}

export class SimWorkbookProtection extends SimObject<SimWorkbook> {
  constructor(context: SimRequestContext, parent: SimWorkbookProxy) {
    super(context, `${parent.path}.protection`, () => parent.target(), false, false);
  }

  protected scalarProps(): readonly string[] {
    return ['protected'];
  }

  protected read(target: SimWorkbook, prop: string): unknown {
    if (prop === 'protected') return target.structureProtected;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property ${prop}`);
  }

  get protected(): boolean {
    return this.prop('protected');
  }
}

type ActivatedHandler = (args: { type: 'WorksheetActivated'; worksheetId: string }) => Promise<unknown> | void;
type ChangedHandler = (args: SimChangedArgs) => Promise<unknown> | void;

export class SimEventHandlerResult {
  constructor(readonly context: SimRequestContext, private readonly unregister: () => void) {}

  remove(): void {
    this.context.enqueue({ path: 'eventHandler', kind: 'call', name: 'remove', args: null, exec: () => this.unregister() });
  }
}

export class SimWorksheetCollection extends SimObject<SimWorkbook> {
  private itemsList: SimWorksheet[] | undefined;
  readonly onActivated: { add(handler: ActivatedHandler): SimEventHandlerResult };

  constructor(context: SimRequestContext, parent: SimWorkbookProxy) {
    super(context, 'workbook.worksheets', () => parent.target(), false, false);
    this.onActivated = {
      add: (handler: ActivatedHandler) => {
        let off: (() => void) | null = null;
        const result = new SimEventHandlerResult(context, () => {
          off?.();
          off = null;
        });
        context.enqueue({ path: this.path, kind: 'call', name: 'onActivated.add', args: null, exec: () => {
          off = context.sim.onActivation((sheet) => {
            void Promise.resolve(handler({ type: 'WorksheetActivated', worksheetId: sheet.id })).catch(() => undefined);
          });
        } });
        return result;
      },
    };
  }

  protected scalarProps(): readonly string[] {
    return ['items'];
  }

  protected read(): unknown {
    return undefined;
  }

  protected override loadOne(target: SimWorkbook, name: string): void {
    // "items/name" loads each sheet's name; "items" or "name" alone loads every scalar.
    const sub = name.startsWith('items/') ? name.slice('items/'.length) : name === 'items' ? null : name;
    const sheets = [...target.sheets];
    const props = sheets.map((sheet) => SimWorksheet.readProps(this.context.sim, sheet, sub));
    this.context.stage({
      path: this.path,
      name,
      value: props,
      commit: () => {
        const list = this.itemsList && this.itemsList.length === sheets.length ? this.itemsList : sheets.map((sheet) => new SimWorksheet(this.context, `workbook.worksheets.getItem(${JSON.stringify(sheet.id)})`, () => sheet, false, false));
        sheets.forEach((sheet, i) => {
          const proxy = list[i]!;
          proxy.bind(sheet);
          proxy.setLoaded(props[i]!);
        });
        this.itemsList = list;
        this.loaded.set('items', list);
      },
    });
  }

  get items(): SimWorksheet[] {
    if (!this.itemsList) throw propertyNotLoaded('items', this.path);
    return this.itemsList;
  }

  getActiveWorksheet(): SimWorksheet {
    const sim = this.context.sim;
    return new SimWorksheet(this.context, 'workbook.worksheets.getActiveWorksheet()', () => sim.activeSheet, false, true);
  }

  getItem(key: string): SimWorksheet {
    const sim = this.context.sim;
    return new SimWorksheet(this.context, `workbook.worksheets.getItem(${JSON.stringify(key)})`, () => findSheet(sim, key), false, true);
  }

  getItemOrNullObject(key: string): SimWorksheet {
    const sim = this.context.sim;
    return new SimWorksheet(this.context, `workbook.worksheets.getItemOrNullObject(${JSON.stringify(key)})`, () => findSheet(sim, key), true, true);
  }

  add(name?: string): SimWorksheet {
    const sim = this.context.sim;
    const path = `workbook.worksheets.add(${JSON.stringify(name ?? null)})`;
    const proxy = new SimWorksheet(this.context, path, () => null, true, false);
    this.context.enqueue({ path, kind: 'call', name: 'add', args: name ?? null, exec: () => {
      let sheetName = name;
      if (!sheetName) {
        let n = sim.sheets.length + 1;
        while (sim.sheet(`Sheet${n}`)) n += 1;
        sheetName = `Sheet${n}`;
      }
      proxy.bind(sim.addSheet(sheetName));
    } });
    return proxy;
  }
}

function findSheet(sim: SimWorkbook, key: string): SimSheet | null {
  return sim.sheets.find((s) => s.id === key) ?? sim.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? null;
}

// ---------------------------------------------------------------- worksheet

const SHEET_PROPS = ['name', 'id', 'visibility', 'position'] as const;

export class SimWorksheet extends SimObject<SimSheet> {
  readonly protection: SimWorksheetProtection;
  readonly charts: SimChartCollection;
  readonly pageLayout: SimPageLayoutProxy;
  /** ExcelApi 1.7: raised when the user edits a cell of this sheet. */
  readonly onChanged: { add(handler: ChangedHandler): SimEventHandlerResult };

  constructor(context: SimRequestContext, path: string, resolver: () => SimSheet | null, nullable: boolean, creation: boolean) {
    super(context, path, resolver, nullable, creation);
    this.protection = new SimWorksheetProtection(context, this);
    this.charts = new SimChartCollection(context, this);
    this.pageLayout = new SimPageLayoutProxy(context, this);
    this.onChanged = {
      add: (handler: ChangedHandler) => {
        let off: (() => void) | null = null;
        const result = new SimEventHandlerResult(context, () => {
          off?.();
          off = null;
        });
        // Registered when the batch syncs, on the sheet the proxy resolves to then.
        this.queueCall('onChanged.add', null, (sheet) => {
          off = context.sim.onCellEdit((args) => {
            if (args.worksheetId !== sheet.id) return;
            void Promise.resolve(handler(args)).catch(() => undefined);
          });
        });
        return result;
      },
    };
  }

  protected scalarProps(): readonly string[] {
    return SHEET_PROPS;
  }

  protected read(sheet: SimSheet, prop: string): unknown {
    return SimWorksheet.readProps(this.context.sim, sheet, prop)[prop];
  }

  /** @internal a sheet's properties as a collection load reads them (all scalars when `prop` is null). */
  static readProps(sim: SimWorkbook, sheet: SimSheet, prop: string | null): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const name of prop === null ? SHEET_PROPS : [prop]) {
      switch (name) {
        case 'name': out[name] = sheet.name; break;
        case 'id': out[name] = sheet.id; break;
        case 'visibility': out[name] = sheet.visibility; break;
        case 'position': out[name] = sim.sheets.indexOf(sheet); break;
        default: throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown or unsupported property Worksheet.${name}`);
      }
    }
    return out;
  }

  /** @internal used by collection loads once their sync succeeded */
  setLoaded(props: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(props)) this.loaded.set(name, value);
  }

  get name(): string {
    return this.prop('name');
  }

  set name(value: string) {
    this.queueSet('name', value, (sheet) => {
      const sim = this.context.sim;
      if (sim.structureProtected) throw new SimOfficeError(SIM_ERROR.accessDenied, 'The workbook structure is protected.');
      if (sim.sheets.some((s) => s !== sheet && s.name.toLowerCase() === value.toLowerCase())) {
        throw new SimOfficeError(SIM_ERROR.itemAlreadyExists, `A sheet named ${value} already exists.`);
      }
      sheet.name = value;
    });
  }

  get id(): string {
    return this.prop('id');
  }

  get position(): number {
    return this.prop('position');
  }

  set position(value: number) {
    this.queueSet('position', value, (sheet) => {
      const sheets = this.context.sim.sheets;
      const from = sheets.indexOf(sheet);
      if (from < 0) return;
      sheets.splice(from, 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }

  get visibility(): string {
    return this.prop('visibility');
  }

  set visibility(value: string) {
    this.queueSet('visibility', value, (sheet) => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw new SimOfficeError(SIM_ERROR.invalidArgument, `Bad visibility ${value}`);
      if (value !== 'Visible') {
        const visible = this.context.sim.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
        if (visible.length === 0) throw new SimOfficeError(SIM_ERROR.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      }
      sheet.visibility = value;
    });
  }

  activate(): void {
    this.queueCall('activate', null, (sheet) => {
      if (sheet.visibility !== 'Visible') throw new SimOfficeError(SIM_ERROR.invalidOperation, 'A hidden sheet cannot be activated.');
      this.context.sim.setActive(sheet);
    });
  }

  delete(): void {
    this.queueCall('delete', null, (sheet) => this.context.sim.deleteSheet(sheet));
  }

  getRange(address?: string): SimRange {
    return new SimRange(this.context, `${this.path}.getRange(${JSON.stringify(address ?? null)})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      if (!address) return { sheet, range: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      return { sheet, range: parseRangeAddress(address) };
    }, this.isNullable(), true);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return new SimRange(this.context, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) throw new SimOfficeError(SIM_ERROR.invalidArgument, 'Bad range indexes.');
      return { sheet, range: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    }, this.isNullable(), true);
  }

  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): SimRange {
    return new SimRange(this.context, `${this.path}.getUsedRange(${valuesOnly ? 'true' : ''})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      return { sheet, range: sheet.usedRange(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    }, this.isNullable(), true);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return new SimRange(this.context, `${this.path}.getUsedRangeOrNullObject(${valuesOnly ? 'true' : ''})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      const used = sheet.usedRange(!!valuesOnly);
      return used ? { sheet, range: used } : null;
    }, true, true);
  }

  private isNullable(): boolean {
    // Ranges of a null worksheet are null objects too (calls on them do nothing).
    return true;
  }
}

export class SimWorksheetProtection extends SimObject<SimSheet> {
  constructor(context: SimRequestContext, parent: SimWorksheet) {
    super(context, `${parent.path}.protection`, () => parent.target(), true, false);
  }

  protected scalarProps(): readonly string[] {
    return ['protected'];
  }

  protected read(sheet: SimSheet, prop: string): unknown {
    if (prop === 'protected') return sheet.protected;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property WorksheetProtection.${prop}`);
  }

  get protected(): boolean {
    return this.prop('protected');
  }
}

export class SimPageLayoutProxy extends SimObject<SimSheet> {
  constructor(context: SimRequestContext, parent: SimWorksheet) {
    super(context, `${parent.path}.pageLayout`, () => parent.target(), true, false);
  }

  protected scalarProps(): readonly string[] {
    return ['orientation', 'paperSize'];
  }

  protected read(sheet: SimSheet, prop: string): unknown {
    if (prop === 'orientation') return sheet.pageLayout.orientation ?? 'Portrait';
    if (prop === 'paperSize') return sheet.pageLayout.paperSize ?? 'Letter';
    if (prop === 'zoom') return sheet.pageLayout.zoom ?? { scale: 100 };
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property PageLayout.${prop}`);
  }

  set orientation(value: string) {
    this.queueSet('orientation', value, (sheet) => { guardProtected(sheet); sheet.pageLayout.orientation = value; });
  }

  get orientation(): string {
    return this.prop('orientation');
  }

  set paperSize(value: string) {
    this.queueSet('paperSize', value, (sheet) => { guardProtected(sheet); sheet.pageLayout.paperSize = value; });
  }

  get paperSize(): string {
    return this.prop('paperSize');
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.queueSet('zoom', value, (sheet) => { guardProtected(sheet); sheet.pageLayout.zoom = { ...value }; });
  }

  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.prop('zoom');
  }

  /** ExcelApi 1.9: only the centre sections of defaultForAllPages are simulated. */
  get headersFooters(): { defaultForAllPages: { centerHeader: string; centerFooter: string } } {
    if (!this.context.sim.isSetSupported('ExcelApi', '1.9')) {
      throw new SimOfficeError('ApiNotFound', 'PageLayout.headersFooters needs ExcelApi 1.9, which this simulated Excel does not support.');
    }
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy objects below write through to this simulated object
    const self = this;
    const set = (part: 'centerHeader' | 'centerFooter', value: string) =>
      self.queueSet(`headersFooters.defaultForAllPages.${part}`, value, (sheet) => {
        guardProtected(sheet);
        sheet.pageLayout.headersFooters = { ...sheet.pageLayout.headersFooters, [part]: value };
      });
    return {
      defaultForAllPages: {
        set centerHeader(value: string) { set('centerHeader', value); },
        get centerHeader(): string { return self.prop('headersFooters/defaultForAllPages/centerHeader'); },
        set centerFooter(value: string) { set('centerFooter', value); },
        get centerFooter(): string { return self.prop('headersFooters/defaultForAllPages/centerFooter'); },
      },
    };
  }
}

// ---------------------------------------------------------------- charts

export class SimChartCollection extends SimObject<SimSheet> {
  constructor(context: SimRequestContext, private readonly parent: SimWorksheet) {
    super(context, `${parent.path}.charts`, () => parent.target(), true, false);
  }

  protected scalarProps(): readonly string[] {
    return ['count'];
  }

  protected read(sheet: SimSheet, prop: string): unknown {
    if (prop === 'count') return sheet.charts.length;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property ChartCollection.${prop}`);
  }

  get count(): number {
    return this.prop('count');
  }

  add(type: string, sourceData: SimRange, seriesBy?: string): SimChart {
    const path = `${this.path}.add(${JSON.stringify(type)})`;
    const proxy = new SimChart(this.context, path);
    this.context.enqueue({ path, kind: 'call', name: 'add', args: [type, sourceData.path, seriesBy ?? 'Auto'], exec: () => {
      const sheet = this.parent.target();
      if (!sheet) return;
      guardProtected(sheet);
      const source = sourceData.target();
      if (!source) throw new SimOfficeError(SIM_ERROR.invalidArgument, 'Chart source is a null range.');
      const chart: ChartState = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: `${source.sheet.name}!${rangeA1(source.range)}`,
        seriesBy: seriesBy ?? 'Auto',
        title: null,
        position: null,
      };
      sheet.charts.push(chart);
      proxy.bind(chart);
    } });
    return proxy;
  }
}

export class SimChart extends SimObject<ChartState> {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };

  constructor(context: SimRequestContext, path: string) {
    super(context, path, () => null, true, false);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy objects below write through to this simulated object
    const self = this;
    this.title = {
      set text(value: string) {
        self.queueSet('title.text', value, (chart) => { chart.title = value; });
      },
      get text(): string {
        return self.prop('title/text');
      },
    };
    this.legend = {
      set visible(value: boolean) {
        self.queueSet('legend.visible', value, (chart) => { chart.legendVisible = value; });
      },
      get visible(): boolean {
        return self.prop('legend/visible');
      },
    };
    const categoryAxis = {
      set reversePlotOrder(value: boolean) {
        if (!self.context.sim.isSetSupported('ExcelApi', '1.7')) {
          throw new SimOfficeError('ApiNotFound', 'ChartAxis.reversePlotOrder needs ExcelApi 1.7, which this simulated Excel does not support.');
        }
        self.queueSet('axes.categoryAxis.reversePlotOrder', value, (chart) => { chart.reversePlotOrder = value; });
      },
      get reversePlotOrder(): boolean {
        return self.prop('axes/categoryAxis/reversePlotOrder');
      },
    };
    this.axes = { categoryAxis };
  }

  protected scalarProps(): readonly string[] {
    return ['name', 'chartType'];
  }

  protected read(chart: ChartState, prop: string): unknown {
    if (prop === 'name') return chart.name;
    if (prop === 'chartType') return chart.type;
    if (prop === 'title/text') return chart.title;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property Chart.${prop}`);
  }

  set name(value: string) {
    this.queueSet('name', value, (chart) => { chart.name = value; });
  }

  get name(): string {
    return this.prop('name');
  }

  setPosition(startCell: string | SimRange, endCell?: string | SimRange): void {
    const text = (cell: string | SimRange | undefined): string | null => {
      if (cell === undefined) return null;
      if (typeof cell === 'string') return cell;
      const t = cell.target();
      return t ? rangeA1(t.range) : null;
    };
    this.queueCall('setPosition', [typeof startCell === 'string' ? startCell : startCell.path, typeof endCell === 'string' || endCell === undefined ? endCell ?? null : endCell.path], (chart) => {
      chart.position = { start: text(startCell) ?? 'A1', end: text(endCell) };
    });
  }
}

// ---------------------------------------------------------------- ranges

export interface RangeTarget {
  sheet: SimSheet;
  range: CellRange;
}

const RANGE_PROPS = ['address', 'values', 'formulas', 'numberFormat', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount'] as const;

function guardProtected(sheet: SimSheet): void {
  if (sheet.protected) {
    throw new SimOfficeError(SIM_ERROR.accessDenied, 'The cell or chart you\'re trying to change is on a protected sheet.', { errorLocation: sheet.name });
  }
}

function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function parseRangeAddress(address: string): CellRange {
  const bang = address.lastIndexOf('!');
  const bare = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
  const [start, end] = bare.split(':');
  try {
    const s = parseA1(start ?? '');
    const e = end ? parseA1(end) : s;
    return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
  } catch {
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${address}`);
  }
}

function outputValue(cell: SimCell | undefined): CellValue {
  // Excel returns "" for empty cells, never null.
  if (!cell || cell.value === null) return '';
  return cell.value;
}

export class SimRange extends SimObject<RangeTarget> {
  readonly format: SimRangeFormat;

  constructor(context: SimRequestContext, path: string, resolver: () => RangeTarget | null, nullable: boolean, creation: boolean) {
    super(context, path, resolver, nullable, creation);
    this.format = new SimRangeFormat(context, this);
  }

  protected scalarProps(): readonly string[] {
    return RANGE_PROPS;
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const { sheet, range } = t;
    const grid = <V>(f: (cell: SimCell | undefined, r: number, c: number) => V): V[][] => {
      const rows: V[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: V[] = [];
        for (let c = range.left; c <= range.right; c++) row.push(f(sheet.cell(r, c), r, c));
        rows.push(row);
      }
      return rows;
    };
    switch (prop) {
      case 'address': return `${quoteSheet(sheet.name)}!${rangeA1(range)}`;
      case 'values': return grid((cell) => outputValue(cell));
      case 'formulas': return grid((cell) => cell?.formula ?? outputValue(cell));
      case 'numberFormat': return grid((cell) => cell?.numberFormat ?? 'General');
      case 'rowCount': return range.bottom - range.top + 1;
      case 'columnCount': return range.right - range.left + 1;
      case 'rowIndex': return range.top;
      case 'columnIndex': return range.left;
      case 'cellCount': return (range.bottom - range.top + 1) * (range.right - range.left + 1);
      case 'rowHidden': {
        let hidden = 0;
        for (let r = range.top; r <= range.bottom; r++) if (sheet.hiddenRows.has(r)) hidden += 1;
        return hidden === 0 ? false : hidden === range.bottom - range.top + 1 ? true : null;
      }
      default: throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown or unsupported property Range.${prop}`);
    }
  }

  get address(): string { return this.prop('address'); }
  get values(): CellValue[][] { return this.prop('values'); }
  get formulas(): CellValue[][] { return this.prop('formulas'); }
  get numberFormat(): string[][] { return this.prop('numberFormat'); }
  get rowCount(): number { return this.prop('rowCount'); }
  get columnCount(): number { return this.prop('columnCount'); }
  get rowIndex(): number { return this.prop('rowIndex'); }
  get columnIndex(): number { return this.prop('columnIndex'); }
  get cellCount(): number { return this.prop('cellCount'); }
  get rowHidden(): boolean | null { return this.prop('rowHidden'); }

  set values(input: unknown) {
    this.queueSet('values', input, (t) => this.writeCells(t, input, (sheet, r, c, v) => writeInput(sheet, r, c, v)));
  }

  set formulas(input: unknown) {
    this.queueSet('formulas', input, (t) => this.writeCells(t, input, (sheet, r, c, v) => writeInput(sheet, r, c, v)));
  }

  set numberFormat(input: unknown) {
    this.queueSet('numberFormat', input, (t) => this.writeCells(t, input, (sheet, r, c, v) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'string') throw new SimOfficeError(SIM_ERROR.invalidArgument, 'A number format must be text.');
      guardProtected(sheet);
      sheet.touch(r, c).numberFormat = v === '' ? 'General' : v;
    }));
  }

  private writeCells(t: RangeTarget, input: unknown, each: (sheet: SimSheet, r: number, c: number, v: unknown) => void): void {
    const { sheet, range } = t;
    const rows = range.bottom - range.top + 1;
    const cols = range.right - range.left + 1;
    guardProtected(sheet);
    if (!Array.isArray(input)) {
      for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) each(sheet, r, c, input);
      return;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new SimOfficeError(SIM_ERROR.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
    }
    input.forEach((row: unknown[], i) => row.forEach((v, j) => each(sheet, range.top + i, range.left + j, v)));
  }

  getCell(row: number, column: number): SimRange {
    return new SimRange(this.context, `${this.path}.getCell(${row},${column})`, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, range: { top: t.range.top + row, left: t.range.left + column, bottom: t.range.top + row, right: t.range.left + column } } : null;
    }, true, true);
  }

  getRow(row: number): SimRange {
    return new SimRange(this.context, `${this.path}.getRow(${row})`, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, range: { ...t.range, top: t.range.top + row, bottom: t.range.top + row } } : null;
    }, true, true);
  }

  getColumn(column: number): SimRange {
    return new SimRange(this.context, `${this.path}.getColumn(${column})`, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, range: { ...t.range, left: t.range.left + column, right: t.range.left + column } } : null;
    }, true, true);
  }

  /** ExcelApi 1.4: the overlap with another range (or address) of the same sheet; a null object when none. */
  getIntersectionOrNullObject(anotherRange: SimRange | string): SimRange {
    this.requireSet('1.4', 'getIntersectionOrNullObject');
    const other = typeof anotherRange === 'string' ? JSON.stringify(anotherRange) : anotherRange.path;
    return new SimRange(this.context, `${this.path}.getIntersectionOrNullObject(${other})`, () => {
      const t = this.target();
      if (!t) return null;
      let range: CellRange;
      if (typeof anotherRange === 'string') {
        range = parseRangeAddress(anotherRange);
      } else {
        const o = anotherRange.target();
        if (!o) return null;
        if (o.sheet !== t.sheet) throw new SimOfficeError(SIM_ERROR.invalidArgument, 'The ranges are on different worksheets.');
        range = o.range;
      }
      if (!intersects(range, t.range)) return null;
      return {
        sheet: t.sheet,
        range: { top: Math.max(range.top, t.range.top), left: Math.max(range.left, t.range.left), bottom: Math.min(range.bottom, t.range.bottom), right: Math.min(range.right, t.range.right) },
      };
    }, true, true);
  }

  /** ExcelApi 1.13. Fails when more than 512 areas are merged, as documented. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    this.requireSet('1.13', 'getMergedAreasOrNullObject');
    return new SimRangeAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const t = this.target();
      if (!t) return null;
      const areas = t.sheet.merges.filter((m) => intersects(m, t.range));
      if (areas.length > 512) throw new SimOfficeError(SIM_ERROR.generalException, 'There are more than 512 merged areas in the range.');
      return areas.length ? { sheet: t.sheet, areas } : null;
    });
  }

  /** ExcelApi 1.9: only the "Visible" kind is simulated. */
  getSpecialCellsOrNullObject(cellType: string): SimRangeAreas {
    this.requireSet('1.9', 'getSpecialCellsOrNullObject');
    return new SimRangeAreas(this.context, `${this.path}.getSpecialCellsOrNullObject(${JSON.stringify(cellType)})`, () => {
      if (cellType !== 'Visible') throw new SimOfficeError(SIM_ERROR.invalidArgument, `Special cell type ${cellType} is not simulated.`);
      const t = this.target();
      if (!t) return null;
      const areas: CellRange[] = [];
      let start: number | null = null;
      for (let r = t.range.top; r <= t.range.bottom + 1; r++) {
        const visible = r <= t.range.bottom && !t.sheet.hiddenRows.has(r);
        if (visible && start === null) start = r;
        if (!visible && start !== null) {
          areas.push({ top: start, left: t.range.left, bottom: r - 1, right: t.range.right });
          start = null;
        }
      }
      return areas.length ? { sheet: t.sheet, areas } : null;
    });
  }

  private requireSet(version: string, api: string): void {
    if (!this.context.sim.isSetSupported('ExcelApi', version)) {
      throw new SimOfficeError('ApiNotFound', `${api} needs ExcelApi ${version}, which this simulated Excel does not support.`);
    }
  }

  select(): void {
    this.queueCall('select', null, (t) => {
      const sim = this.context.sim;
      if (t.sheet.visibility !== 'Visible') throw new SimOfficeError(SIM_ERROR.invalidOperation, 'Cannot select a range on a hidden sheet.');
      sim.setActive(t.sheet);
      sim.selection = { sheetId: t.sheet.id, range: { ...t.range } };
    });
  }

  merge(across?: boolean): void {
    this.queueCall('merge', [across ?? false], (t) => {
      guardProtected(t.sheet);
      const areas: CellRange[] = across
        ? Array.from({ length: t.range.bottom - t.range.top + 1 }, (_, i) => ({ ...t.range, top: t.range.top + i, bottom: t.range.top + i }))
        : [{ ...t.range }];
      for (const area of areas) {
        if (area.top === area.bottom && area.left === area.right) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, area));
        t.sheet.merges.push(area);
      }
    });
  }

  unmerge(): void {
    this.queueCall('unmerge', null, (t) => {
      guardProtected(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.range));
    });
  }

  /** applyTo: "All" (default), "Contents", "Formats". */
  clear(applyTo?: string): void {
    this.queueCall('clear', [applyTo ?? 'All'], (t) => {
      guardProtected(t.sheet);
      const what = applyTo ?? 'All';
      for (const [k, cell] of [...t.sheet.cells]) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (r < t.range.top || r > t.range.bottom || c < t.range.left || c > t.range.right) continue;
        if (what === 'All' || what === 'Contents') { cell.value = null; cell.formula = null; }
        if (what === 'All' || what === 'Formats') { cell.numberFormat = 'General'; cell.format = null; }
        if (cell.value === null && cell.formula === null && cell.numberFormat === 'General' && cell.format === null) t.sheet.cells.delete(k);
      }
      if (what === 'All' || what === 'Formats') t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.range));
    });
  }
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export class SimRangeAreas extends SimObject<{ sheet: SimSheet; areas: CellRange[] }> {
  constructor(context: SimRequestContext, path: string, resolver: () => { sheet: SimSheet; areas: CellRange[] } | null) {
    super(context, path, resolver, true, true);
  }

  protected scalarProps(): readonly string[] {
    return ['address', 'areaCount'];
  }

  protected read(t: { sheet: SimSheet; areas: CellRange[] }, prop: string): unknown {
    if (prop === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeA1(a)}`).join(',');
    if (prop === 'areaCount') return t.areas.length;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property RangeAreas.${prop}`);
  }

  get address(): string { return this.prop('address'); }
  get areaCount(): number { return this.prop('areaCount'); }
}

// ---------------------------------------------------------------- formats

type FormatKey = keyof SimCellFormat;

function eachCell(t: RangeTarget, f: (cell: SimCell, r: number, c: number) => void): void {
  guardProtected(t.sheet);
  for (let r = t.range.top; r <= t.range.bottom; r++) for (let c = t.range.left; c <= t.range.right; c++) f(t.sheet.touch(r, c), r, c);
}

function setFormat(t: RangeTarget, key: FormatKey, value: unknown): void {
  eachCell(t, (cell) => {
    cell.format = { ...(cell.format ?? {}), [key]: value };
  });
}

export class SimRangeFormat extends SimObject<RangeTarget> {
  readonly font: SimFormatPart;
  readonly fill: SimFormatPart & { clear(): void };
  readonly borders: { getItem(index: string): SimBorder };

  constructor(context: SimRequestContext, readonly range: SimRange) {
    super(context, `${range.path}.format`, () => range.target(), true, false);
    this.font = new SimFormatPart(context, this, 'font', { name: 'fontName', size: 'fontSize', bold: 'bold', italic: 'italic', color: 'fontColor' });
    const fill = new SimFormatPart(context, this, 'fill', { color: 'fill' }) as SimFormatPart & { clear(): void };
    fill.clear = () => this.queueCall('fill.clear', null, (t) => setFormat(t, 'fill', undefined));
    this.fill = fill;
    this.borders = {
      getItem: (index: string) => new SimBorder(context, this, index),
    };
  }

  protected scalarProps(): readonly string[] {
    return ['columnWidth', 'rowHeight', 'horizontalAlignment', 'wrapText'];
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const first = t.sheet.cell(t.range.top, t.range.left)?.format ?? {};
    switch (prop) {
      case 'columnWidth': return t.sheet.columnWidths.get(t.range.left) ?? 48;
      case 'rowHeight': return t.sheet.rowHeights.get(t.range.top) ?? 14.25;
      case 'horizontalAlignment': return first.horizontalAlignment ?? 'General';
      case 'verticalAlignment': return first.verticalAlignment ?? 'Bottom';
      case 'wrapText': return first.wrapText ?? false;
      default: throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property RangeFormat.${prop}`);
    }
  }

  set columnWidth(points: number) {
    this.queueSet('columnWidth', points, (t) => {
      guardProtected(t.sheet);
      for (let c = t.range.left; c <= t.range.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  get columnWidth(): number { return this.prop('columnWidth'); }

  set rowHeight(points: number) {
    this.queueSet('rowHeight', points, (t) => {
      guardProtected(t.sheet);
      for (let r = t.range.top; r <= t.range.bottom; r++) t.sheet.rowHeights.set(r, points);
    });
  }

  get rowHeight(): number { return this.prop('rowHeight'); }

  set horizontalAlignment(value: string) {
    this.queueSet('horizontalAlignment', value, (t) => setFormat(t, 'horizontalAlignment', value));
  }

  get horizontalAlignment(): string { return this.prop('horizontalAlignment'); }

  set verticalAlignment(value: string) {
    this.queueSet('verticalAlignment', value, (t) => setFormat(t, 'verticalAlignment', value));
  }

  get verticalAlignment(): string { return this.prop('verticalAlignment'); }

  set wrapText(value: boolean) {
    this.queueSet('wrapText', value, (t) => setFormat(t, 'wrapText', value));
  }

  get wrapText(): boolean { return this.prop('wrapText'); }

  autofitColumns(): void {
    this.queueCall('autofitColumns', null, (t) => guardProtected(t.sheet));
  }

  autofitRows(): void {
    this.queueCall('autofitRows', null, (t) => guardProtected(t.sheet));
  }

  /** @internal */
  queueFormat(name: string, value: unknown, apply: (t: RangeTarget) => void): void {
    this.queueSet(name, value, apply);
  }
}

export class SimFormatPart {
  constructor(
    context: SimRequestContext,
    private readonly format: SimRangeFormat,
    part: string,
    map: Record<string, FormatKey>,
  ) {
    void context;
    for (const [prop, key] of Object.entries(map)) {
      Object.defineProperty(this, prop, {
        enumerable: true,
        set: (value: unknown) => this.format.queueFormat(`${part}.${prop}`, value, (t) => setFormat(t, key, value)),
        get: () => {
          throw propertyNotLoaded(prop, `${format.path}.${part}`);
        },
      });
    }
  }
}

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

export class SimBorder {
  constructor(context: SimRequestContext, format: SimRangeFormat, index: string) {
    void context;
    if (!BORDER_EDGES.includes(index)) throw new SimOfficeError(SIM_ERROR.invalidArgument, `Border index ${index} is not simulated.`);
    const apply = (t: RangeTarget, style: string) => {
      eachCell(t, (cell, r, c) => {
        const b = { ...(cell.format?.borders ?? {}) };
        if ((index === 'EdgeTop' && r === t.range.top) || (index === 'InsideHorizontal' && r > t.range.top)) b.EdgeTop = style;
        if ((index === 'EdgeBottom' && r === t.range.bottom) || (index === 'InsideHorizontal' && r < t.range.bottom)) b.EdgeBottom = style;
        if ((index === 'EdgeLeft' && c === t.range.left) || (index === 'InsideVertical' && c > t.range.left)) b.EdgeLeft = style;
        if ((index === 'EdgeRight' && c === t.range.right) || (index === 'InsideVertical' && c < t.range.right)) b.EdgeRight = style;
        cell.format = { ...(cell.format ?? {}), borders: b };
      });
    };
    Object.defineProperty(this, 'style', {
      enumerable: true,
      set: (value: string) => format.queueFormat(`borders.${index}.style`, value, (t) => apply(t, value)),
      get: () => { throw propertyNotLoaded('style', `${format.path}.borders.${index}`); },
    });
    Object.defineProperty(this, 'color', {
      enumerable: true,
      set: (value: string) => format.queueFormat(`borders.${index}.color`, value, (t) => guardProtected(t.sheet)),
      get: () => { throw propertyNotLoaded('color', `${format.path}.borders.${index}`); },
    });
    Object.defineProperty(this, 'weight', {
      enumerable: true,
      set: (value: string) => format.queueFormat(`borders.${index}.weight`, value, (t) => guardProtected(t.sheet)),
      get: () => { throw propertyNotLoaded('weight', `${format.path}.borders.${index}`); },
    });
  }
}

/** Column letter helper re-exported for tests that build addresses. */
export { a1, columnLetter };
