/** Read the units and their score cells out of a detected layout, tying every number to its cell. */
import { a1, formulaAt, numberFormatAt, valueAt, type Grid } from './grid';
import { finding, placeAt, SHEET_LEVEL, type Finding } from './findings';
import { isScoreColumn, NO_FLAGS, type CategoryTable, type Layout, type ScoreColumn, type ScoredUnit, type ScoreTable } from './model';
import { ruleFor, type Rules } from './rules';
import { centsToNumber, MAX_SCORE_CENTS } from './decimal';
import { cellText, displayName, isDateFormat, normalizeName, parseScore } from './text';

export const UNCATEGORISED = '未分类';
export const SINGLE_CATEGORY = '全部单位';

export function readTable(grid: Grid, layout: Layout, rules: Rules): { table: ScoreTable; findings: Finding[] } {
  const findings: Finding[] = [];
  const unitCol = layout.columns.find((c) => c.role === 'unit')!.col;
  const categoryCol = layout.columns.find((c) => c.role === 'category')?.col ?? null;
  const totalCol = layout.columns.find((c) => c.role === 'total') ?? null;
  const rankCol = layout.columns.find((c) => c.role === 'rank') ?? null;
  const scoreColumns = layout.columns.filter(isScoreColumn);
  const hidden = new Set(grid.hiddenRows ?? []);

  const byKey = new Map<string, CategoryTable>();
  const order: CategoryTable[] = [];
  const categoryFor = (name: string, row: number | null, col: number | null): CategoryTable => {
    const key = normalizeName(name);
    let category = byKey.get(key);
    if (!category) {
      const rule = layout.categoryMode === 'none' ? null : ruleFor(rules, name);
      category = { name, row, rule, units: [] };
      byKey.set(key, category);
      order.push(category);
      if (!rule && layout.categoryMode !== 'none' && name !== UNCATEGORISED && row !== null && col !== null) {
        findings.push(finding({ code: 'UNKNOWN_CATEGORY', category: name }, placeAt(row, col)));
      }
    }
    return category;
  };

  if (layout.categoryMode === 'none') {
    findings.push(finding({ code: 'NO_CATEGORY' }, SHEET_LEVEL));
  }

  let current: CategoryTable | null = layout.categoryMode === 'none' ? categoryFor(SINGLE_CATEGORY, null, null) : null;
  const categoryRowsSeen: Array<{ category: CategoryTable; row: number; col: number; count: number }> = [];
  // First occurrence of each unit key: the unit's index (no object per unit beyond the unit itself).
  const seenUnits = new Map<string, number>();
  const firstRows: number[] = [];
  const firstCategories: string[] = [];
  const { originRow, originCol, values, formulas } = grid;
  const formats = grid.numberFormats;
  const width = scoreColumns.length;
  const scoreCols = scoreColumns.map((c) => c.col - originCol);
  // Room for every layout row; trimmed to the units read at the end.
  let scores = new Float64Array(layout.rows.length * width);
  const checkFormulas = formulas ? [totalCol, rankCol].filter((c): c is NonNullable<typeof c> => c !== null) : [];
  let count = 0;

  let nextCategory = 0;
  for (const r of layout.rows) {
    const categoryRow = layout.categoryRows[nextCategory];
    if (categoryRow && categoryRow.row === r) {
      nextCategory++;
      current = categoryFor(categoryRow.name, categoryRow.row, categoryRow.col);
      categoryRowsSeen.push({ category: current, row: categoryRow.row, col: categoryRow.col, count: 0 });
      continue;
    }
    const rowValues = values[r - originRow]!;
    const name = displayName(rowValues[unitCol - originCol] ?? null);
    if (!name) {
      if (scoreColumns.some((c) => valueAt(grid, r, c.col) !== null)) findings.push(finding({ code: 'EMPTY_UNIT_NAME' }, placeAt(r, unitCol)));
      continue;
    }
    if (categoryCol !== null) {
      const categoryName = cellText(valueAt(grid, r, categoryCol));
      if (categoryName) current = categoryFor(categoryName, r, categoryCol);
    }
    if (!current) {
      findings.push(finding({ code: 'UNIT_BEFORE_CATEGORY' }, placeAt(r, unitCol, name)));
      current = categoryFor(UNCATEGORISED, null, null);
    }
    const lastCategoryRow = categoryRowsSeen[categoryRowsSeen.length - 1];
    if (lastCategoryRow) lastCategoryRow.count++;

    const index = count++;
    const rowFormats = formats?.[r - originRow];
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
      if (Number.isNaN(cents)) cents = readScore(grid, r, scoreColumns[i]!, name, findings) ?? NaN;
      scores[index * width + i] = cents;
    }
    if (hidden.size > 0 && hidden.has(r)) findings.push(finding({ code: 'HIDDEN_ROW' }, placeAt(r, unitCol, name)));

    const key = normalizeName(name);
    const seen = seenUnits.get(key);
    if (seen !== undefined) {
      const firstCell = a1(firstRows[seen]!, unitCol);
      const firstCategory = firstCategories[seen]!;
      if (firstCategory === current.name) {
        findings.push(finding({ code: 'DUPLICATE_UNIT', firstCell, category: current.name }, placeAt(r, unitCol, name)));
      } else {
        findings.push(finding({ code: 'UNIT_IN_TWO_CATEGORIES', firstCell, firstCategory, category: current.name }, placeAt(r, unitCol, name)));
      }
    } else {
      seenUnits.set(key, firstRows.length);
      firstRows.push(r);
      firstCategories.push(current.name);
    }

    for (const column of checkFormulas) {
      const formula = formulaAt(grid, r, column.col);
      if (formula) findings.push(finding({ code: 'FORMULA_OVERWRITE', column: column.label, formula }, placeAt(r, column.col, name)));
    }

    // Shaped like a ScoredUnit from the start: scoreTable completes this same object, so a big
    // sheet makes one object per unit, not two.
    const unit: ScoredUnit = {
      name,
      row: r,
      index,
      existingTotal: totalCol ? (rowValues[totalCol.col - originCol] ?? null) : null,
      existingRank: rankCol ? (rowValues[rankCol.col - originCol] ?? null) : null,
      totalCents: 0,
      rank: 0,
      flags: NO_FLAGS,
    };
    current.units.push(unit);
  }
  if (scores.length > count * width) scores = scores.slice(0, count * width);

  for (const seen of categoryRowsSeen) {
    if (seen.count === 0 && seen.category.units.length === 0) {
      findings.push(finding({ code: 'EMPTY_CATEGORY', category: seen.category.name }, placeAt(seen.row, seen.col)));
    }
  }
  const categories = order.filter((c) => c.units.length > 0);
  return { table: { layout, scoreColumns, scores, categories }, findings };
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
