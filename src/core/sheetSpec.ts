/**
 * A host-independent description of a sheet the product writes itself (the 考评汇总 summary).
 * The Office.js and exceljs adapters both render it, so the two hosts produce the same sheet.
 */
import type { CellRange } from './grid';
import { SHEET_WORDS } from './words';

export type SpecStyle =
  | 'title'      // 方正小标宋/宋体 16 bold, centred, merged across the table
  | 'subtitle'   // 仿宋 12, centred
  | 'section'    // 黑体/宋体 12 bold, left: "一、各类别得分概况"
  | 'header'     // 宋体 11 bold, bordered, centred, light fill
  | 'text'       // 宋体 11, bordered
  | 'number'     // 宋体 11, bordered, right-aligned, number format "0.##"
  | 'notice'     // 仿宋 12, wrapped, merged across the table: notice lines to copy
  | 'footer'     // 宋体 9 grey: marks the sheet as the product's own
  | 'warning'    // 宋体 12 bold red, merged: the source sheet had errors when this was made
  | 'internal';  // 黑体 12 bold grey: heading of the block kept for the office, not handed out

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
  /**
   * One bar chart of totals per category (scales differ between categories, and unit names
   * read across, not under, a bar), each from its own block of the data table.
   */
  charts: ChartSpec[];
  /**
   * Print setup: A4 portrait, fit to one page wide. `header` and `footer` are the centre of the
   * printed page header and footer, in Excel's header codes (&P page number, &N page count, && for &).
   */
  print: { paperSize: 'A4'; orientation: 'portrait'; fitToWidth: 1; header: string; footer: string };
}

export interface ChartSpec {
  title: string;
  /** Horizontal bars: long Chinese unit names stay readable as category labels. */
  type: 'BarClustered';
  categories: CellRange;
  values: CellRange;
  seriesName: string;
  anchor: CellRange;
}

/** Text in the footer row of every summary sheet the product writes: how it recognises its own. */
export const SUMMARY_MARKER = '本表由政务信息考评助手生成';
export const SUMMARY_SHEET_NAME = SHEET_WORDS.summary;
export const YEAR_SHEET_NAME = SHEET_WORDS.year;
