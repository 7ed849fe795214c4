/** Simulated Excel: a strict stand-in for the Excel JavaScript API (tests, demo). */
export { SimWorkbook, SimSheet, PAYLOAD_LIMIT_BYTES, writeInput, sheetToGrid, type InjectedFailure, type SyncRecord } from './workbook';
export { SimOfficeError, SIM_ERROR } from './errors';
export { SimRequestContext } from './api';
export { createSimExcel, createSimOffice, type SimExcel, type SimOffice } from './office';
export { installSimulatedOffice } from './browser';
export { EXCEL_API_MEMBERS, OFFICE_EXCEL_API, memberSupported, type ExcelApiMember } from './requirements';
export { simExcelRunner } from './conformance';
