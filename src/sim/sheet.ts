/**
 * One sheet of the simulated workbook: its cells (value, formula, number format, format),
 * merges, hidden rows, charts and page layout; how Excel takes input typed or written into a
 * cell; and the sheet as a core Grid.
 */
import { a1, isGeneralFormat, sparseRows, type CellRange, type CellValue, type Grid } from '../core/grid';
import { SimOfficeError, SIM_ERROR } from './errors';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SimCellFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string | undefined;
  fill?: string | undefined;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight', string>>;
}

export interface SimCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  format: SimCellFormat | null;
}

export interface SimChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string | null } | null;
  /** Set only when the add-in sets them (Chart.legend.visible, categoryAxis.reversePlotOrder). */
  legendVisible?: boolean;
  reversePlotOrder?: boolean;
}

export interface SimPageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** pageLayout.headersFooters.defaultForAllPages (ExcelApi 1.9), as set. */
  headersFooters?: { centerHeader?: string; centerFooter?: string };
}

/** What worksheet.onChanged hands its handlers (the fields this simulation raises). */
export interface SimChangedArgs {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
  /** ExcelApi 1.14: 'Unknown' for a user's edit, 'ThisLocalAddin' for the add-in's own writes. */
  triggerSource: 'Unknown' | 'ThisLocalAddin';
}
export type CellEditListener = (args: SimChangedArgs) => void;

let sheetCounter = 0;

export class SimSheet {
  readonly id: string;
  name: string;
  visibility: Visibility = 'Visible';
  protected = false;
  readonly cells = new Map<string, SimCell>();
  merges: CellRange[] = [];
  readonly hiddenRows = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly charts: SimChart[] = [];
  pageLayout: SimPageLayout = {};

  constructor(name: string) {
    sheetCounter += 1;
    this.id = `{sheet-${sheetCounter}}`;
    this.name = name;
  }

  cell(row: number, col: number): SimCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created empty when missing (for writes). */
  touch(row: number, col: number): SimCell {
    const k = key(row, col);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: 'General', format: null };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Bounding box of cells with content (valuesOnly) or content or formatting; null when empty. */
  usedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [k, cell] of this.cells) {
      const hasContent = cell.value !== null || cell.formula !== null;
      const hasFormat = cell.numberFormat !== 'General' || cell.format !== null;
      if (!hasContent && (valuesOnly || !hasFormat)) continue;
      const [r, c] = unkey(k);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (bottom < 0) return null;
    return { top, left, bottom, right };
  }
}

const key = (row: number, col: number): string => `${row},${col}`;
const unkey = (k: string): [number, number] => {
  const i = k.indexOf(',');
  return [Number(k.slice(0, i)), Number(k.slice(i + 1))];
};

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Apply one cell of a `values` or `formulas` write the way Excel takes typed input:
 * null leaves the cell alone, "" clears it, a leading apostrophe makes text (the prefix is
 * not part of the value), = starts a formula, + - @ do too unless the text is a number,
 * numeric text becomes a number and TRUE/FALSE booleans. A cell formatted as Text ("@")
 * keeps strings as they are.
 */
export function writeInput(sheet: SimSheet, row: number, col: number, input: unknown): void {
  if (input === null || input === undefined) return;
  if (sheet.protected) {
    throw new SimOfficeError(SIM_ERROR.accessDenied, 'The cell or chart you\'re trying to change is on a protected sheet.', {
      errorLocation: `${sheet.name}!${a1(row, col)}`,
    });
  }
  const cell = sheet.touch(row, col);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new SimOfficeError(SIM_ERROR.invalidArgument, 'The argument is invalid or missing or has an incorrect format.');
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input !== 'string') throw new SimOfficeError(SIM_ERROR.invalidArgument, 'The argument is invalid or missing or has an incorrect format.');
  if (input === '') {
    cell.value = null;
    cell.formula = null;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1) === '' ? null : input.slice(1);
    cell.formula = null;
    return;
  }
  const trimmed = input.trim();
  if (NUMERIC.test(trimmed)) {
    const n = Number(trimmed);
    cell.value = n === 0 ? 0 : n;
    cell.formula = null;
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === 'true';
    cell.formula = null;
    return;
  }
  if (input.startsWith('=') && input.length > 1) {
    cell.formula = input;
    cell.value = null; // no formula engine: the value is unknown until Excel recalculates
    return;
  }
  if (/^[+\-@]/.test(input) && input.length > 1) {
    cell.formula = '=' + (input.startsWith('@') ? input.slice(1) : input);
    cell.value = null;
    return;
  }
  cell.value = input;
  cell.formula = null;
}

export function sheetToGrid(sheet: SimSheet): Grid {
  const used = sheet.usedRange(false);
  if (!used) return { sheetName: sheet.name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [], merges: [], hiddenRows: [] };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = used.top; r <= used.bottom; r++) {
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    const nr: (string | null)[] = [];
    for (let c = used.left; c <= used.right; c++) {
      const cell = sheet.cell(r, c);
      vr.push(cell?.value ?? null);
      fr.push(cell?.formula ?? null);
      nr.push(cell?.numberFormat ?? 'General');
    }
    values.push(vr);
    formulas.push(fr);
    numberFormats.push(nr);
  }
  // Like the Office.js adapter: rows without a formula, or with only General formats, left out.
  return {
    sheetName: sheet.name,
    originRow: used.top,
    originCol: used.left,
    values,
    formulas: sparseRows(formulas, (f) => f, (f) => f === null),
    numberFormats: sparseRows(numberFormats, (f) => f, isGeneralFormat),
    merges: sheet.merges.map((m) => ({ ...m })),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
  };
}

