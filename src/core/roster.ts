/**
 * The unit roster (单位名录): canonical unit names, their category and the variants a clerk
 * or the city writes for them (别名). The ledger, the notice and the year view resolve names
 * through it; without a roster sheet, the score table's units are the roster.
 *
 *   单位               | 类别         | 别名
 *   陈家沟景区发展中心 | 一类考评单位 | 陈家沟景区管理局
 */
import type { Grid } from './grid';
import { a1 } from './grid';
import { finding, type Finding } from './findings';
import type { ScoreTable } from './model';

/** The parts of a score table the roster reads (a ScoredTable has them too). */
type TableUnits = Pick<ScoreTable, 'categories' | 'units'>;
import { cellText, displayName, normalizeName } from './text';

export interface RosterUnit {
  /** The unit's current name, as the notice writes it. */
  name: string;
  /** Its category (乡镇(街道), 一类考评单位 …), or null when the roster does not say. */
  category: string | null;
  /** Other names that mean this unit. */
  aliases: string[];
  /** Absolute 0-based row in the roster sheet, or in the score sheet for a unit taken from the table. */
  row: number | null;
}

export interface Roster {
  /** The roster sheet's name, or null when the roster is the score table's units. */
  sheetName: string | null;
  units: RosterUnit[];
  /** The unit a name (or alias) means, matched after NFKC and without spaces; null when unknown. */
  resolve(name: string): RosterUnit | null;
}

/** Sheet names a roster goes by. */
export const ROSTER_SHEET_NAMES: readonly string[] = ['单位名录', '单位名单', '考评单位名录', '名录'];
const ROSTER_NAMES = new Set(ROSTER_SHEET_NAMES);
const UNIT_HEADERS = new Set(['单位', '单位名称', '考评单位']);
const CATEGORY_HEADERS = new Set(['类别', '分类', '单位类别', '考评类别']);
const ALIAS_HEADERS = new Set(['别名', '曾用名', '其他名称', '简称']);

/** Several names in one cell: 、，,/ (full-width forms fold to these under NFKC). */
export const NAME_SEPARATORS = /[、，,/／;；]+/;

export function splitNames(text: string): string[] {
  return text
    .split(NAME_SEPARATORS)
    .map((s) => displayName(s))
    .filter((s) => s !== '');
}

/** 乡镇(街道) and its variants: the one category the notice counts apart from 县直单位. */
export function isTownshipCategory(category: string | null): boolean {
  if (!category) return false;
  const key = normalizeName(category);
  return key.startsWith('乡镇') || key.includes('街道');
}

export function createRoster(units: RosterUnit[], sheetName: string | null): Roster {
  const byName = new Map<string, RosterUnit>();
  // Canonical names first, so an alias never shadows a unit's own name.
  for (const u of units) if (!byName.has(normalizeName(u.name))) byName.set(normalizeName(u.name), u);
  for (const u of units) for (const a of u.aliases) if (!byName.has(normalizeName(a))) byName.set(normalizeName(a), u);
  return { sheetName, units, resolve: (name) => byName.get(normalizeName(name)) ?? null };
}

export function isRosterSheetName(name: string): boolean {
  return ROSTER_NAMES.has(normalizeName(name));
}

/** Read a roster sheet: a header with 单位 and 类别 (别名 optional), then one unit a row. */
export function readRosterSheet(grid: Grid): { roster: Roster | null; findings: Finding[] } {
  const findings: Finding[] = [];
  let cols: { unit: number; category: number; alias: number | null } | null = null;
  const units: RosterUnit[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < grid.values.length; i++) {
    const values = grid.values[i]!;
    const row = grid.originRow + i;
    const texts = values.map((v) => normalizeName(cellText(v)));
    if (!cols) {
      const unit = texts.findIndex((t) => UNIT_HEADERS.has(t));
      const category = texts.findIndex((t) => CATEGORY_HEADERS.has(t));
      if (unit >= 0 && category >= 0) {
        const alias = texts.findIndex((t) => ALIAS_HEADERS.has(t));
        cols = { unit, category, alias: alias >= 0 ? alias : null };
      }
      continue;
    }
    const name = displayName(values[cols.unit] ?? null);
    if (!name) continue;
    const key = normalizeName(name);
    const first = seen.get(key);
    if (first !== undefined) {
      const f = finding({ code: 'ROSTER_DUPLICATE', name, firstCell: a1(first, grid.originCol + cols.unit) }, { row, col: grid.originCol + cols.unit, cell: a1(row, grid.originCol + cols.unit), unit: name });
      f.sheet = grid.sheetName;
      findings.push(f);
      continue;
    }
    seen.set(key, row);
    const category = displayName(values[cols.category] ?? null) || null;
    const aliases = cols.alias === null ? [] : splitNames(cellText(values[cols.alias] ?? null));
    units.push({ name, category, aliases, row });
  }
  return { roster: cols ? createRoster(units, grid.sheetName) : null, findings };
}

/** The score table's units as the roster (each in its category), for a workbook without 单位名录. */
export function rosterFromTable(scored: TableUnits): Roster {
  const units: RosterUnit[] = [];
  for (const c of scored.categories) {
    for (const i of c.members) units.push({ name: scored.units.names[i]!, category: c.name, aliases: [], row: scored.units.rows[i]! });
  }
  return createRoster(units, null);
}

/**
 * The roster sheet, completed by the score table's units it does not know (so a unit missing
 * from 单位名录 still gets its pieces), or the table's units alone.
 */
export function effectiveRoster(sheet: Roster | null, scored: TableUnits | null): Roster {
  if (!scored) return sheet ?? createRoster([], null);
  const table = rosterFromTable(scored);
  if (!sheet) return table;
  const extra = table.units.filter((u) => sheet.resolve(u.name) === null);
  return extra.length === 0 ? sheet : createRoster([...sheet.units, ...extra], sheet.sheetName);
}
