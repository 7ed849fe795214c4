/**
 * What `scorecard check | recalc | summary` prints: the one JSON document (--json) and the
 * readable report, in zh-CN or en-US.
 */
import {
  centsToNumber,
  formatCents,
  SHEET_FLAG_CODES,
  SEVERITY_ORDER,
  unitsOf,
  writeCount,
  type Analysis,
  type FindingCode,
  type RankMode,
  type Severity,
} from '../core';
import { flagLabel, formatFinding, t, type AnyMessageKey, type Locale, type Params } from '../i18n/cli';
import type { Options } from './main';
import type { WriteOutcome } from './output';
import type { ErrorCode } from './step';
import type { LossyPart } from './xlsxParts';

// ---- JSON document ----------------------------------------------------------------------

export interface JsonUnit {
  name: string;
  /** 1-based sheet row. */
  row: number;
  total: number;
  rank: number;
  flags: string[];
}

export interface JsonFinding {
  severity: Severity;
  code: FindingCode;
  cell: string | null;
  unit: string | null;
  message: string;
}

export interface JsonWritten {
  path: string;
  cells: number;
  summarySheet: string | null;
}

export type SettingSource = 'option' | 'workbook' | 'rulesSheet' | 'default';

/** The settings a run used and where each came from (#9 item 14). */
export interface JsonSettings {
  rankMode: { value: RankMode; source: SettingSource };
  topN: { value: number; source: SettingSource };
  flagColumn: { value: boolean; source: SettingSource };
  /** #11 写入公式: 累计得分 and 排名 as formulas. */
  writeFormulas: { value: boolean; source: SettingSource };
}

export interface JsonReport {
  sheet: string | null;
  categories: Array<{ name: string; units: JsonUnit[] }>;
  findings: JsonFinding[];
  notice: string[];
  /** What was written (recalc/summary), else null. */
  written: JsonWritten | null;
  /** The settings used and where each came from (null when the file was not read). */
  settings: JsonSettings | null;
  /** Present only when the run ended with exit status 2. */
  error?: { code: ErrorCode; message: string };
}

export function jsonReport(analysis: Analysis | null, locale: Locale, written: JsonWritten | null, settings: JsonSettings | null): JsonReport {
  if (!analysis) return { sheet: null, categories: [], findings: [], notice: [], written, settings };
  return {
    sheet: analysis.sheetName,
    categories: (analysis.scored?.categories ?? []).map((category) => ({
      name: category.name,
      units: unitsOf(analysis.scored!, category).map((unit) => ({
        name: unit.name,
        row: unit.row + 1,
        total: centsToNumber(unit.totalCents),
        rank: unit.rank,
        flags: [...unit.flags],
      })),
    })),
    findings: analysis.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      cell: f.cell,
      unit: f.unit,
      message: formatFinding(f, locale),
    })),
    notice: analysis.summary?.noticeLines ?? [],
    written,
    settings,
  };
}

// ---- the readable report ----------------------------------------------------------------

export function lossyText(lossy: readonly LossyPart[], locale: Locale): string {
  return lossy.map((part) => t(`cli.lossy.${part}`, locale)).join(t('sep.names', locale));
}

function settingsLine(settings: JsonSettings, L: Locale): string {
  const src = (s: SettingSource) => t(`cli.settings.source.${s}`, L);
  return t('cli.report.settings', L, {
    rankMode: t(`cli.settings.rankMode.${settings.rankMode.value}`, L),
    rankSource: src(settings.rankMode.source),
    topN: settings.topN.value,
    topNSource: src(settings.topN.source),
    flagColumn: t(`cli.settings.flagColumn.${settings.flagColumn.value ? 'on' : 'off'}`, L),
    flagSource: src(settings.flagColumn.source),
    formulas: t(`cli.settings.writeFormulas.${settings.writeFormulas.value ? 'on' : 'off'}`, L),
    formulasSource: src(settings.writeFormulas.source),
  });
}

export function humanReport(options: Options, analysis: Analysis, outcome: WriteOutcome | null, blocked: boolean, lossy: readonly LossyPart[], settings: JsonSettings): string {
  const L = options.locale;
  const tr = (key: AnyMessageKey, params: Params = {}) => t(key, L, params);
  const sep = t('sep.names', L);
  const lines: string[] = [tr('cli.report.file', { path: options.input })];
  const layout = analysis.layout;
  const scored = analysis.scored;
  const unitCount = scored ? scored.units.count : 0;
  lines.push(
    tr('cli.report.sheet', {
      sheet: analysis.sheetName,
      headerRow: layout ? layout.headerRow + 1 : '-',
      categories: scored ? scored.categories.length : 0,
      units: unitCount,
    }),
  );
  if (layout?.title) lines.push(tr('cli.report.title', { title: layout.title }));
  lines.push(tr(`cli.report.rankMode.${analysis.rules.rankMode}`));
  lines.push(settingsLine(settings, L));

  const summary = analysis.summary;
  if (summary) {
    lines.push('', tr('cli.report.categories'));
    for (const c of summary.categories) {
      lines.push(
        tr('cli.report.category', { name: c.name, units: c.unitCount, max: formatCents(c.maxCents), min: formatCents(c.minCents), mean: formatCents(c.meanCents) }),
      );
    }
    if (summary.noticeLines.length > 0) {
      lines.push('', tr('cli.report.top', { n: summary.topN }));
      for (const line of summary.noticeLines) lines.push(`  ${line}`);
    }
    lines.push('', tr('cli.report.flags'));
    for (const code of SHEET_FLAG_CODES) {
      const units = summary.flagged[code];
      lines.push(tr('cli.report.flag', { label: flagLabel(code, L), count: units.length, units: units.length ? units.map((u) => u.unit).join(sep) : tr('cli.report.none') }));
    }
  }

  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;
  lines.push('');
  if (analysis.findings.length === 0) {
    lines.push(tr('cli.report.noFindings'));
  } else {
    lines.push(tr('cli.report.findings', { errors: counts.error, warnings: counts.warning, infos: counts.info }));
    for (const severity of SEVERITY_ORDER) {
      const group = analysis.findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      lines.push(tr('cli.report.severity', { severity: tr(`severity.${severity}`) }));
      for (const f of group) lines.push(tr('cli.report.finding', { message: formatFinding(f, L) }));
    }
  }

  lines.push('');
  if (options.command === 'check') {
    lines.push(counts.error > 0 ? tr('cli.report.checkErrors', { errors: counts.error }) : tr('cli.report.checkOk'));
  } else if (blocked) {
    lines.push(tr('cli.report.notWritten', { errors: counts.error }));
  } else if (outcome) {
    if (counts.error > 0) lines.push(tr('cli.report.forced', { errors: counts.error }));
    if (outcome.forcedRewrite !== null) {
      const parts = lossy.length > 0 ? tr('cli.report.inPlaceForcedParts', { parts: lossyText(lossy, L) }) : '';
      lines.push(tr('cli.report.inPlaceForced', { reason: outcome.forcedRewrite, parts }));
    }
    const byKind = (kind: string) => outcome.plan.columns.reduce((n, c) => n + (c.kind === kind ? c.rows.length : 0), 0);
    lines.push(
      writeCount(outcome.plan) === 0
        ? tr('cli.report.nothingChanged', { path: options.out ?? '' })
        : tr('cli.report.written', {
            path: options.out ?? '',
            totals: byKind('total'),
            ranks: byKind('rank'),
            flags: byKind('flag'),
            cells: writeCount(outcome.plan),
          }),
    );
    // #13 ledger: 采用得分 from the points table.
    if (byKind('adoption') > 0) lines.push(tr('cli.report.adoptionWritten', { cells: byKind('adoption') }));
    if (outcome.summarySheet) {
      if (outcome.summaryReplaced) lines.push(tr('cli.report.summaryReplaced', { sheet: outcome.summarySheet }));
      else lines.push(tr('cli.report.summaryAdded', { sheet: outcome.summarySheet }));
      if (outcome.summaryNameTaken) lines.push(tr('cli.report.summaryRenamed', { existing: outcome.summaryNameTaken, sheet: outcome.summarySheet }));
      if (outcome.forcedRewrite === null && analysis.scored && analysis.scored.units.count > 0) lines.push(tr('cli.report.chartAdded'));
    }
  }
  return lines.join('\n') + '\n';
}

