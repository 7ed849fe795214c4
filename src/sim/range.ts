/** Excel.Range and Excel.RangeAreas over cells of a simulated sheet. */
import { rangeA1, type CellRange, type CellValue } from '../core/grid';
import { SimOfficeError, SIM_ERROR } from './errors';
import type { SimRequestContext } from './context';
import { SimRangeFormat } from './format';
import { SimObject } from './object';
import { guardProtected, intersects, parseRangeAddress, quoteSheet, type RangeTarget } from './target';
import { writeInput, type SimCell, type SimSheet } from './workbook';

export { parseRangeAddress, type RangeTarget } from './target';

const RANGE_PROPS = ['address', 'values', 'formulas', 'numberFormat', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount'] as const;

function outputValue(cell: SimCell | undefined): CellValue {
  // Excel returns "" for empty cells, never null.
  if (!cell || cell.value === null) return '';
  return cell.value;
}

export class SimRange extends SimObject<RangeTarget> {
  readonly format: SimRangeFormat;

  constructor(context: SimRequestContext, path: string, resolver: () => RangeTarget | null, nullable: boolean, creation: boolean) {
    super(context, path, resolver, nullable, creation);
    this.format = new SimRangeFormat(context, this);
  }

  protected override apiType(): string {
    return 'Range';
  }

  protected scalarProps(): readonly string[] {
    return RANGE_PROPS;
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const { sheet, range } = t;
    const grid = <V>(f: (cell: SimCell | undefined, r: number, c: number) => V): V[][] => {
      const rows: V[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: V[] = [];
        for (let c = range.left; c <= range.right; c++) row.push(f(sheet.cell(r, c), r, c));
        rows.push(row);
      }
      return rows;
    };
    switch (prop) {
      case 'address': return `${quoteSheet(sheet.name)}!${rangeA1(range)}`;
      case 'values': return grid((cell) => outputValue(cell));
      case 'formulas': return grid((cell) => cell?.formula ?? outputValue(cell));
      case 'numberFormat': return grid((cell) => cell?.numberFormat ?? 'General');
      case 'rowCount': return range.bottom - range.top + 1;
      case 'columnCount': return range.right - range.left + 1;
      case 'rowIndex': return range.top;
      case 'columnIndex': return range.left;
      case 'cellCount': return (range.bottom - range.top + 1) * (range.right - range.left + 1);
      case 'rowHidden': {
        let hidden = 0;
        for (let r = range.top; r <= range.bottom; r++) if (sheet.hiddenRows.has(r)) hidden += 1;
        return hidden === 0 ? false : hidden === range.bottom - range.top + 1 ? true : null;
      }
      default: throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown or unsupported property Range.${prop}`);
    }
  }

  get address(): string { return this.prop('address'); }
  get values(): CellValue[][] { return this.prop('values'); }
  get formulas(): CellValue[][] { return this.prop('formulas'); }
  get numberFormat(): string[][] { return this.prop('numberFormat'); }
  get rowCount(): number { return this.prop('rowCount'); }
  get columnCount(): number { return this.prop('columnCount'); }
  get rowIndex(): number { return this.prop('rowIndex'); }
  get columnIndex(): number { return this.prop('columnIndex'); }
  get cellCount(): number { return this.prop('cellCount'); }
  get rowHidden(): boolean | null { return this.prop('rowHidden'); }

  set values(input: unknown) {
    this.queueSet('values', input, (t) => {
      this.writeCells(t, input, (sheet, r, c, v) => writeInput(sheet, r, c, v));
      this.context.sim.addinEdited(t.sheet, t.range);
    });
  }

  set formulas(input: unknown) {
    this.queueSet('formulas', input, (t) => {
      this.writeCells(t, input, (sheet, r, c, v) => writeInput(sheet, r, c, v));
      this.context.sim.addinEdited(t.sheet, t.range);
    });
  }

  set numberFormat(input: unknown) {
    this.queueSet('numberFormat', input, (t) => this.writeCells(t, input, (sheet, r, c, v) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'string') throw new SimOfficeError(SIM_ERROR.invalidArgument, 'A number format must be text.');
      guardProtected(sheet);
      sheet.touch(r, c).numberFormat = v === '' ? 'General' : v;
    }));
  }

  private writeCells(t: RangeTarget, input: unknown, each: (sheet: SimSheet, r: number, c: number, v: unknown) => void): void {
    const { sheet, range } = t;
    const rows = range.bottom - range.top + 1;
    const cols = range.right - range.left + 1;
    guardProtected(sheet);
    if (!Array.isArray(input)) {
      for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) each(sheet, r, c, input);
      return;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new SimOfficeError(SIM_ERROR.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
    }
    input.forEach((row: unknown[], i) => row.forEach((v, j) => each(sheet, range.top + i, range.left + j, v)));
  }

  getCell(row: number, column: number): SimRange {
    return new SimRange(this.context, `${this.path}.getCell(${row},${column})`, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, range: { top: t.range.top + row, left: t.range.left + column, bottom: t.range.top + row, right: t.range.left + column } } : null;
    }, true, true);
  }

  getRow(row: number): SimRange {
    return new SimRange(this.context, `${this.path}.getRow(${row})`, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, range: { ...t.range, top: t.range.top + row, bottom: t.range.top + row } } : null;
    }, true, true);
  }

  getColumn(column: number): SimRange {
    return new SimRange(this.context, `${this.path}.getColumn(${column})`, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, range: { ...t.range, left: t.range.left + column, right: t.range.left + column } } : null;
    }, true, true);
  }

  /** ExcelApi 1.4: the overlap with another range (or address) of the same sheet; a null object when none. */
  getIntersectionOrNullObject(anotherRange: SimRange | string): SimRange {
    this.need('Range.getIntersectionOrNullObject');
    const other = typeof anotherRange === 'string' ? JSON.stringify(anotherRange) : anotherRange.path;
    return new SimRange(this.context, `${this.path}.getIntersectionOrNullObject(${other})`, () => {
      const t = this.target();
      if (!t) return null;
      let range: CellRange;
      if (typeof anotherRange === 'string') {
        range = parseRangeAddress(anotherRange);
      } else {
        const o = anotherRange.target();
        if (!o) return null;
        if (o.sheet !== t.sheet) throw new SimOfficeError(SIM_ERROR.invalidArgument, 'The ranges are on different worksheets.');
        range = o.range;
      }
      if (!intersects(range, t.range)) return null;
      return {
        sheet: t.sheet,
        range: { top: Math.max(range.top, t.range.top), left: Math.max(range.left, t.range.left), bottom: Math.min(range.bottom, t.range.bottom), right: Math.min(range.right, t.range.right) },
      };
    }, true, true);
  }

  /** ExcelApi 1.13. Fails when more than 512 areas are merged, as documented. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    this.need('Range.getMergedAreasOrNullObject');
    return new SimRangeAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const t = this.target();
      if (!t) return null;
      const areas = t.sheet.merges.filter((m) => intersects(m, t.range));
      if (areas.length > 512) throw new SimOfficeError(SIM_ERROR.generalException, 'There are more than 512 merged areas in the range.');
      return areas.length ? { sheet: t.sheet, areas } : null;
    });
  }

  /** ExcelApi 1.9: only the "Visible" kind is simulated. */
  getSpecialCellsOrNullObject(cellType: string): SimRangeAreas {
    this.need('Range.getSpecialCellsOrNullObject');
    return new SimRangeAreas(this.context, `${this.path}.getSpecialCellsOrNullObject(${JSON.stringify(cellType)})`, () => {
      if (cellType !== 'Visible') throw new SimOfficeError(SIM_ERROR.invalidArgument, `Special cell type ${cellType} is not simulated.`);
      const t = this.target();
      if (!t) return null;
      const areas: CellRange[] = [];
      let start: number | null = null;
      for (let r = t.range.top; r <= t.range.bottom + 1; r++) {
        const visible = r <= t.range.bottom && !t.sheet.hiddenRows.has(r);
        if (visible && start === null) start = r;
        if (!visible && start !== null) {
          areas.push({ top: start, left: t.range.left, bottom: r - 1, right: t.range.right });
          start = null;
        }
      }
      return areas.length ? { sheet: t.sheet, areas } : null;
    });
  }

  select(): void {
    this.queueCall('select', null, (t) => {
      const sim = this.context.sim;
      if (t.sheet.visibility !== 'Visible') throw new SimOfficeError(SIM_ERROR.invalidOperation, 'Cannot select a range on a hidden sheet.');
      sim.setActive(t.sheet);
      sim.selection = { sheetId: t.sheet.id, range: { ...t.range } };
    });
  }

  /** ExcelApi 1.2. */
  merge(across?: boolean): void {
    this.need('Range.merge');
    this.queueCall('merge', [across ?? false], (t) => {
      guardProtected(t.sheet);
      const areas: CellRange[] = across
        ? Array.from({ length: t.range.bottom - t.range.top + 1 }, (_, i) => ({ ...t.range, top: t.range.top + i, bottom: t.range.top + i }))
        : [{ ...t.range }];
      for (const area of areas) {
        if (area.top === area.bottom && area.left === area.right) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, area));
        t.sheet.merges.push(area);
      }
    });
  }

  /** ExcelApi 1.2. */
  unmerge(): void {
    this.need('Range.unmerge');
    this.queueCall('unmerge', null, (t) => {
      guardProtected(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.range));
    });
  }

  /** applyTo: "All" (default), "Contents", "Formats". */
  clear(applyTo?: string): void {
    this.queueCall('clear', [applyTo ?? 'All'], (t) => {
      guardProtected(t.sheet);
      const what = applyTo ?? 'All';
      for (const [k, cell] of [...t.sheet.cells]) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (r < t.range.top || r > t.range.bottom || c < t.range.left || c > t.range.right) continue;
        if (what === 'All' || what === 'Contents') { cell.value = null; cell.formula = null; }
        if (what === 'All' || what === 'Formats') { cell.numberFormat = 'General'; cell.format = null; }
        if (cell.value === null && cell.formula === null && cell.numberFormat === 'General' && cell.format === null) t.sheet.cells.delete(k);
      }
      if (what === 'All' || what === 'Formats') t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.range));
    });
  }
}

export class SimRangeAreas extends SimObject<{ sheet: SimSheet; areas: CellRange[] }> {
  constructor(context: SimRequestContext, path: string, resolver: () => { sheet: SimSheet; areas: CellRange[] } | null) {
    super(context, path, resolver, true, true);
  }

  protected scalarProps(): readonly string[] {
    return ['address', 'areaCount'];
  }

  protected read(t: { sheet: SimSheet; areas: CellRange[] }, prop: string): unknown {
    if (prop === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeA1(a)}`).join(',');
    if (prop === 'areaCount') return t.areas.length;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property RangeAreas.${prop}`);
  }

  get address(): string { return this.prop('address'); }
  get areaCount(): number { return this.prop('areaCount'); }
}

