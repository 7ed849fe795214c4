/**
 * #14 year in Excel: read every period sheet, make the year, write 年度汇总 like 考评汇总 (never
 * over a user's sheet of that name), and undo it. Undo needs no record: when a new 年度汇总
 * replaces the product's earlier one, the earlier one is kept as a hidden sheet (BACKUP_NAME),
 * and undo deletes the new sheet and shows the earlier one again in its place.
 *
 * Syncs: previewYear 1 + one per SHEETS_PER_SYNC other sheets (more only for a sheet past its
 * share of the 5 MB budget); applyYear ≤ 3; undoYear ≤ 3; periodContext likewise over the sheets
 * whose tab names give a period. Each sync is a round trip to Excel (on the web, the slow part).
 */
import {
  analyze,
  buildYear,
  buildYearSheet,
  periodContext,
  recognisePeriod,
  YEAR_SHEET_NAME,
  type Analysis,
  type Grid,
  type PeriodContext,
  type YearSheet,
  freeSheetName,
  isOwnSheetName,
  isOwnSheetRows,
  type YearWorkbook,
} from '../core';
import { summaryText, type Locale } from '../i18n';
import type { HostOutcome, Inspection, YearPreview } from '../host/port';
import type { syncReporter } from '../host/diagnostics';
import { failure, failureFromError } from './errors';
import { removeSheetAfterFailure, type ExcelRunner, type OfficeLike } from './office';
import { firstBlockRows, queueSheetRead, readActiveSheet, readSheetByName, type SheetRead, type WorkbookRead } from './read';
import { DEFAULT_PAYLOAD_BUDGET, isResponseTooLarge } from './blocks';
import { queueRenderSpec } from './summary';
import { periodCandidates } from './periods';
import { ok } from '../core/result';

/** The product's previous 年度汇总, kept hidden so that undo can put it back. */
export const YEAR_BACKUP_NAME = '__年度汇总~上次';

export interface YearHostDeps {
  run: ExcelRunner;
  office: OfficeLike;
  runOptions: () => Excel.RunOptions;
  readOptions: { budget?: number };
  inspection: (read: WorkbookRead) => Inspection;
  locale: () => Locale;
  /** The host's success outcome, telling its test-only listener the syncs spent. */
  done: ReturnType<typeof syncReporter>;
}

/**
 * The workbook's 单位名录, 采用登记 and 考评规则 as the first read found them: units are matched
 * through the roster's aliases by core buildYear (as in the CLI), else by their names.
 */
function companions(read: WorkbookRead): YearWorkbook[] {
  return [{ ledgerGrid: read.ledgerGrid ?? null, rosterGrid: read.rosterGrid ?? null, rulesGrid: read.rulesGrid }];
}

/** Sheets the first read already holds as the ledger or the roster: never a period, never read again. */
function companionNames(read: WorkbookRead): Set<string> {
  return new Set([read.ledgerGrid?.sheetName, read.rosterGrid?.sheetName].filter((n): n is string => !!n));
}

/**
 * A period sheet analysed as the active one is: with the rules, the settings, and the ledger and
 * roster (with a points table, its 采用得分 is its own period's pieces), as the CLI does.
 */
function analyzePeriod(grid: Grid, read: WorkbookRead, active: Inspection): Analysis {
  return analyze(grid, { rulesGrid: read.rulesGrid, ledgerGrid: read.ledgerGrid ?? null, rosterGrid: read.rosterGrid ?? null, overrides: { rankMode: active.settings.rankMode, topN: active.settings.topN } });
}

/** Period sheets read together in one sync, each its share of the budget for its first block. */
export const SHEETS_PER_SYNC = 4;

/**
 * The sheets `names`, SHEETS_PER_SYNC to a sync (a sheet larger than its share is finished in
 * blocks, as alone). Should Excel still refuse a sync as too large, those sheets are read one by one.
 */
async function readSheets(context: Excel.RequestContext, office: OfficeLike, names: readonly string[], options: { budget?: number }): Promise<{ reads: Array<SheetRead | null>; syncs: number }> {
  const reads: Array<SheetRead | null> = [];
  let syncs = 0;
  const budget = options.budget ?? DEFAULT_PAYLOAD_BUDGET;
  for (let i = 0; i < names.length; i += SHEETS_PER_SYNC) {
    const chunk = names.slice(i, i + SHEETS_PER_SYNC);
    const firstRows = firstBlockRows(budget, 1 / chunk.length);
    const finishes = chunk.map((name) => queueSheetRead(context.workbook.worksheets.getItemOrNullObject(name), office, { budget, firstRows }));
    syncs += 1;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per SHEETS_PER_SYNC sheets: together they would pass the 5 MB limit
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error)) throw error;
      for (const name of chunk) {
        const done = await readSheetByName(context, office, name, options);
        syncs += done.syncs;
        reads.push(done.read);
      }
      continue;
    }
    for (const finish of finishes) {
      const done = await finish(context);
      syncs += done.syncs;
      reads.push(done.read);
    }
  }
  return { reads, syncs };
}


export function createYearMethods(deps: YearHostDeps) {
  const { run, office, runOptions, readOptions, done } = deps;

  /** The active sheet (sync 1, with every sheet's name), then each of `pick(names)` by name. */
  async function readPeriods(context: Excel.RequestContext, pick: (names: string[], active: string) => string[]) {
    const sheets = context.workbook.worksheets;
    const read = await readActiveSheet(context, office, { ...readOptions, alsoQueue: () => void sheets.load('items/name') });
    if (!read) return null;
    const active = deps.inspection(read);
    const names = sheets.items.map((s) => s.name);
    let syncs = read.syncs;
    const yearSheets: YearSheet[] = [];
    const picked = new Set(pick(names, read.sheetName));
    const skip = companionNames(read);
    const others = names.filter((name) => name !== read.sheetName && picked.has(name) && !skip.has(name));
    const got = await readSheets(context, office, others, readOptions);
    syncs += got.syncs;
    const byName = new Map(others.map((name, i) => [name, got.reads[i] ?? null]));
    // Workbook order: sheets of one period keep it, and the first one counts.
    for (const name of names) {
      if (name === read.sheetName) {
        if (active.analysis.scored) yearSheets.push({ analysis: active.analysis });
        continue;
      }
      const sheet = byName.get(name);
      if (!sheet) continue;
      const analysis: Analysis = analyzePeriod(sheet.grid, read, active);
      if (analysis.scored) yearSheets.push({ analysis });
    }
    return { read, active, names, yearSheets, syncs };
  }

  async function guarded<T>(sheet: string, batch: (context: Excel.RequestContext) => Promise<HostOutcome<T>>): Promise<HostOutcome<T>> {
    try {
      return await run(runOptions(), batch);
    } catch (error) {
      return failureFromError(error, sheet);
    }
  }

  /** The product's own 年度汇总 among `names` (sync: their used ranges), if any. */
  async function findOwn(context: Excel.RequestContext, names: readonly string[]): Promise<{ name: string; position: number } | null> {
    const candidates = names.filter((n) => isOwnSheetName(n, YEAR_SHEET_NAME));
    if (!candidates.length) return null;
    const loaded = candidates.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.load('name,position');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values');
      return { ws, used };
    });
    await context.sync();
    const mine = loaded.find(({ used }) => !used.isNullObject && isOwnSheetRows(used.values));
    return mine ? { name: mine.ws.name, position: mine.ws.position } : null;
  }

  /**
   * Within a batch that has read the active sheet and the sheet names: the active sheet's
   * context from the sheets whose tab names give a period (for 考评汇总). Null when there are none.
   */
  async function contextWithin(context: Excel.RequestContext, read: WorkbookRead, active: Inspection, names: readonly string[]): Promise<{ context: PeriodContext | null; syncs: number }> {
    if (!active.analysis.scored) return { context: null, syncs: 0 };
    const skip = companionNames(read);
    const others = periodCandidates(names).filter((n) => n !== read.sheetName && !skip.has(n) && recognisePeriod(n) !== null);
    if (!others.length) return { context: null, syncs: 0 };
    const yearSheets: YearSheet[] = [{ analysis: active.analysis }];
    const { reads, syncs } = await readSheets(context, office, others, readOptions);
    for (const sheet of reads) {
      if (!sheet) continue;
      const analysis = analyzePeriod(sheet.grid, read, active);
      if (analysis.scored) yearSheets.push({ analysis });
    }
    return { context: periodContext(active.analysis, yearSheets, { workbooks: companions(read) }), syncs };
  }

  return {
    contextWithin,

    async previewYear(): Promise<HostOutcome<YearPreview>> {
      return guarded<YearPreview>('', async (context) => {
        const got = await readPeriods(context, (names) => periodCandidates(names));
        if (!got) return failure('host.error.unexpected', { sheet: '', detail: 'no active sheet' });
        const year = buildYear(got.yearSheets, { workbooks: companions(got.read), rankMode: got.active.settings.rankMode, topN: got.active.settings.topN });
        if (year.periods.length < 2) return failure('host.error.yearTooFewPeriods', { count: year.periods.length });
        let syncs = got.syncs;
        const own = await findOwn(context, got.names);
        if (got.names.some((n) => isOwnSheetName(n, YEAR_SHEET_NAME))) syncs += 1;
        const sheetName = own ? own.name : freeSheetName(got.names, YEAR_SHEET_NAME);
        const context2: PeriodContext | null = got.active.analysis.scored ? periodContext(got.active.analysis, got.yearSheets, { year, workbooks: companions(got.read) }) : null;
        return done('previewYear', syncs, { year, sheetName, replaces: own !== null, context: context2 });
      });
    },

    async applyYear(preview: YearPreview, force = false): Promise<HostOutcome<{ sheetName: string }>> {
      if (preview.year.blocked && !force) {
        const f = preview.year.findings.find((x) => x.code === 'PERIOD_HAS_ERRORS');
        return failure('host.error.yearHasErrors', { sheet: f && 'sheet' in f ? f.sheet : '', count: preview.year.findings.filter((x) => x.code === 'PERIOD_HAS_ERRORS').length });
      }
      const temp = `${YEAR_SHEET_NAME}~new`;
      try {
        return await run(runOptions(), async (context) => {
          // Sync 1: sheet names, protection, and which 年度汇总 is ours.
          const sheets = context.workbook.worksheets;
          sheets.load('items/name');
          const protection = office.context.requirements.isSetSupported('ExcelApi', '1.7') ? context.workbook.protection : null;
          protection?.load('protected');
          await context.sync();
          if (protection?.protected) return failure('host.error.workbookProtected', { sheet: YEAR_SHEET_NAME });
          const names = sheets.items.map((s) => s.name);
          const own = await findOwn(context, names);
          const syncs = names.some((n) => isOwnSheetName(n, YEAR_SHEET_NAME)) ? 2 : 1;
          // Last sync: the new sheet under a temporary name; the old one becomes the hidden backup.
          const spec = buildYearSheet(preview.year, summaryText(deps.locale()));
          const name = own ? own.name : freeSheetName(names, YEAR_SHEET_NAME);
          if (names.includes(YEAR_BACKUP_NAME)) sheets.getItem(YEAR_BACKUP_NAME).delete();
          const fresh = sheets.add(temp);
          queueRenderSpec(fresh, spec, office);
          fresh.activate();
          if (own) {
            const old = sheets.getItem(own.name);
            old.name = YEAR_BACKUP_NAME;
            old.visibility = 'Hidden';
          }
          fresh.name = name;
          if (own) fresh.position = own.position;
          await context.sync();
          return done('applyYear', syncs + 1, { sheetName: name });
        });
      } catch (error) {
        await removeSheetAfterFailure(run, temp);
        return failureFromError(error, YEAR_SHEET_NAME);
      }
    },

    async undoYear(): Promise<HostOutcome<void>> {
      return guarded<void>(YEAR_SHEET_NAME, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const names = sheets.items.map((s) => s.name);
        const own = await findOwn(context, names);
        if (!own) return failure('host.error.nothingToUndoYear');
        const hasBackup = names.includes(YEAR_BACKUP_NAME);
        if (hasBackup) {
          // Shown first: the workbook must keep a visible sheet while the new one goes.
          const backup = sheets.getItem(YEAR_BACKUP_NAME);
          backup.visibility = 'Visible';
          sheets.getItem(own.name).delete();
          backup.name = own.name;
          backup.position = own.position;
          backup.activate();
        } else {
          sheets.getItem(own.name).delete();
        }
        await context.sync();
        return done('undoYear', 3, undefined);
      });
    },

    async periodContext(): Promise<HostOutcome<PeriodContext | null>> {
      return guarded<PeriodContext | null>('', async (context) => {
        // Only sheets whose tab names give a period are read: the pane asks on every inspection.
        const got = await readPeriods(context, (names, active) => periodCandidates(names).filter((n) => n !== active && recognisePeriod(n) !== null));
        if (!got || !got.active.analysis.scored) return ok(null);
        return ok(periodContext(got.active.analysis, got.yearSheets, { workbooks: companions(got.read) }));
      });
    },
  };
}
