/**
 * What every proxy of the simulated ET shares: the options, the call counts, the strict member
 * check, the refused-write error and the per-application state (write counter, injected failure,
 * DisplayAlerts, one proxy per sheet) that the range, worksheet and workbook proxies read.
 */
import type { SimSheet, SimWorkbook } from '../workbook';
import type { EtSheetLike } from '../../wps/et';

export type EtMemberStyle = 'method' | 'property';

export interface SimEtOptions {
  style?: EtMemberStyle;
  /** 'array' (2-D always) or 'uniformOrNull' (one string when all cells share a format, null when mixed). */
  numberFormat?: 'array' | 'uniformOrNull';
  build?: string;
}

/** What the simulated application counted since the last reset. */
export interface EtCallCounts {
  /** Reads of Value2 / Formula / NumberFormat on a range (each one whole-range call). */
  rangeReads: number;
  /** Writes of Value2 / Formula on a range. */
  rangeWrites: number;
  /** Largest number of cells a single whole-range read covered. */
  largestRead: number;
  /** MergeArea lookups (one cell each). */
  mergeProbes: number;
  /** Every member read or called, by name. */
  byMember: Record<string, number>;
}

/** The error WPS raises for a refused write (its message as WPS shows it). */
export class EtSimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtSimError';
  }
}

export function freshCounts(): EtCallCounts {
  return { rangeReads: 0, rangeWrites: 0, largestRead: 0, mergeProbes: 0, byMember: {} };
}

/** Wrap so that reading a member the model does not have throws (a typo must not read as undefined). */
export function strict<T extends object>(target: T, kind: string, counts: () => EtCallCounts): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return Reflect.get(obj, prop, receiver);
      if (!(prop in obj)) throw new EtSimError(`${kind} has no member "${prop}"`);
      const by = counts().byMember;
      by[prop] = (by[prop] ?? 0) + 1;
      return Reflect.get(obj, prop, receiver);
    },
    set(obj, prop, value, receiver) {
      if (typeof prop === 'string' && !(prop in obj)) throw new EtSimError(`${kind} has no member "${prop}"`);
      return Reflect.set(obj, prop, value, receiver);
    },
  });
}

/** The state of one simulated application, shared by its proxies. */
export interface EtSimContext {
  readonly workbook: SimWorkbook;
  readonly style: EtMemberStyle;
  readonly formatMode: NonNullable<SimEtOptions['numberFormat']>;
  /** Replaced (not cleared) by resetCounts, so read it through the context each time. */
  counts: EtCallCounts;
  /** Range writes so far, and the one that must fail (0: none), for failWrite. */
  writes: number;
  failAt: number;
  failMessage: string;
  /** The application's own flags; the application object is built on this very object. */
  readonly app: { DisplayAlerts: unknown; ScreenUpdating: unknown };
  /** One proxy per sheet, so that comparing proxies compares sheets. */
  readonly sheetObjects: WeakMap<SimSheet, EtSheetLike>;
  readonly countsNow: () => EtCallCounts;
  /** A property in 'property' builds, a method in 'method' builds. */
  dual<T>(obj: object, name: string, get: (...args: never[]) => T): void;
  liveSheet(sheet: SimSheet): SimSheet;
  beforeWrite(sheet: SimSheet): void;
}

export function createEtSimContext(workbook: SimWorkbook, options: SimEtOptions): EtSimContext {
  const ctx: EtSimContext = {
    workbook,
    style: options.style ?? 'property',
    formatMode: options.numberFormat ?? 'array',
    counts: freshCounts(),
    writes: 0,
    failAt: 0,
    failMessage: '',
    app: { DisplayAlerts: true, ScreenUpdating: true },
    sheetObjects: new WeakMap<SimSheet, EtSheetLike>(),
    countsNow: () => ctx.counts,
    dual<T>(obj: object, name: string, get: (...args: never[]) => T): void {
      if (ctx.style === 'method') Object.defineProperty(obj, name, { value: get, enumerable: true });
      else Object.defineProperty(obj, name, { get: () => get(), enumerable: true });
    },
    liveSheet(sheet: SimSheet): SimSheet {
      if (!workbook.sheets.includes(sheet)) throw new EtSimError('The object has been deleted (the worksheet no longer exists).');
      return sheet;
    },
    beforeWrite(sheet: SimSheet): void {
      ctx.liveSheet(sheet);
      if (sheet.protected) throw new EtSimError(`您试图更改的单元格或图表受保护，因而是只读的。(${sheet.name})`);
      ctx.writes += 1;
      if (ctx.failAt && ctx.writes === ctx.failAt) {
        ctx.failAt = 0;
        throw new EtSimError(ctx.failMessage || 'Write failed');
      }
    },
  };
  return ctx;
}
