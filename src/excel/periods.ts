/** Which sheets of a workbook can hold a period (kept apart from ./year, which the pane fetches only when needed). */
import { isOwnSheetName, RULES_SHEET_NAME, SUMMARY_SHEET_NAME, YEAR_SHEET_NAME } from '../core';
import { UNDO_SHEET_NAME } from './undoStore';

/** Sheets that can hold a period: not 考评规则, not the undo store or a backup, not named like the product's own sheets. */
export function periodCandidates(names: readonly string[]): string[] {
  return names.filter(
    (n) => n !== RULES_SHEET_NAME && n !== UNDO_SHEET_NAME && !n.startsWith('__') && !isOwnSheetName(n, SUMMARY_SHEET_NAME) && !isOwnSheetName(n, YEAR_SHEET_NAME),
  );
}
