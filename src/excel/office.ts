/**
 * The two handles the adapter needs from the Office host, typed narrowly so the real
 * Office.js objects and the simulated workbook (src/sim) both fit.
 */

/** `Excel.run(options, batch)`: in the task pane, `officeExcelRunner`; in tests and the demo, the simulated one. */
export type ExcelRunner = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface AsyncResultLike {
  status: unknown;
  error?: { code?: number | string; message?: string } | null;
}

/** The parts of the global `Office` object the adapter uses. */
export interface OfficeLike {
  context: {
    displayLanguage?: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: {
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        saveAsync(callback?: (result: AsyncResultLike) => void): void;
      };
    };
  };
}

/** The real Excel.run, for the task pane and ribbon commands (office.js loaded from the CDN). */
export const officeExcelRunner: ExcelRunner = (options, batch) => Excel.run(options, batch);
