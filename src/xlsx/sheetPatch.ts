/**
 * Change the planned cells of one worksheet part and nothing else. From where its rows and
 * cells lie (sheetLayout.ts), each planned cell's `<c>` is replaced (or a new one inserted in
 * column order, or a new `<row>` in row order), and every other byte of the part is copied as it was: sheetProtection,
 * dataValidations, conditionalFormatting, extLst, sheetViews, merges, hyperlinks, …
 */
import type { CellContent } from '../core';
import { areaRef, cellXml, refOf, type Area } from './cells';
import { cellStyle, layoutFor, VALUE_ATTRS, type SheetLayout } from './sheetLayout';
import { escapeXml, openTagOf, setAttribute, Splicer } from './xml';

export interface CellEdit {
  /** 0-based. */
  row: number;
  col: number;
  content: CellContent;
  /** A cell without a style of its own takes the look of its left neighbour (a new 标记 column). */
  borrowLeftStyle: boolean;
}

/** What cannot be written in place, named for the message. */
export class InPlaceError extends Error {
  constructor(
    readonly reason: 'arrayFormula' | 'mergedCell' | 'badPart',
    readonly cell: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'InPlaceError';
  }
}

export interface PatchOptions {
  /**
   * The formula (without "=") of a cell that borrows a shared formula, translated to that
   * cell. Needed when a planned cell is the master of a shared formula: its other cells get
   * their own formula so they do not point at a master that no longer has one.
   */
  sharedFormulaOf?: ((row: number, col: number) => string | null) | undefined;
  /** Where the part's rows and cells lie, as the reader recorded them: spares a second walk of the part. */
  layout?: SheetLayout | undefined;
}


function keptAttributes(attrs: Record<string, string> | undefined): string {
  let out = '';
  if (attrs) for (const name in attrs) if (!VALUE_ATTRS.has(name)) out += ` ${name}="${escapeXml(attrs[name]!)}"`;
  return out;
}

export function patchSheetXml(xml: string, edits: readonly CellEdit[], options: PatchOptions = {}): string {
  if (edits.length === 0) return xml;
  const layout = layoutFor(xml, options.layout);
  if (layout.badCellRef !== null) throw new InPlaceError('badPart', layout.badCellRef, `bad cell reference ${layout.badCellRef}`);
  const byRow = new Map<number, CellEdit[]>();
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const e of edits) {
    let list = byRow.get(e.row);
    if (!list) byRow.set(e.row, (list = []));
    list.push(e);
    if (e.row < top) top = e.row;
    if (e.row > bottom) bottom = e.row;
    if (e.col < left) left = e.col;
    if (e.col > right) right = e.col;
  }
  const bounds: Area = { top, left, bottom, right };
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
  const rowsToDo = [...byRow.keys()].sort((a, b) => a - b);
  let nextRow = 0; // index into rowsToDo

  const out = new Splicer(xml);
  const { prefix, colStyles, rows, cells } = layout;

  // The row being written.
  let rowNumber = -1;
  let rowStyle: string | null = null;
  let pending: CellEdit[] = [];
  let leftStyle: { col: number; style: string | null } | null = null;
  /** Shared-formula groups whose master was overwritten: their other cells get their own formula. */
  const detached = new Set<string>();

  const styleFor = (e: CellEdit, own: string | null): string | null => {
    if (own !== null && own !== '0') return own;
    if (e.borrowLeftStyle && leftStyle && leftStyle.col === e.col - 1 && leftStyle.style !== null) return leftStyle.style;
    if (own !== null) return own;
    // As a new cell in Excel: the row's format if it has one, else the column's.
    if (rowStyle !== null) return rowStyle;
    const col = colStyles.find((c) => e.col + 1 >= c.min && e.col + 1 <= c.max);
    return col ? col.style : null;
  };
  const newCell = (e: CellEdit): string => {
    const style = styleFor(e, null);
    leftStyle = { col: e.col, style };
    return cellXml(prefix, refOf(e.row, e.col), style, e.content);
  };
  const newCellsBefore = (col: number): string => {
    let text = '';
    while (pending.length > 0 && pending[0]!.col < col) text += newCell(pending.shift()!);
    return text;
  };
  const newRowsBefore = (row: number): string => {
    let text = '';
    while (nextRow < rowsToDo.length && rowsToDo[nextRow]! < row) {
      const r = rowsToDo[nextRow++]!;
      rowStyle = null;
      leftStyle = null;
      pending = [...byRow.get(r)!];
      text += `<${prefix}row r="${r + 1}">${newCellsBefore(Infinity)}</${prefix}row>`;
    }
    return text;
  };

  for (const dimension of layout.dimensions) {
    const old = dimension.area;
    const grown = old
      ? { top: Math.min(old.top, bounds.top), left: Math.min(old.left, bounds.left), bottom: Math.max(old.bottom, bounds.bottom), right: Math.max(old.right, bounds.right) }
      : bounds;
    // Readers that trust the dimension (openpyxl's read-only mode) would miss a new 标记 column.
    if (!old || areaRef(grown) !== areaRef(old)) out.replace(dimension.start, dimension.openEnd, setAttribute(xml.slice(dimension.start, dimension.openEnd), 'ref', areaRef(grown)));
  }
  const sheetData = layout.sheetData;
  if (sheetData?.selfClosing) {
    out.replace(sheetData.start, sheetData.openEnd, `${openTagOf(xml.slice(sheetData.start, sheetData.openEnd))}${newRowsBefore(Infinity)}</${sheetData.name}>`);
  } else if (sheetData) {
    for (let i = 0; i < rows.number.length; i++) {
      const r = rows.number[i]!;
      const before = newRowsBefore(r);
      if (before) out.insert(rows.start[i]!, before);
      rowNumber = r;
      rowStyle = rows.style[i]!;
      leftStyle = null;
      pending = [];
      const selfClosing = rows.selfClosing[i]!;
      if (nextRow < rowsToDo.length && rowsToDo[nextRow] === r) {
        pending = [...byRow.get(r)!];
        nextRow++;
        const tag = xml.slice(rows.start[i], rows.openEnd[i]);
        let text = tag;
        const spans = /^(\d+):(\d+)$/.exec(rows.spans[i] ?? '');
        if (spans) {
          const lo = Math.min(Number(spans[1]), pending[0]!.col + 1);
          const hi = Math.max(Number(spans[2]), pending[pending.length - 1]!.col + 1);
          if (lo !== Number(spans[1]) || hi !== Number(spans[2])) text = setAttribute(text, 'spans', `${lo}:${hi}`);
        }
        if (selfClosing) text = `${openTagOf(text)}${newCellsBefore(Infinity)}</${rows.name[i]}>`;
        if (text !== tag) out.replace(rows.start[i]!, rows.openEnd[i]!, text);
      }
      // A row that is not planned, among no shared formula to detach, needs no look at its cells.
      if (pending.length === 0 && detached.size === 0) continue;
      const lastCell = i + 1 < rows.firstCell.length ? rows.firstCell[i + 1]! : cells.col.length;
      for (let c = rows.firstCell[i]!; c < lastCell; c++) {
        const col = cells.col[c]!;
        const start = cells.start[c]!;
        const cellsBefore = newCellsBefore(col);
        if (cellsBefore) out.insert(start, cellsBefore);
        const edit = pending.length > 0 && pending[0]!.col === col ? pending.shift()! : null;
        const formula = layout.formulas.get(c);
        if (edit) {
          if (formula?.type === 'array') throw new InPlaceError('arrayFormula', refOf(rowNumber, col), `${refOf(rowNumber, col)} is part of an array formula`);
          if (formula?.type === 'shared' && formula.hasRef && formula.sharedIndex !== undefined) detached.add(formula.sharedIndex);
          const style = styleFor(edit, cellStyle(layout, c));
          leftStyle = { col, style };
          out.replace(start, cells.end[c]!, cellXml(prefix, refOf(rowNumber, col), style, edit.content, keptAttributes(layout.unusual.get(c))));
          continue;
        }
        leftStyle = { col, style: cellStyle(layout, c) };
        if (formula?.type === 'shared' && formula.sharedIndex !== undefined && !formula.hasRef && detached.has(formula.sharedIndex)) {
          const text = options.sharedFormulaOf?.(rowNumber, col) ?? null;
          if (text === null) throw new InPlaceError('badPart', refOf(rowNumber, col), `no formula for ${refOf(rowNumber, col)}`);
          out.replace(formula.start, formula.end, `<${formula.name}>${escapeXml(text)}</${formula.name}>`);
        }
      }
      if (!selfClosing && pending.length > 0) out.insert(rows.closeStart[i]!, newCellsBefore(Infinity));
      pending = [];
    }
    const rest = newRowsBefore(Infinity);
    if (rest) out.insert(sheetData.closeStart, rest);
  }
  if (nextRow < rowsToDo.length) throw new InPlaceError('badPart', null, 'the worksheet has no sheetData');
  return out.toString();
}
