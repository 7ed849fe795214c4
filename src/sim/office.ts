/**
 * The global objects an add-in sees (Excel.run, Office.context, Office.onReady), backed by
 * a SimWorkbook. Used by the tests directly and by ./browser.ts to define window.Office/Excel.
 */
import { SimRequestContext, type SimRunOptions } from './api';
import { SimOfficeError, SIM_ERROR } from './errors';
import { memberSupported } from './requirements';

const EXCEL_ERROR_KEYS = [
  'accessDenied',
  'generalException',
  'invalidArgument',
  'invalidOperation',
  'invalidOperationInCellEditMode',
  'itemAlreadyExists',
  'itemNotFound',
  'requestPayloadSizeLimitExceeded',
  'responsePayloadSizeLimitExceeded',
] as const;
import type { SimWorkbook } from './workbook';

export type SimBatch<T> = (context: SimRequestContext) => Promise<T>;

export interface SimExcel {
  run<T>(batch: SimBatch<T>): Promise<T>;
  run<T>(options: SimRunOptions, batch: SimBatch<T>): Promise<T>;
  ErrorCodes: Record<string, string>;
}

export function createSimExcel(workbook: SimWorkbook): SimExcel {
  const run = async <T>(first: SimRunOptions | SimBatch<T>, second?: SimBatch<T>): Promise<T> => {
    const batch = typeof first === 'function' ? first : second;
    const options: SimRunOptions = typeof first === 'function' ? {} : first ?? {};
    if (typeof batch !== 'function') throw new SimOfficeError(SIM_ERROR.invalidArgument, 'Excel.run needs a batch function.');
    // Run options only take effect where the requirement set is supported, as in Excel.
    const record = {
      delayForCellEdit: !!options.delayForCellEdit && memberSupported(workbook, 'RunOptions.delayForCellEdit'),
      mergeUndoGroup: !!options.mergeUndoGroup && memberSupported(workbook, 'RunOptions.mergeUndoGroup'),
      syncs: 0,
    };
    workbook.runLog.push(record);
    const context = new SimRequestContext(workbook, record);
    const result = batch(context);
    // Callers in plain JavaScript may hand back anything: Excel refuses a batch that is not a promise.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    if (!result || typeof (result).then !== 'function') {
      throw new SimOfficeError('RunMustReturnPromise', 'The batch function passed to the ".run" method didn\'t return a promise.');
    }
    const value = await result;
    // Excel.run sends whatever is still queued when the batch resolves (nothing when the queue is empty).
    if (context.pendingStatements > 0) await context.sync();
    return value;
  };
  return {
    run: run,
    // Excel.ErrorCodes holds the Excel codes; connection and load errors are OfficeExtension's.
    ErrorCodes: Object.fromEntries(EXCEL_ERROR_KEYS.map((key) => [key, SIM_ERROR[key]])),
  };
}

export interface SimAsyncResult {
  status: 'succeeded' | 'failed';
  value: undefined;
  error: { code: number; name: string; message: string } | null;
}

export interface SimOffice {
  context: {
    displayLanguage: string;
    contentLanguage: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: {
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(callback?: (result: SimAsyncResult) => void): void;
      };
    };
    officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  HostType: { Excel: 'Excel' };
  PlatformType: { OfficeOnline: 'OfficeOnline' };
  AsyncResultStatus: { Succeeded: 'succeeded'; Failed: 'failed' };
  actions: { associate(name: string, action: (event: unknown) => unknown): void };
  addin: { showAsTaskpane(): Promise<void>; hide(): Promise<void> };
  /** Ribbon actions registered with Office.actions.associate, for the demo's buttons. */
  readonly registeredActions: Map<string, (event: unknown) => unknown>;
}

export interface SimOfficeOptions {
  displayLanguage?: string;
  /** Make settings.saveAsync fail (failure injection). */
}

/** Office.* over the workbook. Settings set here are kept per add-in instance until saveAsync, like Office. */
export function createSimOffice(workbook: SimWorkbook, options: SimOfficeOptions = {}): SimOffice & { failNextSave(message?: string): void } {
  let pending: Record<string, unknown> = structuredClone(workbook.savedSettings);
  let failSave: string | null = null;
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const actions = new Map<string, (event: unknown) => unknown>();
  return {
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      contentLanguage: options.displayLanguage ?? 'zh-CN',
      requirements: { isSetSupported: (name, minVersion) => workbook.isSetSupported(name, minVersion) },
      document: {
        settings: {
          get: (name) => (name in pending ? structuredClone(pending[name]) : null),
          set: (name, value) => {
            pending[name] = structuredClone(value);
          },
          remove: (name) => {
            delete pending[name];
          },
          saveAsync: (callback) => {
            setTimeout(() => {
              if (failSave !== null) {
                const message = failSave;
                failSave = null;
                callback?.({ status: 'failed', value: undefined, error: { code: 5001, name: 'Internal Error', message } });
                return;
              }
              workbook.savedSettings = structuredClone(pending);
              pending = structuredClone(workbook.savedSettings);
              callback?.({ status: 'succeeded', value: undefined, error: null });
            }, 0);
          },
        },
      },
      officeTheme: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000' },
    },
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    actions: { associate: (name, action) => void actions.set(name, action) },
    addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve() },
    registeredActions: actions,
    failNextSave(message = 'The settings could not be saved.') {
      failSave = message;
    },
  };
}
