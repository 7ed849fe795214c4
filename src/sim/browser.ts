/**
 * Browser entry of the simulated Excel: defines window.Office, window.Excel and
 * window.OfficeExtension backed by a SimWorkbook, so the real task pane and adapter run
 * unchanged in the demo and the end-to-end tests. Re-render a visible grid with
 * `workbook.onChange(listener)` (called after every sync that changed something).
 */
import { SimOfficeError } from './errors';
import { createSimExcel, createSimOffice, type SimExcel, type SimOffice } from './office';
import type { SimWorkbook } from './workbook';

export interface InstallOptions {
  displayLanguage?: string;
  /** The highest ExcelApi set to report (the demo's ?excelApi=1.7 shows the pane as on Office 2019). */
  excelApi?: string | null;
}

export interface InstalledSimOffice {
  office: SimOffice & { failNextSave(message?: string): void };
  excel: SimExcel;
  /** Remove window.Office / window.Excel / window.OfficeExtension again. */
  uninstall(): void;
}

export function installSimulatedOffice(target: object, workbook: SimWorkbook, options: InstallOptions = {}): InstalledSimOffice {
  const win = target as Record<string, unknown>;
  if (options.excelApi && /^1\.\d{1,2}$/.test(options.excelApi)) workbook.requirements = { ...workbook.requirements, ExcelApi: options.excelApi };
  const office = createSimOffice(workbook, options);
  const excel = createSimExcel(workbook);
  const previous = { Office: win.Office, Excel: win.Excel, OfficeExtension: win.OfficeExtension };
  win.Office = office;
  win.Excel = excel;
  win.OfficeExtension = { Error: SimOfficeError, ErrorCodes: { connectionFailure: 'ConnectionFailure', propertyNotLoaded: 'PropertyNotLoaded' } };
  return {
    office,
    excel,
    uninstall() {
      win.Office = previous.Office;
      win.Excel = previous.Excel;
      win.OfficeExtension = previous.OfficeExtension;
    },
  };
}

export { SimWorkbook } from './workbook';
