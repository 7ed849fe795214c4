import { byCategory } from '../support/units';
import { analyze, gridFromRows, planWrites, writeCount, type CellValue, type Grid } from '../../src/core';
import {
  DEFAULT_SETTINGS,
  type HostOutcome,
  type Inspection,
  type RecalcPreview,
  type ScorecardHost,
  type ScorecardSettings,
} from '../../src/host/port';

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** A small sheet in the office's layout: title, header, category rows, units (one hostile name). */
export function sampleGrid(extra: CellValue[][] = []): Grid {
  return gridFromRows([
    ['温县2023年7—9月份全县政务信息得分情况', '', '', '', '', ''],
    ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'],
    ['乡镇(街道)', '', '', '', '', ''],
    ['温泉街道', 120, 30, 2, '', ''],
    ['张羌街道', 120, 15, 0.4, '', ''],
    [HOSTILE, 60, 0, 0, '', ''],
    ['二类考评单位', '', '', '', '', ''],
    ['公安局', 60, 25, 1.7, '', ''],
    ['<script>alert(2)</script>', 0, 0, 0, '', ''],
    ...extra,
  ], '得分表');
}

export function inspectionOf(grid: Grid, settings: ScorecardSettings = DEFAULT_SETTINGS): Inspection {
  return { sheetName: grid.sheetName, analysis: analyze(grid, { overrides: { rankMode: settings.rankMode, topN: settings.topN } }), settings, canUndo: false };
}

export function previewOf(grid: Grid): RecalcPreview {
  const inspection = inspectionOf(grid);
  const plan = planWrites(grid, inspection.analysis, { flagColumn: true });
  const changes = (inspection.analysis.scored ? byCategory(inspection.analysis.scored) : []).flatMap((c) =>
    c.units.map((u) => ({ unit: u.name, category: c.name, totalBefore: '', totalAfter: String(u.totalCents / 100), rankBefore: '', rankAfter: String(u.rank) })),
  );
  return { inspection, plan, changes };
}

type Calls = { [K in keyof ScorecardHost]: unknown[][] };

/** A ScorecardHost over a fixed grid that records every call; each method can be overridden. */
export function fakeHost(
  grid: Grid,
  overrides: Partial<ScorecardHost> = {},
): ScorecardHost & { calls: Calls; fireSheetChange(): void; fireEdit(address: string): void } {
  const calls: Calls = {
    inspect: [], previewRecalc: [], applyRecalc: [], recalcNow: [], undoLast: [], clearFlags: [], writeSummary: [], selectCell: [], saveSettings: [], onActiveSheetChanged: [], onSheetEdited: [],
    // #14 year
    previewYear: [], applyYear: [], undoYear: [], periodContext: [],
  };
  let listener: (() => void) | null = null;
  let editListener: ((address: string) => void) | null = null;
  const ok = <T,>(value: T): HostOutcome<T> => ({ ok: true, value });
  const base: ScorecardHost = {
    inspect: async () => ok(inspectionOf(grid)),
    previewRecalc: async () => ok(previewOf(grid)),
    applyRecalc: async (p) => ok({ cellsWritten: writeCount(p.plan) }),
    recalcNow: async () => ok({ cellsWritten: 10, inspection: inspectionOf(grid) }),
    undoLast: async () => ok({ cellsWritten: 10 }),
    clearFlags: async () => ok({ cellsWritten: 0 }),
    writeSummary: async (options) => {
      // Like the real host: refused while the sheet has errors, unless the user confirmed.
      const errors = inspectionOf(grid).analysis.findings.filter((f) => f.severity === 'error').length;
      if (errors > 0 && !options?.allowErrors) return { ok: false, error: { key: 'host.error.summaryHasErrors', params: { sheet: grid.sheetName, count: errors, cell: '' } } };
      return ok({ sheetName: '考评汇总', errors });
    },
    selectCell: async () => ok(undefined),
    saveSettings: async () => ok(undefined),
    // #14 year: a one-sheet workbook has no year; tests of the year pass their own.
    previewYear: async () => ({ ok: false, error: { key: 'host.error.yearTooFewPeriods', params: { count: 1 } } }),
    applyYear: async () => ok({ sheetName: '年度汇总' }),
    undoYear: async () => ok(undefined),
    periodContext: async () => ok(null),
    onActiveSheetChanged: async (l) => {
      listener = l;
      return () => {
        listener = null;
      };
    },
    onSheetEdited: async (_sheet, l) => {
      editListener = l;
      return () => {
        if (editListener === l) editListener = null;
      };
    },
  };
  const impl = { ...base, ...overrides };
  const recorded = {} as ScorecardHost;
  for (const key of Object.keys(impl) as Array<keyof ScorecardHost>) {
    (recorded as unknown as Record<string, unknown>)[key] = (...args: unknown[]) => {
      calls[key].push(args);
      return (impl[key] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return Object.assign(recorded, { calls, fireSheetChange: () => listener?.(), fireEdit: (address: string) => editListener?.(address) });
}
