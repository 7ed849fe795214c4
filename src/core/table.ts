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
  // First occurrence of each unit key: its name cell and category, by index (no object per unit).
  const seenUnits = new Map<string, number>();
  const seenRows: number[] = [];
  const seenCategories: string[] = [];
  const formats = grid.numberFormats;

  let nextCategory = 0;
  for (const r of layout.rows) {
    const categoryRow = layout.categoryRows[nextCategory];
    if (categoryRow && categoryRow.row === r) {
      nextCategory++;
      current = categoryFor(categoryRow.name, categoryRow.row, categoryRow.col);
      categoryRowsSeen.push({ category: current, row: categoryRow.row, col: categoryRow.col, count: 0 });
      continue;
    }
    const name = displayName(valueAt(grid, r, unitCol));
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

    const rowValues = grid.values[r - grid.originRow]!;
    const rowFormats = formats?.[r - grid.originRow];
    // Exactly as long as needed: a growing array would reserve room for 17 entries per unit.
    const scores = new Array<number | null>(scoreColumns.length);
    for (let i = 0; i < scoreColumns.length; i++) {
      const column = scoreColumns[i]!;
      const v = rowValues[column.col - grid.originCol];
      // Fast path: a plain number with at most two decimals, the common case, allocates nothing.
      let cents: number | null = null;
      const format = rowFormats?.[column.col - grid.originCol];
      if (typeof v === 'number' && (format == null || !isDateFormat(format)) && Number.isFinite(v)) {
        const c = Math.round(v * 100);
        if (c / 100 === v && Math.abs(c) <= MAX_SCORE_CENTS) cents = c === 0 ? 0 : c;
      }
      if (cents === null) cents = readScore(grid, r, column, name, findings);
      scores[i] = cents;
    }
    if (hidden.has(r)) findings.push(finding({ code: 'HIDDEN_ROW' }, placeAt(r, unitCol, name)));

    const key = normalizeName(name);
    const seen = seenUnits.get(key);
    if (seen !== undefined) {
      const firstCell = a1(seenRows[seen]!, unitCol);
      const firstCategory = seenCategories[seen]!;
      if (firstCategory === current.name) {
        findings.push(finding({ code: 'DUPLICATE_UNIT', firstCell, category: current.name }, placeAt(r, unitCol, name)));
      } else {
        findings.push(finding({ code: 'UNIT_IN_TWO_CATEGORIES', firstCell, firstCategory, category: current.name }, placeAt(r, unitCol, name)));
      }
    } else {
      seenUnits.set(key, seenRows.length);
      seenRows.push(r);
      seenCategories.push(current.name);
    }

    if (grid.formulas) {
      for (const column of [totalCol, rankCol]) {
        if (!column) continue;
        const formula = formulaAt(grid, r, column.col);
        if (formula) findings.push(finding({ code: 'FORMULA_OVERWRITE', column: column.label, formula }, placeAt(r, column.col, name)));
      }
    }

    // Shaped like a ScoredUnit from the start: scoreTable completes this same object, so a big
    // sheet makes one object per unit, not two.
    const unit: ScoredUnit = {
      name,
      key,
      row: r,
      scores,
      existingTotal: totalCol ? valueAt(grid, r, totalCol.col) : null,
      existingRank: rankCol ? valueAt(grid, r, rankCol.col) : null,
      totalCents: 0,
      rank: 0,
      flags: NO_FLAGS,
    };
    current.units.push(unit);
  }

  for (const seen of categoryRowsSeen) {
    if (seen.count === 0 && seen.category.units.length === 0) {
      findings.push(finding({ code: 'EMPTY_CATEGORY', category: seen.category.name }, placeAt(seen.row, seen.col)));
    }
  }
  const categories = order.filter((c) => c.units.length > 0);
  return { table: { layout, scoreColumns, categories }, findings };
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
