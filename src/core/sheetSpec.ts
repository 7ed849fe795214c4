/**
 * A host-independent description of a sheet the product writes itself (the 考评汇总 summary).
 * The Office.js and exceljs adapters both render it, so the two hosts produce the same sheet.
 */
import type { CellRange } from './grid';

export type SpecStyle =
  | 'title'      // 方正小标宋/宋体 16 bold, centred, merged across the table
  | 'subtitle'   // 仿宋 12, centred
  | 'section'    // 黑体/宋体 12 bold, left: "一、各类别得分概况"
  | 'header'     // 宋体 11 bold, bordered, centred, light fill
  | 'text'       // 宋体 11, bordered
  | 'number'     // 宋体 11, bordered, right-aligned, number format "0.##"
  | 'notice'     // 仿宋 12, wrapped, merged across the table: notice lines to copy
  | 'footer';    // 宋体 9 grey: marks the sheet as the product's own

export interface SpecCell {
  /** Text is always written as text (never as a formula), whatever it begins with. */
  value: string | number | null;
  style: SpecStyle;
}

export interface SheetSpec {
  name: string;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Rows from row 1; a row is its cells from column A. */
  rows: SpecCell[][];
  /** Merged areas, 0-based from A1. */
  merges: CellRange[];
  /** A clustered column chart of totals, when there is anything to chart. */
  chart: { title: string; categories: CellRange; values: CellRange; seriesName: string; anchor: CellRange } | null;
  /** Print setup: A4 portrait, fit to one page wide. */
  print: { paperSize: 'A4'; orientation: 'portrait'; fitToWidth: 1 };
}

/** Text in the footer row of every summary sheet the product writes: how it recognises its own. */
export const SUMMARY_MARKER = '本表由政务信息考评助手生成';
export const SUMMARY_SHEET_NAME = '考评汇总';
