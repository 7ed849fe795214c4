/**
 * Rendering the core's SheetSpec (the 考评汇总 sheet) with Office.js in one batch: one 2-D
 * values write for all text and numbers, formats applied per rectangle of equal style (not
 * per cell), merges, widths, A4 page setup with the period and page numbers in the printed
 * header and footer where supported, and a native bar chart per category. Which sheet is the
 * product's own is core/ownSheets' rule.
 */
import { a1, type CellRange, type SheetSpec, type SpecStyle } from '../core';
import type { OfficeLike } from './office';

interface StyleDef {
  font: string;
  size: number;
  bold?: boolean;
  color?: string;
  fill?: string;
  align?: 'Left' | 'Center' | 'Right';
  wrap?: boolean;
  border?: boolean;
}

const STYLES: Record<SpecStyle, StyleDef> = {
  title: { font: '宋体', size: 16, bold: true, align: 'Center' },
  subtitle: { font: '仿宋', size: 12, align: 'Center' },
  section: { font: '黑体', size: 12, bold: true, align: 'Left' },
  header: { font: '宋体', size: 11, bold: true, fill: '#F2F2F2', align: 'Center', border: true },
  text: { font: '宋体', size: 11, align: 'Left', border: true },
  number: { font: '宋体', size: 11, align: 'Right', border: true },
  notice: { font: '仿宋', size: 12, align: 'Left', wrap: true },
  footer: { font: '宋体', size: 9, color: '#808080', align: 'Left' },
  warning: { font: '宋体', size: 12, bold: true, color: '#C00000', align: 'Left', wrap: true },
  internal: { font: '黑体', size: 12, bold: true, color: '#595959', align: 'Left' },
};

/** Excel column width in points for a width in characters (7 px per character + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

interface StyleBlock extends CellRange {
  style: SpecStyle;
}

/** Rectangles of equal style: runs along each row, then equal runs of consecutive rows joined. */
export function styleBlocks(spec: SheetSpec): StyleBlock[] {
  const width = specWidth(spec);
  const styleAt: (SpecStyle | null)[][] = spec.rows.map((row) => {
    const line: (SpecStyle | null)[] = Array.from({ length: width }, () => null);
    row.forEach((cell, c) => {
      line[c] = cell.style;
    });
    return line;
  });
  // A merged area takes the style of its top-left cell (so borders and wrapping cover it).
  for (const m of spec.merges) {
    const style = styleAt[m.top]?.[m.left];
    if (!style) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (styleAt[r]) styleAt[r]![c] = style;
  }
  const blocks: StyleBlock[] = [];
  const open = new Map<string, StyleBlock>();
  styleAt.forEach((line, r) => {
    const seen = new Set<string>();
    let c = 0;
    while (c < width) {
      const style = line[c];
      if (!style) {
        c += 1;
        continue;
      }
      let end = c;
      while (end + 1 < width && line[end + 1] === style) end += 1;
      const k = `${c}:${end}:${style}`;
      const prev = open.get(k);
      if (prev && prev.bottom === r - 1) {
        prev.bottom = r;
      } else {
        const block = { top: r, bottom: r, left: c, right: end, style };
        blocks.push(block);
        open.set(k, block);
      }
      seen.add(k);
      c = end + 1;
    }
  });
  return blocks;
}

function specWidth(spec: SheetSpec): number {
  return Math.max(spec.columnWidths.length, ...spec.rows.map((r) => r.length), 1);
}

/** The sheet's values as one 2-D write: text always as text (apostrophe prefix), numbers as numbers. */
export function specValues(spec: SheetSpec): (string | number | null)[][] {
  const width = specWidth(spec);
  return spec.rows.map((row) => Array.from({ length: width }, (_, c) => {
    const v = row[c]?.value;
    if (v === undefined || v === null || v === '') return null;
    return typeof v === 'string' ? "'" + v : v;
  }));
}

/** Queue everything that renders `spec` onto the (new, empty) `sheet`. */
export function queueRenderSpec(sheet: Excel.Worksheet, spec: SheetSpec, office: OfficeLike): void {
  const width = specWidth(spec);
  if (spec.rows.length) sheet.getRangeByIndexes(0, 0, spec.rows.length, width).values = specValues(spec);
  for (const block of styleBlocks(spec)) {
    const def = STYLES[block.style];
    const range = sheet.getRangeByIndexes(block.top, block.left, block.bottom - block.top + 1, block.right - block.left + 1);
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- format is written, not read
    const format = range.format;
    format.font.name = def.font;
    format.font.size = def.size;
    if (def.bold) format.font.bold = true;
    if (def.color) format.font.color = def.color;
    if (def.fill) format.fill.color = def.fill;
    if (def.align) format.horizontalAlignment = def.align;
    format.verticalAlignment = 'Center';
    if (def.wrap) format.wrapText = true;
    if (def.border) {
      const edges: Array<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical'> = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (block.bottom > block.top) edges.push('InsideHorizontal');
      if (block.right > block.left) edges.push('InsideVertical');
      for (const edge of edges) format.borders.getItem(edge).style = 'Continuous';
    }
  }
  for (const m of spec.merges) {
    sheet.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
  }
  spec.columnWidths.forEach((chars, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = charsToPoints(chars);
  });
  // Merged, wrapped notice rows do not grow by themselves: size them for their text.
  const lineChars = spec.columnWidths.reduce((n, w) => n + w, 0) / 2;
  spec.rows.forEach((row, r) => {
    const cell = row[0];
    if (cell?.style === 'notice' && typeof cell.value === 'string') {
      const lines = Math.max(1, Math.ceil(cell.value.length / Math.max(10, lineChars)));
      // Excel's tallest row is 409 pt (#9).
      sheet.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = Math.min(409, 18 * lines);
    }
    if (cell?.style === 'title') sheet.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = 30;
  });
  for (const c of spec.charts) {
    const { categories, values } = c;
    const source = sheet.getRangeByIndexes(categories.top, categories.left, categories.bottom - categories.top + 1, values.right - categories.left + 1);
    const chart = sheet.charts.add(c.type, source, 'Columns');
    chart.title.text = c.title;
    // One series: its legend would only repeat the title.
    chart.legend.visible = false;
    // Bars run top to bottom in the data's (rank) order, as a reader expects a ranking.
    if (office.context.requirements.isSetSupported('ExcelApi', '1.7')) chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(a1(c.anchor.top, c.anchor.left), a1(c.anchor.bottom, c.anchor.right));
  }
  if (office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    sheet.pageLayout.paperSize = 'A4';
    sheet.pageLayout.orientation = 'Portrait';
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    // The period and page numbers on every printed page (ExcelApi 1.9, like the page setup).
    const pages = sheet.pageLayout.headersFooters.defaultForAllPages;
    pages.centerHeader = spec.print.header;
    pages.centerFooter = spec.print.footer;
  }
}
