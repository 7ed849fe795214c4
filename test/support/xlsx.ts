/**
 * Build small .xlsx workbooks in tests from 2-D arrays, and read them back.
 * Strings are always stored as text (so "=1+1" stays text); formulas must be asked for.
 */
import { Workbook, type Cell, type Worksheet } from 'exceljs';
import { promises as fs } from 'node:fs';
import { setFormula } from '../../src/xlsx/workbook';

export type XlsxScalar = string | number | boolean | null | Date;

/** One cell: a plain value, or a value with extras. */
export type XlsxCell =
  | XlsxScalar
  | undefined
  | { formula: string; result?: string | number | boolean; numFmt?: string }
  | { richText: string[] }
  | { error: string }
  | { value: XlsxScalar; numFmt?: string; bold?: boolean };

export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
  /** A1 address of rows[0][0]; default "A1". */
  origin?: string;
  /** Merged areas as A1 ranges, e.g. "A1:F1". */
  merges?: string[];
  /** 1-based sheet row numbers to hide. */
  hidden?: number[];
  /** Column widths in characters, from column A. */
  widths?: number[];
  /** Give every non-empty cell a bordered 宋体 11 style (one shared object, as files read back have). */
  styled?: boolean;
}

const BORDER = { style: 'thin' as const };
const TABLE_STYLE = {
  font: { name: '宋体', size: 11 },
  border: { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER },
  alignment: { horizontal: 'center' as const, vertical: 'middle' as const },
};

function originOf(address: string | undefined): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address ?? 'A1');
  if (!m) throw new Error(`bad origin ${address}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function setCell(cell: Cell, content: XlsxCell): void {
  if (content === undefined || content === null || content === '') return;
  if (typeof content !== 'object' || content instanceof Date) {
    cell.value = content;
    return;
  }
  if ('formula' in content) {
    setFormula(cell, content.formula.replace(/^=/, ''), content.result ?? null);
    if (content.numFmt) cell.numFmt = content.numFmt;
  } else if ('richText' in content) {
    cell.value = { richText: content.richText.map((text) => ({ text })) };
  } else if ('error' in content) {
    cell.value = { error: content.error } as Cell['value'];
  } else {
    cell.value = content.value;
    if (content.numFmt) cell.numFmt = content.numFmt;
    if (content.bold) cell.font = { ...(cell.font ?? {}), bold: true };
  }
}

export function addSheet(workbook: Workbook, sheet: XlsxSheet): Worksheet {
  const ws = workbook.addWorksheet(sheet.name);
  const origin = originOf(sheet.origin);
  sheet.widths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  sheet.rows.forEach((row, r) => {
    row.forEach((content, c) => {
      const cell = ws.getCell(origin.row + r, origin.col + c);
      if (sheet.styled && content !== undefined && content !== null && content !== '') cell.style = TABLE_STYLE;
      setCell(cell, content);
    });
  });
  for (const ref of sheet.merges ?? []) ws.mergeCells(ref);
  for (const n of sheet.hidden ?? []) ws.getRow(n).hidden = true;
  return ws;
}

export function buildWorkbook(sheets: XlsxSheet[]): Workbook {
  const workbook = new Workbook();
  for (const sheet of sheets) addSheet(workbook, sheet);
  return workbook;
}

export async function buildXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  return Buffer.from(await buildWorkbook(sheets).xlsx.writeBuffer());
}

export async function writeXlsx(file: string, sheets: XlsxSheet[]): Promise<void> {
  await fs.writeFile(file, await buildXlsx(sheets));
}

export async function readXlsx(fileOrData: string | Uint8Array): Promise<Workbook> {
  const data = typeof fileOrData === 'string' ? await fs.readFile(fileOrData) : fileOrData;
  const workbook = new Workbook();
  await workbook.xlsx.load(data as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return workbook;
}

/**
 * A simple score sheet in the office's layout: title row, header row, then for each category
 * a category row followed by its units' [name, base, adoption, bonus] rows.
 */
export function scoreSheetRows(
  categories: Array<{ name: string; units: Array<[string, XlsxCell, XlsxCell, XlsxCell]> }>,
  title = '2023年7—9月份全县政务信息得分情况',
): XlsxCell[][] {
  const rows: XlsxCell[][] = [[title], ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名']];
  for (const c of categories) {
    rows.push([c.name]);
    for (const u of c.units) rows.push([...u]);
  }
  return rows;
}
