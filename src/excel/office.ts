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

/**
 * After a failed batch that may have added a sheet under a temporary name (a new 考评汇总 or
 * 年度汇总 is built so before it is swapped in): remove it. Extra syncs on failure only; a
 * second failure is not reported, the first error is the one the user needs.
 */
export async function removeSheetAfterFailure(run: ExcelRunner, name: string): Promise<void> {
  try {
    await run({}, async (context) => {
      context.workbook.worksheets.getItemOrNullObject(name).delete();
      await context.sync();
    });
  } catch {
    /* the first error is the one to report */
  }
}

/** The real Excel.run, for the task pane and ribbon commands (office.js loaded from the CDN). */
export const officeExcelRunner: ExcelRunner = (options, batch) => Excel.run(options, batch);
