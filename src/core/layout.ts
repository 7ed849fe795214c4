/**
 * Sheet-layout detection: find the score table in a grid the way offices really keep it —
 * title rows above, a header row, category rows (or a category column), notes below.
 */
import { a1, formulaAt, type CellValue, type Grid } from './grid';
import { finding, placeAt, SHEET_LEVEL, type Finding } from './findings';
import type { CategoryRow, SheetColumn, Layout } from './model';
import { fail, ok, type Result } from './result';
import { matchHeader, ruleFor, type ColumnRole, type Rules } from './rules';
import { cellText, isPlainText, normalizeName, parseScore } from './text';

const SCORE_ROLES: ReadonlySet<ColumnRole> = new Set(['base', 'adoption', 'bonus', 'deduction', 'component']);
/** Roles whose column may appear once; later duplicates are reported and ignored. */
const SINGLE_ROLES: ReadonlySet<ColumnRole> = new Set(['unit', 'category', 'base', 'adoption', 'bonus', 'total', 'rank', 'flag', 'serial']);
/** A note below the table starts with one of these (注：…, 填表人：…). */
const NOTE_START = /^(注|备注|说明|附注|填表|制表|审核|联系人|数据来源|统计时间|※|\*)/;
/** First characters of NOTE_START's words: most unit names start with none of them, and skip the regex. */
const NOTE_FIRST = new Set('注备说附填制审联数统※*'.split('').map((ch) => ch.charCodeAt(0)));

function isNoteText(text: string): boolean {
  return NOTE_FIRST.has(text.charCodeAt(0)) && NOTE_START.test(text);
}
/** Summary rows that are not units. */
const NOT_A_UNIT = new Set(['合计', '总计', '小计', '平均', '平均分', '汇总']);
/** Text that reads like a category name rather than a unit (一类考评单位, 乡镇(街道), 第一组). */
const CATEGORY_LIKE = /类|组$|^乡镇|考评单位$|单位$/;
/**
 * Of those, the ones that are a category's name in themselves: 一类, 第二组, 三类考评单位, 乡镇(街道),
 * 市直单位. The rest only hold a 类 or end in 组, as unit names do (县委巡察组, 垃圾分类办公室).
 */
const CATEGORY_NAME = /^第?[一二三四五六七八九十\d]+[类组]|^乡镇|单位$/;
/** Period in a title: 2023年7—9月份, 2023年第三季度, 2023年上半年, 2023年9月. */
const PERIOD = /(\d{4})\s*年\s*(?:\d{1,2}\s*[—–\-~～至到]+\s*\d{1,2}\s*月份?|第?[一二三四1-4]\s*季度|[上下]半年|全年|\d{1,2}\s*月份?)/;

interface HeaderCandidate {
  row: number;
  columns: SheetColumn[];
  duplicates: Array<{ col: number; label: string }>;
  roles: Set<ColumnRole>;
}

export function extractPeriod(title: string): string | null {
  const match = PERIOD.exec(title);
  return match ? match[0].replace(/\s+/g, '') : null;
}

/** Header text of a cell, taking a vertically merged header from the merge's top cell. */
function headerText(grid: Grid, row: number, col: number, rowValues: CellValue[] | undefined): string {
  const own = rowValues?.[col - grid.originCol] ?? null;
  if (own !== null) return typeof own === 'string' ? own : '';
  for (const m of grid.merges ?? []) {
    if (m.left === col && m.top < row && row <= m.bottom) {
      const top = grid.values[m.top - grid.originRow]?.[col - grid.originCol];
      return typeof top === 'string' ? top : '';
    }
  }
  return '';
}

function readHeaderRow(grid: Grid, row: number): HeaderCandidate {
  const values = grid.values[row - grid.originRow];
  const width = Math.max(values?.length ?? 0, 0);
  const columns: SheetColumn[] = [];
  const duplicates: Array<{ col: number; label: string }> = [];
  const roles = new Set<ColumnRole>();
  for (let c = 0; c < width; c++) {
    const col = c + grid.originCol;
    const text = headerText(grid, row, col, values);
    if (!text.trim()) continue;
    const match = matchHeader(text);
    if (!match.role) continue;
    if (roles.has(match.role) && SINGLE_ROLES.has(match.role)) {
      duplicates.push({ col, label: match.label });
      continue;
    }
    roles.add(match.role);
    columns.push({ col, role: match.role, label: match.label, maxCents: match.maxCents });
  }
  return { row, columns, duplicates, roles };
}

/** A row reads as a header when it names at least two known columns, one of them a score. */
function isHeaderLike(candidate: HeaderCandidate): boolean {
  let known = 0;
  let scores = 0;
  for (const c of candidate.columns) {
    if (c.role === 'serial' || c.role === 'flag') continue;
    known++;
    if (SCORE_ROLES.has(c.role) || c.role === 'total' || c.role === 'rank') scores++;
  }
  return known >= 2 && (scores >= 1 || candidate.roles.has('unit'));
}


export interface LayoutFound {
  layout: Layout;
  findings: Finding[];
}

/** Find the table: header row, column roles, category rows or column, unit rows. */
export function detectLayout(grid: Grid, rules: Rules): Result<LayoutFound, Finding[]> {
  const findings: Finding[] = [];
  const top = grid.originRow;
  const bottom = grid.originRow + grid.values.length - 1;

  let header: HeaderCandidate | null = null;
  for (let r = top; r <= bottom; r++) {
    const candidate = readHeaderRow(grid, r);
    if (isHeaderLike(candidate)) {
      // A group header (得分情况 over 基础/采用/附加) sits above the real one: prefer the row below.
      const below = r < bottom ? readHeaderRow(grid, r + 1) : null;
      header = below && isHeaderLike(below) && below.roles.has('unit') && scoreRoleCount(below) > scoreRoleCount(candidate) ? below : candidate;
      break;
    }
  }
  if (!header) {
    return fail([finding({ code: 'HEADER_NOT_FOUND' }, SHEET_LEVEL)]);
  }
  const headerRowStart = header.columns[0]?.col ?? grid.originCol;
  const roleCol = (role: ColumnRole) => header.columns.find((c) => c.role === role) ?? null;
  const unitColumn = roleCol('unit');
  const hasScore = header.columns.some((c) => SCORE_ROLES.has(c.role));
  if (!unitColumn || !hasScore) {
    const missing: Finding[] = [];
    if (!unitColumn) missing.push(finding({ code: 'MISSING_COLUMN', column: 'unit' }, placeAt(header.row, headerRowStart)));
    if (!hasScore) missing.push(finding({ code: 'MISSING_COLUMN', column: 'score' }, placeAt(header.row, headerRowStart)));
    return fail(missing);
  }
  for (const d of header.duplicates) {
    findings.push(finding({ code: 'DUPLICATE_HEADER', column: d.label }, placeAt(header.row, d.col)));
  }
  // Any other …得分 column is added into the total: say so, so a column nobody meant to add is seen.
  for (const c of header.columns) {
    if (c.role === 'component') findings.push(finding({ code: 'EXTRA_COMPONENT', column: c.label }, placeAt(header.row, c.col)));
  }

  // Table extent: every non-empty header cell, known or not.
  const headerValues = grid.values[header.row - grid.originRow] ?? [];
  let firstCol = Infinity;
  let lastCol = -Infinity;
  for (let c = 0; c < headerValues.length; c++) {
    if (headerText(grid, header.row, c + grid.originCol, headerValues).trim()) {
      firstCol = Math.min(firstCol, c + grid.originCol);
      lastCol = Math.max(lastCol, c + grid.originCol);
    }
  }

  // Title: the top-most row above the header holding a single text (a merged title); else the nearest text.
  let titleRow: number | null = null;
  let title: string | null = null;
  for (let r = header.row - 1; r >= top; r--) {
    const texts = (grid.values[r - grid.originRow] ?? []).map(cellText).filter((t) => t !== '');
    if (texts.length === 1 || (texts.length > 1 && titleRow === null)) {
      titleRow = r;
      title = texts[0]!;
    }
  }

  const categoryColumn = roleCol('category');
  const scoreCols = header.columns.filter((c) => SCORE_ROLES.has(c.role) || c.role === 'total' || c.role === 'rank').map((c) => c.col);
  // Room for every row below the header, trimmed at the end: pushing 100k rows copied the array again and again.
  const rows = new Array<number>(Math.max(0, bottom - header.row));
  let rowCount = 0;
  const categoryRows: CategoryRow[] = [];
  // Category rows that only read like one (县委巡察组, …分类…办公室: a 组 or 类 in the name) with
  // nothing else saying so: not merged, not a known category, in the unit column.
  const weakCategories = new Set<CategoryRow>();
  let lastRow = header.row;
  const mergedAcross = mergedRowStarts(grid);
  const labelledCols = new Set(header.columns.map((c) => c.col));
  const headerAt = (row: number | null): HeaderCandidate | null => {
    if (row === null) return null;
    const candidate = readHeaderRow(grid, row);
    return isHeaderLike(candidate) && candidate.roles.has('unit') ? candidate : null;
  };

  const scoreColsInRow = scoreCols.map((c) => c - grid.originCol);
  const unitColInRow = unitColumn.col - grid.originCol;
  /** The table ends at this note row: rows below it shaped like units are not read, and that is said. */
  const endsEarly = (noteRow: number) => {
    const after = unitShapedRowsBelow(grid, noteRow, bottom, scoreColsInRow, unitColInRow, headerAt);
    if (after.count > 0) {
      findings.push(finding({ code: 'TABLE_ENDS_EARLY', unitCell: a1(after.first, unitColumn.col), count: after.count }, placeAt(noteRow, firstNonEmptyCol(grid, noteRow) ?? unitColumn.col)));
    }
  };
  for (let r = header.row + 1; r <= bottom; r++) {
    const values = grid.values[r - grid.originRow];
    if (!values) continue;
    // Most rows are units with numbers in their score cells: a small function settles them, the
    // checks below are for the few others (and read the same rows again).
    if (isPlainUnitRow(values, scoreColsInRow, unitColInRow)) {
      rows[rowCount++] = r;
      lastRow = r;
      continue;
    }
    let hasNumber = false;
    for (let i = 0; i < scoreCols.length && !hasNumber; i++) hasNumber = isNumberLike(values[scoreCols[i]! - grid.originCol] ?? null);
    // Non-empty cells inside the table's columns; "labelled" ones sit under a known header.
    // A remark beside a category row (（共2家）) is in an unlabelled column and does not count.
    let nonEmpty = 0;
    let labelledNonEmpty = 0;
    let firstCellCol = -1;
    let firstCellValue: CellValue = null;
    if (!hasNumber) {
      for (let c = firstCol; c <= lastCol; c++) {
        const v = values[c - grid.originCol];
        if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
        nonEmpty++;
        const labelled = labelledCols.has(c);
        if (labelled) labelledNonEmpty++;
        if (firstCellCol < 0) {
          firstCellCol = c;
          firstCellValue = v;
        }
      }
      if (nonEmpty === 0) continue;
    }
    const aloneOnRow = labelledNonEmpty <= (labelledCols.has(firstCellCol) ? 1 : 0);

    // A name in the unit cell and something in a score cell (a number, text such as 未报送, a
    // formula even without a calculated value): the row is a unit's, whatever its name begins with.
    const unitShaped =
      cellText(values[unitColInRow] ?? null) !== '' &&
      scoreColsInRow.some((c, i) => cellText(values[c] ?? null) !== '' || formulaAt(grid, r, scoreCols[i]!) !== null);
    const firstText = firstTextInRow(values);
    if (firstText !== null && isNoteText(firstText) && !unitShaped) {
      endsEarly(r);
      break;
    }
    if (!hasNumber) {
      // Only rows without scores can be a second header or a category row; checking just those keeps big sheets fast.
      // A second header ends the table; so does a title line right above one (two quarters stacked).
      const nextHeader = headerAt(r) ?? (aloneOnRow ? headerAt(nextNonEmptyRow(grid, r, bottom)) : null);
      if (nextHeader) {
        const col = nextHeader.columns[0]?.col ?? firstCol;
        findings.push(finding({ code: 'MULTIPLE_TABLES', headerCell: a1(nextHeader.row, col) }, placeAt(nextHeader.row, col)));
        break;
      }
      if (!categoryColumn && aloneOnRow && !unitShaped && typeof firstCellValue === 'string') {
        const onlyCol = firstCellCol;
        const text = firstCellValue.trim();
        const key = normalizeName(text);
        const surely = mergedAcross.has(r) || onlyCol !== unitColumn.col || ruleFor(rules, text) !== null || CATEGORY_NAME.test(key);
        if (surely || CATEGORY_LIKE.test(key)) {
          if (text.length > 40) {
            // A long sentence alone on its row is a note, not a category.
            endsEarly(r);
            break;
          }
          rows[rowCount++] = r;
          const categoryRow: CategoryRow = { row: r, col: onlyCol, name: text };
          categoryRows.push(categoryRow);
          if (!surely) weakCategories.add(categoryRow);
          lastRow = r;
          continue;
        }
      }
    }
    if (isSummaryRow(values[unitColumn.col - grid.originCol] ?? null)) continue;
    rows[rowCount++] = r;
    lastRow = r;
  }

  rows.length = rowCount;
  resolveWeakCategories(categoryRows, weakCategories, rows[0] ?? null, findings);
  const hasCategoryRows = categoryRows.length > 0;
  const layout: Layout = {
    sheetName: grid.sheetName,
    titleRow,
    title,
    period: title ? extractPeriod(title) : null,
    headerRow: header.row,
    columns: header.columns,
    firstCol: Number.isFinite(firstCol) ? firstCol : unitColumn.col,
    lastCol: Number.isFinite(lastCol) ? lastCol : unitColumn.col,
    categoryMode: categoryColumn ? 'column' : hasCategoryRows ? 'rows' : 'none',
    rows,
    categoryRows,
    lastRow,
  };
  return ok({ layout, findings });
}

/**
 * A row with a number in a score, total or rank cell, no note in front and no 合计 in the unit
 * cell: a unit row, the common case, recognised before the slower checks for notes and 合计.
 */
function isPlainUnitRow(values: CellValue[], scoreCols: readonly number[], unitCol: number): boolean {
  let hasNumber = false;
  for (let i = 0; i < scoreCols.length && !hasNumber; i++) hasNumber = isNumberLike(values[scoreCols[i]!] ?? null);
  if (!hasNumber) return false;
  // A name in the unit cell and numbers in score cells: a unit, even one named *县委办 or ※某局.
  // Text like 注：… in front is a note only when the unit cell is empty.
  const unitCell = values[unitCol] ?? null;
  const firstText = firstTextInRow(values);
  if (firstText !== null && isNoteText(firstText) && cellText(unitCell) === '') return false;
  return !isSummaryRow(unitCell);
}

/** Rows below `row` with a unit name and a number in a score cell, up to the next header. */
function unitShapedRowsBelow(
  grid: Grid,
  row: number,
  bottom: number,
  scoreCols: readonly number[],
  unitCol: number,
  headerAt: (row: number) => HeaderCandidate | null,
): { first: number; count: number } {
  let first = -1;
  let count = 0;
  for (let r = row + 1; r <= bottom; r++) {
    const values = grid.values[r - grid.originRow];
    if (!values) continue;
    const name = values[unitCol] ?? null;
    if (cellText(name) === '' || isSummaryRow(name)) continue;
    if (!scoreCols.some((c) => isNumberLike(values[c] ?? null))) {
      if (headerAt(r)) break; // a second table: MULTIPLE_TABLES' business, not this note's
      continue;
    }
    if (first < 0) first = r;
    count++;
  }
  return { first, count };
}

function firstNonEmptyCol(grid: Grid, row: number): number | null {
  const values = grid.values[row - grid.originRow] ?? [];
  const i = values.findIndex((v) => cellText(v) !== '');
  return i < 0 ? null : i + grid.originCol;
}

/**
 * Rows taken for categories only because their name has a 组 or 类 in it. When the sheet marks
 * its categories otherwise (merged rows, known names, their own column), or units come before
 * the first such row, it is a unit with blank scores (县委巡察组). Only when such rows head the
 * table and nothing else marks a category do they stay categories, and that guess is a finding.
 */
function resolveWeakCategories(categoryRows: CategoryRow[], weak: ReadonlySet<CategoryRow>, firstRow: number | null, findings: Finding[]): void {
  if (weak.size === 0) return;
  if (weak.size < categoryRows.length || categoryRows[0]!.row !== firstRow) {
    // The rows stay in layout.rows: without their category entry, readTable reads them as units.
    const kept = categoryRows.filter((c) => !weak.has(c));
    categoryRows.length = 0;
    categoryRows.push(...kept);
    return;
  }
  for (const c of categoryRows) findings.push(finding({ code: 'DOUBTFUL_CATEGORY', category: c.name }, placeAt(c.row, c.col)));
}

/** A 合计/平均 row: not a unit. Checked on every row, so plain names longer than any such word skip the lookup. */
function isSummaryRow(unitCell: CellValue): boolean {
  const text = cellText(unitCell);
  // A unified CJK ideograph is its own NFKC form and is never dropped, so a text that starts
  // with one no summary word starts with cannot be one: no normalising, no lookup.
  const first = text.charCodeAt(0);
  if (first >= 0x4e00 && first <= 0x9fff && !NOT_A_UNIT_FIRST.has(first)) return false;
  if (text.length > 3 && isPlainText(text)) return false;
  return NOT_A_UNIT.has(normalizeName(text));
}

const NOT_A_UNIT_FIRST = new Set([...NOT_A_UNIT].map((word) => word.charCodeAt(0)));

/** The next row below `row` holding anything, or null. */
function nextNonEmptyRow(grid: Grid, row: number, bottom: number): number | null {
  for (let r = row + 1; r <= bottom; r++) {
    const values = grid.values[r - grid.originRow];
    if (values?.some((v) => v !== null && v !== '')) return r;
  }
  return null;
}

function isNumberLike(v: CellValue): boolean {
  return typeof v === 'number' || (typeof v === 'string' && parseScore(v).kind === 'number');
}

function scoreRoleCount(candidate: HeaderCandidate): number {
  return candidate.columns.filter((c) => SCORE_ROLES.has(c.role)).length;
}

function firstTextInRow(values: CellValue[]): string | null {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v !== null && v !== undefined && typeof v !== 'string') return null;
  }
  return null;
}

/** Rows that hold a merge spanning two or more columns (category rows usually do). */
function mergedRowStarts(grid: Grid): Set<number> {
  const rows = new Set<number>();
  for (const m of grid.merges ?? []) {
    if (m.right > m.left && m.top === m.bottom) rows.add(m.top);
  }
  return rows;
}
