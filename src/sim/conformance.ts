/**
 * Compile-time conformance of the simulated Excel to Office.js (@types/office-js): for each
 * member the adapter uses, the sim's property reads as the real type does, and its methods
 * accept every argument list the real ones accept. `tsc` fails here when the sim drifts from
 * Office.js, which is what lets tests hand the sim to the adapter as an `ExcelRunner` in one
 * place (`simExcelRunner`) instead of casting at every call site. Nothing here runs.
 */
import type { SimChart, SimChartCollection } from './charts';
import type { SimRequestContext } from './context';
import type { SimEventHandlerResult } from './events';
import type { SimRangeFormat } from './format';
import type { SimExcel } from './office';
import type { SimPageLayoutProxy } from './pageLayout';
import type { SimRange, SimRangeAreas } from './range';
import type { SimWorkbookProtection, SimWorkbookProxy, SimWorksheetCollection } from './workbookProxy';
import type { SimWorksheet, SimWorksheetProtection } from './worksheet';

/** `Excel.run(options, batch)` as the adapter takes it (src/excel/office.ts ExcelRunner; the sim may not import the adapter). */
export type SimExcelRunner = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** True when the sim's properties `K` read as the real ones do. */
type Reads<Sim, Real, K extends keyof Sim & keyof Real> = { [P in K]: Sim[P] extends Real[P] ? true : false }[K];
/** True when each method `K` of the sim takes whatever arguments the real one takes (last overload). */
type Takes<Sim, Real, K extends keyof Sim & keyof Real> = {
  [P in K]: Real[P] extends (...args: infer A) => unknown ? (Sim[P] extends (...args: infer B) => unknown ? (A extends B ? true : false) : false) : false;
}[K];
/** Compiles only when every check is true. */
function conforms<T extends true>(): T | undefined {
  return undefined;
}

// rowHidden is left out: the sim gives null for a range partly hidden, as Excel does, where the typings say boolean.
conforms<Reads<SimRange, Excel.Range, 'address' | 'values' | 'formulas' | 'numberFormat' | 'rowCount' | 'columnCount' | 'rowIndex' | 'columnIndex' | 'cellCount' | 'isNullObject'>>();
conforms<Takes<SimRange, Excel.Range, 'getCell' | 'getRow' | 'getColumn' | 'getMergedAreasOrNullObject' | 'select' | 'merge' | 'unmerge' | 'clear'>>();
conforms<Reads<SimRangeAreas, Excel.RangeAreas, 'address' | 'areaCount' | 'isNullObject'>>();
conforms<Reads<SimRangeFormat, Excel.RangeFormat, 'columnWidth' | 'rowHeight' | 'wrapText'>>();
conforms<Takes<SimRangeFormat, Excel.RangeFormat, 'autofitColumns' | 'autofitRows'>>();
conforms<Reads<SimWorksheet, Excel.Worksheet, 'name' | 'id' | 'position' | 'isNullObject'>>();
conforms<Takes<SimWorksheet, Excel.Worksheet, 'getRange' | 'getRangeByIndexes' | 'getCell' | 'getUsedRange' | 'getUsedRangeOrNullObject' | 'activate' | 'delete'>>();
conforms<Reads<SimWorksheetProtection, Excel.WorksheetProtection, 'protected'>>();
conforms<Reads<SimWorkbookProtection, Excel.WorkbookProtection, 'protected'>>();
conforms<Takes<SimWorksheetCollection, Excel.WorksheetCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'getActiveWorksheet'>>();
conforms<Takes<SimWorkbookProxy, Excel.Workbook, 'getSelectedRange' | 'getActiveCell'>>();
// paperSize reads as text of any paper name here; the adapter only writes 'A4'.
conforms<Reads<SimPageLayoutProxy, Excel.PageLayout, 'orientation'>>();
conforms<Reads<SimChartCollection, Excel.ChartCollection, 'count'>>();
conforms<Reads<SimChart, Excel.Chart, 'name'>>();
// Methods taking a Range (setPosition, charts.add, getIntersectionOrNullObject) take the sim's own SimRange.
conforms<Takes<SimEventHandlerResult, OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>, 'remove'>>();
conforms<Takes<SimRequestContext, Excel.RequestContext, 'sync'>>();

/**
 * The simulated Excel.run as the adapter's ExcelRunner. The one cast left: the proxies above
 * conform member by member, but not in full (the sim has only what the adapter uses).
 */
export function simExcelRunner(excel: SimExcel): SimExcelRunner {
  return ((options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    excel.run(options, batch as unknown as (context: SimRequestContext) => Promise<unknown>)) as SimExcelRunner;
}
