/**
 * Where the rows and cells of one worksheet part lie in its text: what the in-place edit
 * (sheetPatch.ts) needs to know of the part, recorded once. The reader records it during its
 * own walk of the part (readSheet.ts), so writing the score sheet does not walk a 20k-unit
 * sheet a second time; `layoutOf` records it on its own for a part nobody read.
 *
 * Cells are kept as numbers in flat lists (column, offsets, style), one entry per `<c>`: the
 * few cells with anything unusual (other attributes, a formula) keep their details aside.
 */
import { parseArea, parseRef, type Area } from './cells';
import { walkXml, type CloseEvent, type ElementEvent } from './xml';

/** One element's place in the text (see ElementEvent / CloseEvent in xml.ts). */
export interface Span {
  name: string;
  start: number;
  openEnd: number;
  /** The '<' of the end tag; equal to start for a self-closing element. */
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

export interface ColStyle {
  min: number;
  max: number;
  style: string;
}

/** A `<f>` inside a cell. */
export interface FormulaSpan {
  start: number;
  end: number;
  name: string;
  type: string | undefined;
  sharedIndex: string | undefined;
  /** A shared formula's master carries the range it covers. */
  hasRef: boolean;
}

export interface SheetLayout {
  /** The text this layout describes: an edit uses it only for that very text. */
  readonly source: string;
  /** The root element's namespace prefix as written ("" or e.g. "x:"). */
  prefix: string;
  /** `<dimension>` elements before sheetData, with their ref. */
  dimensions: { start: number; openEnd: number; area: Area | null }[];
  colStyles: ColStyle[];
  sheetData: Span | null;
  /** A cell whose r is no A1 reference: the part cannot be edited safely. */
  badCellRef: string | null;
  rows: {
    /** 0-based row number (r, or the previous row's plus one). */
    number: number[];
    start: number[];
    openEnd: number[];
    closeStart: number[];
    selfClosing: boolean[];
    name: string[];
    /** The row's own format (s with customFormat), or null. */
    style: (string | null)[];
    spans: (string | undefined)[];
    /** Index of the row's first cell in `cells`; its cells run to the next row's first. */
    firstCell: number[];
  };
  cells: {
    col: number[];
    start: number[];
    end: number[];
    /** The s attribute as a number, -1 when absent; -2 when its details are in `unusual`. */
    style: number[];
  };
  /** Attributes of cells whose s is not a plain number or that carry more than r, s, t, cm, vm. */
  unusual: Map<number, Record<string, string>>;
  formulas: Map<number, FormulaSpan>;
}

/** Attributes of a cell that belong to its value, not to the cell: a rewritten cell drops them. */
export const VALUE_ATTRS = new Set(['r', 's', 't', 'cm', 'vm']);

const attrLength = (name: string, value: string | undefined): number => (value === undefined ? 0 : name.length + value.length + 4);

/**
 * Whether a cell's start tag holds more than r, s, t, cm and vm, or an s that is not a plain
 * number. Told from the tag's length: those attributes written plainly (` r="A1"`) make a tag of
 * exactly that length, and anything more (another attribute, an entity, extra spaces) makes it
 * longer. A longer tag only means its attributes are kept aside, which is always safe.
 */
function isUnusual(el: ElementEvent): boolean {
  const a = el.attributes;
  const s = a.s;
  if (s !== undefined && String(parseInt(s, 10)) !== s) return true;
  const plain = 1 + el.name.length + attrLength('r', a.r) + attrLength('s', s) + attrLength('t', a.t) + attrLength('cm', a.cm) + attrLength('vm', a.vm) + (el.selfClosing ? 2 : 1);
  return el.openEnd - el.start !== plain;
}

/** Records a SheetLayout from the elements of one walk (open and close in document order). */
export class SheetLayoutRecorder {
  readonly layout: SheetLayout;
  private sheetDataDepth = -1;
  private done = false;
  private lastRow = -1;
  private lastCol = -1;
  private inCell = false;

  constructor(source: string) {
    this.layout = {
      source,
      prefix: '',
      dimensions: [],
      colStyles: [],
      sheetData: null,
      badCellRef: null,
      rows: { number: [], start: [], openEnd: [], closeStart: [], selfClosing: [], name: [], style: [], spans: [], firstCell: [] },
      cells: { col: [], start: [], end: [], style: [] },
      unusual: new Map(),
      formulas: new Map(),
    };
  }

  open(el: ElementEvent): void {
    if (this.done) return;
    const layout = this.layout;
    if (el.depth === 0) layout.prefix = el.name.slice(0, el.name.length - el.local.length);
    const base = this.sheetDataDepth;
    if (base < 0) {
      if (el.local === 'dimension' && el.depth === 1) {
        layout.dimensions.push({ start: el.start, openEnd: el.openEnd, area: parseArea(el.attributes.ref ?? '') });
      } else if (el.local === 'col' && el.attributes.style !== undefined) {
        layout.colStyles.push({ min: Number(el.attributes.min), max: Number(el.attributes.max), style: el.attributes.style });
      } else if (el.local === 'sheetData' && el.depth === 1) {
        this.sheetDataDepth = el.depth;
        layout.sheetData = { name: el.name, start: el.start, openEnd: el.openEnd, closeStart: el.start, end: el.openEnd, selfClosing: el.selfClosing };
        if (el.selfClosing) this.done = true;
      }
      return;
    }
    const depth = el.depth - base;
    if (depth === 1 && el.local === 'row') {
      const a = el.attributes;
      const number = a.r !== undefined ? Number(a.r) - 1 : this.lastRow + 1;
      this.lastRow = number;
      this.lastCol = -1;
      const rows = layout.rows;
      rows.number.push(number);
      rows.start.push(el.start);
      rows.openEnd.push(el.openEnd);
      rows.closeStart.push(el.start);
      rows.selfClosing.push(el.selfClosing);
      rows.name.push(el.name);
      rows.style.push(a.customFormat === '1' || a.customFormat === 'true' ? (a.s ?? null) : null);
      rows.spans.push(a.spans);
      rows.firstCell.push(layout.cells.col.length);
    } else if (depth === 2 && el.local === 'c') {
      const a = el.attributes;
      let col = this.lastCol + 1;
      if (a.r !== undefined) {
        const at = parseRef(a.r);
        if (at) col = at.col;
        else layout.badCellRef ??= a.r;
      }
      this.lastCol = col;
      this.inCell = true;
      const cells = layout.cells;
      const index = cells.col.length;
      cells.col.push(col);
      cells.start.push(el.start);
      cells.end.push(el.openEnd);
      if (isUnusual(el)) {
        layout.unusual.set(index, a);
        cells.style.push(-2);
      } else cells.style.push(a.s !== undefined ? parseInt(a.s, 10) : -1);
    } else if (depth === 3 && this.inCell && el.local === 'f') {
      const a = el.attributes;
      layout.formulas.set(layout.cells.col.length - 1, { start: el.start, end: el.openEnd, name: el.name, type: a.t, sharedIndex: a.si, hasRef: a.ref !== undefined });
    }
  }

  close(el: CloseEvent): void {
    if (this.done) return;
    const base = this.sheetDataDepth;
    if (base < 0) return;
    const depth = el.depth - base;
    const layout = this.layout;
    if (depth === 3 && this.inCell && el.local === 'f') {
      const f = layout.formulas.get(layout.cells.col.length - 1);
      if (f) f.end = el.end;
    } else if (depth === 2 && el.local === 'c') {
      layout.cells.end[layout.cells.end.length - 1] = el.end;
      this.inCell = false;
    } else if (depth === 1 && el.local === 'row') {
      layout.rows.closeStart[layout.rows.closeStart.length - 1] = el.closeStart;
    } else if (depth === 0 && el.local === 'sheetData') {
      layout.sheetData!.closeStart = el.closeStart;
      layout.sheetData!.end = el.end;
      this.done = true;
    }
  }
}

/** The layout of a part nobody has read yet (one walk, tags only). */
export function layoutOf(xml: string): SheetLayout {
  const recorder = new SheetLayoutRecorder(xml);
  walkXml(xml, { open: (el) => recorder.open(el), close: (el) => recorder.close(el) });
  return recorder.layout;
}

/** The layout recorded for this very text when there is one, else one recorded now. */
export function layoutFor(xml: string, recorded: SheetLayout | undefined): SheetLayout {
  return recorded?.source === xml ? recorded : layoutOf(xml);
}

/** The cell's style attribute as written, or null. */
export function cellStyle(layout: SheetLayout, cell: number): string | null {
  const s = layout.cells.style[cell]!;
  if (s === -2) return layout.unusual.get(cell)!.s ?? null;
  return s < 0 ? null : String(s);
}
