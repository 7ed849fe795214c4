/**
 * The simulated ET Range (with its Rows, Columns, Font and Interior): whole-range reads and
 * writes of Value2 / Formula / NumberFormat, counted; formats, merges, sizes and the 1-based
 * Item(r, c), each write refused on a protected or deleted sheet.
 */
import { a1, type CellRange } from '../../core/grid';
import { writeInput, type SimCellFormat, type SimSheet } from '../workbook';
import type { EtRangeLike } from '../../wps/et';
import { EtSimError, strict, type EtSimContext } from './context';

const EMPTY_FORMAT = 'General';

function colLetters(col: number): string {
  return a1(0, col).replace(/\d+$/, '');
}

function absAddress(r: CellRange): string {
  const one = `$${colLetters(r.left)}$${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? one : `${one}:$${colLetters(r.right)}$${r.bottom + 1}`;
}

/** Colours go in as BGR integers (as in VBA's RGB()); the demo grid wants #RRGGBB. */
function bgrToHex(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
  const r = value & 0xff, g = (value >> 8) & 0xff, b = (value >> 16) & 0xff;
  return '#' + [r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('').toUpperCase();
}

const ALIGN: Record<number, string> = { [-4108]: 'Center', [-4131]: 'Left', [-4152]: 'Right', [-4160]: 'Top', [-4107]: 'Bottom' };

function cellsOf(ctx: EtSimContext, r: CellRange, read: (row: number, col: number) => unknown): unknown {
  ctx.counts.rangeReads += 1;
  const n = (r.bottom - r.top + 1) * (r.right - r.left + 1);
  if (n > ctx.counts.largestRead) ctx.counts.largestRead = n;
  if (n === 1) return read(r.top, r.left);
  const rows: unknown[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: unknown[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(read(row, col));
    rows.push(line);
  }
  return rows;
}

function assign(ctx: EtSimContext, sheet: SimSheet, r: CellRange, data: unknown): void {
  ctx.beforeWrite(sheet);
  ctx.counts.rangeWrites += 1;
  const height = r.bottom - r.top + 1;
  const width = r.right - r.left + 1;
  const grid: unknown[][] = Array.isArray(data) ? (data as unknown[][]) : Array.from({ length: height }, () => Array.from({ length: width }, () => data));
  if (grid.length !== height || grid.some((row) => !Array.isArray(row) || row.length !== width)) {
    throw new EtSimError(`An array of ${grid.length} rows does not fit ${absAddress(r)} (${height}×${width})`);
  }
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const v = grid[i]![j];
      // ET writes every cell of the array: an empty entry clears the cell.
      writeInput(sheet, r.top + i, r.left + j, v === null || v === undefined ? '' : v);
    }
  }
  ctx.workbook.notifyChange();
}

function formatCells(ctx: EtSimContext, sheet: SimSheet, r: CellRange, patch: (f: SimCellFormat) => void): void {
  ctx.beforeWrite(sheet);
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const cell = sheet.touch(row, col);
      cell.format = { ...(cell.format ?? {}) };
      patch(cell.format);
    }
  }
}

export function makeRange(ctx: EtSimContext, sheet: SimSheet, r: CellRange): EtRangeLike {
  const range: Record<string, unknown> = {};
  Object.defineProperties(range, {
    Value2: {
      get: () => cellsOf(ctx, r, (row, col) => sheet.cell(row, col)?.value ?? undefined),
      set: (v) => assign(ctx, sheet, r, v),
    },
    Formula: {
      get: () => cellsOf(ctx, r, (row, col) => {
        const cell = sheet.cell(row, col);
        if (!cell) return '';
        if (cell.formula) return cell.formula;
        return cell.value === null ? '' : String(cell.value);
      }),
      set: (v) => assign(ctx, sheet, r, v),
    },
    NumberFormat: {
      get: () => {
        const formats = cellsOf(ctx, r, (row, col) => sheet.cell(row, col)?.numberFormat ?? EMPTY_FORMAT);
        if (ctx.formatMode === 'array' || !Array.isArray(formats)) return formats;
        const first = (formats as string[][])[0]![0];
        return (formats as string[][]).every((row) => row.every((f) => f === first)) ? first : null;
      },
      set: (v) => {
        ctx.beforeWrite(sheet);
        for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) sheet.touch(row, col).numberFormat = String(v);
      },
    },
    Row: { get: () => r.top + 1 },
    Column: { get: () => r.left + 1 },
    Rows: { get: () => strict(countable(ctx, () => r.bottom - r.top + 1), 'Rows', ctx.countsNow) },
    Columns: {
      get: () => {
        const cols = countable(ctx, () => r.right - r.left + 1);
        cols.Item = (i: number) => makeRange(ctx, sheet, { top: r.top, bottom: r.bottom, left: r.left + i - 1, right: r.left + i - 1 });
        return strict(cols, 'Columns', ctx.countsNow);
      },
    },
    MergeCells: {
      get: () => sheet.merges.some((m) => m.top === r.top && m.left === r.left && m.bottom === r.bottom && m.right === r.right),
      set: (v) => {
        if (v) (range.Merge as () => void)();
      },
    },
    HorizontalAlignment: { get: () => undefined, set: (v) => formatCells(ctx, sheet, r, (f) => { f.horizontalAlignment = ALIGN[v as number] ?? String(v); }) },
    VerticalAlignment: { get: () => undefined, set: (v) => formatCells(ctx, sheet, r, (f) => { f.verticalAlignment = ALIGN[v as number] ?? String(v); }) },
    WrapText: { get: () => undefined, set: (v) => formatCells(ctx, sheet, r, (f) => { f.wrapText = !!v; }) },
    ColumnWidth: {
      get: () => sheet.columnWidths.get(r.left) ?? 8.43,
      // Characters, as ET takes them; kept in points like the Office simulation (7 px a character + 5 px).
      set: (chars: number) => {
        ctx.beforeWrite(sheet);
        for (let c = r.left; c <= r.right; c++) sheet.columnWidths.set(c, Math.round((chars * 7 + 5) * 0.75 * 100) / 100);
      },
    },
    RowHeight: {
      get: () => sheet.rowHeights.get(r.top) ?? 14.25,
      set: (points: number) => {
        ctx.beforeWrite(sheet);
        for (let row = r.top; row <= r.bottom; row++) sheet.rowHeights.set(row, points);
      },
    },
    Font: {
      get: () => {
        const font: Record<string, unknown> = {};
        const prop = (name: string, apply: (f: SimCellFormat, v: unknown) => void) =>
          Object.defineProperty(font, name, { get: () => undefined, set: (v) => formatCells(ctx, sheet, r, (f) => apply(f, v)), enumerable: true });
        prop('Name', (f, v) => { f.fontName = String(v); });
        prop('Size', (f, v) => { f.fontSize = Number(v); });
        prop('Bold', (f, v) => { f.bold = !!v; });
        prop('Color', (f, v) => { f.fontColor = bgrToHex(v); });
        return strict(font, 'Font', ctx.countsNow);
      },
    },
    Interior: {
      get: () => {
        const interior: Record<string, unknown> = {};
        Object.defineProperty(interior, 'Color', { get: () => undefined, set: (v) => formatCells(ctx, sheet, r, (f) => { f.fill = bgrToHex(v); }), enumerable: true });
        return strict(interior, 'Interior', ctx.countsNow);
      },
    },
  });
  ctx.dual(range, 'Address', () => absAddress(r));
  ctx.dual(range, 'MergeArea', () => {
    ctx.counts.mergeProbes += 1;
    const m = sheet.merges.find((area) => r.top >= area.top && r.top <= area.bottom && r.left >= area.left && r.left <= area.right);
    return makeRange(ctx, sheet, m ? { ...m } : { top: r.top, left: r.left, bottom: r.top, right: r.left });
  });
  range.Merge = () => {
    ctx.beforeWrite(sheet);
    sheet.merges = sheet.merges.filter((m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right);
    sheet.merges.push({ ...r });
  };
  range.ClearContents = () => {
    ctx.beforeWrite(sheet);
    ctx.counts.rangeWrites += 1;
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) {
      const cell = sheet.cell(row, col);
      if (cell) { cell.value = null; cell.formula = null; }
    }
    ctx.workbook.notifyChange();
  };
  range.Select = () => {
    ctx.liveSheet(sheet);
    if (ctx.workbook.activeSheetId !== sheet.id) throw new EtSimError('Select: the sheet is not active (activate it first)');
    ctx.workbook.selection = { sheetId: sheet.id, range: { ...r } };
    ctx.workbook.notifyChange();
  };
  range.SpecialCells = (type: number) => {
    if (type !== 12) throw new EtSimError(`SpecialCells(${type}) is not simulated`);
    ctx.counts.rangeReads += 1;
    const areas: CellRange[] = [];
    let start = -1;
    for (let row = r.top; row <= r.bottom + 1; row++) {
      const visible = row <= r.bottom && !sheet.hiddenRows.has(row);
      if (visible && start < 0) start = row;
      if (!visible && start >= 0) {
        areas.push({ top: start, bottom: row - 1, left: r.left, right: r.right });
        start = -1;
      }
    }
    if (!areas.length) throw new EtSimError('No cells were found.');
    const view: Record<string, unknown> = {};
    ctx.dual(view, 'Address', () => areas.map(absAddress).join(','));
    return strict(view, 'Range', ctx.countsNow) as unknown as EtRangeLike;
  };
  range.Item = (row: number, col = 1) => {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) throw new EtSimError(`Item(${row}, ${col}): indexes are 1-based`);
    const top = r.top + row - 1, left = r.left + col - 1;
    return makeRange(ctx, sheet, { top, left, bottom: top, right: left });
  };
  return strict(range, 'Range', ctx.countsNow) as unknown as EtRangeLike;
}

function countable(ctx: EtSimContext, count: () => number): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  ctx.dual(obj, 'Count', count);
  return obj;
}
