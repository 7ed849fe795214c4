/** Read the units and their score cells out of a detected layout, tying every number to its cell. */
import { a1, formulaAt, numberFormatAt, valueAt, type CellValue, type Grid } from './grid';
import { finding, placeAt, SHEET_LEVEL, type Finding } from './findings';
import { isScoreColumn, type CategoryTable, type ColumnInfo, type Layout, type ScoreColumn, type ScoreTable, type UnitColumns } from './model';
import { ruleFor, type Rules } from './rules';
import { centsToNumber, MAX_SCORE_CENTS } from './decimal';
import { cellText, displayName, isDateFormat, normalizeName, parseScore } from './text';

export const UNCATEGORISED = '未分类';
export const SINGLE_CATEGORY = '全部单位';

export function readTable(grid: Grid, layout: Layout, rules: Rules): { table: ScoreTable; findings: Finding[] } {
  const reader = new TableReader(grid, layout, rules);
  const rows = layout.rows;
  let nextCategory = 0;
  for (let at = 0; at < rows.length; at++) {
    const r = rows[at]!;
    const categoryRow = layout.categoryRows[nextCategory];
    if (categoryRow && categoryRow.row === r) {
      nextCategory++;
      reader.enterCategory(categoryRow.name, categoryRow.row, categoryRow.col);
    } else {
      reader.readUnit(r);
    }
  }
  return reader.finish();
}

/**
 * The state of one readTable pass. The per-row work is a method, not the body of one long
 * loop: V8 optimises a small method after a few hundred rows and keeps the code for the next
 * run, where a long loop was recompiled on the stack (OSR) on every run of a big sheet.
 */
class TableReader {
  readonly findings: Finding[] = [];
  private readonly unitCol: number;
  private readonly categoryCol: number | null;
  private readonly totalCol: ColumnInfo | null;
  private readonly rankCol: ColumnInfo | null;
  private readonly scoreColumns: ScoreColumn[];
  /** Score columns relative to the grid's first column. */
  private readonly scoreCols: number[];
  private readonly width: number;
  private readonly hidden: Set<number>;
  /** Total and rank columns, whose formulas a run would overwrite. */
  private readonly formulaColumns: ColumnInfo[];
  private readonly byKey = new Map<string, CategoryTable>();
  private readonly order: CategoryTable[] = [];
  private readonly categoryRowsSeen: Array<{ category: CategoryTable; row: number; col: number; count: number }> = [];
  private current: CategoryTable | null = null;
  /** The first unit index of each name key. */
  private readonly seenUnits: NameSet;
  /** Each unit's category name (for the duplicate findings). */
  private readonly unitCategories: string[];
  // The units' columns, sized for every layout row and trimmed in finish().
  private readonly names: string[];
  private readonly unitRows: Int32Array;
  private readonly existingTotals: CellValue[];
  private readonly existingRanks: CellValue[];
  /** Room for every layout row; trimmed to the units read in finish(). */
  private scores: Float64Array;
  private count = 0;

  constructor(
    private readonly grid: Grid,
    private readonly layout: Layout,
    private readonly rules: Rules,
  ) {
    const role = (r: ColumnInfo['role']) => layout.columns.find((c) => c.role === r) ?? null;
    this.unitCol = role('unit')!.col;
    this.categoryCol = role('category')?.col ?? null;
    this.totalCol = role('total');
    this.rankCol = role('rank');
    this.scoreColumns = layout.columns.filter(isScoreColumn);
    this.scoreCols = this.scoreColumns.map((c) => c.col - grid.originCol);
    this.width = this.scoreColumns.length;
    this.hidden = new Set(grid.hiddenRows ?? []);
    this.formulaColumns = grid.formulas ? [this.totalCol, this.rankCol].filter((c): c is ColumnInfo => c !== null) : [];
    const capacity = layout.rows.length;
    this.seenUnits = new NameSet(capacity);
    this.unitCategories = new Array<string>(capacity);
    this.names = new Array<string>(capacity);
    this.unitRows = new Int32Array(capacity);
    this.existingTotals = new Array<CellValue>(capacity);
    this.existingRanks = new Array<CellValue>(capacity);
    this.scores = new Float64Array(layout.rows.length * this.width);
    if (layout.categoryMode === 'none') {
      this.findings.push(finding({ code: 'NO_CATEGORY' }, SHEET_LEVEL));
      this.current = this.categoryFor(SINGLE_CATEGORY, null, null);
    }
  }

  private categoryFor(name: string, row: number | null, col: number | null): CategoryTable {
    const key = normalizeName(name);
    let category = this.byKey.get(key);
    if (!category) {
      const mode = this.layout.categoryMode;
      const rule = mode === 'none' ? null : ruleFor(this.rules, name);
      category = { name, row, rule, members: [] };
      this.byKey.set(key, category);
      this.order.push(category);
      if (!rule && mode !== 'none' && name !== UNCATEGORISED && row !== null && col !== null) {
        this.findings.push(finding({ code: 'UNKNOWN_CATEGORY', category: name }, placeAt(row, col)));
      }
    }
    return category;
  }

  /** A category row (乡镇(街道) …): the units below belong to it. */
  enterCategory(name: string, row: number, col: number): void {
    this.current = this.categoryFor(name, row, col);
    this.categoryRowsSeen.push({ category: this.current, row, col, count: 0 });
  }

  /** One unit row: its name, score cells, and what the sheet already says in total and rank. */
  readUnit(r: number): void {
    const { grid, unitCol, findings } = this;
    const rowValues = grid.values[r - grid.originRow]!;
    const name = displayName(rowValues[unitCol - grid.originCol] ?? null);
    if (!name) {
      if (this.scoreColumns.some((c) => valueAt(grid, r, c.col) !== null)) findings.push(finding({ code: 'EMPTY_UNIT_NAME' }, placeAt(r, unitCol)));
      return;
    }
    const current = this.categoryOf(r, name);
    const lastCategoryRow = this.categoryRowsSeen[this.categoryRowsSeen.length - 1];
    if (lastCategoryRow) lastCategoryRow.count++;

    const index = this.count++;
    this.readScores(r, rowValues, index, name);
    if (this.hidden.size > 0 && this.hidden.has(r)) findings.push(finding({ code: 'HIDDEN_ROW' }, placeAt(r, unitCol, name)));

    this.unitRows[index] = r;
    this.unitCategories[index] = current.name;
    const seen = this.seenUnits.add(normalizeName(name), index);
    if (seen !== index) this.reportDuplicate(r, name, seen, current.name);
    for (let f = 0; f < this.formulaColumns.length; f++) {
      const column = this.formulaColumns[f]!;
      const formula = formulaAt(grid, r, column.col);
      if (formula) findings.push(finding({ code: 'FORMULA_OVERWRITE', column: column.label, formula }, placeAt(r, column.col, name)));
    }
    const originCol = grid.originCol;
    this.names[index] = name;
    this.existingTotals[index] = this.totalCol ? (rowValues[this.totalCol.col - originCol] ?? null) : null;
    this.existingRanks[index] = this.rankCol ? (rowValues[this.rankCol.col - originCol] ?? null) : null;
    current.members.push(index);
  }

  /** The unit's category: the category column's cell when there is one, else the last category row. */
  private categoryOf(r: number, name: string): CategoryTable {
    if (this.categoryCol !== null) {
      const categoryName = cellText(valueAt(this.grid, r, this.categoryCol));
      if (categoryName) this.current = this.categoryFor(categoryName, r, this.categoryCol);
    }
    if (!this.current) {
      this.findings.push(finding({ code: 'UNIT_BEFORE_CATEGORY' }, placeAt(r, this.unitCol, name)));
      this.current = this.categoryFor(UNCATEGORISED, null, null);
    }
    return this.current;
  }

  private readScores(r: number, rowValues: CellValue[], index: number, name: string): void {
    const { width, scoreCols, scores } = this;
    const rowFormats = this.grid.numberFormats?.[r - this.grid.originRow];
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
      if (Number.isNaN(cents)) cents = readScore(this.grid, r, this.scoreColumns[i]!, name, this.findings) ?? NaN;
      scores[index * width + i] = cents;
    }
  }

  private reportDuplicate(r: number, name: string, first: number, category: string): void {
    const firstCell = a1(this.unitRows[first]!, this.unitCol);
    const firstCategory = this.unitCategories[first]!;
    const where = placeAt(r, this.unitCol, name);
    this.findings.push(
      firstCategory === category
        ? finding({ code: 'DUPLICATE_UNIT', firstCell, category }, where)
        : finding({ code: 'UNIT_IN_TWO_CATEGORIES', firstCell, firstCategory, category }, where),
    );
  }

  finish(): { table: ScoreTable; findings: Finding[] } {
    const count = this.count;
    const size = count * this.width;
    const scores = this.scores.length > size ? this.scores.slice(0, size) : this.scores;
    for (const seen of this.categoryRowsSeen) {
      if (seen.count === 0 && seen.category.members.length === 0) {
        this.findings.push(finding({ code: 'EMPTY_CATEGORY', category: seen.category.name }, placeAt(seen.row, seen.col)));
      }
    }
    for (const list of [this.names, this.existingTotals, this.existingRanks]) list.length = count;
    const units: UnitColumns = {
      count,
      names: this.names,
      rows: this.unitRows.length > count ? this.unitRows.slice(0, count) : this.unitRows,
      existingTotals: this.existingTotals,
      existingRanks: this.existingRanks,
    };
    const categories = this.order.filter((c) => c.members.length > 0);
    return { table: { layout: this.layout, scoreColumns: this.scoreColumns, units, scores, categories }, findings: this.findings };
  }
}

/** Parse one score cell; unusable content becomes a finding and counts as nothing. */
function readScore(grid: Grid, row: number, column: ScoreColumn, unit: string, findings: Finding[]): number | null {
  const parsed = parseScore(valueAt(grid, row, column.col), numberFormatAt(grid, row, column.col));
  if (parsed.kind === 'number' && !parsed.rounded) return parsed.cents;
  const where = placeAt(row, column.col, unit);
  switch (parsed.kind) {
    case 'number':
      if (parsed.rounded) {
        findings.push(finding({ code: 'TOO_MANY_DECIMALS', column: column.label, value: parsed.value, rounded: centsToNumber(parsed.cents) }, where));
      }
      return parsed.cents;
    case 'empty':
      findings.push(finding({ code: 'EMPTY_SCORE', column: column.label }, where));
      return null;
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
 * entries); this makes no object per name.
 */
class NameSet {
  /** Unit index + 1 per slot (0 = free), and the hash of the key there. */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly keys: string[];
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.keys = new Array<string>(capacity);
    this.mask = size - 1;
  }

  /** Add `key` as `index` (indexes below the capacity); returns the index it was first added under. */
  add(key: string, index: number): number {
    // FNV-1a over the UTF-16 code units.
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot]!;
      if (held === 0) {
        this.slots[slot] = index + 1;
        this.hashes[slot] = hash;
        this.keys[index] = key;
        return index;
      }
      // Compare the strings only when the hashes agree: other names stay out of the cache.
      if (this.hashes[slot] === hash && this.keys[held - 1] === key) return held - 1;
    }
  }
}
