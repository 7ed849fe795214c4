/// <reference types="wps-jsapi" />
/**
 * The parts of WPS 表格's ET object model the adapter uses, typed narrowly so both the real
 * `window.Application` and the simulated one (src/sim/wps) fit. Every member named here is
 * checked at compile time against Kingsoft's declarations (wps-jsapi, lib.et.d.ts): a name
 * the declarations do not have fails `npx tsc`. Their *types* are not copied, because
 * lib.et.d.ts types many members as the COM return slot (`Address(...): void`, `Value2: number`,
 * `UsedRange: number`); here they are what a script actually receives.
 *
 * WPS builds differ in whether some members are methods or properties (Range.Address,
 * Range.MergeArea, Worksheet.UsedRange, Sheets.Count, Worksheet.Cells as `Cells(r, c)` or
 * `Cells.Item(r, c)`): `Member<T>` admits both and `member()` reads either.
 */

/** A member some WPS builds expose as a property and others as a method. */
export type Member<T, A extends unknown[] = []> = T | ((...args: A) => T);

export interface EtCountable {
  readonly Count: Member<number>;
}

export interface EtFontLike {
  Name: unknown;
  Size: unknown;
  Bold: unknown;
  Color: unknown;
}

export interface EtInteriorLike {
  Color: unknown;
}

export interface EtRangeLike {
  /** A 2-D array (rows of cells) for more than one cell; a single value for one cell. */
  Value2: unknown;
  Formula: unknown;
  /** A 2-D array, one string when every cell shares it, or null when mixed (build-dependent). */
  NumberFormat: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCountable;
  readonly Columns: EtCountable & { Item(index: number): EtRangeLike };
  readonly Address: Member<string, [boolean?, boolean?]>;
  readonly MergeArea: Member<EtRangeLike>;
  MergeCells: unknown;
  Merge(Across?: boolean): void;
  ClearContents(): void;
  Select(): void;
  SpecialCells(Type: number): EtRangeLike;
  readonly Font: EtFontLike;
  readonly Interior: EtInteriorLike;
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  WrapText: unknown;
  ColumnWidth: unknown;
  RowHeight: unknown;
  Item(RowIndex: number, ColumnIndex?: number): EtRangeLike;
}

/** Worksheet.Cells: a Range with Item(r, c), callable as Cells(r, c) in some builds. */
export type EtCells = EtRangeLike | (EtRangeLike & ((row: number, col: number) => EtRangeLike));

export interface EtSheetLike {
  Name: string;
  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  Visible: unknown;
  readonly Index: number;
  /** Sheet protection (true, or -1 in builds that return COM booleans). */
  readonly ProtectContents: unknown;
  readonly UsedRange: Member<EtRangeLike>;
  readonly Cells: EtCells;
  /** Always called with one reference ("B4" or "B4:C9"): no optional COM arguments to pass as undefined. */
  Range(Cell1: string): EtRangeLike;
  Activate(): void;
  Delete(): void;
  Move(Before?: EtSheetLike, After?: EtSheetLike): void;
}

export interface EtSheetsLike extends EtCountable {
  Item(Index: number | string): EtSheetLike;
  Add(Before?: EtSheetLike, After?: EtSheetLike, Count?: number, Type?: number): EtSheetLike;
}

export interface EtWorkbookLike {
  readonly Name: string;
  readonly Sheets: EtSheetsLike;
  readonly ActiveSheet: EtSheetLike | null;
  readonly ProtectStructure: unknown;
}

export interface EtTaskPaneLike {
  readonly ID: number;
  Visible: boolean;
}

export interface EtApiEventLike {
  AddApiEventListener(name: string, callback: (...args: unknown[]) => void): void;
  RemoveApiEventListener(name: string, callback?: (...args: unknown[]) => void): void;
}

export interface EtPluginStorageLike {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

export interface EtApplicationLike {
  readonly ActiveWorkbook: EtWorkbookLike | null;
  ScreenUpdating: unknown;
  DisplayAlerts: unknown;
  readonly Build?: string;
  CreateTaskPane?(url: string, title?: string): EtTaskPaneLike;
  GetTaskPane?(id: number): EtTaskPaneLike | null;
  ShowDialog?(url: string, title?: string, width?: number, height?: number, isModal?: boolean): void;
  readonly ApiEvent?: EtApiEventLike;
  readonly PluginStorage?: EtPluginStorageLike;
}

// ---- Compile-time conformance with wps-jsapi: every member above exists in the declarations.
type Missing<Narrow, Declared> = Exclude<keyof Narrow, keyof Declared>;
type Conforms<Narrow, Declared> = [Missing<Narrow, Declared>] extends [never] ? true : { membersNotInWpsJsapi: Missing<Narrow, Declared> };
type WpsGlobal = typeof wps;
/** The add-in services (CreateTaskPane, ShowDialog, ApiEvent, PluginStorage) are declared on `wps`, the object model on Et.EtApplication. */
type DeclaredApplication = Et.EtApplication & Pick<WpsGlobal, 'CreateTaskPane' | 'GetTaskPane' | 'ShowDialog' | 'ApiEvent' | 'PluginStorage'>;
export const ET_CONFORMANCE: {
  range: Conforms<EtRangeLike, Et.EtRange>;
  font: Conforms<EtFontLike, Et.EtFont>;
  interior: Conforms<EtInteriorLike, Et.EtInterior>;
  sheet: Conforms<EtSheetLike, Et.EtWorksheet>;
  sheets: Conforms<EtSheetsLike, Et.EtSheets>;
  workbook: Conforms<EtWorkbookLike, Et.EtWorkbook>;
  application: Conforms<EtApplicationLike, DeclaredApplication>;
} = { range: true, font: true, interior: true, sheet: true, sheets: true, workbook: true, application: true };

// ---- ET constants (XlSheetVisibility, XlCellType, XlHAlign) as the object model takes them.
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
export const XL_CELL_TYPE_VISIBLE = 12;
export const XL_CENTER = -4108;
export const XL_LEFT = -4131;
export const XL_RIGHT = -4152;

/** Read a member whether this build exposes it as a property or as a method. */
export function member<T, A extends unknown[]>(value: Member<T, A>, ...args: A): T {
  return typeof value === 'function' ? (value as (...a: A) => T)(...args) : value;
}

/** Cells(row, col), 1-based, in either form. */
export function cellAt(sheet: EtSheetLike, row: number, col: number): EtRangeLike {
  const cells = sheet.Cells;
  return typeof cells === 'function' ? cells(row, col) : cells.Item(row, col);
}

/** COM booleans arrive as true or -1 depending on the build. */
export function truthy(value: unknown): boolean {
  return value === true || value === -1 || value === 1;
}
