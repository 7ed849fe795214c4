/**
 * What the task pane and the ribbon commands ask of Excel. Implemented in src/excel over
 * Office.js (the real Excel, or the simulated workbook in src/sim that speaks the same API).
 * UI code depends on this interface only, so it can be handed a fake in unit tests. Results
 * carry what the user is shown; what an operation cost in round trips goes to a test-only
 * listener the hosts take (src/host/diagnostics.ts).
 */
import type { Analysis, FindingCode, PeriodContext, RankMode, WritePlan, Year } from '../core';
import type { Result } from '../core/result';
import type { MessageKey } from '../i18n';

export interface ScorecardSettings {
  rankMode: RankMode;
  topN: number;
  flagColumn: boolean;
  /** #11 写入公式: 累计得分 and 排名 as live formulas instead of values (absent: false). */
  writeFormulas?: boolean;
}

export const DEFAULT_SETTINGS: ScorecardSettings = { rankMode: 'competition', topN: 3, flagColumn: true, writeFormulas: false };

/** A message for the user: an i18n key and its parameters (rendered zh-CN or en-US by src/i18n). */
export interface UserMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Why a host operation failed: each one has its message (host.error.*, host.wps.error.*) in every locale. */
export type HostErrorKey = Extract<MessageKey, `host.error.${string}` | `host.wps.error.${string}` | `host.office.${string}`>;

/**
 * Why an operation failed, nothing written: the message key naming what went wrong (rendered by
 * src/i18n, so it is also the error's code), its parameters, and Office's own error code when it gave one.
 */
export interface HostError {
  key: HostErrorKey;
  params?: Record<string, string | number>;
  officeCode?: string;
}

/** A failed operation, as the port's outcomes carry it. */
export type HostFailure = { ok: false; error: HostError };

/** Outcome of an operation: the core's one Result shape, failing with a HostError. */
export type HostOutcome<T> = Result<T, HostError>;

export interface Inspection {
  sheetName: string;
  /** Null when the active sheet holds no score table; then `analysis.findings` says why. */
  analysis: Analysis;
  settings: ScorecardSettings;
  /** Whether a 撤销上次计算 record exists in the workbook. */
  canUndo: boolean;
  /** #14 year: the workbook's sheets that could hold a period (not 考评规则, not the product's own), when known. */
  periodCandidates?: string[];
  /** #11 old Office: what this Excel leaves out (each message names the Office that has it); absent when nothing. */
  officeLimits?: UserMessage[];
}

/** #14 year: what 年度汇总 will write, for the confirmation dialog. */
export interface YearPreview {
  year: Year;
  /** The name the 年度汇总 sheet will take (年度汇总, or 年度汇总(2) beside a user's sheet of that name). */
  sheetName: string;
  /** True when it replaces the product's own earlier 年度汇总 (which undo then puts back). */
  replaces: boolean;
  /** The active sheet's movement and 零报送 runs against the periods before it, when it is a period. */
  context: PeriodContext | null;
}

export interface RecalcPreview {
  inspection: Inspection;
  plan: WritePlan;
  /** Units whose total or rank changes, for the confirmation dialog. */
  changes: Array<{ unit: string; category: string; totalBefore: string; totalAfter: string; rankBefore: string; rankAfter: string }>;
}

export interface ApplyResult {
  cellsWritten: number;
  /** 清除标记: units whose flags were cleared (the header it added is a cell, not a unit). */
  units?: number;
  /** Undo only: cells changed by someone since the run, left as they are now. */
  conflicts?: Array<{ cell: string; unit: string | null }>;
  /** A note for the user about the result (e.g. conflicts kept), when there is one. */
  note?: UserMessage;
}

export interface ScorecardHost {
  /** Read the active sheet (and 考评规则, settings, undo record) and analyse it: one sync. */
  inspect(): Promise<HostOutcome<Inspection>>;
  /** Inspect and plan a recalculation without writing anything. */
  previewRecalc(): Promise<HostOutcome<RecalcPreview>>;
  /** Write a previewed plan (refused if the sheet changed since the preview); one undo step. */
  applyRecalc(preview: RecalcPreview): Promise<HostOutcome<ApplyResult>>;
  /** Ribbon path: read, plan and write in one go (at most 2 syncs). Refuses when errors are found. */
  recalcNow(): Promise<HostOutcome<ApplyResult & { inspection: Inspection }>>;
  /** Put back exactly what the last run changed (values and formulas). */
  undoLast(): Promise<HostOutcome<ApplyResult>>;
  /** Empty the 标记 column the product wrote. */
  clearFlags(): Promise<HostOutcome<ApplyResult>>;
  /**
   * Write (or replace the product's own) 考评汇总 sheet; returns its name. Refused while the
   * sheet has errors unless `allowErrors` (the pane, after the user confirmed): a summary made
   * anyway carries a warning at its top and above its notice text.
   */
  writeSummary(options?: { allowErrors?: boolean }): Promise<HostOutcome<{ sheetName: string; errors: number }>>;
  // #14 year
  /** Read every period sheet and make the year; writes nothing. */
  previewYear(): Promise<HostOutcome<YearPreview>>;
  /** Write the previewed 年度汇总 (refused while a period has errors unless `force`); one undo step. */
  applyYear(preview: YearPreview, force?: boolean): Promise<HostOutcome<{ sheetName: string }>>;
  /** Remove the 年度汇总 the product last wrote, putting back the one it replaced. */
  undoYear(): Promise<HostOutcome<void>>;
  /** Movement and 零报送 runs of the active sheet against the sheets whose tab names give earlier periods. */
  periodContext(): Promise<HostOutcome<PeriodContext | null>>;
  /** Select a cell of a sheet so the user sees it. */
  selectCell(sheetName: string, address: string): Promise<HostOutcome<void>>;
  saveSettings(settings: ScorecardSettings): Promise<HostOutcome<void>>;
  /** Subscribe to active-sheet changes; returns an unsubscribe function. */
  onActiveSheetChanged(listener: () => void): Promise<() => void>;
  /**
   * Subscribe to the user's edits of one sheet (worksheet.onChanged, ExcelApi 1.7): the
   * listener gets the edited address. Resolves to an unsubscribe function (a no-op where the
   * event is not available).
   */
  onSheetEdited(sheetName: string, listener: (address: string) => void): Promise<() => void>;
}

export type { FindingCode };
