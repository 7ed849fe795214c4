/**
 * The Excel JavaScript API subset the adapter uses, over a SimWorkbook: one file per proxy
 * (see context.ts for how statements queue and sync).
 */
export { SimRequestContext, type SimRunOptions, type StagedLoad } from './context';
export { SimObject } from './object';
export { SimWorkbookProxy, SimWorkbookProtection, SimWorksheetCollection } from './workbookProxy';
export { SimEventHandlerResult } from './events';
export { SimWorksheet, SimWorksheetProtection } from './worksheet';
export { SimPageLayoutProxy } from './pageLayout';
export { SimChartCollection, SimChart } from './charts';
export { SimRange, SimRangeAreas, parseRangeAddress, type RangeTarget } from './range';
export { SimRangeFormat, SimFormatPart, SimBorder } from './format';
/** Column letter helper re-exported for tests that build addresses. */
export { a1, columnLetter } from '../core/grid';
