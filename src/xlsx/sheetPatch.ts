/**
 * Change the planned cells of one worksheet part and nothing else. The part is walked once with
 * saxes; each planned cell's `<c>` is replaced (or a new one inserted in column order, or a new
 * `<row>` in row order), and every other byte of the part is copied as it was: sheetProtection,
 * dataValidations, conditionalFormatting, extLst, sheetViews, merges, hyperlinks, …
 */
import type { CellContent } from '../core';
import { areaRef, cellXml, parseArea, parseRef, refOf, type Area } from './cells';
import { escapeXml, openTagOf, setAttribute, Splicer, walkXml, type CloseEvent, type ElementEvent, type XmlVisitor } from './xml';

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
}


/** Attributes of a replaced cell that belong to its old value, not to the cell. */
const VALUE_ATTRS = new Set(['r', 's', 't', 'cm', 'vm']);

function keptAttributes(attrs: Record<string, string>): string {
  let out = '';
  for (const name in attrs) if (!VALUE_ATTRS.has(name)) out += ` ${name}="${escapeXml(attrs[name]!)}"`;
  return out;
}

interface ColStyle {
  min: number;
  max: number;
  style: string;
}

export function patchSheetXml(xml: string, edits: readonly CellEdit[], options: PatchOptions = {}): string {
  if (edits.length === 0) return xml;
  const byRow = new Map<number, CellEdit[]>();
  let bounds: Area | null = null;
  for (const e of edits) {
    let list = byRow.get(e.row);
    if (!list) byRow.set(e.row, (list = []));
    list.push(e);
    bounds = bounds
      ? { top: Math.min(bounds.top, e.row), left: Math.min(bounds.left, e.col), bottom: Math.max(bounds.bottom, e.row), right: Math.max(bounds.right, e.col) }
      : { top: e.row, left: e.col, bottom: e.row, right: e.col };
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
  const rowsToDo = [...byRow.keys()].sort((a, b) => a - b);
  let nextRow = 0; // index into rowsToDo

  const out = new Splicer(xml);
  const colStyles: ColStyle[] = [];
  let prefix = '';
  let sheetDataDepth = -1;
  let done = false;

  // The row being walked.
  let rowNumber = -1;
  let rowStyle: string | null = null;
  let pending: CellEdit[] = [];
  let lastCol = -1;
  let leftStyle: { col: number; style: string | null } | null = null;
  // The cell being walked.
  let cell: ElementEvent | null = null;
  let cellCol = -1;
  let cellEdit: CellEdit | null = null;
  /** Shared-formula groups whose master was overwritten: their other cells get their own formula. */
  const detached = new Set<string>();
  let formula: ElementEvent | null = null;

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

  const visitor: XmlVisitor = {
    open(el) {
      if (done) return;
      if (el.depth === 0) prefix = el.name.slice(0, el.name.length - el.local.length);
      if (sheetDataDepth < 0) {
        if (el.local === 'dimension' && el.depth === 1 && bounds) {
          const old = parseArea(el.attributes.ref ?? '');
          const grown = old
            ? { top: Math.min(old.top, bounds.top), left: Math.min(old.left, bounds.left), bottom: Math.max(old.bottom, bounds.bottom), right: Math.max(old.right, bounds.right) }
            : bounds;
          // Readers that trust the dimension (openpyxl's read-only mode) would miss a new 标记 column.
          if (!old || areaRef(grown) !== areaRef(old)) out.replace(el.start, el.openEnd, setAttribute(xml.slice(el.start, el.openEnd), 'ref', areaRef(grown)));
        } else if (el.local === 'col' && el.attributes.style !== undefined) {
          colStyles.push({ min: Number(el.attributes.min), max: Number(el.attributes.max), style: el.attributes.style });
        } else if (el.local === 'sheetData' && el.depth === 1) {
          sheetDataDepth = el.depth;
          if (el.selfClosing) {
            out.replace(el.start, el.openEnd, `${openTagOf(xml.slice(el.start, el.openEnd))}${newRowsBefore(Infinity)}</${el.name}>`);
            done = true;
          }
        }
        return;
      }
      if (el.local === 'row' && el.depth === sheetDataDepth + 1) {
        const r = el.attributes.r !== undefined ? Number(el.attributes.r) - 1 : rowNumber + 1;
        const before = newRowsBefore(r);
        if (before) out.insert(el.start, before);
        rowNumber = r;
        rowStyle = el.attributes.customFormat === '1' || el.attributes.customFormat === 'true' ? (el.attributes.s ?? null) : null;
        lastCol = -1;
        leftStyle = null;
        pending = [];
        if (nextRow < rowsToDo.length && rowsToDo[nextRow] === r) {
          pending = [...byRow.get(r)!];
          nextRow++;
          const tag = xml.slice(el.start, el.openEnd);
          let text = tag;
          const spans = /^(\d+):(\d+)$/.exec(el.attributes.spans ?? '');
          if (spans) {
            const lo = Math.min(Number(spans[1]), pending[0]!.col + 1);
            const hi = Math.max(Number(spans[2]), pending[pending.length - 1]!.col + 1);
            if (lo !== Number(spans[1]) || hi !== Number(spans[2])) text = setAttribute(text, 'spans', `${lo}:${hi}`);
          }
          if (el.selfClosing) text = `${openTagOf(text)}${newCellsBefore(Infinity)}</${el.name}>`;
          if (text !== tag) out.replace(el.start, el.openEnd, text);
        }
        return;
      }
      if (el.local === 'c' && el.depth === sheetDataDepth + 2) {
        const at = el.attributes.r !== undefined ? parseRef(el.attributes.r) : { row: rowNumber, col: lastCol + 1 };
        if (!at) throw new InPlaceError('badPart', el.attributes.r ?? null, `bad cell reference ${el.attributes.r}`);
        cellCol = at.col;
        lastCol = at.col;
        const before = newCellsBefore(at.col);
        if (before) out.insert(el.start, before);
        cell = el;
        cellEdit = null;
        if (pending.length > 0 && pending[0]!.col === at.col) cellEdit = pending.shift()!;
        if (!cellEdit) leftStyle = { col: at.col, style: el.attributes.s ?? null };
        return;
      }
      if (cell && el.local === 'f' && el.depth === sheetDataDepth + 3) {
        formula = el;
        const t = el.attributes.t;
        if (cellEdit && t === 'array') {
          throw new InPlaceError('arrayFormula', refOf(rowNumber, cellCol), `${refOf(rowNumber, cellCol)} is part of an array formula`);
        }
        if (cellEdit && t === 'shared' && el.attributes.ref !== undefined && el.attributes.si !== undefined) detached.add(el.attributes.si);
      }
    },
    close(el: CloseEvent) {
      if (done || sheetDataDepth < 0) return;
      if (formula && el.local === 'f' && el.depth === sheetDataDepth + 3) {
        const f = formula;
        formula = null;
        if (!cellEdit && f.attributes.t === 'shared' && f.attributes.si !== undefined && detached.has(f.attributes.si) && f.attributes.ref === undefined) {
          const text = options.sharedFormulaOf?.(rowNumber, cellCol) ?? null;
          if (text === null) throw new InPlaceError('badPart', refOf(rowNumber, cellCol), `no formula for ${refOf(rowNumber, cellCol)}`);
          out.replace(f.start, el.end, `<${f.name}>${escapeXml(text)}</${f.name}>`);
        }
        return;
      }
      if (cell && el.local === 'c' && el.depth === sheetDataDepth + 2) {
        if (cellEdit) {
          const style = styleFor(cellEdit, cell.attributes.s ?? null);
          leftStyle = { col: cellCol, style };
          out.replace(cell.start, el.end, cellXml(prefix, refOf(rowNumber, cellCol), style, cellEdit.content, keptAttributes(cell.attributes)));
        }
        cell = null;
        cellEdit = null;
        return;
      }
      if (el.local === 'row' && el.depth === sheetDataDepth + 1) {
        if (!el.selfClosing && pending.length > 0) out.insert(el.closeStart, newCellsBefore(Infinity));
        pending = [];
        return;
      }
      if (el.local === 'sheetData' && el.depth === sheetDataDepth) {
        const rest = newRowsBefore(Infinity);
        if (rest) out.insert(el.closeStart, rest);
        done = true;
      }
    },
  };
  walkXml(xml, visitor);
  if (nextRow < rowsToDo.length) throw new InPlaceError('badPart', null, 'the worksheet has no sheetData');
  return out.toString();
}
