/** Pure view-model helpers for the pane: no React, no Office, so they are unit-tested directly. */
import {
  SHEET_FLAG_CODES,
  SEVERITY_ORDER,
  a1,
  capsFor,
  formatCents,
  writeCount,
  type Analysis,
  type Finding,
  type FlagCode,
  type Severity,
} from '../core';
import type { Inspection, RecalcPreview } from '../host/port';
import { RULES_SHEET_NAME, summaryNoticeLines, type PeriodContext } from '../core';

export interface CategoryOverview {
  name: string;
  units: number;
  baseCap: string | null;
  bonusCap: string | null;
}

export interface TableOverview {
  sheetName: string;
  period: string | null;
  categories: CategoryOverview[];
  topN: number;
  rankMode: Analysis['rules']['rankMode'];
  baseStep: string | null;
  adoptionStep: string | null;
}

const cents = (c: number | null | undefined): string | null => (c === null || c === undefined ? null : formatCents(c));

/** What the pane shows about the detected table, or null when the sheet holds none. */
export function tableOverview(inspection: Inspection): TableOverview | null {
  const { analysis } = inspection;
  if (!analysis.table || !analysis.layout) return null;
  const rules = analysis.rules;
  return {
    sheetName: inspection.sheetName,
    period: analysis.layout.period,
    categories: analysis.table.categories.map((c) => ({
      name: c.name,
      units: c.members.length,
      // The caps validation holds the category to, from the same core function.
      baseCap: cents(capsFor(c.rule).baseCapCents),
      bonusCap: cents(capsFor(c.rule).bonusCapCents),
    })),
    topN: rules.topN,
    rankMode: rules.rankMode,
    baseStep: cents(rules.baseStepCents),
    adoptionStep: cents(rules.adoptionStepCents),
  };
}

export type GroupedFindings = Array<{ severity: Severity; findings: Finding[] }>;

/** Totals and ranks that differ from the recalculation: one line in the pane, not one per cell. */
const STALE_CODES: ReadonlySet<Finding['code']> = new Set(['TOTAL_MISMATCH', 'RANK_MISMATCH']);

/** Findings the pane lists: all but SUMMARY_SHEET (shown as a note) and the stale totals/ranks (one line). */
export function listedFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code !== 'SUMMARY_SHEET' && !STALE_CODES.has(f.code));
}

/** Units whose 累计得分 or 排名 differs from what 重新计算排名 would write (a unit counts once). */
export function staleUnits(findings: readonly Finding[]): number {
  const rows = new Set<string>();
  for (const f of findings) if (STALE_CODES.has(f.code)) rows.add(f.row === null ? `${f.unit}` : String(f.row));
  return rows.size;
}

/** Errors that count against drafting a notice (SUMMARY_SHEET is not one: there is no table). */
export function errorCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error' && f.code !== 'SUMMARY_SHEET').length;
}

/** Findings by severity, errors first, keeping sheet order inside each group; empty groups dropped. */
export function groupFindings(findings: readonly Finding[]): GroupedFindings {
  return SEVERITY_ORDER.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.findings.length > 0,
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** What an edit of the sheet did, for the line the pane shows after re-checking it. */
export interface EditEffect {
  /** Errors now that were not there before the edit (by code and cell). */
  newErrors: number;
  /** The first new error's cell, when it names one. */
  firstCell: string | null;
  /** Errors the edit put right. */
  fixedErrors: number;
  /** Units whose total or rank is now out of date (重新计算排名 updates them). */
  staleUnits: number;
  /** Whether that number grew with this edit. */
  staleGrew: boolean;
}

const findingKey = (f: Finding) => `${f.code}@${f.cell ?? ''}`;

export function editEffect(before: Inspection | null, after: Inspection): EditEffect {
  const was = new Set((before?.analysis.findings ?? []).filter((f) => f.severity === 'error').map(findingKey));
  const now = after.analysis.findings.filter((f) => f.severity === 'error' && f.code !== 'SUMMARY_SHEET');
  const nowKeys = new Set(now.map(findingKey));
  const added = now.filter((f) => !was.has(findingKey(f)));
  let fixed = 0;
  for (const k of was) if (!nowKeys.has(k)) fixed++;
  const stale = staleUnits(after.analysis.findings);
  return {
    newErrors: added.length,
    firstCell: added[0]?.cell ?? null,
    fixedErrors: fixed,
    staleUnits: stale,
    staleGrew: stale > (before ? staleUnits(before.analysis.findings) : 0),
  };
}

/** Where clicking a finding should go: its sheet and cell, or null when it names no cell. */
export function findingTarget(sheetName: string, f: Finding): { sheet: string; address: string } | null {
  // #13 ledger: findings on the ledger or roster carry their sheet.
  if (f.cell) return { sheet: f.sheet ?? (f.code === 'RULES_SHEET_INVALID' ? RULES_SHEET_NAME : sheetName), address: f.cell };
  if (f.row !== null && f.col !== null) return { sheet: sheetName, address: a1(f.row, f.col) };
  return null;
}

export interface FlagList {
  code: FlagCode;
  units: Array<{ name: string; category: string; address: string | null }>;
}

/** The three flag lists (零报送, 基础数量不足, 质量待提高), each unit with its name cell. */
export function flagLists(analysis: Analysis): FlagList[] {
  const summary = analysis.summary;
  const unitCol = analysis.layout?.columns.find((c) => c.role === 'unit')?.col ?? null;
  return SHEET_FLAG_CODES.map((code) => ({
    code,
    units: (summary?.flagged[code] ?? []).map((u) => ({
      name: u.unit,
      category: u.category,
      address: unitCol === null ? null : a1(u.row, unitCol),
    })),
  }));
}

/** The notice to show and copy: title and every section (#13 ledger), else the top-N lines. */
export function noticeLines(analysis: Analysis, context: PeriodContext | null = null): string[] {
  // The same text the summary sheet carries: the notice (title, 一 to 四, with 二 and 三 when there
  // is a ledger), then the flag sentences the clerk copies from; with the periods before this
  // one (#14), 零报送 says for how many periods running.
  return summaryNoticeLines(analysis, context);
}

export type PreviewChange = RecalcPreview['changes'][number];

/** #13 ledger: what the table card says about the ledger and the roster. */
export interface LedgerOverview {
  ledger: { sheet: string; rows: number; counted: number; outside: number; unknown: string[] } | null;
  /** The roster sheet's name, or null when the score table's units are the roster. */
  roster: string | null;
  period: { start: string; end: string } | null;
  points: boolean;
}

export function ledgerOverview(analysis: Analysis): LedgerOverview | null {
  const l = analysis.ledger;
  if (!l) return null;
  return {
    ledger: l.ledger
      ? { sheet: l.ledger.sheetName, rows: l.ledger.pieces.length, counted: l.ledger.pieces.filter((p) => p.counted).length, outside: l.ledger.outside, unknown: l.ledger.unknownNames }
      : null,
    roster: l.rosterSheet,
    period: l.period ? { start: l.period.start, end: l.period.end } : null,
    points: l.rules.points !== null,
  };
}

export interface PreviewView {
  sheetName: string;
  cells: number;
  writesFlags: boolean;
  errors: number;
  /** Units whose total or rank really changes, grouped by category in sheet order. */
  groups: Array<{ category: string; changes: PreviewChange[] }>;
  units: number;
}

export function previewView(preview: RecalcPreview): PreviewView {
  const groups: PreviewView['groups'] = [];
  let units = 0;
  for (const c of preview.changes) {
    // A cell rewritten with what it shows already (e.g. 86.70 → 86.7) is no change to a reader.
    if (c.totalBefore === c.totalAfter && c.rankBefore === c.rankAfter) continue;
    let group = groups[groups.length - 1];
    if (!group || group.category !== c.category) groups.push((group = { category: c.category, changes: [] }));
    group.changes.push(c);
    units++;
  }
  return {
    sheetName: preview.plan.sheetName,
    cells: writeCount(preview.plan),
    writesFlags: preview.plan.columns.some((c) => c.kind === 'flag'),
    errors: errorCount(preview.inspection.analysis.findings),
    groups,
    units,
  };
}