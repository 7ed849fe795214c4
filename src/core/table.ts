/** Read the units and their score cells out of a detected layout, tying every number to its cell. */
import { a1, formulaAt, numberFormatAt, valueAt, type CellValue, type Grid } from './grid';
import { finding, MAX_CELL_CHARS, placeAt, SHEET_LEVEL, type Finding } from './findings';
import { isComponentColumn, type CategoryTable, type ComponentColumn, type Layout, type OutputCells, type OutputKind, type ScoreTable, type SheetColumn, type UnitColumns } from './model';
import { ruleFor, type CategoryRule, type Rules } from './rules';
import { centsToNumber, exactCents } from './decimal';
import { isOwnFormula } from './formulas';
import { cellText, displayName, isDateFormat, isPlainText, normalizeName, parseScore } from './text';
import { createNameIndex, type NameIndex } from './perf/nameIndex';

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

/** One readTable pass: the sheet, where its columns are, the categories and units met so far, and the findings. */
interface Reader {
  grid: Grid;
  /** Hidden rows (a unit on one is reported). */
  hidden: ReadonlySet<number>;
  /** Whether each number format met so far is a date's: a sheet has few formats and many cells. */
  dateFormats: Map<string, boolean>;
  columns: TableColumns;
  categories: CategoriesMet;
  units: UnitsRead;
  findings: Finding[];
}

/** Where the table's cells are. */
interface TableColumns {
  unit: number;
  category: number | null;
  /** The columns added into the total, in sheet order, and their positions in a grid row. */
  components: ComponentColumn[];
  componentsInRow: number[];
  /** The table's own total, rank and 标记 columns, whose cells are kept for the plan. */
  outputs: Array<{ kind: OutputKind; label: string; cells: OutputCells }>;
}

/** The categories in the order first met, found by name key. */
interface CategoriesMet {
  mode: Layout['categoryMode'];
  ruleFor: (name: string) => CategoryRule | null;
  /** Position in `order` of each category, by name key. */
  byKey: Map<string, number>;
  order: CategoryTable[];
  /** Units per category, by position in `order`. */
  memberCounts: number[];
  /** Every category row, for the EMPTY_CATEGORY check once all units are read. */
  rowsSeen: Array<{ category: CategoryTable; row: number; col: number }>;
  /** Position in `order` of the category units now belong to; -1 before the first. */
  current: number;
}

/**
 * The units read so far, column by column by unit index (reading order): sized for every layout
 * row and trimmed in finish(), since category rows are among the layout's rows.
 */
interface UnitsRead {
  count: number;
  names: string[];
  rows: Int32Array;
  /** Cents of each unit's score cells, `components.length` per unit (NaN: empty or unusable). */
  scores: Float64Array;
  /** Each unit's category, as its position in `order`: members are gathered from it in finish(). */
  categories: Uint16Array | Uint32Array;
  /** Name keys that differ from the name (全角, spaces…); made on the first such name. */
  keys: string[] | null;
  /** The first unit index of each name key. */
  byName: NameIndex;
}

function newReader(grid: Grid, layout: Layout, rules: Rules): Reader {
  const role = (r: SheetColumn['role']) => layout.columns.find((c) => c.role === r) ?? null;
  const components = layout.columns.filter(isComponentColumn);
  const capacity = layout.rows.length;
  const names = new Array<string>(capacity);
  const units: UnitsRead = {
    count: 0,
    names,
    rows: new Int32Array(capacity),
    scores: new Float64Array(capacity * components.length),
    categories: capacity < 0xffff ? new Uint16Array(capacity) : new Uint32Array(capacity),
    keys: null,
    byName: createNameIndex(capacity, (index) => units.keys?.[index] ?? names[index]!),
  };
  const reader: Reader = {
    grid,
    hidden: new Set(grid.hiddenRows ?? []),
    dateFormats: new Map(),
    columns: {
      unit: role('unit')!.col,
      category: role('category')?.col ?? null,
      components,
      componentsInRow: components.map((c) => c.col - grid.originCol),
      outputs: (['total', 'rank', 'flag'] as const).flatMap((kind) => {
        const column = role(kind);
        return column ? [{ kind, label: column.label, cells: { col: column.col, values: null, formulas: null } }] : [];
      }),
    },
    categories: {
      mode: layout.categoryMode,
      ruleFor: (name) => ruleFor(rules, name),
      byKey: new Map(),
      order: [],
      memberCounts: [],
      rowsSeen: [],
      current: -1,
    },
    units,
    findings: [],
  };
  if (layout.categoryMode === 'none') {
    reader.findings.push(finding({ code: 'NO_CATEGORY' }, SHEET_LEVEL));
    reader.categories.current = categoryFor(reader, SINGLE_CATEGORY, null, null);
  }
  return reader;
}

/** The category of that name (made on first sight), as its position in `order`. */
function categoryFor(reader: Reader, name: string, row: number | null, col: number | null): number {
  const met = reader.categories;
  const key = normalizeName(name);
  const known = met.byKey.get(key);
  if (known !== undefined) return known;
  const rule = met.mode === 'none' ? null : met.ruleFor(name);
  const position = met.order.length;
  met.order.push({ name, row, rule, members: [] });
  met.memberCounts.push(0);
  met.byKey.set(key, position);
  if (!rule && met.mode !== 'none' && name !== UNCATEGORISED && row !== null && col !== null) {
    reader.findings.push(finding({ code: 'UNKNOWN_CATEGORY', category: name }, placeAt(row, col)));
  }
  return position;
}

/** A category row (乡镇(街道) …): the units below belong to it. */
function enterCategory(reader: Reader, name: string, row: number, col: number): void {
  if (name.length > MAX_CELL_CHARS) reader.findings.push(finding({ code: 'CELL_TOO_LONG', length: name.length }, placeAt(row, col)));
  const met = reader.categories;
  met.current = categoryFor(reader, name, row, col);
  met.rowsSeen.push({ category: met.order[met.current]!, row, col });
}

/** One unit row: its name, score cells, and what the sheet already says in total and rank. */
function readUnit(reader: Reader, r: number): void {
  const { grid, findings, units } = reader;
  const unitCol = reader.columns.unit;
  const rowValues = grid.values[r - grid.originRow]!;
  const cell = rowValues[unitCol - grid.originCol] ?? null;
  // Most names are plain (CJK and visible ASCII): they are their own display form and name key.
  const plain = typeof cell === 'string' && isPlainText(cell);
  const name = plain ? cell : displayName(cell);
  // Excel keeps at most 32,767 characters in a cell: a longer name came from a script, and
  // would be cut short when the file or our summary is opened in Excel.
  if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) findings.push(finding({ code: 'CELL_TOO_LONG', length: cell.length }, placeAt(r, unitCol, null)));
  if (!name) {
    if (reader.columns.components.some((c) => valueAt(grid, r, c.col) !== null)) findings.push(finding({ code: 'EMPTY_UNIT_NAME' }, placeAt(r, unitCol)));
    return;
  }
  const category = categoryOf(reader, r, name);

  const index = units.count++;
  readScores(reader, r, rowValues, index, name);
  if (reader.hidden.size > 0 && reader.hidden.has(r)) findings.push(finding({ code: 'HIDDEN_ROW' }, placeAt(r, unitCol, name)));

  units.rows[index] = r;
  units.categories[index] = category;
  units.names[index] = name;
  const key = plain ? name : normalizeName(name);
  if (key !== name) (units.keys ??= new Array<string>(units.names.length))[index] = key;
  const first = units.byName.add(key, index);
  if (first !== index) reportDuplicate(reader, r, name, first, reader.categories.order[category]!.name);
  readOutputs(reader, r, rowValues, index, name);
  reader.categories.memberCounts[category]!++;
}

/** The unit's category (position in `order`): the category column's cell when there is one, else the last category row. */
function categoryOf(reader: Reader, r: number, name: string): number {
  const met = reader.categories;
  const categoryCol = reader.columns.category;
  if (categoryCol !== null) {
    const categoryName = cellText(valueAt(reader.grid, r, categoryCol));
    if (categoryName) met.current = categoryFor(reader, categoryName, r, categoryCol);
  }
  if (met.current < 0) {
    reader.findings.push(finding({ code: 'UNIT_BEFORE_CATEGORY' }, placeAt(r, reader.columns.unit, name)));
    met.current = categoryFor(reader, UNCATEGORISED, null, null);
  }
  return met.current;
}

function readScores(reader: Reader, r: number, rowValues: CellValue[], index: number, name: string): void {
  const { components, componentsInRow } = reader.columns;
  const width = components.length;
  const scores = reader.units.scores;
  const rowFormats = reader.grid.numberFormats?.[r - reader.grid.originRow];
  for (let i = 0; i < width; i++) {
    const c = componentsInRow[i]!;
    const v = rowValues[c];
    // A plain number with at most two decimals is the common cell; anything else is parsed and may be a finding.
    const format = rowFormats?.[c];
    let cents = typeof v === 'number' && (format == null || !isDateFormatted(reader, format)) ? exactCents(v) : NaN;
    if (Number.isNaN(cents)) cents = readScore(reader.grid, r, components[i]!, name, reader.findings) ?? NaN;
    scores[index * width + i] = cents;
  }
}

function isDateFormatted(reader: Reader, format: string): boolean {
  let known = reader.dateFormats.get(format);
  if (known === undefined) reader.dateFormats.set(format, (known = isDateFormat(format)));
  return known;
}

function reportDuplicate(reader: Reader, r: number, name: string, first: number, category: string): void {
  const unitCol = reader.columns.unit;
  const firstCell = a1(reader.units.rows[first]!, unitCol);
  const firstCategory = reader.categories.order[reader.units.categories[first]!]!.name;
  const where = placeAt(r, unitCol, name);
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
  const capacity = reader.units.names.length;
  const rowFormulas = grid.formulas?.[r - grid.originRow];
  for (const { kind, label, cells } of reader.columns.outputs) {
    const value = rowValues[cells.col - grid.originCol] ?? null;
    if (value !== null) (cells.values ??= filledWithNull(capacity))[index] = value;
    const f = rowFormulas?.[cells.col - grid.originCol];
    if (typeof f !== 'string' || !f.startsWith('=')) continue;
    (cells.formulas ??= filledWithNull(capacity) as Array<string | null>)[index] = f;
    // #11 写入公式: a formula this product wrote is its own output, not a user's to warn about.
    if (kind !== 'flag' && !isOwnFormula(kind, f)) reader.findings.push(finding({ code: 'FORMULA_OVERWRITE', column: label, formula: f }, placeAt(r, cells.col, name)));
  }
}

function filledWithNull(length: number): CellValue[] {
  return new Array<CellValue>(length).fill(null);
}

function finish(reader: Reader, layout: Layout): { table: ScoreTable; findings: Finding[] } {
  const { units, categories: met } = reader;
  const count = units.count;
  const size = count * reader.columns.components.length;
  // Views, not copies: the few rows that were category rows are left over at the end.
  const scores = units.scores.length > size ? units.scores.subarray(0, size) : units.scores;
  // Members, sized exactly: one array per category, units in reading (sheet) order.
  const members = met.order.map((category, i) => (category.members = new Array<number>(met.memberCounts[i] ?? 0)));
  const filled = met.order.map(() => 0);
  for (let index = 0; index < count; index++) {
    const c = units.categories[index]!;
    members[c]![filled[c]!++] = index;
  }
  for (const seen of met.rowsSeen) {
    // A category row's units all land in its category, so a category without members had none.
    if (seen.category.members.length === 0) {
      reader.findings.push(finding({ code: 'EMPTY_CATEGORY', category: seen.category.name }, placeAt(seen.row, seen.col)));
    }
  }
  units.names.length = count;
  const cells: UnitColumns['cells'] = { total: null, rank: null, flag: null };
  for (const { kind, cells: column } of reader.columns.outputs) {
    if (column.values) column.values.length = count;
    if (column.formulas) column.formulas.length = count;
    cells[kind] = column;
  }
  const columns: UnitColumns = {
    count,
    names: units.names,
    rows: units.rows.length > count ? units.rows.subarray(0, count) : units.rows,
    cells,
  };
  const categories = met.order.filter((c) => c.members.length > 0);
  return { table: { layout, scoreColumns: reader.columns.components, units: columns, scores, categories }, findings: reader.findings };
}

/** Parse one score cell; unusable content becomes a finding and counts as nothing. */
function readScore(grid: Grid, row: number, column: ComponentColumn, unit: string, findings: Finding[]): number | null {
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
