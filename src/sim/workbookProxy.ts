/** Excel.Workbook, its protection and its worksheet collection, over the simulated workbook. */
import { SimOfficeError, SIM_ERROR, propertyNotLoaded } from './errors';
import type { SimRequestContext } from './context';
import { SimEventHandlerResult, type ActivatedHandler } from './events';
import { SimObject } from './object';
import { SimRange } from './range';
import type { SimSheet, SimWorkbook } from './workbook';
import { SimWorksheet } from './worksheet';

export class SimWorkbookProxy extends SimObject<SimWorkbook> {
  readonly worksheets: SimWorksheetCollection;
  private readonly workbookProtection: SimWorkbookProtection;

  constructor(context: SimRequestContext) {
    super(context, 'workbook', () => context.sim, false, false);
    this.worksheets = new SimWorksheetCollection(context, this);
    this.workbookProtection = new SimWorkbookProtection(context, this);
  }

  protected override apiType(): string {
    return 'Workbook';
  }

  /** ExcelApi 1.7. */
  get protection(): SimWorkbookProtection {
    this.need('Workbook.protection');
    return this.workbookProtection;
  }

  protected scalarProps(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  getSelectedRange(): SimRange {
    const wb = this.context.sim;
    return new SimRange(this.context, 'workbook.getSelectedRange()', () => {
      const sel = wb.selection;
      const sheet = sel ? wb.sheetById(sel.sheetId) : undefined;
      if (sel && sheet) return { sheet, range: sel.range };
      return { sheet: wb.activeSheet, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    }, false, true);
  }

  getActiveCell(): SimRange {
    this.need('Workbook.getActiveCell');
    return this.getSelectedRange().getCell(0, 0);
  }
}

export class SimWorkbookProtection extends SimObject<SimWorkbook> {
  constructor(context: SimRequestContext, parent: SimWorkbookProxy) {
    super(context, `${parent.path}.protection`, () => parent.target(), false, false);
  }

  protected override apiType(): string {
    return 'WorkbookProtection';
  }

  protected scalarProps(): readonly string[] {
    return ['protected'];
  }

  protected read(target: SimWorkbook, prop: string): unknown {
    if (prop === 'protected') return target.structureProtected;
    throw new SimOfficeError(SIM_ERROR.invalidArgument, `Unknown property ${prop}`);
  }

  get protected(): boolean {
    return this.prop('protected');
  }
}

export class SimWorksheetCollection extends SimObject<SimWorkbook> {
  private itemsList: SimWorksheet[] | undefined;
  private readonly activated: { add(handler: ActivatedHandler): SimEventHandlerResult };

  constructor(context: SimRequestContext, parent: SimWorkbookProxy) {
    super(context, 'workbook.worksheets', () => parent.target(), false, false);
    this.activated = {
      add: (handler: ActivatedHandler) => {
        let off: (() => void) | null = null;
        const result = new SimEventHandlerResult(context, () => {
          off?.();
          off = null;
        });
        context.enqueue({ path: this.path, kind: 'call', name: 'onActivated.add', args: null, exec: () => {
          off = context.sim.onActivation((sheet) => {
            void Promise.resolve(handler({ type: 'WorksheetActivated', worksheetId: sheet.id })).catch(() => undefined);
          });
        } });
        return result;
      },
    };
  }

  protected override apiType(): string {
    return 'WorksheetCollection';
  }

  /** ExcelApi 1.7. */
  get onActivated(): { add(handler: ActivatedHandler): SimEventHandlerResult } {
    this.need('WorksheetCollection.onActivated');
    return this.activated;
  }

  protected scalarProps(): readonly string[] {
    return ['items'];
  }

  protected read(): unknown {
    return undefined;
  }

  protected override loadOne(target: SimWorkbook, name: string): void {
    // "items/name" loads each sheet's name; "items" or "name" alone loads every scalar.
    const sub = name.startsWith('items/') ? name.slice('items/'.length) : name === 'items' ? null : name;
    const sheets = [...target.sheets];
    const props = sheets.map((sheet) => SimWorksheet.readProps(this.context.sim, sheet, sub));
    this.context.stage({
      path: this.path,
      name,
      value: props,
      commit: () => {
        const list = this.itemsList && this.itemsList.length === sheets.length ? this.itemsList : sheets.map((sheet) => new SimWorksheet(this.context, `workbook.worksheets.getItem(${JSON.stringify(sheet.id)})`, () => sheet, false, false));
        sheets.forEach((sheet, i) => {
          const proxy = list[i]!;
          proxy.bind(sheet);
          proxy.setLoaded(props[i]!);
        });
        this.itemsList = list;
        this.loaded.set('items', list);
      },
    });
  }

  get items(): SimWorksheet[] {
    if (!this.itemsList) throw propertyNotLoaded('items', this.path);
    return this.itemsList;
  }

  getActiveWorksheet(): SimWorksheet {
    const sim = this.context.sim;
    return new SimWorksheet(this.context, 'workbook.worksheets.getActiveWorksheet()', () => sim.activeSheet, false, true);
  }

  getItem(key: string): SimWorksheet {
    const sim = this.context.sim;
    return new SimWorksheet(this.context, `workbook.worksheets.getItem(${JSON.stringify(key)})`, () => findSheet(sim, key), false, true);
  }

  getItemOrNullObject(key: string): SimWorksheet {
    this.need('WorksheetCollection.getItemOrNullObject');
    const sim = this.context.sim;
    return new SimWorksheet(this.context, `workbook.worksheets.getItemOrNullObject(${JSON.stringify(key)})`, () => findSheet(sim, key), true, true);
  }

  add(name?: string): SimWorksheet {
    const sim = this.context.sim;
    const path = `workbook.worksheets.add(${JSON.stringify(name ?? null)})`;
    const proxy = new SimWorksheet(this.context, path, () => null, true, false);
    this.context.enqueue({ path, kind: 'call', name: 'add', args: name ?? null, exec: () => {
      let sheetName = name;
      if (!sheetName) {
        let n = sim.sheets.length + 1;
        while (sim.sheet(`Sheet${n}`)) n += 1;
        sheetName = `Sheet${n}`;
      }
      proxy.bind(sim.addSheet(sheetName));
    } });
    return proxy;
  }
}

function findSheet(sim: SimWorkbook, key: string): SimSheet | null {
  return sim.sheets.find((s) => s.id === key) ?? sim.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? null;
}

