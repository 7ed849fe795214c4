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
 */
import { a1, readRangeA1, type CellRange } from '../../core/grid';
import { SimSheet, writeInput, type SimCellFormat, type SimWorkbook } from '../workbook';
import type { EtApplicationLike, EtRangeLike, EtSheetLike, EtSheetsLike, EtTaskPaneLike, EtWorkbookLike } from '../../wps/et';

export type EtMemberStyle = 'method' | 'property';

export interface SimEtOptions {
  style?: EtMemberStyle;
  /** 'array' (2-D always) or 'uniformOrNull' (one string when all cells share a format, null when mixed). */
  numberFormat?: 'array' | 'uniformOrNull';
  build?: string;
}

/** What the simulated application counted since the last reset. */
export interface EtCallCounts {
  /** Reads of Value2 / Formula / NumberFormat on a range (each one whole-range call). */
  rangeReads: number;
  /** Writes of Value2 / Formula on a range. */
  rangeWrites: number;
  /** Largest number of cells a single whole-range read covered. */
  largestRead: number;
  /** MergeArea lookups (one cell each). */
  mergeProbes: number;
  /** Every member read or called, by name. */
  byMember: Record<string, number>;
}

/** The error WPS raises for a refused write (its message as WPS shows it). */
export class EtSimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtSimError';
  }
}

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

const EMPTY_FORMAT = 'General';

function freshCounts(): EtCallCounts {
  return { rangeReads: 0, rangeWrites: 0, largestRead: 0, mergeProbes: 0, byMember: {} };
}

/** Wrap so that reading a member the model does not have throws (a typo must not read as undefined). */
function strict<T extends object>(target: T, kind: string, counts: () => EtCallCounts): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return Reflect.get(obj, prop, receiver);
      if (!(prop in obj)) throw new EtSimError(`${kind} has no member "${prop}"`);
      const by = counts().byMember;
      by[prop] = (by[prop] ?? 0) + 1;
      return Reflect.get(obj, prop, receiver);
    },
    set(obj, prop, value, receiver) {
      if (typeof prop === 'string' && !(prop in obj)) throw new EtSimError(`${kind} has no member "${prop}"`);
      return Reflect.set(obj, prop, value, receiver);
    },
  });
}

function colLetters(col: number): string {
  return a1(0, col).replace(/\d+$/, '');
}

function absAddress(r: CellRange): string {
  const one = `$${colLetters(r.left)}$${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? one : `${one}:$${colLetters(r.right)}$${r.bottom + 1}`;
}

function parseRef(text: string): CellRange {
  const range = readRangeA1(text.trim());
  if (!range) throw new EtSimError(`Range("${text}"): not a valid reference`);
  return range;
}

const VISIBILITY: Record<number, SimSheet['visibility']> = { [-1]: 'Visible', 0: 'Hidden', 2: 'VeryHidden' };

/** Colours go in as BGR integers (as in VBA's RGB()); the demo grid wants #RRGGBB. */
function bgrToHex(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
  const r = value & 0xff, g = (value >> 8) & 0xff, b = (value >> 16) & 0xff;
  return '#' + [r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('').toUpperCase();
}

const ALIGN: Record<number, string> = { [-4108]: 'Center', [-4131]: 'Left', [-4152]: 'Right', [-4160]: 'Top', [-4107]: 'Bottom' };

export function createSimEtApplication(workbook: SimWorkbook, options: SimEtOptions = {}): SimEtApplication {
  const style = options.style ?? 'property';
  const formatMode = options.numberFormat ?? 'array';
  let counts = freshCounts();
  const countsNow = () => counts;
  let failAt = 0;
  let failMessage = '';
  let writes = 0;
  let nextPaneId = 1;
  const taskPanes: SimEtApplication['taskPanes'] = [];
  const dialogs: SimEtApplication['dialogs'] = [];
  const storage = new Map<string, unknown>();
  const app = { DisplayAlerts: true as unknown, ScreenUpdating: true as unknown };

  /** A property in 'property' builds, a method in 'method' builds. */
  function dual<T>(obj: object, name: string, get: (...args: never[]) => T): void {
    if (style === 'method') Object.defineProperty(obj, name, { value: get, enumerable: true });
    else Object.defineProperty(obj, name, { get: () => get(), enumerable: true });
  }

  function liveSheet(sheet: SimSheet): SimSheet {
    if (!workbook.sheets.includes(sheet)) throw new EtSimError('The object has been deleted (the worksheet no longer exists).');
    return sheet;
  }

  function beforeWrite(sheet: SimSheet): void {
    liveSheet(sheet);
    if (sheet.protected) throw new EtSimError(`您试图更改的单元格或图表受保护，因而是只读的。(${sheet.name})`);
    writes += 1;
    if (failAt && writes === failAt) {
      failAt = 0;
      throw new EtSimError(failMessage || 'Write failed');
    }
  }

  function cellsOf(r: CellRange, read: (row: number, col: number) => unknown): unknown {
    counts.rangeReads += 1;
    const n = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (n > counts.largestRead) counts.largestRead = n;
    if (n === 1) return read(r.top, r.left);
    const rows: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(read(row, col));
      rows.push(line);
    }
    return rows;
  }

  function assign(sheet: SimSheet, r: CellRange, data: unknown): void {
    beforeWrite(sheet);
    counts.rangeWrites += 1;
    const height = r.bottom - r.top + 1;
    const width = r.right - r.left + 1;
    const grid: unknown[][] = Array.isArray(data) ? (data as unknown[][]) : Array.from({ length: height }, () => Array.from({ length: width }, () => data));
    if (grid.length !== height || grid.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw new EtSimError(`An array of ${grid.length} rows does not fit ${absAddress(r)} (${height}×${width})`);
    }
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        const v = grid[i]![j];
        // ET writes every cell of the array: an empty entry clears the cell.
        writeInput(sheet, r.top + i, r.left + j, v === null || v === undefined ? '' : v);
      }
    }
    workbook.notifyChange();
  }

  function formatCells(sheet: SimSheet, r: CellRange, patch: (f: SimCellFormat) => void): void {
    beforeWrite(sheet);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = sheet.touch(row, col);
        cell.format = { ...(cell.format ?? {}) };
        patch(cell.format);
      }
    }
  }

  function makeRange(sheet: SimSheet, r: CellRange): EtRangeLike {
    const range: Record<string, unknown> = {};
    Object.defineProperties(range, {
      Value2: {
        get: () => cellsOf(r, (row, col) => sheet.cell(row, col)?.value ?? undefined),
        set: (v) => assign(sheet, r, v),
      },
      Formula: {
        get: () => cellsOf(r, (row, col) => {
          const cell = sheet.cell(row, col);
          if (!cell) return '';
          if (cell.formula) return cell.formula;
          return cell.value === null ? '' : String(cell.value);
        }),
        set: (v) => assign(sheet, r, v),
      },
      NumberFormat: {
        get: () => {
          const formats = cellsOf(r, (row, col) => sheet.cell(row, col)?.numberFormat ?? EMPTY_FORMAT);
          if (formatMode === 'array' || !Array.isArray(formats)) return formats;
          const first = (formats as string[][])[0]![0];
          return (formats as string[][]).every((row) => row.every((f) => f === first)) ? first : null;
        },
        set: (v) => {
          beforeWrite(sheet);
          for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) sheet.touch(row, col).numberFormat = String(v);
        },
      },
      Row: { get: () => r.top + 1 },
      Column: { get: () => r.left + 1 },
      Rows: { get: () => strict(countable(() => r.bottom - r.top + 1), 'Rows', countsNow) },
      Columns: {
        get: () => {
          const cols = countable(() => r.right - r.left + 1);
          cols.Item = (i: number) => makeRange(sheet, { top: r.top, bottom: r.bottom, left: r.left + i - 1, right: r.left + i - 1 });
          return strict(cols, 'Columns', countsNow);
        },
      },
      MergeCells: {
        get: () => sheet.merges.some((m) => m.top === r.top && m.left === r.left && m.bottom === r.bottom && m.right === r.right),
        set: (v) => {
          if (v) (range.Merge as () => void)();
        },
      },
      HorizontalAlignment: { get: () => undefined, set: (v) => formatCells(sheet, r, (f) => { f.horizontalAlignment = ALIGN[v as number] ?? String(v); }) },
      VerticalAlignment: { get: () => undefined, set: (v) => formatCells(sheet, r, (f) => { f.verticalAlignment = ALIGN[v as number] ?? String(v); }) },
      WrapText: { get: () => undefined, set: (v) => formatCells(sheet, r, (f) => { f.wrapText = !!v; }) },
      ColumnWidth: {
        get: () => sheet.columnWidths.get(r.left) ?? 8.43,
        // Characters, as ET takes them; kept in points like the Office simulation (7 px a character + 5 px).
        set: (chars: number) => {
          beforeWrite(sheet);
          for (let c = r.left; c <= r.right; c++) sheet.columnWidths.set(c, Math.round((chars * 7 + 5) * 0.75 * 100) / 100);
        },
      },
      RowHeight: {
        get: () => sheet.rowHeights.get(r.top) ?? 14.25,
        set: (points: number) => {
          beforeWrite(sheet);
          for (let row = r.top; row <= r.bottom; row++) sheet.rowHeights.set(row, points);
        },
      },
      Font: {
        get: () => {
          const font: Record<string, unknown> = {};
          const prop = (name: string, apply: (f: SimCellFormat, v: unknown) => void) =>
            Object.defineProperty(font, name, { get: () => undefined, set: (v) => formatCells(sheet, r, (f) => apply(f, v)), enumerable: true });
          prop('Name', (f, v) => { f.fontName = String(v); });
          prop('Size', (f, v) => { f.fontSize = Number(v); });
          prop('Bold', (f, v) => { f.bold = !!v; });
          prop('Color', (f, v) => { f.fontColor = bgrToHex(v); });
          return strict(font, 'Font', countsNow);
        },
      },
      Interior: {
        get: () => {
          const interior: Record<string, unknown> = {};
          Object.defineProperty(interior, 'Color', { get: () => undefined, set: (v) => formatCells(sheet, r, (f) => { f.fill = bgrToHex(v); }), enumerable: true });
          return strict(interior, 'Interior', countsNow);
        },
      },
    });
    dual(range, 'Address', () => absAddress(r));
    dual(range, 'MergeArea', () => {
      counts.mergeProbes += 1;
      const m = sheet.merges.find((area) => r.top >= area.top && r.top <= area.bottom && r.left >= area.left && r.left <= area.right);
      return makeRange(sheet, m ? { ...m } : { top: r.top, left: r.left, bottom: r.top, right: r.left });
    });
    range.Merge = () => {
      beforeWrite(sheet);
      sheet.merges = sheet.merges.filter((m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right);
      sheet.merges.push({ ...r });
    };
    range.ClearContents = () => {
      beforeWrite(sheet);
      counts.rangeWrites += 1;
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) {
        const cell = sheet.cell(row, col);
        if (cell) { cell.value = null; cell.formula = null; }
      }
      workbook.notifyChange();
    };
    range.Select = () => {
      liveSheet(sheet);
      if (workbook.activeSheetId !== sheet.id) throw new EtSimError('Select: the sheet is not active (activate it first)');
      workbook.selection = { sheetId: sheet.id, range: { ...r } };
      workbook.notifyChange();
    };
    range.SpecialCells = (type: number) => {
      if (type !== 12) throw new EtSimError(`SpecialCells(${type}) is not simulated`);
      counts.rangeReads += 1;
      const areas: CellRange[] = [];
      let start = -1;
      for (let row = r.top; row <= r.bottom + 1; row++) {
        const visible = row <= r.bottom && !sheet.hiddenRows.has(row);
        if (visible && start < 0) start = row;
        if (!visible && start >= 0) {
          areas.push({ top: start, bottom: row - 1, left: r.left, right: r.right });
          start = -1;
        }
      }
      if (!areas.length) throw new EtSimError('No cells were found.');
      const view: Record<string, unknown> = {};
      dual(view, 'Address', () => areas.map(absAddress).join(','));
      return strict(view, 'Range', countsNow) as unknown as EtRangeLike;
    };
    range.Item = (row: number, col = 1) => {
      if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) throw new EtSimError(`Item(${row}, ${col}): indexes are 1-based`);
      const top = r.top + row - 1, left = r.left + col - 1;
      return makeRange(sheet, { top, left, bottom: top, right: left });
    };
    return strict(range, 'Range', countsNow) as unknown as EtRangeLike;
  }

  function countable(count: () => number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    dual(obj, 'Count', count);
    return obj;
  }

  const sheetObjects = new WeakMap<SimSheet, EtSheetLike>();

  function makeSheet(sheet: SimSheet): EtSheetLike {
    const known = sheetObjects.get(sheet);
    if (known) return known;
    const ws: Record<string, unknown> = {};
    Object.defineProperties(ws, {
      Name: {
        get: () => liveSheet(sheet).name,
        set: (name: string) => {
          liveSheet(sheet);
          if (workbook.structureProtected) throw new EtSimError('工作簿结构受保护，无法重命名工作表。');
          if (workbook.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) throw new EtSimError(`工作表名称“${name}”已被占用。`);
          if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new EtSimError(`工作表名称“${name}”无效。`);
          sheet.name = name;
          workbook.notifyChange();
        },
      },
      Visible: {
        get: () => ({ Visible: -1, Hidden: 0, VeryHidden: 2 })[liveSheet(sheet).visibility],
        set: (v: number | boolean) => {
          liveSheet(sheet);
          const next = v === true ? 'Visible' : v === false ? 'Hidden' : VISIBILITY[v];
          if (!next) throw new EtSimError(`Visible = ${String(v)}: not an XlSheetVisibility`);
          sheet.visibility = next;
          workbook.notifyChange();
        },
      },
      Index: { get: () => workbook.sheets.indexOf(liveSheet(sheet)) + 1 },
      ProtectContents: { get: () => liveSheet(sheet).protected },
    });
    dual(ws, 'UsedRange', () => {
      const used = liveSheet(sheet).usedRange(false);
      return makeRange(sheet, used ?? { top: 0, left: 0, bottom: 0, right: 0 });
    });
    const item = (row: number, col: number) => {
      if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) throw new EtSimError(`Cells(${row}, ${col}): indexes are 1-based`);
      return makeRange(sheet, { top: row - 1, left: col - 1, bottom: row - 1, right: col - 1 });
    };
    Object.defineProperty(ws, 'Cells', {
      get: () => {
        if (style === 'method') {
          const callable = Object.assign((row: number, col: number) => item(row, col), { Item: item });
          return callable;
        }
        const all = makeRange(sheet, { top: 0, left: 0, bottom: 1048575, right: 16383 });
        return all;
      },
    });
    ws.Range = (cell1: string, cell2?: string) => {
      liveSheet(sheet);
      const a = parseRef(cell1);
      const r = cell2 ? parseRef(cell2) : a;
      return makeRange(sheet, { top: Math.min(a.top, r.top), left: Math.min(a.left, r.left), bottom: Math.max(a.bottom, r.bottom), right: Math.max(a.right, r.right) });
    };
    ws.Activate = () => {
      liveSheet(sheet);
      if (sheet.visibility !== 'Visible') throw new EtSimError('A hidden sheet cannot be activated.');
      workbook.setActive(sheet);
    };
    ws.Delete = () => {
      liveSheet(sheet);
      if (app.DisplayAlerts !== false && app.DisplayAlerts !== 0) throw new EtSimError('Delete would ask the user to confirm (DisplayAlerts is on); the script would wait on a dialog.');
      workbook.deleteSheet(sheet);
      workbook.notifyChange();
    };
    ws.Move = (before?: EtSheetLike, after?: EtSheetLike) => {
      liveSheet(sheet);
      if (workbook.structureProtected) throw new EtSimError('工作簿结构受保护，无法移动工作表。');
      const target = (before ?? after) as unknown as { Index: number } | undefined;
      if (!target) return;
      const list = workbook.sheets;
      list.splice(list.indexOf(sheet), 1);
      const at = target.Index - 1 + (after ? 1 : 0);
      list.splice(Math.max(0, Math.min(list.length, at)), 0, sheet);
      workbook.notifyChange();
    };
    const wrapped = strict(ws, 'Worksheet', countsNow) as unknown as EtSheetLike;
    sheetObjects.set(sheet, wrapped);
    return wrapped;
  }

  function simSheetOf(ws: EtSheetLike | undefined): SimSheet | undefined {
    if (!ws) return undefined;
    return workbook.sheets.find((s) => sheetObjects.get(s) === ws);
  }

  const sheets: Record<string, unknown> = {};
  dual(sheets, 'Count', () => workbook.sheets.length);
  sheets.Item = (index: number | string) => {
    const sheet = typeof index === 'number' ? workbook.sheets[index - 1] : workbook.sheets.find((s) => s.name.toLowerCase() === String(index).toLowerCase());
    if (!sheet) throw new EtSimError(`Sheets.Item(${JSON.stringify(index)}): 下标越界`);
    return makeSheet(sheet);
  };
  sheets.Add = (before?: EtSheetLike, after?: EtSheetLike) => {
    let n = workbook.sheets.length + 1;
    while (workbook.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n += 1;
    let sheet: SimSheet;
    try {
      sheet = workbook.addSheet(`Sheet${n}`);
    } catch {
      throw new EtSimError('工作簿结构受保护，无法插入工作表。');
    }
    const anchor = simSheetOf(before) ?? simSheetOf(after);
    if (anchor) {
      const list = workbook.sheets;
      list.splice(list.indexOf(sheet), 1);
      list.splice(list.indexOf(anchor) + (before ? 0 : 1), 0, sheet);
    }
    // As in Excel, the new sheet becomes the active one.
    workbook.setActive(sheet);
    workbook.notifyChange();
    return makeSheet(sheet);
  };
  const sheetsObj = strict(sheets, 'Sheets', countsNow) as unknown as EtSheetsLike;

  const book: Record<string, unknown> = {};
  Object.defineProperties(book, {
    Name: { get: () => 'wenxian.xlsx' },
    Sheets: { get: () => sheetsObj },
    ActiveSheet: {
      get: () => {
        const sheet = workbook.sheets.find((s) => s.id === workbook.activeSheetId);
        return sheet ? makeSheet(sheet) : null;
      },
    },
    ProtectStructure: { get: () => workbook.structureProtected },
  });
  const bookObj = strict(book, 'Workbook', countsNow) as unknown as EtWorkbookLike;

  const listeners = new Map<(...args: unknown[]) => void, () => void>();
  const apiEvent = {
    AddApiEventListener(name: string, callback: (...args: unknown[]) => void) {
      if (name !== 'SheetActivate') return;
      listeners.set(callback, workbook.onActivation((sheet) => callback(makeSheet(sheet))));
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
  const application = Object.defineProperties(app, {
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
    counts: { get: () => counts },
    resetCounts: {
      value: () => {
        counts = freshCounts();
      },
    },
    failWrite: {
      value: (n: number, message?: string) => {
        failAt = writes + n;
        failMessage = message ?? '';
      },
    },
    taskPanes: { value: taskPanes },
    dialogs: { value: dialogs },
    workbook: { value: workbook },
  });
  return application as unknown as SimEtApplication;
}
