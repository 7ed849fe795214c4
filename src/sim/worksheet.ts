/** Excel.Worksheet and its protection, over one simulated sheet. */
import { SimOfficeError, SIM_ERROR } from './errors';
import type { SimRequestContext } from './context';
import { SimChartCollection } from './charts';
import { SimEventHandlerResult, type ChangedHandler } from './events';
import { SimObject } from './object';
import { SimPageLayoutProxy } from './pageLayout';
import { parseRangeAddress, SimRange } from './range';
import { memberSupported } from './requirements';
import type { SimChangedArgs, SimSheet, SimWorkbook } from './workbook';

const SHEET_PROPS = ['name', 'id', 'visibility', 'position'] as const;

export class SimWorksheet extends SimObject<SimSheet> {
  private readonly sheetProtection: SimWorksheetProtection;
  readonly charts: SimChartCollection;
  private readonly layout: SimPageLayoutProxy;
  private readonly changed: { add(handler: ChangedHandler): SimEventHandlerResult };

  constructor(context: SimRequestContext, path: string, resolver: () => SimSheet | null, nullable: boolean, creation: boolean) {
    super(context, path, resolver, nullable, creation);
    this.sheetProtection = new SimWorksheetProtection(context, this);
    this.charts = new SimChartCollection(context, this);
    this.layout = new SimPageLayoutProxy(context, this);
    this.changed = {
      add: (handler: ChangedHandler) => {
        let off: (() => void) | null = null;
        const result = new SimEventHandlerResult(context, () => {
          off?.();
          off = null;
        });
        // Registered when the batch syncs, on the sheet the proxy resolves to then.
        this.queueCall('onChanged.add', null, (sheet) => {
          off = context.sim.onCellEdit((args) => {
            if (args.worksheetId !== sheet.id) return;
            // Before ExcelApi 1.14 the event does not say who made the change.
            const event: Partial<SimChangedArgs> = { ...args };
            if (!memberSupported(context.sim, 'WorksheetChangedEventArgs.triggerSource')) delete event.triggerSource;
            void Promise.resolve(handler(event as SimChangedArgs)).catch(() => undefined);
          });
        });
        return result;
      },
    };
  }

  protected override apiType(): string {
    return 'Worksheet';
  }

  /** ExcelApi 1.2. */
  get protection(): SimWorksheetProtection {
    this.need('Worksheet.protection');
    return this.sheetProtection;
  }

  /** ExcelApi 1.9. */
  get pageLayout(): SimPageLayoutProxy {
    this.need('Worksheet.pageLayout');
    return this.layout;
  }

  /** ExcelApi 1.7: raised when the user edits a cell of this sheet. */
  get onChanged(): { add(handler: ChangedHandler): SimEventHandlerResult } {
    this.need('Worksheet.onChanged');
    return this.changed;
  }

  protected scalarProps(): readonly string[] {
    return SHEET_PROPS;
  }

  protected read(sheet: SimSheet, prop: string): unknown {
    return SimWorksheet.readProps(this.context.sim, sheet, prop)[prop];
  }

  /** @internal a sheet's properties as a collection load reads them (all scalars when `prop` is null). */
  static readProps(sim: SimWorkbook, sheet: SimSheet, prop: string | null): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const name of prop === null ? SHEET_PROPS : [prop]) {
      switch (name) {
        case 'name': out[name] = sheet.name; break;
        case 'id': out[name] = sheet.id; break;
        case 'visibility': out[name] = sheet.visibility; break;
        case 'position': out[name] = sim.sheets.indexOf(sheet); break;
        default: throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown or unsupported property Worksheet.${name}`);
      }
    }
    return out;
  }

  /** @internal used by collection loads once their sync succeeded */
  setLoaded(props: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(props)) this.loaded.set(name, value);
  }

  get name(): string {
    return this.prop('name');
  }

  set name(value: string) {
    this.queueSet('name', value, (sheet) => {
      const sim = this.context.sim;
      if (sim.structureProtected) throw new SimOfficeError(SIM_ERROR.accessDenied, 'The workbook structure is protected.');
      if (sim.sheets.some((s) => s !== sheet && s.name.toLowerCase() === value.toLowerCase())) {
        throw new SimOfficeError(SIM_ERROR.itemAlreadyExists, `A sheet named ${value} already exists.`);
      }
      sheet.name = value;
    });
  }

  get id(): string {
    return this.prop('id');
  }

  get position(): number {
    return this.prop('position');
  }

  set position(value: number) {
    this.queueSet('position', value, (sheet) => {
      const sheets = this.context.sim.sheets;
      const from = sheets.indexOf(sheet);
      if (from < 0) return;
      sheets.splice(from, 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }

  get visibility(): string {
    return this.prop('visibility');
  }

  set visibility(value: string) {
    this.queueSet('visibility', value, (sheet) => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw new SimOfficeError(SIM_ERROR.invalidArgument, `Bad visibility ${value}`);
      if (value !== 'Visible') {
        const visible = this.context.sim.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
        if (visible.length === 0) throw new SimOfficeError(SIM_ERROR.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      }
      sheet.visibility = value;
    });
  }

  activate(): void {
    this.queueCall('activate', null, (sheet) => {
      if (sheet.visibility !== 'Visible') throw new SimOfficeError(SIM_ERROR.invalidOperation, 'A hidden sheet cannot be activated.');
      this.context.sim.setActive(sheet);
    });
  }

  delete(): void {
    this.queueCall('delete', null, (sheet) => this.context.sim.deleteSheet(sheet));
  }

  getRange(address?: string): SimRange {
    return new SimRange(this.context, `${this.path}.getRange(${JSON.stringify(address ?? null)})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      if (!address) return { sheet, range: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      return { sheet, range: parseRangeAddress(address) };
    }, this.isNullable(), true);
  }

  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    this.need('Worksheet.getRangeByIndexes');
    return this.byIndexes(startRow, startColumn, rowCount, columnCount);
  }

  private byIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return new SimRange(this.context, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) throw new SimOfficeError(SIM_ERROR.invalidArgument, 'Bad range indexes.');
      return { sheet, range: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    }, this.isNullable(), true);
  }

  getCell(row: number, column: number): SimRange {
    return this.byIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): SimRange {
    return new SimRange(this.context, `${this.path}.getUsedRange(${valuesOnly ? 'true' : ''})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      return { sheet, range: sheet.usedRange(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    }, this.isNullable(), true);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    this.need('Worksheet.getUsedRangeOrNullObject');
    return new SimRange(this.context, `${this.path}.getUsedRangeOrNullObject(${valuesOnly ? 'true' : ''})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      const used = sheet.usedRange(!!valuesOnly);
      return used ? { sheet, range: used } : null;
    }, true, true);
  }

  private isNullable(): boolean {
    // Ranges of a null worksheet are null objects too (calls on them do nothing).
    return true;
  }
}

export class SimWorksheetProtection extends SimObject<SimSheet> {
  constructor(context: SimRequestContext, parent: SimWorksheet) {
    super(context, `${parent.path}.protection`, () => parent.target(), true, false);
  }

  protected override apiType(): string {
    return 'WorksheetProtection';
  }

  protected scalarProps(): readonly string[] {
    return ['protected'];
  }

  protected read(sheet: SimSheet, prop: string): unknown {
    if (prop === 'protected') return sheet.protected;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property WorksheetProtection.${prop}`);
  }

  get protected(): boolean {
    return this.prop('protected');
  }
}

