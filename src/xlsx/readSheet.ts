/**
 * One worksheet part read straight from its XML (saxes, streaming): the cells that hold a value
 * or a formula, the merged areas, the hidden rows. Then the Grid the core reads, bounded as the
 * exceljs reader was (one far cell does not make a 17-billion-cell grid). No Node or DOM.
 */
import type { CellRange, CellValue, Grid } from '../core';
import { denseBlock, type Box, type OutsideCells } from '../core/block';
import { parseArea, parseRef, refOf } from './cells';
import { SheetLayoutRecorder, type SheetLayout } from './sheetLayout';
import { walkXml, type CloseEvent, type ElementEvent } from './xml';

/** What the workbook gives every sheet: shared strings and each cell style's number format. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** Number format code by cell style index (s=…), null for General or unknown. */
  numFmts: readonly (string | null)[];
}

export interface ReadCell {
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
  numFmt: string | null;
}

export interface SheetModel {
  /** Cells holding a value or a formula, in document order. */
  cells: ReadCell[];
  /** Number formats of cells without content, by row * 16384 + col (merge slaves keep their look). */
  emptyFormats: Map<number, string>;
  merges: Box[];
  /** Rows marked hidden in the part (0-based). */
  hiddenRows: Set<number>;
  /** Where the part's rows and cells lie, for writing it in place without walking it again. */
  layout: SheetLayout;
}

/** SpreadsheetML escapes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_x). */
export function decodeCellText(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const key = (row: number, col: number): number => row * 16384 + col;

/** The text of a shared string (`<si>`) or inline string (`<is>`): its runs joined, phonetic guides left out. */
export class StringCollector {
  private parts: string[] = [];
  private inT = false;
  private phonetic = 0;
  open(local: string): void {
    if (local === 'rPh') this.phonetic++;
    else if (local === 't' && this.phonetic === 0) this.inT = true;
  }
  close(local: string): void {
    if (local === 'rPh') this.phonetic--;
    else if (local === 't') this.inT = false;
  }
  text(text: string): void {
    if (this.inT) this.parts.push(text);
  }
  take(): string {
    const s = decodeCellText(this.parts.join(''));
    this.parts = [];
    return s;
  }
}

const A1_REF = /(^|[^A-Za-z0-9_.$!'"])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

/**
 * A shared formula as it reads in another cell of its range: relative references move by the
 * cell's offset from the master, absolute ones ($) stay; quoted text is left alone.
 */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  const dr = to.row - from.row;
  const dc = to.col - from.col;
  if (dr === 0 && dc === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(A1_REF, (m, lead: string, cd: string, letters: string, rd: string, digits: string) => {
            const ref = parseRef(`${letters}${digits}`);
            if (!ref || letters.length === 3 && letters.toUpperCase() > 'XFD') return m;
            const col = cd ? ref.col : ref.col + dc;
            const row = rd ? ref.row : ref.row + dr;
            if (col < 0 || row < 0) return `${lead}#REF!`;
            const cell = refOf(row, col);
            const split = cell.search(/\d/);
            return `${lead}${cd}${cell.slice(0, split)}${rd}${cell.slice(split)}`;
          }),
    )
    .join('');
}

function number(text: string): CellValue {
  const n = parseFloat(text);
  return Number.isNaN(n) ? null : n;
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/** An ISO date (t="d", as Strict OOXML and some tools write) as a serial day number. */
function isoSerial(text: string, date1904: boolean): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : ms / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
}

/** Parse one worksheet part. Throws what saxes throws for XML that is not well formed. */
export function parseSheet(xml: string, ctx: SheetContext, date1904 = false): SheetModel {
  const recorder = new SheetLayoutRecorder(xml);
  const model: SheetModel = { cells: [], emptyFormats: new Map(), merges: [], hiddenRows: new Set(), layout: recorder.layout };
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const str = new StringCollector();
  let rowIndex = -1;
  let nextCol = 0;
  let inCell = false;
  let row = 0;
  let col = 0;
  let type = '';
  let style = 0;
  let v: string | null = null;
  let f: string | null = null;
  let fAttrs: Record<string, string> | null = null;
  let inline = false;
  // Which element's text is being collected: 1 <v>, 2 <f>.
  let textOf = 0;

  const open = (tag: ElementEvent) => {
    recorder.open(tag);
    const name = tag.local;
    if (inCell) {
      if (inline) str.open(name);
      else if (name === 'v') {
        textOf = 1;
        v ??= '';
      } else if (name === 'f') {
        textOf = 2;
        f = '';
        fAttrs = tag.attributes;
      } else if (name === 'is') {
        inline = true;
      }
      return;
    }
    if (name === 'c') {
      const ref = typeof tag.attributes.r === 'string' ? parseRef(tag.attributes.r) : null;
      // A cell without r follows the previous one (allowed by the format, written by some tools).
      row = ref ? ref.row : Math.max(rowIndex, 0);
      col = ref ? ref.col : nextCol;
      nextCol = col + 1;
      type = tag.attributes.t ?? 'n';
      style = tag.attributes.s !== undefined ? parseInt(tag.attributes.s, 10) || 0 : 0;
      inCell = true;
      v = f = fAttrs = null;
    } else if (name === 'row') {
      const r = Number(tag.attributes.r);
      rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
      nextCol = 0;
      const hidden = tag.attributes.hidden;
      if (hidden === '1' || hidden === 'true') model.hiddenRows.add(rowIndex);
    } else if (name === 'mergeCell' && typeof tag.attributes.ref === 'string') {
      const m = parseArea(tag.attributes.ref);
      if (m) model.merges.push(m);
    }
  };
  const text = (text: string) => {
    if (!inCell) return;
    if (inline) str.text(text);
    else if (textOf === 1) v += text;
    else if (textOf === 2) f += text;
  };
  const close = (tag: CloseEvent) => {
    recorder.close(tag);
    if (!inCell) return;
    const name = tag.local;
    if (inline) {
      if (name === 'is') {
        inline = false;
        const text = str.take();
        if (text !== '') v = text;
      } else str.close(name);
      return;
    }
    if (name === 'v' || name === 'f') {
      textOf = 0;
      return;
    }
    if (name !== 'c') return;
    inCell = false;
    const numFmt = style > 0 ? (ctx.numFmts[style] ?? null) : null;
    let formula: string | null = null;
    if (f !== null && fAttrs) {
      const a: Record<string, string> = fAttrs;
      if (a.t === 'shared' && a.si !== undefined) {
        if (f !== '' && a.ref !== undefined) {
          masters.set(a.si, { formula: f, row, col });
          formula = f;
        } else {
          const m = masters.get(a.si);
          formula = m ? slideFormula(m.formula, m, { row, col }) : f || null;
        }
      } else formula = f || null;
    }
    // An empty <v></v> is no value (a formula's empty text result included), as exceljs read it.
    const value = v === null || v === '' ? null : valueOf(type, v, ctx, date1904);
    if (formula === null && value === null && (v === null || v === '')) {
      if (numFmt !== null) model.emptyFormats.set(key(row, col), numFmt);
      return;
    }
    model.cells.push({ row, col, value, formula: formula !== null ? `=${formula}` : null, numFmt });
  };
  walkXml(xml, { open, close, text });
  return model;
}

function valueOf(type: string, v: string, ctx: SheetContext, date1904: boolean): CellValue {
  switch (type) {
    case 's': {
      const s = ctx.sharedStrings[parseInt(v, 10)];
      return s === undefined ? null : s;
    }
    case 'str':
    case 'inlineStr':
      return v;
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return v;
    case 'd':
      return isoSerial(v, date1904);
    default:
      return number(v);
  }
}

export type { OutsideCells } from '../core/block';

export interface SheetFacts {
  name: string;
  hidden: boolean;
  active: boolean;
}

/**
 * The slave cells of a merge (all but its top-left) widen the used range as exceljs counted
 * them; the top-left only when it holds content.
 */
function slaveBox(m: Box): Box | null {
  if (m.top === m.bottom && m.left === m.right) return null;
  if (m.top === m.bottom) return { top: m.top, bottom: m.top, left: m.left + 1, right: m.right };
  if (m.left === m.right) return { top: m.top + 1, bottom: m.bottom, left: m.left, right: m.left };
  return m;
}

/**
 * A parsed sheet as a Grid, bounded: when the used range is larger than a dense grid can hold,
 * only the densest block of content is read (contentBlock), and the content cells outside it
 * are counted, never read. `merges` are the sheet's merges after clipping (see clipMerges).
 */
export function gridOfSheet(model: SheetModel, merges: readonly Box[], facts: SheetFacts): { grid: Grid; outside: OutsideCells | null } {
  const slaves: Box[] = [];
  for (const m of merges) {
    const s = slaveBox(m);
    if (s) slaves.push(s);
  }
  // Slave cells hold no value, whatever the part says: only the top-left of a merge does.
  const inSlave = (r: number, c: number): boolean => {
    for (const m of merges) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) return true;
    return false;
  };
  // Most cells lie in no merge: test rows first (a set of the rows merges cover, when it is small).
  const mergeRows = new Set<number>();
  let rowSpan = 0;
  for (const m of merges) rowSpan += m.bottom - m.top + 1;
  if (rowSpan <= 1_000_000) for (const m of merges) for (let r = m.top; r <= m.bottom; r++) mergeRows.add(r);
  const maybeSlave = (r: number, c: number): boolean => merges.length > 0 && (rowSpan > 1_000_000 || mergeRows.has(r)) && inSlave(r, c);
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const grow = (b: Box) => {
    if (b.top < top) top = b.top;
    if (b.bottom > bottom) bottom = b.bottom;
    if (b.left < left) left = b.left;
    if (b.right > right) right = b.right;
  };
  const cells: ReadCell[] = [];
  for (const cell of model.cells) {
    if (maybeSlave(cell.row, cell.col)) {
      cells.push({ ...cell, value: null, formula: null });
    } else if (cell.value === null && cell.formula === null && cell.numFmt === null) continue;
    else cells.push(cell);
    grow({ top: cell.row, bottom: cell.row, left: cell.col, right: cell.col });
  }
  for (const s of slaves) grow(s);
  const mergeRanges: CellRange[] = merges.map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  const state = { hidden: facts.hidden, active: facts.active };
  if (top === Infinity) {
    return { grid: { sheetName: facts.name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [], merges: mergeRanges, hiddenRows: [], ...state }, outside: null };
  }
  const dense = denseBlock(cells, { top, left, bottom, right }, mergeRanges);
  ({ top, left, bottom, right } = dense.block);
  // Merge slaves without content still carry their own look.
  if (model.emptyFormats.size > 0) {
    for (const [k, numFmt] of model.emptyFormats) {
      const row = Math.floor(k / 16384);
      const col = k % 16384;
      if (row >= top && row <= bottom && col >= left && col <= right && maybeSlave(row, col)) dense.setFormat(row, col, numFmt);
    }
  }
  // A hidden row counts where it holds something (a value, a formula or part of a merge).
  const rowsWithCells = new Set(dense.cells.map((c) => c.row));
  const hiddenRows = [...model.hiddenRows]
    .filter((r) => r >= top && r <= bottom && (rowsWithCells.has(r) || slaves.some((s) => r >= s.top && r <= s.bottom)))
    .sort((a, b) => a - b);
  const { values, formulas, numberFormats, merges: kept, outside } = dense;
  const grid: Grid = { sheetName: facts.name, originRow: top, originCol: left, values, formulas, numberFormats, merges: kept, hiddenRows, ...state };
  return { grid, outside };
}
