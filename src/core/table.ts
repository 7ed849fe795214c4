/** Read the units and their score cells out of a detected layout, tying every number to its cell. */
import { a1, formulaAt, numberFormatAt, valueAt, type CellValue, type Grid } from './grid';
import { finding, MAX_CELL_CHARS, placeAt, SHEET_LEVEL, type Finding } from './findings';
import { isScoreColumn, type CategoryTable, type ColumnInfo, type Layout, type OutputCells, type OutputKind, type ScoreColumn, type ScoreTable, type UnitColumns } from './model';
import { ruleFor, type CategoryRule, type Rules } from './rules';
import { centsToNumber, MAX_SCORE_CENTS } from './decimal';
import { cellText, displayName, isDateFormat, isPlainText, normalizeName, parseScore } from './text';

import { SINGLE_CATEGORY_WORD, UNCATEGORISED_WORD } from './words';

export const UNCATEGORISED = UNCATEGORISED_WORD;
export const SINGLE_CATEGORY = SINGLE_CATEGORY_WORD;

export function readTable(grid: Grid, layout: Layout, rules: Rules): { table: ScoreTable; findings: Finding[] } {
  const reader = newReader(grid, layout, rules);
  const rows = layout.rows;
  let nextCategory = 0;
  for (let at = 0; at < rows.length; at++) {
    const r = rows[at]!;
    const categoryRow = layout.categoryRows[nextCategory];
    if (categoryRow && categoryRow.row === r) {
      nextCategory++;
      enterCategory(reader, categoryRow.name, categoryRow.row, categoryRow.col);
    } else {
      readUnit(reader, r);
    }
  }
  return finish(reader, layout);
}

/**
 * The state of one readTable pass, as plain data with functions over it: each row of the sheet
 * is read by one small function, so the table is read row by row in the sheet's order.
 */
interface Reader {
  grid: Grid;
  // Only what reading rows needs from the layout and the rules: how categories are marked, and each category's rule.
  categoryMode: Layout['categoryMode'];
  ruleFor: (name: string) => CategoryRule | null;
  findings: Finding[];
  unitCol: number;
  categoryCol: number | null;
  totalCol: ColumnInfo | null;
  rankCol: ColumnInfo | null;
  /** The table's own total, rank and 标记 columns, whose cells are kept for the plan. */
  outputs: Array<{ kind: OutputKind; cells: OutputCells }>;
  scoreColumns: ScoreColumn[];
  /** Score columns relative to the grid's first column. */
  scoreCols: number[];
  width: number;
  hidden: Set<number>;
  /** Position in `order` of each category, by name key. */
  byKey: Map<string, number>;
  order: CategoryTable[];
  /** Units per category, by position in `order`. */
  memberCounts: number[];
  /** Every category row, for the EMPTY_CATEGORY check once all units are read. */
  categoryRowsSeen: Array<{ category: CategoryTable; row: number; col: number }>;
  /** Position in `order` of the category units now belong to; -1 before the first. */
  current: number;
  /** The first unit index of each name key. */
  seenUnits: NameSet;
  /** Name keys that differ from the name (全角, spaces…); made on the first such name. */
  nameKeys: string[] | null;
  /** Each unit's category, as its position in `order`: members are gathered from it in finish(). */
  unitCategories: Uint16Array | Uint32Array;
  // The units' columns and score matrix, sized for every layout row and trimmed in finish().
  names: string[];
  unitRows: Int32Array;
  scores: Float64Array;
  count: number;
}

function newReader(grid: Grid, layout: Layout, rules: Rules): Reader {
  const role = (r: ColumnInfo['role']) => layout.columns.find((c) => c.role === r) ?? null;
  const totalCol = role('total');
  const rankCol = role('rank');
  const scoreColumns = layout.columns.filter(isScoreColumn);
  const capacity = layout.rows.length;
  const reader: Reader = {
    grid,
    categoryMode: layout.categoryMode,
    ruleFor: (name) => ruleFor(rules, name),
    findings: [],
    unitCol: role('unit')!.col,
    categoryCol: role('category')?.col ?? null,
    totalCol,
    rankCol,
    outputs: (['total', 'rank', 'flag'] as const).flatMap((kind) => {
      const column = role(kind);
      return column ? [{ kind, cells: { col: column.col, values: null, formulas: null } }] : [];
    }),
    scoreColumns,
    scoreCols: scoreColumns.map((c) => c.col - grid.originCol),
    width: scoreColumns.length,
    hidden: new Set(grid.hiddenRows ?? []),
    byKey: new Map(),
    order: [],
    memberCounts: [],
    categoryRowsSeen: [],
    current: -1,
    seenUnits: nameSet(capacity),
    nameKeys: null,
    unitCategories: capacity < 0xffff ? new Uint16Array(capacity) : new Uint32Array(capacity),
    names: new Array<string>(capacity),
    unitRows: new Int32Array(capacity),
    scores: new Float64Array(capacity * scoreColumns.length),
    count: 0,
  };
  if (layout.categoryMode === 'none') {
    reader.findings.push(finding({ code: 'NO_CATEGORY' }, SHEET_LEVEL));
    reader.current = categoryFor(reader, SINGLE_CATEGORY, null, null);
  }
  return reader;
}

/** The category of that name (made on first sight), as its position in `order`. */
function categoryFor(reader: Reader, name: string, row: number | null, col: number | null): number {
  const key = normalizeName(name);
  const known = reader.byKey.get(key);
  if (known !== undefined) return known;
  const mode = reader.categoryMode;
  const rule = mode === 'none' ? null : reader.ruleFor(name);
  const position = reader.order.length;
  reader.order.push({ name, row, rule, members: [] });
  reader.memberCounts.push(0);
  reader.byKey.set(key, position);
  if (!rule && mode !== 'none' && name !== UNCATEGORISED && row !== null && col !== null) {
    reader.findings.push(finding({ code: 'UNKNOWN_CATEGORY', category: name }, placeAt(row, col)));
  }
  return position;
}

/** A category row (乡镇(街道) …): the units below belong to it. */
function enterCategory(reader: Reader, name: string, row: number, col: number): void {
  if (name.length > MAX_CELL_CHARS) reader.findings.push(finding({ code: 'CELL_TOO_LONG', length: name.length }, placeAt(row, col)));
  reader.current = categoryFor(reader, name, row, col);
  reader.categoryRowsSeen.push({ category: reader.order[reader.current]!, row, col });
}

/** One unit row: its name, score cells, and what the sheet already says in total and rank. */
function readUnit(reader: Reader, r: number): void {
  const { grid, unitCol, findings } = reader;
  const rowValues = grid.values[r - grid.originRow]!;
  const cell = rowValues[unitCol - grid.originCol] ?? null;
  // Most names are plain (CJK and visible ASCII): they are their own display form and name key.
  const plain = typeof cell === 'string' && isPlainText(cell);
  const name = plain ? cell : displayName(cell);
  // Excel keeps at most 32,767 characters in a cell: a longer name came from a script, and
  // would be cut short when the file or our summary is opened in Excel.
  if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) findings.push(finding({ code: 'CELL_TOO_LONG', length: cell.length }, placeAt(r, unitCol, null)));
  if (!name) {
    if (reader.scoreColumns.some((c) => valueAt(grid, r, c.col) !== null)) findings.push(finding({ code: 'EMPTY_UNIT_NAME' }, placeAt(r, unitCol)));
    return;
  }
  const current = categoryOf(reader, r, name);

  const index = reader.count++;
  readScores(reader, r, rowValues, index, name);
  if (reader.hidden.size > 0 && reader.hidden.has(r)) findings.push(finding({ code: 'HIDDEN_ROW' }, placeAt(r, unitCol, name)));

  reader.unitRows[index] = r;
  reader.unitCategories[index] = current;
  reader.names[index] = name;
  const key = plain ? name : normalizeName(name);
  if (key !== name) (reader.nameKeys ??= new Array<string>(reader.names.length))[index] = key;
  const seen = addName(reader, key, index);
  if (seen !== index) reportDuplicate(reader, r, name, seen, reader.order[current]!.name);
  readOutputs(reader, r, rowValues, index, name);
  reader.memberCounts[current] = reader.memberCounts[current]! + 1;
}

/** The unit's category (position in `order`): the category column's cell when there is one, else the last category row. */
function categoryOf(reader: Reader, r: number, name: string): number {
  if (reader.categoryCol !== null) {
    const categoryName = cellText(valueAt(reader.grid, r, reader.categoryCol));
    if (categoryName) reader.current = categoryFor(reader, categoryName, r, reader.categoryCol);
  }
  if (reader.current < 0) {
    reader.findings.push(finding({ code: 'UNIT_BEFORE_CATEGORY' }, placeAt(r, reader.unitCol, name)));
    reader.current = categoryFor(reader, UNCATEGORISED, null, null);
  }
  return reader.current;
}

function readScores(reader: Reader, r: number, rowValues: CellValue[], index: number, name: string): void {
  const { width, scoreCols, scores } = reader;
  const rowFormats = reader.grid.numberFormats?.[r - reader.grid.originRow];
  for (let i = 0; i < width; i++) {
    const c = scoreCols[i]!;
    const v = rowValues[c];
    // Fast path: a plain number with at most two decimals, the common case, allocates nothing.
    let cents = NaN;
    const format = rowFormats?.[c];
    if (typeof v === 'number' && (format == null || !isDateFormat(format)) && Number.isFinite(v)) {
      const rounded = Math.round(v * 100);
      if (rounded / 100 === v && Math.abs(rounded) <= MAX_SCORE_CENTS) cents = rounded === 0 ? 0 : rounded;
    }
    if (Number.isNaN(cents)) cents = readScore(reader.grid, r, reader.scoreColumns[i]!, name, reader.findings) ?? NaN;
    scores[index * width + i] = cents;
  }
}

function reportDuplicate(reader: Reader, r: number, name: string, first: number, category: string): void {
  const firstCell = a1(reader.unitRows[first]!, reader.unitCol);
  const firstCategory = reader.order[reader.unitCategories[first]!]!.name;
  const where = placeAt(r, reader.unitCol, name);
  reader.findings.push(
    firstCategory === category
      ? finding({ code: 'DUPLICATE_UNIT', firstCell, category }, where)
      : finding({ code: 'UNIT_IN_TWO_CATEGORIES', firstCell, firstCategory, category }, where),
  );
}

/**
 * What the unit's total, rank and 标记 cells hold, kept by unit index (arrays made on the first
 * non-empty cell: a first run's sheet has none); a formula in a total or rank cell is reported.
 */
function readOutputs(reader: Reader, r: number, rowValues: CellValue[], index: number, name: string): void {
  const { grid } = reader;
  const rowFormulas = grid.formulas?.[r - grid.originRow];
  for (let o = 0; o < reader.outputs.length; o++) {
    const { kind, cells } = reader.outputs[o]!;
    const value = rowValues[cells.col - grid.originCol] ?? null;
    if (value !== null) (cells.values ??= filledWithNull(reader.names.length))[index] = value;
    const f = rowFormulas?.[cells.col - grid.originCol];
    if (typeof f !== 'string' || !f.startsWith('=')) continue;
    (cells.formulas ??= filledWithNull(reader.names.length) as Array<string | null>)[index] = f;
    if (kind !== 'flag') {
      const label = (kind === 'total' ? reader.totalCol : reader.rankCol)!.label;
      reader.findings.push(finding({ code: 'FORMULA_OVERWRITE', column: label, formula: f }, placeAt(r, cells.col, name)));
    }
  }
}

function filledWithNull(length: number): CellValue[] {
  return new Array<CellValue>(length).fill(null);
}

function finish(reader: Reader, layout: Layout): { table: ScoreTable; findings: Finding[] } {
  const count = reader.count;
  const size = count * reader.width;
  // Views, not copies: the few rows that were category rows are left over at the end.
  const scores = reader.scores.length > size ? reader.scores.subarray(0, size) : reader.scores;
  // Members, sized exactly: one array per category, units in reading (sheet) order.
  const members = reader.order.map((category, i) => (category.members = new Array<number>(reader.memberCounts[i] ?? 0)));
  const filled = reader.order.map(() => 0);
  for (let index = 0; index < count; index++) {
    const c = reader.unitCategories[index]!;
    members[c]![filled[c]!++] = index;
  }
  for (const seen of reader.categoryRowsSeen) {
    // A category row's units all land in its category, so a category without members had none.
    if (seen.category.members.length === 0) {
      reader.findings.push(finding({ code: 'EMPTY_CATEGORY', category: seen.category.name }, placeAt(seen.row, seen.col)));
    }
  }
  reader.names.length = count;
  const cells: UnitColumns['cells'] = { total: null, rank: null, flag: null };
  for (const { kind, cells: column } of reader.outputs) {
    if (column.values) column.values.length = count;
    if (column.formulas) column.formulas.length = count;
    cells[kind] = column;
  }
  const units: UnitColumns = {
    count,
    names: reader.names,
    rows: reader.unitRows.length > count ? reader.unitRows.subarray(0, count) : reader.unitRows,
    cells,
  };
  const categories = reader.order.filter((c) => c.members.length > 0);
  return { table: { layout, scoreColumns: reader.scoreColumns, units, scores, categories }, findings: reader.findings };
}

/** Parse one score cell; unusable content becomes a finding and counts as nothing. */
function readScore(grid: Grid, row: number, column: ScoreColumn, unit: string, findings: Finding[]): number | null {
  const value = valueAt(grid, row, column.col);
  const parsed = parseScore(value, numberFormatAt(grid, row, column.col));
  if (parsed.kind === 'number' && !parsed.rounded && !parsed.fromText) return parsed.cents;
  const where = placeAt(row, column.col, unit);
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
    findings.push(finding({ code: 'CELL_TOO_LONG', length: value.length }, where));
    return null;
  }
  switch (parsed.kind) {
    case 'number':
      // Excel's own SUM skips numbers kept as text; this total counts them, so it says so.
      if (parsed.fromText) findings.push(finding({ code: 'NUMERIC_TEXT', column: column.label, text: typeof value === 'string' ? value.trim() : String(value) }, where));
      if (parsed.rounded) {
        findings.push(finding({ code: 'TOO_MANY_DECIMALS', column: column.label, value: parsed.value, rounded: centsToNumber(parsed.cents) }, where));
      }
      return parsed.cents;
    case 'empty': {
      // A formula saved without its result (openpyxl, pandas and other scripts do) is not an
      // empty cell: its value is unknown, and counting it 0 would rank the unit wrongly.
      // null, not "": a formula whose result is the empty text ("" from IF) was calculated.
      const formula = value === null ? formulaAt(grid, row, column.col) : null;
      if (formula !== null) {
        findings.push(finding({ code: 'FORMULA_NO_VALUE', column: column.label, formula }, where));
        return null;
      }
      findings.push(finding({ code: 'EMPTY_SCORE', column: column.label }, where));
      return null;
    }
    case 'text':
      findings.push(finding({ code: 'NOT_A_NUMBER', column: column.label, text: parsed.text }, where));
      return null;
    case 'error':
      findings.push(finding({ code: 'ERROR_VALUE', column: column.label, text: parsed.text }, where));
      return null;
    case 'outOfRange':
      findings.push(finding({ code: 'OUT_OF_RANGE', column: column.label, text: parsed.text }, where));
      return null;
  }
}

/**
 * The first index under which each name key was added: open addressing over an Int32Array,
 * sized once. A Map of 100k names cost the core a fifth of its time (growth and scattered
 * entries); this makes no object per name. The keys themselves are the reader's names (or
 * nameKeys).
 */
interface NameSet {
  /** Per slot: unit index + 1, or 0 when free. */
  slots: Int32Array;
  /** Per unit index: the hash of its key (compared before the strings). */
  hashes: Int32Array;
  mask: number;
}

/**
 * The last tables, kept for the next run of a sheet of similar size, so a big sheet does not
 * allocate its name tables afresh each time (up to 8 MB each, a million names, is kept).
 */
let spare: { slots: Int32Array; hashes: Int32Array } | null = null;
const SPARE_LIMIT = 2 * 1024 * 1024;

function nameSet(capacity: number): NameSet {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  if (spare && spare.slots.length >= size && spare.hashes.length >= capacity) {
    const slots = spare.slots.subarray(0, size);
    slots.fill(0);
    return { slots, hashes: spare.hashes, mask: size - 1 };
  }
  const set = { slots: new Int32Array(size), hashes: new Int32Array(capacity), mask: size - 1 };
  if (size <= SPARE_LIMIT) spare = { slots: set.slots, hashes: set.hashes };
  return set;
}

/** Add the unit `index` under `key`; returns the index that key was first added under. */
function addName(reader: Reader, key: string, index: number): number {
  const { slots, hashes, mask } = reader.seenUnits;
  // FNV-1a over the UTF-16 code units.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hashes[index] = hash;
  // The table has twice as many slots as names, so a free one always comes; the bound only
  // turns a broken invariant (a table not cleared) into an error instead of an endless loop.
  for (let probes = 0, slot = hash & mask; probes <= mask; probes++, slot = (slot + 1) & mask) {
    const held = slots[slot]!;
    if (held === 0) {
      slots[slot] = index + 1;
      return index;
    }
    // Compare the strings only when the hashes agree: other names stay out of the cache.
    if (hashes[held - 1] === hash && (reader.nameKeys?.[held - 1] ?? reader.names[held - 1]) === key) return held - 1;
  }
  throw new Error('name table full');
}
