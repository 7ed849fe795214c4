/**
 * The sheets a workbook keeps beside the score sheet, as the CLI finds them: the ledger
 * (信息采用登记) and the roster (单位名录), by name or by header, and which command argv names.
 */
import { isLedgerGrid, isLedgerSheetName, isRosterSheetName, type Grid } from '../core';
import type { BookSheet } from '../xlsx/read';

const VALUE_OPTIONS = new Set(['--sheet', '--docx', '--lang', '--out', '--rank']);

/** The command word of an argument list: its first argument that is neither an option nor an option's value. */
export function commandOf(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1] ?? null;
    if (arg.startsWith('-') && arg !== '-') {
      if (VALUE_OPTIONS.has(arg) || arg === '-o' || arg === '-s') i++;
      continue;
    }
    return arg;
  }
  return null;
}

/** How many rows of a sheet to look at for a ledger or roster header. */
const HEADER_ROWS = 10;

/** The first rows of a worksheet as a grid: enough to see a header without reading a big sheet. */
function headGrid(ws: BookSheet): Grid {
  return ws.head(HEADER_ROWS, 30);
}

function rosterHeader(grid: Grid): boolean {
  return grid.values.some((row) => {
    const texts = row.map((v) => (typeof v === 'string' ? v.trim() : ''));
    return texts.includes('单位') && texts.includes('类别') && texts.includes('别名');
  });
}

/**
 * #13 ledger: the workbook's ledger (by name, else by header) and roster (单位名录, or a sheet
 * with 单位 | 类别 | 别名). Only the sheets chosen are read whole.
 */
export function ledgerAndRoster(sheets: readonly BookSheet[], rulesSheet: BookSheet | undefined): { ledgerGrid: Grid | null; rosterGrid: Grid | null; ledgerSheets: Set<BookSheet> } {
  const candidates = sheets.filter((ws) => ws !== rulesSheet && !ws.name.startsWith('__'));
  const heads = new Map<BookSheet, Grid>();
  const head = (ws: BookSheet) => heads.get(ws) ?? heads.set(ws, headGrid(ws)).get(ws)!;
  const ledgerWs =
    candidates.find((ws) => isLedgerSheetName(ws.name) && isLedgerGrid(head(ws))) ??
    candidates.find((ws) => !isRosterSheetName(ws.name) && !ws.isOwnSummary() && isLedgerGrid(head(ws)));
  const rosterWs = candidates.find((ws) => ws !== ledgerWs && isRosterSheetName(ws.name)) ?? candidates.find((ws) => ws !== ledgerWs && rosterHeader(head(ws)));
  const ledgerSheets = new Set<BookSheet>([ledgerWs, rosterWs].filter((ws): ws is BookSheet => !!ws));
  return { ledgerGrid: ledgerWs ? ledgerWs.grid() : null, rosterGrid: rosterWs ? rosterWs.grid() : null, ledgerSheets };
}

