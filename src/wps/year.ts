/**
 * #14 year in WPS 表格: read every period sheet through ET, make the year with the same core
 * functions the Excel host and the CLI use (buildYear, periodContext, buildYearSheet), write
 * 年度汇总 like 考评汇总 (never over a user's sheet of that name), and undo it. As in the Excel
 * host, undo needs no record: when a new 年度汇总 replaces the product's earlier one, the
 * earlier one is kept as a hidden sheet (YEAR_BACKUP_NAME, VeryHidden here like the other
 * sheets the WPS add-in keeps), and undo deletes the new sheet and shows the earlier one again
 * in its place.
 *
 * Units are matched across periods through the roster's aliases (单位名录's 别名 column), as
 * `scorecard year` matches them: 陈家沟景区管理局 in one quarter and 陈家沟景区发展中心 in the
 * next are one unit.
 */
import {
  analyze,
  buildYear,
  buildYearSheet,
  isLedgerSheetName,
  isRosterSheetName,
  periodContext,
  recognisePeriod,
  YEAR_SHEET_NAME,
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
import { failure, type HostFailure } from '../excel/errors';
import { periodCandidates } from '../excel/periods';
import { member, truthy, XL_SHEET_VERY_HIDDEN, XL_SHEET_VISIBLE, type EtSheetLike, type EtWorkbookLike } from './et';
import { readSheet, rows2d, sheetList, usedArea, type WorkbookRead } from './read';
import { renderSpec } from './summary';
import { ok } from '../core/result';

export interface WpsYearDeps {
  book(): EtWorkbookLike;
  readWorkbook(): WorkbookRead | null;
  inspection(read: WorkbookRead): Inspection;
  locale(): Locale;
  deleteSheet(sheet: EtSheetLike): void;
  /** A thrown WPS error as the message naming the sheet. */
  fail(error: unknown, sheet: string): HostFailure;
  /** The host's success outcome, telling its test-only listener the whole-range calls spent. */
  done: ReturnType<typeof syncReporter>;
}

/**
 * The product's previous 年度汇总, kept hidden so that undo can put it back: the Excel host's
 * name (src/excel/year.ts, not imported so the WPS bundle carries no Office.js code), so either
 * add-in can undo a year the other wrote in the same file.
 */
export const YEAR_BACKUP_NAME = '__年度汇总~上次';

/**
 * Sheets that can hold a period, as the pane counts them to offer 年度汇总: the Excel host's
 * rule, less the ledger and roster this read found (they hold no score table).
 */
export function wpsPeriodCandidates(read: Pick<WorkbookRead, 'sheetNames' | 'ledgerGrid' | 'rosterGrid'>): string[] {
  const companions = new Set([read.ledgerGrid?.sheetName, read.rosterGrid?.sheetName].filter((n): n is string => !!n));
  // By name too: the active sheet is never read as the ledger or roster, yet 单位名录 is no period.
  return periodCandidates(read.sheetNames).filter((n) => !companions.has(n) && !isRosterSheetName(n) && !isLedgerSheetName(n));
}


export function createWpsYear(deps: WpsYearDeps) {
  /**
   * The active sheet, then each period sheet `pick` keeps, read and analysed as the active one is:
   * with the rules, the settings, the ledger and the roster (with a points table, a period's
   * 采用得分 is its own dates' pieces), as the Excel host and the CLI do.
   */
  function readPeriods(pick: (candidates: string[], active: string) => string[], given?: { read: WorkbookRead; active: Inspection }) {
    const read = given?.read ?? deps.readWorkbook();
    if (!read) return null;
    const active = given?.active ?? deps.inspection(read);
    const counter = { calls: given ? 0 : read.calls };
    const wanted = new Set(pick(wpsPeriodCandidates(read), read.sheetName));
    // On the roster sheet itself, the roster is the sheet just read (a score sheet's read leaves it out).
    const rosterGrid = read.rosterGrid ?? (isRosterSheetName(read.sheetName) ? read.grid : null);
    const ledgerGrid = read.ledgerGrid ?? null;
    const yearSheets: YearSheet[] = [];
    for (const sheet of sheetList(deps.book())) {
      const name = sheet.Name;
      if (name === read.sheetName) {
        if (active.analysis.scored) yearSheets.push({ analysis: active.analysis });
        continue;
      }
      if (!wanted.has(name)) continue;
      const analysis = analyze(readSheet(sheet, counter).grid, { rulesGrid: read.rulesGrid, ledgerGrid, rosterGrid, overrides: { rankMode: active.settings.rankMode, topN: active.settings.topN } });
      if (analysis.scored) yearSheets.push({ analysis });
    }
    // Units are matched, and the annual notice's 二 and 三 counted, by core buildYear as in Excel and the CLI.
    const workbooks: YearWorkbook[] = [{ ledgerGrid, rosterGrid, rulesGrid: read.rulesGrid }];
    return { read, active, yearSheets, workbooks, calls: counter.calls };
  }

  /** The product's own 年度汇总 (its footer carries the marker), if any. */
  function findOwn(book: EtWorkbookLike, counter: { calls: number }): EtSheetLike | null {
    for (const s of sheetList(book)) {
      if (!isOwnSheetName(s.Name, YEAR_SHEET_NAME)) continue;
      const used = member(s.UsedRange);
      const area = usedArea(used);
      counter.calls += 1;
      if (isOwnSheetRows(rows2d(used.Value2, area.bottom - area.top + 1, area.right - area.left + 1))) return s;
    }
    return null;
  }

  function guarded<T>(sheet: string, body: () => HostOutcome<T>): HostOutcome<T> {
    try {
      return body();
    } catch (error) {
      return deps.fail(error, sheet);
    }
  }

  return {
    /** The active sheet's movement against the sheets whose tab names give a period (for 考评汇总); null when none. */
    contextFor(read: WorkbookRead, active: Inspection): { context: PeriodContext | null; calls: number } {
      if (!active.analysis.scored) return { context: null, calls: 0 };
      const others = wpsPeriodCandidates(read).filter((n) => n !== read.sheetName && recognisePeriod(n) !== null);
      if (!others.length) return { context: null, calls: 0 };
      const got = readPeriods(() => others, { read, active })!;
      return { context: periodContext(active.analysis, got.yearSheets, { workbooks: got.workbooks }), calls: got.calls };
    },

    async previewYear(): Promise<HostOutcome<YearPreview>> {
      return guarded<YearPreview>('', () => {
        const got = readPeriods((names) => names);
        if (!got) return failure('host.error.unexpected', { sheet: '', detail: 'no active sheet' });
        const { rankMode, topN } = got.active.settings;
        const year = buildYear(got.yearSheets, { workbooks: got.workbooks, rankMode, topN });
        if (year.periods.length < 2) return failure('host.error.yearTooFewPeriods', { count: year.periods.length });
        const counter = { calls: got.calls };
        const own = findOwn(deps.book(), counter);
        const sheetName = own ? own.Name : freeSheetName(got.read.sheetNames, YEAR_SHEET_NAME);
        const context = got.active.analysis.scored ? periodContext(got.active.analysis, got.yearSheets, { workbooks: got.workbooks, year }) : null;
        return deps.done('previewYear', counter.calls, { year, sheetName, replaces: own !== null, context });
      });
    },

    async applyYear(preview: YearPreview, force = false): Promise<HostOutcome<{ sheetName: string }>> {
      if (preview.year.blocked && !force) {
        const errors = preview.year.findings.filter((x) => x.code === 'PERIOD_HAS_ERRORS');
        const f = errors[0];
        return failure('host.error.yearHasErrors', { sheet: f && 'sheet' in f ? f.sheet : '', count: errors.length });
      }
      const temp = `${YEAR_SHEET_NAME}~new`;
      let fresh: EtSheetLike | null = null;
      let hidden: { sheet: EtSheetLike; name: string } | null = null;
      try {
        const wb = deps.book();
        if (truthy(wb.ProtectStructure)) return failure('host.error.workbookProtected', { sheet: YEAR_SHEET_NAME });
        const counter = { calls: 0 };
        const own = findOwn(wb, counter);
        const all = sheetList(wb);
        const name = own ? own.Name : freeSheetName(all.map((s) => s.Name), YEAR_SHEET_NAME);
        // Built under a temporary name right after the sheet it replaces: a failure leaves the old one as it was.
        fresh = wb.Sheets.Add(undefined, own ?? all[all.length - 1]);
        fresh.Name = temp;
        counter.calls += renderSpec(fresh, buildYearSheet(preview.year, summaryText(deps.locale())));
        const backup = all.find((s) => s.Name === YEAR_BACKUP_NAME);
        if (backup) deps.deleteSheet(backup);
        if (own) {
          own.Name = YEAR_BACKUP_NAME;
          hidden = { sheet: own, name };
          own.Visible = XL_SHEET_VERY_HIDDEN;
        }
        fresh.Name = name;
        fresh.Activate();
        return deps.done('applyYear', counter.calls, { sheetName: name });
      } catch (error) {
        try {
          // Remove the half-built sheet first (it may hold the name already), then put the earlier 年度汇总 back.
          if (fresh) deps.deleteSheet(fresh);
          if (hidden) {
            hidden.sheet.Visible = XL_SHEET_VISIBLE;
            hidden.sheet.Name = hidden.name;
          }
        } catch {
          /* the first error is the one to report */
        }
        return deps.fail(error, YEAR_SHEET_NAME);
      }
    },

    async undoYear(): Promise<HostOutcome<void>> {
      return guarded<void>(YEAR_SHEET_NAME, () => {
        const wb = deps.book();
        const counter = { calls: 0 };
        const own = findOwn(wb, counter);
        if (!own) return failure('host.error.nothingToUndoYear');
        const name = own.Name;
        const backup = sheetList(wb).find((s) => s.Name === YEAR_BACKUP_NAME);
        if (backup) {
          // Shown first: the workbook must keep a visible sheet while the newer one goes; moved
          // before it, so it comes back in the newer one's place even if the user moved sheets.
          backup.Visible = XL_SHEET_VISIBLE;
          backup.Move(own);
          deps.deleteSheet(own);
          backup.Name = name;
          backup.Activate();
        } else {
          deps.deleteSheet(own);
        }
        return deps.done('undoYear', counter.calls, undefined);
      });
    },

    async periodContext(): Promise<HostOutcome<PeriodContext | null>> {
      return guarded<PeriodContext | null>('', () => {
        // Only sheets whose tab names give a period are read: the pane asks on every inspection.
        const got = readPeriods((names, active) => names.filter((n) => n !== active && recognisePeriod(n) !== null));
        if (!got || !got.active.analysis.scored) return ok(null);
        return ok(periodContext(got.active.analysis, got.yearSheets, { workbooks: got.workbooks }));
      });
    },
  };
}
