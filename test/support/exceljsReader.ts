/**
 * The reading path the CLI and the demo had before src/xlsx/read.ts: merges clipped in the
 * package (sheetBounds), then exceljs, then each worksheet into a Grid. Kept here as the
 * reference the package reader is compared with (test/xlsx/reader.test.ts).
 */
import { Workbook } from 'exceljs';
import type { Grid } from '../../src/core';
import { trimAbsurdMerges, type ClippedMerge } from '../../src/cli/sheetBounds';
import { isOwnSummarySheet, readWorksheet, type OutsideCells } from '../../src/xlsx/workbook';

export interface OldReading {
  sheets: Array<{ name: string; grid: Grid; outside: OutsideCells | null; ownSummary: boolean }>;
  clipped: ClippedMerge[];
}

export async function exceljsRead(data: Uint8Array): Promise<OldReading> {
  const trimmed = await trimAbsurdMerges(data);
  const workbook = new Workbook();
  await workbook.xlsx.load(trimmed.data as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return {
    sheets: workbook.worksheets.map((ws) => ({ name: ws.name, ...readWorksheet(ws), ownSummary: isOwnSummarySheet(ws) })),
    clipped: trimmed.clipped,
  };
}
