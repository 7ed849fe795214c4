/** Excel.RangeFormat with its font, fill and borders. */
import { SimOfficeError, SIM_ERROR, propertyNotLoaded } from './errors';
import type { SimRequestContext } from './context';
import { SimObject } from './object';
import type { SimRange } from './range';
import { guardProtected, type RangeTarget } from './target';
import type { SimCell, SimCellFormat } from './workbook';

type FormatKey = keyof SimCellFormat;

function eachCell(t: RangeTarget, f: (cell: SimCell, r: number, c: number) => void): void {
  guardProtected(t.sheet);
  for (let r = t.range.top; r <= t.range.bottom; r++) for (let c = t.range.left; c <= t.range.right; c++) f(t.sheet.touch(r, c), r, c);
}

function setFormat(t: RangeTarget, key: FormatKey, value: unknown): void {
  eachCell(t, (cell) => {
    cell.format = { ...(cell.format ?? {}), [key]: value };
  });
}

export class SimRangeFormat extends SimObject<RangeTarget> {
  readonly font: SimFormatPart;
  readonly fill: SimFormatPart & { clear(): void };
  readonly borders: { getItem(index: string): SimBorder };

  constructor(context: SimRequestContext, readonly range: SimRange) {
    super(context, `${range.path}.format`, () => range.target(), true, false);
    this.font = new SimFormatPart(context, this, 'font', { name: 'fontName', size: 'fontSize', bold: 'bold', italic: 'italic', color: 'fontColor' });
    const fill = new SimFormatPart(context, this, 'fill', { color: 'fill' }) as SimFormatPart & { clear(): void };
    fill.clear = () => this.queueCall('fill.clear', null, (t) => setFormat(t, 'fill', undefined));
    this.fill = fill;
    this.borders = {
      getItem: (index: string) => new SimBorder(context, this, index),
    };
  }

  protected override apiType(): string {
    return 'RangeFormat';
  }

  protected scalarProps(): readonly string[] {
    return ['columnWidth', 'rowHeight', 'horizontalAlignment', 'wrapText'];
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const first = t.sheet.cell(t.range.top, t.range.left)?.format ?? {};
    switch (prop) {
      case 'columnWidth': return t.sheet.columnWidths.get(t.range.left) ?? 48;
      case 'rowHeight': return t.sheet.rowHeights.get(t.range.top) ?? 14.25;
      case 'horizontalAlignment': return first.horizontalAlignment ?? 'General';
      case 'verticalAlignment': return first.verticalAlignment ?? 'Bottom';
      case 'wrapText': return first.wrapText ?? false;
      default: throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property RangeFormat.${prop}`);
    }
  }

  set columnWidth(points: number) {
    this.need('RangeFormat.columnWidth');
    this.queueSet('columnWidth', points, (t) => {
      guardProtected(t.sheet);
      for (let c = t.range.left; c <= t.range.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  get columnWidth(): number { return this.prop('columnWidth'); }

  set rowHeight(points: number) {
    this.need('RangeFormat.rowHeight');
    this.queueSet('rowHeight', points, (t) => {
      guardProtected(t.sheet);
      for (let r = t.range.top; r <= t.range.bottom; r++) t.sheet.rowHeights.set(r, points);
    });
  }

  get rowHeight(): number { return this.prop('rowHeight'); }

  set horizontalAlignment(value: string) {
    this.queueSet('horizontalAlignment', value, (t) => setFormat(t, 'horizontalAlignment', value));
  }

  get horizontalAlignment(): string { return this.prop('horizontalAlignment'); }

  set verticalAlignment(value: string) {
    this.queueSet('verticalAlignment', value, (t) => setFormat(t, 'verticalAlignment', value));
  }

  get verticalAlignment(): string { return this.prop('verticalAlignment'); }

  set wrapText(value: boolean) {
    this.queueSet('wrapText', value, (t) => setFormat(t, 'wrapText', value));
  }

  get wrapText(): boolean { return this.prop('wrapText'); }

  autofitColumns(): void {
    this.need('RangeFormat.autofitColumns');
    this.queueCall('autofitColumns', null, (t) => guardProtected(t.sheet));
  }

  autofitRows(): void {
    this.need('RangeFormat.autofitRows');
    this.queueCall('autofitRows', null, (t) => guardProtected(t.sheet));
  }

  /** @internal */
  queueFormat(name: string, value: unknown, apply: (t: RangeTarget) => void): void {
    this.queueSet(name, value, apply);
  }
}

export class SimFormatPart {
  constructor(
    context: SimRequestContext,
    private readonly format: SimRangeFormat,
    part: string,
    map: Record<string, FormatKey>,
  ) {
    void context;
    for (const [prop, key] of Object.entries(map)) {
      Object.defineProperty(this, prop, {
        enumerable: true,
        set: (value: unknown) => this.format.queueFormat(`${part}.${prop}`, value, (t) => setFormat(t, key, value)),
        get: () => {
          throw propertyNotLoaded(prop, `${format.path}.${part}`);
        },
      });
    }
  }
}

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

export class SimBorder {
  constructor(context: SimRequestContext, format: SimRangeFormat, index: string) {
    void context;
    if (!BORDER_EDGES.includes(index)) throw new SimOfficeError(SIM_ERROR.invalidArgument, `Border index ${index} is not simulated.`);
    const apply = (t: RangeTarget, style: string) => {
      eachCell(t, (cell, r, c) => {
        const b = { ...(cell.format?.borders ?? {}) };
        if ((index === 'EdgeTop' && r === t.range.top) || (index === 'InsideHorizontal' && r > t.range.top)) b.EdgeTop = style;
        if ((index === 'EdgeBottom' && r === t.range.bottom) || (index === 'InsideHorizontal' && r < t.range.bottom)) b.EdgeBottom = style;
        if ((index === 'EdgeLeft' && c === t.range.left) || (index === 'InsideVertical' && c > t.range.left)) b.EdgeLeft = style;
        if ((index === 'EdgeRight' && c === t.range.right) || (index === 'InsideVertical' && c < t.range.right)) b.EdgeRight = style;
        cell.format = { ...(cell.format ?? {}), borders: b };
      });
    };
    Object.defineProperty(this, 'style', {
      enumerable: true,
      set: (value: string) => format.queueFormat(`borders.${index}.style`, value, (t) => apply(t, value)),
      get: () => { throw propertyNotLoaded('style', `${format.path}.borders.${index}`); },
    });
    Object.defineProperty(this, 'color', {
      enumerable: true,
      set: (value: string) => format.queueFormat(`borders.${index}.color`, value, (t) => guardProtected(t.sheet)),
      get: () => { throw propertyNotLoaded('color', `${format.path}.borders.${index}`); },
    });
    Object.defineProperty(this, 'weight', {
      enumerable: true,
      set: (value: string) => format.queueFormat(`borders.${index}.weight`, value, (t) => guardProtected(t.sheet)),
      get: () => { throw propertyNotLoaded('weight', `${format.path}.borders.${index}`); },
    });
  }
}

/** Column letter helper re-exported for tests that build addresses. */
