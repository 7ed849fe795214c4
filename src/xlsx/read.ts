/**
 * Reading an .xlsx for the core, straight from the package (jszip + saxes): the sheet list with
 * each sheet's visibility, the active tab, the date system, shared strings, the number format of
 * each cell style and, per sheet on demand, its Grid. The CLI and the browser editions share it;
 * no exceljs, Node or DOM. Merges reaching far past a sheet's content are clipped on reading
 * (a whole merged column is a million cells), and the clipping is reported.
 */
import { freeSheetName, isOwnSheetName, isOwnSheetRows, SUMMARY_SHEET_NAME, type Grid } from '../core';
import { area, contentBlock, type Box } from '../core/block';
import { areaRef } from './cells';
import { Package, parseRels, readWorkbookInfo, relsPathOf, resolveTarget, REL } from './pkg';
import { gridOfSheet, parseSheet, StringCollector, type OutsideCells, type SheetContext, type SheetModel } from './readSheet';
import { readStoredSettings, type StoredSettings } from './settings';
import type { SheetLayout } from './sheetLayout';
import { localName, newSaxes } from './xml';

export type { OutsideCells } from './readSheet';

const REL_SHARED_STRINGS = `${REL.officeDocument.slice(0, REL.officeDocument.lastIndexOf('/'))}/sharedStrings`;

/** Built-in number formats a style may name by id alone (ECMA-376 18.8.30, as exceljs knew them). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** How far past the block a merge may reach and still be kept as it is (a title merged wider than the data). */
const MERGE_REACH_ROWS = 1000;
const MERGE_REACH_COLS = 64;

export interface ClippedMerge {
  sheet: string;
  merge: string;
  /** What is left inside the table's block, or null when the merge does not touch it. */
  clipped: string | null;
}

function withinReach(m: Box, block: Box): boolean {
  return m.top >= block.top - MERGE_REACH_ROWS && m.bottom <= block.bottom + MERGE_REACH_ROWS && m.left >= block.left - MERGE_REACH_COLS && m.right <= block.right + MERGE_REACH_COLS;
}

/**
 * A sheet's merges with those reaching far past its content block clipped to the block
 * (dropped when nothing of them is left but one cell), and what was clipped.
 */
export function clipMerges(model: SheetModel): { merges: Box[]; clipped: Array<{ merge: string; clipped: string | null }> } {
  if (model.merges.length === 0) return { merges: [], clipped: [] };
  const content = model.cells.filter((c) => c.value !== null || c.formula !== null);
  const block = contentBlock(
    content.map((c) => c.row),
    content.map((c) => c.col),
  ) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const merges: Box[] = [];
  const clipped: Array<{ merge: string; clipped: string | null }> = [];
  for (const m of model.merges) {
    if (withinReach(m, block)) {
      merges.push(m);
      continue;
    }
    const cut = { top: Math.max(m.top, block.top), left: Math.max(m.left, block.left), bottom: Math.min(m.bottom, block.bottom), right: Math.min(m.right, block.right) };
    const left = cut.top <= cut.bottom && cut.left <= cut.right && area(cut) > 1 ? cut : null;
    if (left) merges.push(left);
    clipped.push({ merge: areaRef(m), clipped: left ? areaRef(left) : null });
  }
  return { merges, clipped };
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** One worksheet of a book; its part is parsed on first use, once. */
export class BookSheet {
  private model: SheetModel | null = null;
  private clip: ReturnType<typeof clipMerges> | null = null;
  private formulaIndex: Map<number, string> | null = null;
  private result: { grid: Grid; outside: OutsideCells | null } | null = null;
  /** Whether the part lists merged areas at all: only those sheets are parsed to find clipped merges. */
  readonly hasMerges: boolean;

  constructor(
    readonly name: string,
    readonly state: SheetVisibility,
    private readonly book: Book,
    private readonly index: number,
    private xml: string,
  ) {
    this.hasMerges = /<(\w+:)?mergeCell\b/.test(xml);
  }

  get hidden(): boolean {
    return this.state !== 'visible';
  }

  /** The parsed part (cells with content, merges as written, hidden rows). */
  parsed(): SheetModel {
    if (!this.model) {
      this.model = parseSheet(this.xml, this.book.context, this.book.date1904);
    }
    return this.model;
  }

  /** Where the part's rows and cells lie (recorded while parsing it), for writing it in place. */
  layout(): SheetLayout {
    return this.parsed().layout;
  }

  /** Merges after clipping, and what was clipped. */
  merges(): ReturnType<typeof clipMerges> {
    return (this.clip ??= clipMerges(this.parsed()));
  }

  /** The sheet as a Grid (bounded), and the content cells left out of it. */
  read(): { grid: Grid; outside: OutsideCells | null } {
    this.result ??= gridOfSheet(this.parsed(), this.merges().merges, { name: this.name, hidden: this.hidden, active: this.index === this.book.activeTab });
    return this.result;
  }

  grid(): Grid {
    return this.read().grid;
  }

  /** The formula of a cell (0-based) without its "=", shared formulas translated to the cell; null when none. */
  formulaAt(row: number, col: number): string | null {
    if (!this.formulaIndex) {
      this.formulaIndex = new Map();
      for (const c of this.parsed().cells) if (c.formula !== null) this.formulaIndex.set(c.row * 16384 + c.col, c.formula.slice(1));
    }
    return this.formulaIndex.get(row * 16384 + col) ?? null;
  }

  /** The first rows and columns of constants, 0-based from A1: enough to see a header without building the grid. */
  head(rows: number, cols: number): Grid {
    const values: Grid['values'] = [];
    for (const c of this.parsed().cells) {
      if (c.row >= rows || c.col >= cols || c.formula !== null || c.value === null) continue;
      while (values.length <= c.row) values.push([]);
      const line = values[c.row]!;
      while (line.length <= c.col) line.push(null);
      line[c.col] = c.value;
    }
    return { sheetName: this.name, originRow: 0, originCol: 0, values };
  }

  /** True when the sheet's footer is the product's (core/ownSheets decides, from its last rows holding text). */
  isOwnSummary(): boolean {
    const model = this.parsed();
    const filled = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined);
    // Only the last three rows holding something can carry the footer: hand those to the core's rule.
    // Two plain passes over the cells (the three highest such rows, then their cells): sorting every
    // row number of a 20k-unit sheet cost more than the rest of the check.
    const last: number[] = [];
    for (const c of model.cells) {
      if (!filled(c.value) || last.includes(c.row)) continue;
      if (last.length < 3) last.push(c.row);
      else if (c.row > Math.min(...last)) last[last.indexOf(Math.min(...last))] = c.row;
    }
    last.sort((x, y) => x - y);
    const rows = last.map((): unknown[] => []);
    for (const c of model.cells) {
      const at = last.indexOf(c.row);
      if (at >= 0) rows[at]![c.col] = c.value;
    }
    return isOwnSheetRows(rows);
  }
}

/** A workbook as read for the core. */
export class Book {
  readonly worksheets: BookSheet[] = [];
  /** Every sheet's name, chart sheets included: a new sheet's name must differ from all of them. */
  sheetNames: string[] = [];
  activeTab = 0;
  date1904 = false;
  context: SheetContext = { sharedStrings: [], numFmts: [] };

  private constructor(readonly pkg: Package) {}

  /** Open a package. Throws what jszip or saxes throw for a damaged one. */
  static async open(data: Uint8Array | ArrayBuffer | Package): Promise<Book> {
    const pkg = data instanceof Package ? data : await Package.open(data);
    const book = new Book(pkg);
    const info = await readWorkbookInfo(pkg);
    const rels = parseRels(await pkg.text(relsPathOf(info.part)));
    const target = (type: string): string | null => {
      const rel = rels.find((r) => r.type === type || r.type.endsWith(type.slice(type.lastIndexOf('/'))));
      return rel ? resolveTarget(info.part, rel.target) : null;
    };
    readWorkbookFlags(book, (await pkg.text(info.part)) ?? '');
    const strings = target(REL_SHARED_STRINGS);
    const styles = target(REL.styles);
    book.context = {
      sharedStrings: strings ? readSharedStrings((await pkg.text(strings)) ?? '') : [],
      numFmts: styles ? readNumFmts((await pkg.text(styles)) ?? '') : [],
    };
    book.sheetNames = info.sheets.map((s) => s.name);
    const worksheetRels = new Set(rels.filter((r) => r.type.endsWith('/worksheet')).map((r) => r.id));
    for (const s of info.sheets) {
      // Chart sheets and sheets without a part hold no cells: they are not worksheets.
      if (!s.part || !worksheetRels.has(s.relId)) continue;
      const xml = await pkg.text(s.part);
      if (xml === null) continue;
      book.worksheets.push(new BookSheet(s.name, s.state, book, book.worksheets.length, xml));
    }
    return book;
  }

  /** Settings the add-in saved in the file (valid fields only); none when the part cannot be read. */
  async storedSettings(): Promise<Partial<StoredSettings>> {
    return (await readStoredSettings(this.pkg).catch(() => null))?.settings ?? {};
  }

  /** Every merge clipped on reading, in every sheet. */
  clippedMerges(): ClippedMerge[] {
    const out: ClippedMerge[] = [];
    for (const ws of this.worksheets) if (ws.hasMerges) for (const c of ws.merges().clipped) out.push({ sheet: ws.name, ...c });
    return out;
  }

  getWorksheet(name: string): BookSheet | undefined {
    return this.worksheets.find((ws) => ws.name === name);
  }
}

function readWorkbookFlags(book: Book, xml: string): void {
  let seenView = false;
  newSaxes({
    opentag(tag) {
      const name = localName(tag.name);
      if (name === 'workbookPr') book.date1904 = tag.attributes.date1904 === '1' || tag.attributes.date1904 === 'true';
      else if (name === 'workbookView' && !seenView) {
        seenView = true;
        const tab = parseInt(tag.attributes.activeTab ?? '0', 10);
        book.activeTab = Number.isInteger(tab) && tab >= 0 ? tab : 0;
      }
    },
  })
    .write(xml)
    .close();
}

/** The shared-string table: each `<si>` as its text (rich text runs joined). */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const str = new StringCollector();
  let inSi = false;
  newSaxes({
    opentag(tag) {
      const name = localName(tag.name);
      if (name === 'si') inSi = true;
      else if (inSi) str.open(name);
    },
    text(text) {
      if (inSi) str.text(text);
    },
    closetag(tag) {
      const name = localName(tag.name);
      if (name === 'si') {
        inSi = false;
        out.push(str.take());
      } else if (inSi) str.close(name);
    },
  })
    .write(xml)
    .close();
  return out;
}

/** Each cell style's (cellXfs) number format code: custom numFmts first, then the built-in ones. */
export function readNumFmts(xml: string): (string | null)[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  let depthInXfs = 0;
  newSaxes({
    opentag(tag) {
      const name = localName(tag.name);
      if (name === 'numFmt' && tag.attributes.numFmtId !== undefined) custom.set(parseInt(tag.attributes.numFmtId, 10), tag.attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (inCellXfs) {
        if (name === 'xf' && depthInXfs === 0) ids.push(parseInt(tag.attributes.numFmtId ?? '0', 10) || 0);
        depthInXfs++;
      }
    },
    closetag(tag) {
      const name = localName(tag.name);
      if (name === 'cellXfs') inCellXfs = false;
      else if (inCellXfs) depthInXfs--;
    },
  })
    .write(xml)
    .close();
  return ids.map((id) => (id === 0 ? null : custom.get(id) || BUILTIN_FORMATS[id] || null));
}

// ---- which summary sheet is ours ----------------------------------------------------------


/** The product's own summary sheet (named base or base(n), footer with the marker), if any. */
export function findOwnSummary(book: Book, base: string = SUMMARY_SHEET_NAME): BookSheet | undefined {
  return book.worksheets.find((ws) => isOwnSheetName(ws.name, base) && ws.isOwnSummary());
}

/** First of base, base(2), base(3), … that no sheet uses (Excel sheet names are case-insensitive). */
export function freeName(book: Book, base: string): string {
  return freeSheetName(book.sheetNames, base);
}
