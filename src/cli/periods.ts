/**
 * #14 year in the CLI: a workbook's period sheets and companions (单位名录, 采用登记, 考评规则),
 * for `scorecard year` and for the quarter's context in `summary` (rank movement and 零报送
 * periods running, when the workbook also holds the periods before it). Kept apart from main.ts
 * and year.ts so both may use it without an import cycle.
 */
import { analyze, normalizeName, periodContext, RULES_SHEET_NAME, type Analysis, type PeriodContext, type RankMode, type YearSheet, type YearWorkbook } from '../core';
import type { Book, BookSheet } from '../xlsx/read';
import { ledgerAndRoster } from './companions';

const isRules = (ws: BookSheet) => normalizeName(ws.name) === normalizeName(RULES_SHEET_NAME);

/** Every score sheet of a workbook (but `skip`), analysed with its own 考评规则; sheets the product wrote are left out. */
export function periodSheets(file: string, workbook: Book, rank: RankMode | null, skip: string | null = null): YearSheet[] {
  const rulesSheet = workbook.worksheets.find(isRules);
  const rulesGrid = rulesSheet ? rulesSheet.grid() : null;
  const { ledgerSheets, ledgerGrid, rosterGrid } = ledgerAndRoster(workbook.worksheets, rulesSheet);
  const out: YearSheet[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.name === skip || isRules(ws) || ledgerSheets.has(ws) || ws.isOwnSummary() || ws.name.startsWith('__')) continue;
    // With the ledger and roster, as the add-in analyses a sheet: a points table's 采用得分 is the period's own pieces.
    const analysis: Analysis = analyze(ws.grid(), { rulesGrid, ledgerGrid, rosterGrid, overrides: rank ? { rankMode: rank } : {} });
    if (analysis.scored) out.push({ analysis, file });
  }
  return out;
}

/** A workbook's 单位名录, 采用登记 and 考评规则, for matching units and the annual notice's 二 and 三. */
export function yearWorkbook(file: string, workbook: Book): YearWorkbook {
  const rulesSheet = workbook.worksheets.find(isRules);
  const { ledgerGrid, rosterGrid } = ledgerAndRoster(workbook.worksheets, rulesSheet);
  return { file, ledgerGrid, rosterGrid, rulesGrid: rulesSheet ? rulesSheet.grid() : null };
}

/**
 * The chosen sheet's place among the workbook's other period sheets (null when it has none
 * before it): what 考评汇总 shows as rank movement and as 零报送（连续N期）, as in the add-in.
 */
export function workbookPeriodContext(workbook: Book, chosen: Analysis): PeriodContext | null {
  if (!chosen.scored || workbook.worksheets.length < 2) return null;
  const others = periodSheets('', workbook, chosen.rules.rankMode, chosen.sheetName);
  if (others.length === 0) return null;
  return periodContext(chosen, [{ analysis: chosen }, ...others], { workbooks: [yearWorkbook('', workbook)] });
}
