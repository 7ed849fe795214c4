/** Pure view-model helpers for the pane: no React, no Office, so they are unit-tested directly. */
import {
  SHEET_FLAG_CODES,
  SEVERITY_ORDER,
  a1,
  formatCents,
  writeCount,
  type Analysis,
  type Finding,
  type FlagCode,
  type Severity,
} from '../core';
import type { Inspection, RecalcPreview } from '../excel/contract';
import { RULES_SHEET_NAME } from '../core';

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
      baseCap: cents(c.rule?.baseCapCents),
      bonusCap: cents(c.rule ? c.rule.bonusCapCents : rules.bonusCapCents),
    })),
    topN: rules.topN,
    rankMode: rules.rankMode,
    baseStep: cents(rules.baseStepCents),
    adoptionStep: cents(rules.adoptionStepCents),
  };
}

export type GroupedFindings = Array<{ severity: Severity; findings: Finding[] }>;

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

/** Where clicking a finding should go: its sheet and cell, or null when it names no cell. */
export function findingTarget(sheetName: string, f: Finding): { sheet: string; address: string } | null {
  if (f.cell) return { sheet: f.code === 'RULES_SHEET_INVALID' ? RULES_SHEET_NAME : sheetName, address: f.cell };
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

export function noticeLines(analysis: Analysis): string[] {
  return analysis.summary?.noticeLines ?? [];
}

export interface PreviewView {
  sheetName: string;
  cells: number;
  writesFlags: boolean;
  errors: number;
  changes: RecalcPreview['changes'];
}

export function previewView(preview: RecalcPreview): PreviewView {
  return {
    sheetName: preview.plan.sheetName,
    cells: writeCount(preview.plan),
    writesFlags: preview.plan.columns.some((c) => c.kind === 'flag'),
    errors: countBySeverity(preview.inspection.analysis.findings).error,
    changes: preview.changes,
  };
}
