/**
 * Rendering the core's SheetSpec (the 考评汇总 sheet) through the ET object model: one 2-D
 * Value2 write for all text and numbers (text with the apostrophe prefix, so nothing is
 * taken as a formula), formats per rectangle of equal style (styleBlocks, shared with the
 * Office.js adapter), merges, column widths in characters and row heights. The native chart
 * the Office.js adapter adds is left out here: WPS builds differ in Shapes.AddChart2/AddChart,
 * and the table and notice carry the content.
 */
import { a1, type SheetSpec, type SpecStyle } from '../core';
import { specValues, styleBlocks } from '../excel/summary';
import { XL_CENTER, XL_LEFT, XL_RIGHT, type EtSheetLike } from './et';

interface StyleDef {
  font: string;
  size: number;
  bold?: boolean;
  /** BGR integers, as ET (like VBA's RGB()) takes colours. */
  color?: number;
  fill?: number;
  align: number;
  wrap?: boolean;
}

const GREY_F2 = 0xf2f2f2;
const GREY_80 = 0x808080;

const STYLES: Record<SpecStyle, StyleDef> = {
  title: { font: '宋体', size: 16, bold: true, align: XL_CENTER },
  subtitle: { font: '仿宋', size: 12, align: XL_CENTER },
  section: { font: '黑体', size: 12, bold: true, align: XL_LEFT },
  header: { font: '宋体', size: 11, bold: true, fill: GREY_F2, align: XL_CENTER },
  text: { font: '宋体', size: 11, align: XL_LEFT },
  number: { font: '宋体', size: 11, align: XL_RIGHT },
  notice: { font: '仿宋', size: 12, align: XL_LEFT, wrap: true },
  footer: { font: '宋体', size: 9, color: GREY_80, align: XL_LEFT },
  // ET colours are BGR like VBA's RGB(): dark red RGB(192, 0, 0) is 0x0000c0.
  warning: { font: '宋体', size: 12, bold: true, color: 0x0000c0, align: XL_LEFT, wrap: true },
  internal: { font: '黑体', size: 12, bold: true, color: 0x595959, align: XL_LEFT },
};

/** Render `spec` onto the (new, empty) sheet; returns the whole-range writes it made. */
export function renderSpec(sheet: EtSheetLike, spec: SheetSpec): number {
  let calls = 0;
  const values = specValues(spec);
  if (values.length) {
    const width = values[0]!.length;
    sheet.Range(`A1:${a1(values.length - 1, width - 1)}`).Value2 = values.map((row) => row.map((v) => (v === null ? '' : v)));
    calls += 1;
  }
  for (const block of styleBlocks(spec)) {
    const def = STYLES[block.style];
    const range = sheet.Range(`${a1(block.top, block.left)}:${a1(block.bottom, block.right)}`);
    range.Font.Name = def.font;
    range.Font.Size = def.size;
    if (def.bold) range.Font.Bold = true;
    if (def.color !== undefined) range.Font.Color = def.color;
    if (def.fill !== undefined) range.Interior.Color = def.fill;
    range.HorizontalAlignment = def.align;
    if (def.wrap) range.WrapText = true;
  }
  for (const m of spec.merges) sheet.Range(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).Merge();
  spec.columnWidths.forEach((chars, c) => {
    sheet.Range(a1(0, c)).ColumnWidth = chars;
  });
  const lineChars = spec.columnWidths.reduce((n, w) => n + w, 0) / 2;
  spec.rows.forEach((row, r) => {
    const cell = row[0];
    if (cell?.style === 'notice' && typeof cell.value === 'string') {
      sheet.Range(a1(r, 0)).RowHeight = 18 * Math.max(1, Math.ceil(cell.value.length / Math.max(10, lineChars)));
    }
    if (cell?.style === 'title') sheet.Range(a1(r, 0)).RowHeight = 30;
  });
  return calls;
}
