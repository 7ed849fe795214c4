/**
 * The exceljs adapter: worksheet -> Grid, WritePlan -> cells, SheetSpec -> worksheet.
 * Products read through src/xlsx/read.ts now; this is left for the CLI's --force whole rewrite
 * and `year` with several inputs (a new workbook), and its reader is the reference the package
 * reader is tested against. No Node imports and only type imports of exceljs.
 */
import type { Cell, CellValue as XlsxValue, Fill, Style, Workbook, Worksheet } from 'exceljs';
import { a1, type CellContent, type CellRange, type CellValue, type Grid, type SheetSpec, type SpecStyle, type WritePlan } from '../core';
import { freeSheetName as freeSheetNameAmong, isOwnSheetName, isOwnSheetRows, SUMMARY_SHEET_NAME } from '../core';
import { denseBlock, type OutsideCells, type PlacedCell } from '../core/block';

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (with its phantom 1900-02-29) to 1970-01-01; 1904 system differs by 1462. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/** Raised for impossible requests (a plan writing into the hidden part of a merged area). */
export class WorkbookWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookWriteError';
  }
}

function dateToSerial(date: Date, date1904: boolean): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A constant (or a formula's cached result) as a grid value. */
function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- not a record here: a number, bigint or symbol
  if (!isRecord(v)) return String(v);
  if (Array.isArray(v.richText)) return v.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  if (typeof v.error === 'string') return v.error;
  // Hyperlinks carry their display text, itself possibly rich text.
  if ('text' in v) return plainValue(v.text, date1904);
  if ('result' in v) return plainValue(v.result, date1904);
  return null;
}

interface ReadCell {
  value: CellValue;
  formula: string | null;
}

function readCell(cell: Cell, date1904: boolean): ReadCell {
  const v = cell.value as unknown;
  if (isRecord(v) && ('formula' in v || 'sharedFormula' in v)) {
    // cell.formula translates shared formulas relative to their master. cell.result, not
    // v.result: exceljs's value getter drops falsy cached results (a formula showing 0).
    const text = cell.formula;
    return { value: plainValue(cell.result, date1904), formula: text ? `=${text}` : null };
  }
  return { value: plainValue(v, date1904), formula: null };
}

interface MergeDims {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged areas, 1-based as exceljs keeps them. Reads the private index: `ws.model` rebuilds the whole sheet model. */
function mergesOf(ws: Worksheet): MergeDims[] {
  const index = (ws as unknown as { _merges?: Record<string, MergeDims | undefined> })._merges;
  if (index) return Object.values(index).filter((m): m is MergeDims => !!m);
  return (ws.model.merges ?? []).map((ref) => rangeFromRef(ref));
}

function rangeFromRef(ref: string): MergeDims {
  const [a, b] = ref.split(':');
  const start = refToRowCol(a ?? 'A1');
  const end = refToRowCol(b ?? a ?? 'A1');
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

function refToRowCol(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) return { row: 1, col: 1 };
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function isMergeSlave(cell: Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

/** One read of a worksheet's used range into a Grid. */
export function gridFromWorksheet(ws: Worksheet): Grid {
  return readWorksheet(ws).grid;
}

export type { OutsideCells } from '../core/block';

/**
 * A worksheet's used range as a Grid, bounded: when the used range is larger than a dense grid
 * can hold (one value at XFD1048576 makes it 17 billion cells), only the densest block of
 * content is read (contentBlock), and the content cells outside it are counted, never read.
 */
export function readWorksheet(ws: Worksheet): { grid: Grid; outside: OutsideCells | null } {
  const date1904 = !!ws.workbook?.properties?.date1904;
  const found: PlacedCell[] = [];
  const hidden: number[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hidden.push(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // exceljs repeats a merge's value into every merged cell; only the top-left holds it.
      const content = isMergeSlave(cell) ? { value: null, formula: null } : readCell(cell, date1904);
      const numFmt = typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : null;
      if (content.value === null && content.formula === null && numFmt === null && !cell.isMerged) return;
      found.push({ row: rowNumber - 1, col: colNumber - 1, value: content.value, formula: content.formula, numFmt });
      if (rowNumber - 1 < top) top = rowNumber - 1;
      if (rowNumber - 1 > bottom) bottom = rowNumber - 1;
      if (colNumber - 1 < left) left = colNumber - 1;
      if (colNumber - 1 > right) right = colNumber - 1;
    });
  });

  const merges: CellRange[] = mergesOf(ws).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  if (found.length === 0) {
    return { grid: { sheetName: ws.name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [], merges, hiddenRows: [], ...sheetState(ws) }, outside: null };
  }
  const dense = denseBlock(found, { top, left, bottom, right }, merges);
  ({ top, left, bottom, right } = dense.block);
  const { values, formulas, numberFormats, outside } = dense;
  const grid: Grid = {
    sheetName: ws.name,
    originRow: top,
    originCol: left,
    values,
    formulas,
    numberFormats,
    merges: dense.merges,
    hiddenRows: hidden.filter((r) => r >= top && r <= bottom),
    ...sheetState(ws),
  };
  return { grid, outside };
}

/** #9: whether the sheet is hidden and whether it is the workbook's active tab (an index into its sheets). */
function sheetState(ws: Worksheet): { hidden: boolean; active: boolean } {
  const activeTab = ws.workbook?.views?.[0]?.activeTab ?? 0;
  return { hidden: ws.state === 'hidden' || ws.state === 'veryHidden', active: ws.workbook?.worksheets.indexOf(ws) === activeTab };
}

const STYLE_PARTS = ['font', 'alignment', 'border', 'fill', 'protection'] as const;

/**
 * A copy of a style, so changing this cell cannot restyle cells that shared the object. exceljs
 * setters (cell.font = …) replace whole parts, so copying the top level and each part is enough;
 * a JSON deep copy cost a fifth of a 20k-unit recalculation.
 */
function freshStyle(style: Partial<Style> | undefined): Partial<Style> {
  if (!style) return {};
  const copy: Record<string, unknown> = { ...style };
  for (const part of STYLE_PARTS) {
    const value = style[part];
    if (value && typeof value === 'object') copy[part] = { ...value };
  }
  return copy;
}

function isBlankStyle(style: Partial<Style> | undefined): boolean {
  return !style || Object.keys(style).length === 0;
}

/**
 * Before overwriting the master of a shared formula, give each cell that borrows it its own
 * formula text; otherwise they would point at a master that no longer has one.
 */
function detachSharedFormula(ws: Worksheet, master: Cell): void {
  const v = master.value as unknown;
  if (!isRecord(v) || typeof v.formula !== 'string' || v.shareType !== 'shared' || typeof v.ref !== 'string') return;
  const area = rangeFromRef(v.ref);
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      const cell = ws.getCell(r, c);
      const cv = cell.value as unknown;
      if (cell.address === master.address || !isRecord(cv) || cv.sharedFormula !== master.address) continue;
      const formula = cell.formula;
      cell.value = (formula ? { formula, result: cv.result } : null) as XlsxValue;
    }
  }
}

/**
 * Set a formula with its cached result. exceljs's value setter drops a falsy result (0, false,
 * ""), which would leave the cell without a value until Excel recalculates; put it back.
 */
export function setFormula(cell: Cell, formula: string, result: CellValue): void {
  cell.value = result === null ? { formula } : { formula, result };
  if (result !== null && cell.result !== result) {
    const inner = (cell as unknown as { _value?: { model?: { result?: unknown } } })._value;
    if (inner?.model) inner.model.result = result;
  }
}

/**
 * Apply the cells of a WritePlan. Strings are set as plain string values, so text that starts
 * with = + - @ stays text. Written cells keep their look but never share a style object with
 * a cell outside the plan (the exceljs shared-style pitfall). Written cells that shared one
 * style share one copy of it: a copy per cell made exceljs serialise every style again on
 * write, +60% on a 20k-unit recalculation.
 */
export function applyWrites(ws: Worksheet, plan: WritePlan): void {
  const write = cellWriter(ws);
  for (const { col, kind, rows, after } of plan.columns) {
    // A new 标记 column borrows the look of the column to its left (borders, font).
    const borrowLeftStyle = kind === 'flag' || kind === 'header';
    for (let i = 0; i < rows.length; i++) write(rows[i]!, col, after[i]!, borrowLeftStyle);
  }
}

/**
 * A function that writes one cell of `ws` (0-based coordinates) the careful way: never inside
 * a merged area, shared formulas that borrow from the cell detached first, a style of its own
 * (one copy per original style), formulas with their cached result, text always as text.
 * `borrowLeftStyle`: a cell without a style takes the look of its left neighbour.
 */
export function cellWriter(ws: Worksheet): (row: number, col: number, content: CellContent, borrowLeftStyle: boolean) => void {
  const copies = new Map<Partial<Style>, Partial<Style>>();
  const copyOf = (style: Partial<Style>): Partial<Style> => {
    let copy = copies.get(style);
    if (!copy) {
      copy = freshStyle(style);
      copies.set(style, copy);
      copies.set(copy, copy); // a cell whose style is already a copy keeps it
    }
    return copy;
  };
  return (row, col, { value, formula }, borrowLeftStyle) => {
    const cell = ws.getCell(row + 1, col + 1);
    if (isMergeSlave(cell)) {
      throw new WorkbookWriteError(`${a1(row, col)} lies inside the merged area of ${cell.master.address}`);
    }
    detachSharedFormula(ws, cell);
    cell.style = copyOf(borrowLeftStyle && col > 0 && isBlankStyle(cell.style) ? ws.getCell(row + 1, col).style : cell.style);
    if (formula !== null && formula.startsWith('=')) {
      setFormula(cell, formula.slice(1), value);
    } else {
      cell.value = value;
    }
  };
}

/**
 * Undo exceljs round-trip drift before writing. exceljs reads a missing firstPageNumber as 1
 * and then writes useFirstPageNumber="1" for it, which would change the sheet's print setup.
 */
export function prepareForWrite(workbook: Workbook): void {
  for (const ws of workbook.worksheets) {
    const setup = ws.pageSetup as { firstPageNumber?: number; useFirstPageNumber?: boolean } | undefined;
    if (setup && !setup.useFirstPageNumber) delete setup.firstPageNumber;
  }
}

// ---- the summary sheet ------------------------------------------------------------------

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDERS = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const NO_FILL: Fill = { type: 'pattern', pattern: 'none' };

/** Office-document look for each spec style (宋体 body, 仿宋 notice, 黑体 sections). */
const SPEC_STYLES: Record<SpecStyle, Partial<Style>> = {
  title: { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  subtitle: { font: { name: '仿宋', size: 12 }, alignment: { horizontal: 'center', vertical: 'middle' } },
  section: { font: { name: '黑体', size: 12, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' } },
  header: {
    font: { name: '宋体', size: 11, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BORDERS,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  },
  text: { font: { name: '宋体', size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BORDERS, fill: NO_FILL },
  // "General" rather than "0.##": Excel prints "152." for an integer under 0.##.
  number: { font: { name: '宋体', size: 11 }, alignment: { horizontal: 'right', vertical: 'middle' }, border: BORDERS, numFmt: 'General' },
  notice: { font: { name: '仿宋', size: 12 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  footer: { font: { name: '宋体', size: 9, color: { argb: 'FF808080' } }, alignment: { horizontal: 'left', vertical: 'middle' } },
  // #11 pane: the errors warning of a summary made anyway, and the heading of its internal block
  warning: { font: { name: '宋体', size: 12, bold: true, color: { argb: 'FFC00000' } }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } },
  internal: { font: { name: '黑体', size: 12, bold: true, color: { argb: 'FF595959' } }, alignment: { horizontal: 'left', vertical: 'middle' } },
};

const ROW_HEIGHT: Partial<Record<SpecStyle, number>> = { title: 30, subtitle: 20, section: 22 };
const LINE_HEIGHT = 18;
const MAX_ROW_POINTS = 409;

/** Display width in Excel character units: CJK and full-width characters count double. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

export interface RenderOptions {
  /** Sheet name to use instead of spec.name (e.g. 考评汇总(2) when a user's sheet has the name). */
  name?: string;
}

/** Add a worksheet drawn from a SheetSpec. The charts are left out: exceljs cannot write native charts. */
export function renderSheetSpec(workbook: Workbook, spec: SheetSpec, opts: RenderOptions = {}): Worksheet {
  const ws = workbook.addWorksheet(opts.name ?? spec.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.print.orientation,
      fitToPage: true,
      fitToWidth: spec.print.fitToWidth,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    // The period on every printed page, and page numbers (Excel header codes: &P, &N).
    headerFooter: { oddHeader: `&C${spec.print.header}`, oddFooter: `&C${spec.print.footer}` },
  });
  spec.columnWidths.forEach((width, i) => {
    // exceljs omits a column whose width equals its default of 9, and Excel then uses 8.43.
    ws.getColumn(i + 1).width = width === 9 ? 9.01 : width;
  });

  const mergeAt = new Map<string, CellRange>();
  for (const m of spec.merges) mergeAt.set(`${m.top},${m.left}`, m);
  const widthOf = (left: number, right: number): number => {
    let w = 0;
    for (let c = left; c <= right; c++) w += spec.columnWidths[c] ?? 9;
    return w;
  };

  spec.rows.forEach((cells, r) => {
    let height = 0;
    cells.forEach((specCell, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.style = freshStyle(SPEC_STYLES[specCell.style]);
      // Text goes in as a string value: never parsed as a formula, whatever it begins with.
      cell.value = specCell.value;
      height = Math.max(height, ROW_HEIGHT[specCell.style] ?? 0);
      if (typeof specCell.value === 'string' && (specCell.style === 'notice' || specCell.style === 'text')) {
        const merge = mergeAt.get(`${r},${c}`);
        const avail = Math.max(1, (merge ? widthOf(merge.left, merge.right) : widthOf(c, c)) - 1);
        const lines = specCell.value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / avail)), 0);
        if (lines > 1) height = Math.max(height, lines * LINE_HEIGHT);
      }
    });
    // Excel's tallest row is 409 pt (#9).
    if (height > 0) ws.getRow(r + 1).height = Math.min(MAX_ROW_POINTS, height);
  });

  for (const m of spec.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return ws;
}

// ---- which summary sheet is ours (the rule itself is core/ownSheets) -----------------------

/** True when the sheet's footer (among its last rows holding text) starts with SUMMARY_MARKER. */
export function isOwnSummarySheet(ws: Worksheet): boolean {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell) => {
      values.push(plainValue(cell.value, false));
    });
    rows.push(values);
  });
  return isOwnSheetRows(rows);
}

/** The product's own summary sheet (named base or base(n), footer with the marker), if any. */
export function findOwnSummarySheet(workbook: Workbook, base: string = SUMMARY_SHEET_NAME): Worksheet | undefined {
  return workbook.worksheets.find((ws) => isOwnSheetName(ws.name, base) && isOwnSummarySheet(ws));
}

/** First of base, base(2), base(3), … that no sheet uses. */
export function freeSheetName(workbook: Workbook, base: string): string {
  return freeSheetNameAmong(workbook.worksheets.map((ws) => ws.name), base);
}

export interface SummaryWritten {
  worksheet: Worksheet;
  name: string;
  /** True when the product's previous summary sheet was replaced (same name, same place). */
  replaced: boolean;
}

/**
 * Write the summary sheet: replace the product's own sheet if there is one, else add a new
 * one under a free name, so a user's sheet that happens to be called 考评汇总 is never touched.
 */
export function writeSummarySheet(workbook: Workbook, spec: SheetSpec): SummaryWritten {
  const own = findOwnSummarySheet(workbook, spec.name);
  if (own) {
    const { name } = own;
    const orderNo = (own as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(own.id);
    const worksheet = renderSheetSpec(workbook, spec, { name });
    // Keep the tab where it was instead of moving it to the end.
    (worksheet as unknown as { orderNo: number }).orderNo = orderNo;
    return { worksheet, name, replaced: true };
  }
  const name = freeSheetName(workbook, spec.name);
  return { worksheet: renderSheetSpec(workbook, spec, { name }), name, replaced: false };
}
