/**
 * Which ExcelApi requirement set introduced each member the simulated Excel offers, as
 * Microsoft documents it (the "[Api set: ExcelApi x]" notes of @types/office-js, which are
 * generated from the reference on learn.microsoft.com). A member of a newer set than the
 * workbook reports fails with ApiNotFound, as on an Excel that predates it, and is logged
 * in `SimWorkbook.apiNotFound` so a test sees it even where the adapter swallows the error.
 */
import { SimOfficeError } from './errors';
import type { SimWorkbook } from './workbook';

export const EXCEL_API_MEMBERS = {
  'Workbook.protection': '1.7',
  'Workbook.getActiveCell': '1.7',
  'WorkbookProtection.protected': '1.7',
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'WorksheetCollection.onActivated': '1.7',
  'Worksheet.protection': '1.2',
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'Worksheet.pageLayout': '1.9',
  'Worksheet.onChanged': '1.7',
  'WorksheetProtection.protected': '1.2',
  'WorksheetChangedEventArgs.triggerSource': '1.14',
  'Range.merge': '1.2',
  'Range.unmerge': '1.2',
  'Range.rowHidden': '1.2',
  'Range.getIntersectionOrNullObject': '1.4',
  'Range.getSpecialCellsOrNullObject': '1.9',
  'Range.getMergedAreasOrNullObject': '1.13',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.rowHeight': '1.2',
  'RangeFormat.autofitColumns': '1.2',
  'RangeFormat.autofitRows': '1.2',
  'Chart.chartType': '1.7',
  'ChartAxis.reversePlotOrder': '1.7',
  'RunOptions.delayForCellEdit': '1.11',
  'RunOptions.mergeUndoGroup': '1.20',
} as const;

export type ExcelApiMember = keyof typeof EXCEL_API_MEMBERS;

/** The highest ExcelApi set of each Office the county PCs run (Microsoft's requirement-set table). */
export const OFFICE_EXCEL_API = {
  /** Excel 2016 bought once: ExcelApi 1.1 only (1.2 with later updates). */
  office2016: '1.2',
  /** Office 2019 bought once; issue #11 counts it as 1.7 (some builds report 1.8). */
  office2019: '1.7',
  /** Office LTSC 2021 (Version 2108). */
  ltsc2021: '1.14',
  /** Office 2024 / LTSC 2024. */
  office2024: '1.17',
  /** Microsoft 365 and Excel on the web today. */
  microsoft365: '1.20',
} as const;

export function memberSupported(sim: SimWorkbook, member: ExcelApiMember): boolean {
  return sim.isSetSupported('ExcelApi', EXCEL_API_MEMBERS[member]);
}

/** Fail as an Excel without the member's set does; logged so tests can assert none was used. */
export function requireMember(sim: SimWorkbook, member: ExcelApiMember): void {
  if (memberSupported(sim, member)) return;
  sim.apiNotFound.push(member);
  throw new SimOfficeError('ApiNotFound', `${member} needs ExcelApi ${EXCEL_API_MEMBERS[member]}, which this Excel (ExcelApi ${sim.requirements.ExcelApi ?? 'none'}) does not support.`);
}

/** Property names of a type that belong to a set: `Range` → { rowHidden: '1.2', … } (for load()). */
export function gatedProps(type: string): ReadonlyMap<string, ExcelApiMember> {
  let map = byType.get(type);
  if (!map) {
    map = new Map();
    for (const member of Object.keys(EXCEL_API_MEMBERS) as ExcelApiMember[]) {
      const [owner, name] = member.split('.') as [string, string];
      if (owner === type) map.set(name, member);
    }
    byType.set(type, map);
  }
  return map;
}

const byType = new Map<string, Map<string, ExcelApiMember>>();
