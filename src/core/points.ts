/**
 * What the 考评规则 sheet says about the ledger: the points table, how joint pieces count,
 * the office's own name and the level section 二 reports.
 *
 *   采用情况   | 分值
 *   县政府采用 | 5
 *   市政府采用 | 10
 *   约稿       | 3
 *   合报计分   | 全额        (or 平分: the default, split equally)
 *   本室名称   | 信息室
 *   通报采用级别 | 市政府采用
 */
import { a1, type Grid } from './grid';
import type { Cents } from './decimal';
import { finding, type Finding } from './findings';
import { cellText, normalizeName, parseScore } from './text';

export interface LedgerRules {
  /** Points per 采用情况 (keys as normalizeName gives them), or null without a points table. */
  points: Map<string, Cents> | null;
  /** 合报计分: a piece of several units gives each the full points (全额) or an equal share (平分). */
  joint: 'split' | 'full';
  /** The office's own name in the ledger (本室名称). */
  officeName: string;
  /** The 采用情况 section 二 counts (通报采用级别). */
  noticeLevel: string;
  /** The 采用情况 section 三 counts. */
  commissioned: string;
}

export const DEFAULT_OFFICE_NAME = '信息室';
export const DEFAULT_NOTICE_LEVEL = '市政府采用';
export const COMMISSIONED = '约稿';
/** 采用情况 the ledger knows without a points table. */
export const KNOWN_KINDS: readonly string[] = ['县政府采用', '市政府采用', '省政府采用', '国务院采用', '约稿'];

/** Keys of the rows read here: rulesSheet.ts leaves them alone. */
export const LEDGER_RULE_KEYS: ReadonlySet<string> = new Set(['本室名称', '合报计分', '通报采用级别']);
const KIND_HEADERS = new Set(['采用情况', '采用级别', '类型']);
const POINT_HEADERS = new Set(['分值', '分数', '计分', '得分']);

/** A row that starts the points table (rulesSheet.ts stops reading category caps there). */
export function isPointsHeader(texts: readonly string[]): boolean {
  return texts.some((t) => KIND_HEADERS.has(t)) && texts.some((t) => POINT_HEADERS.has(t));
}

export function defaultLedgerRules(): LedgerRules {
  return { points: null, joint: 'split', officeName: DEFAULT_OFFICE_NAME, noticeLevel: DEFAULT_NOTICE_LEVEL, commissioned: COMMISSIONED };
}

export function readLedgerRules(grid: Grid | null | undefined): { rules: LedgerRules; findings: Finding[] } {
  const rules = defaultLedgerRules();
  const findings: Finding[] = [];
  if (!grid) return { rules, findings };
  const bad = (row: number, col: number, text: string) => {
    const f = finding({ code: 'RULES_SHEET_INVALID', text }, { row, col, cell: a1(row, col), unit: null });
    f.sheet = grid.sheetName;
    findings.push(f);
  };
  let table: { kind: number; points: number } | null = null;
  for (let i = 0; i < grid.values.length; i++) {
    const values = grid.values[i]!;
    const row = grid.originRow + i;
    const texts = values.map((v) => normalizeName(cellText(v)));
    if (isPointsHeader(texts)) {
      table = { kind: texts.findIndex((t) => KIND_HEADERS.has(t)), points: texts.findIndex((t) => POINT_HEADERS.has(t)) };
      rules.points ??= new Map();
      continue;
    }
    let keyed = false;
    for (let c = 0; c + 1 < values.length; c++) {
      const key = texts[c]!;
      if (!LEDGER_RULE_KEYS.has(key)) continue;
      keyed = true;
      const value = cellText(values[c + 1] ?? null);
      const col = grid.originCol + c + 1;
      if (key === '本室名称') {
        if (value) rules.officeName = value;
        else bad(row, col, value);
      } else if (key === '合报计分') {
        const word = normalizeName(value);
        if (word === '全额' || word === '各计全额') rules.joint = 'full';
        else if (word === '平分' || word === '均分' || word === '平均分配') rules.joint = 'split';
        else bad(row, col, value);
      } else if (value) rules.noticeLevel = value;
      else bad(row, col, value);
    }
    if (keyed) {
      table = null;
      continue;
    }
    if (!table) continue;
    const kind = texts[table.kind] ?? '';
    // A blank line or another table ends the points table.
    if (!kind) {
      if (texts.every((t) => t === '')) table = null;
      continue;
    }
    const parsed = parseScore(values[table.points] ?? null);
    if (parsed.kind !== 'number' || parsed.cents < 0) {
      bad(row, grid.originCol + table.points, cellText(values[table.points] ?? null));
      continue;
    }
    rules.points!.set(kind, parsed.cents);
  }
  if (rules.points && rules.points.size === 0) rules.points = null;
  return { rules, findings };
}
