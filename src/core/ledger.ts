/**
 * The adoption ledger (信息采用登记): one row per piece, found by sheet name or by header.
 *
 *   序号 | 日期       | 报送单位   | 信息标题 | 采用情况   | 评价/备注
 *   1    | 2023-07-03 | 信息室     | …        | 市政府采用 | 综合
 *
 * Pieces are resolved through the roster and kept to the score sheet's period. A bad cell is a
 * finding naming the ledger cell; the piece then counts for nobody rather than for a guess.
 */
import { a1, numberFormatAt, type Grid } from './grid';
import type { Cents } from './decimal';
import { finding, type Finding, type FindingDetail } from './findings';
import { parseDateCell, type PeriodRange } from './period';
import { COMMISSIONED, KNOWN_KINDS, type LedgerRules } from './points';
import { splitNames, type Roster, type RosterUnit } from './roster';
import { cellText, displayName, normalizeName } from './text';

/** Sheet names a ledger goes by (a host that cannot list sheets first asks for these). */
export const LEDGER_SHEET_NAMES: readonly string[] = ['信息采用登记', '采用登记', '报送登记', '采用台账', '信息台账'];
const LEDGER_NAMES = LEDGER_SHEET_NAMES;
const UNIT_HEADERS = new Set(['报送单位', '单位', '主报单位', '报送单位名称']);
const KIND_HEADERS = new Set(['采用情况', '采用级别', '类型']);
const TITLE_HEADERS = new Set(['信息标题', '标题', '题目']);
/** How far down a ledger's header may sit (title rows above it). */
const HEADER_SCAN = 10;

export interface LedgerColumns {
  unit: number;
  kind: number;
  date: number | null;
  title: number | null;
  remark: number | null;
}

export interface LedgerName {
  /** As written in the cell. */
  text: string;
  /** The roster's unit, null when the roster does not know it or it is the office. */
  unit: RosterUnit | null;
  /** The office's own name (本室名称). */
  office: boolean;
}

export interface LedgerPiece {
  /** Absolute 0-based row. */
  row: number;
  /** "YYYY-MM-DD", or null without a date. */
  date: string | null;
  names: LedgerName[];
  title: string;
  /** 采用情况 as written. */
  kind: string;
  /** 评价/备注 says 好: the notice may name the unit as 完成较好. */
  good: boolean;
  /** In the period, with a known 采用情况 and a usable date. */
  counted: boolean;
}

export interface Ledger {
  sheetName: string;
  headerRow: number;
  columns: LedgerColumns;
  /** Every piece row, in ledger order. */
  pieces: LedgerPiece[];
  /** Pieces left out because they are dated outside the period. */
  outside: number;
  /** Names the roster does not know, once each, in ledger order. */
  unknownNames: string[];
  /** The period the pieces were kept to (null: all counted). */
  period: PeriodRange | null;
}

/** A sheet named like a ledger (信息采用登记, 采用登记, 报送登记 …). */
export function isLedgerSheetName(name: string): boolean {
  const key = normalizeName(name);
  return LEDGER_NAMES.some((n) => key === n || key.endsWith(n));
}

function findHeader(grid: Grid): { row: number; columns: LedgerColumns } | null {
  const limit = Math.min(grid.values.length, HEADER_SCAN);
  for (let i = 0; i < limit; i++) {
    const texts = grid.values[i]!.map((v) => normalizeName(cellText(v)));
    const unit = texts.findIndex((t) => UNIT_HEADERS.has(t));
    const kind = texts.findIndex((t) => KIND_HEADERS.has(t));
    if (unit < 0 || kind < 0) continue;
    const index = (test: (t: string) => boolean) => {
      const c = texts.findIndex(test);
      return c >= 0 ? grid.originCol + c : null;
    };
    return {
      row: grid.originRow + i,
      columns: {
        unit: grid.originCol + unit,
        kind: grid.originCol + kind,
        date: index((t) => t.includes('日期') || t === '时间'),
        title: index((t) => TITLE_HEADERS.has(t)),
        remark: index((t) => t.includes('评价') || t.includes('备注')),
      },
    };
  }
  return null;
}

/** Whether a sheet holds a ledger: by name with a header, or a header with a unit and a 采用情况 column. */
export function isLedgerGrid(grid: Grid): boolean {
  return findHeader(grid) !== null;
}

/** The ledger among a workbook's sheets: one named like a ledger first, else the first with its header. */
export function pickLedgerGrid<G extends Grid>(grids: readonly G[], exclude: ReadonlySet<string> = new Set()): G | null {
  const usable = grids.filter((g) => !exclude.has(g.sheetName));
  return usable.find((g) => isLedgerSheetName(g.sheetName) && isLedgerGrid(g)) ?? usable.find(isLedgerGrid) ?? null;
}

export function readLedger(grid: Grid, roster: Roster, rules: LedgerRules, period: PeriodRange | null): { ledger: Ledger | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const header = findHeader(grid);
  if (!header) return { ledger: null, findings };
  const { columns } = header;
  const add = (detail: FindingDetail, row: number | null, col: number | null, unit: string | null = null) => {
    const f = finding(detail, row === null || col === null ? { row: null, col: null, cell: null, unit } : { row, col, cell: a1(row, col), unit });
    f.sheet = grid.sheetName;
    findings.push(f);
  };
  if (columns.date === null) add({ code: 'LEDGER_NO_DATES' }, null, null);

  const office = normalizeName(rules.officeName);
  const known = new Set<string>([...KNOWN_KINDS, ...(rules.points?.keys() ?? []), rules.noticeLevel, rules.commissioned].map(normalizeName));
  const pieces: LedgerPiece[] = [];
  const unknown: string[] = [];
  let outside = 0;
  const at = (values: readonly unknown[] | undefined, col: number | null) => (col === null ? null : ((values?.[col - grid.originCol] ?? null) as Grid['values'][number][number]));

  for (let i = header.row - grid.originRow + 1; i < grid.values.length; i++) {
    const values = grid.values[i]!;
    const row = grid.originRow + i;
    const unitText = cellText(at(values, columns.unit));
    const kindText = displayName(at(values, columns.kind));
    const titleText = displayName(at(values, columns.title));
    const dateValue = at(values, columns.date);
    if (!unitText && !kindText && !titleText && (dateValue === null || dateValue === '')) continue;

    let counted = true;
    if (!unitText) {
      add({ code: 'LEDGER_EMPTY_UNIT' }, row, columns.unit);
      counted = false;
    }
    if (!known.has(normalizeName(kindText))) {
      add({ code: 'LEDGER_UNKNOWN_KIND', text: kindText }, row, columns.kind);
      counted = false;
    }
    let date: string | null = null;
    if (columns.date !== null) {
      const parsed = parseDateCell(dateValue, numberFormatAt(grid, row, columns.date));
      if (parsed.kind === 'bad') {
        add({ code: 'LEDGER_BAD_DATE', text: parsed.text }, row, columns.date);
        counted = false;
      } else if (parsed.kind === 'empty') {
        add({ code: 'LEDGER_EMPTY_DATE' }, row, columns.date);
      } else {
        date = parsed.iso;
        if (period && (date < period.start || date > period.end)) {
          if (counted) outside++;
          counted = false;
        }
      }
    }
    const names: LedgerName[] = [];
    for (const text of splitNames(unitText)) {
      if (names.some((n) => normalizeName(n.text) === normalizeName(text))) continue;
      if (normalizeName(text) === office) {
        names.push({ text, unit: null, office: true });
        continue;
      }
      const unit = roster.resolve(text);
      if (!unit) {
        add({ code: 'LEDGER_UNKNOWN_UNIT', name: text }, row, columns.unit, text);
        if (!unknown.includes(text)) unknown.push(text);
      }
      names.push({ text, unit, office: false });
    }
    const remark = normalizeName(cellText(at(values, columns.remark)));
    pieces.push({ row, date, names, title: titleText, kind: kindText, good: remark.includes('好') && !remark.includes('不好'), counted });
  }
  if (outside > 0 && period) add({ code: 'LEDGER_OUTSIDE_PERIOD', count: outside, period: `${period.start}—${period.end}` }, null, null);
  return { ledger: { sheetName: grid.sheetName, headerRow: header.row, columns, pieces, outside, unknownNames: unknown, period }, findings };
}

/** The counted pieces of one 采用情况, in ledger order. */
export function piecesOf(ledger: Ledger, kind: string): LedgerPiece[] {
  const key = normalizeName(kind);
  return ledger.pieces.filter((p) => p.counted && normalizeName(p.kind) === key);
}

export function isCommissioned(piece: LedgerPiece): boolean {
  return normalizeName(piece.kind) === COMMISSIONED;
}

/**
 * Each unit's 采用得分 from the points table: the sum of its counted pieces' points. A joint
 * piece is split equally among every name in its cell (an unknown name keeps its share, so
 * fixing it later changes no other unit's score); the odd cents go to the names listed first.
 * With 合报计分 全额, each unit gets the full points.
 */
export function adoptionPoints(ledger: Ledger, rules: LedgerRules): Map<RosterUnit, Cents> {
  const out = new Map<RosterUnit, Cents>();
  if (!rules.points) return out;
  for (const piece of ledger.pieces) {
    if (!piece.counted || piece.names.length === 0) continue;
    const points = rules.points.get(normalizeName(piece.kind)) ?? 0;
    const n = piece.names.length;
    const share = rules.joint === 'full' ? points : Math.floor(points / n);
    let rest = rules.joint === 'full' ? 0 : points - share * n;
    for (const name of piece.names) {
      const cents = share + (rest > 0 ? 1 : 0);
      if (rest > 0) rest--;
      if (name.unit) out.set(name.unit, (out.get(name.unit) ?? 0) + cents);
    }
  }
  return out;
}
