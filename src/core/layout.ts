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
  const header = findHeader(grid);
  if (!header) return fail([finding({ code: 'HEADER_NOT_FOUND' }, SHEET_LEVEL)]);
  const unitColumn = header.columns.find((c) => c.role === 'unit');
  const missing = missingColumns(grid, header);
  if (!unitColumn || missing.length > 0) return fail(missing);
  const findings = headerFindings(header);
  const { firstCol, lastCol } = tableExtent(grid, header);
  const { titleRow, title } = findTitle(grid, header.row);
  const categoryColumn = header.columns.find((c) => c.role === 'category') ?? null;
  const scan = rowScan(grid, rules, header, unitColumn.col, categoryColumn !== null, firstCol, lastCol);
  const { rows, categoryRows, lastRow } = scanRows(scan, findings);
  return ok({
    layout: {
      sheetName: grid.sheetName,
      titleRow,
      title,
      period: title ? extractPeriod(title) : null,
      headerRow: header.row,
      columns: header.columns,
      firstCol: Number.isFinite(firstCol) ? firstCol : unitColumn.col,
      lastCol: Number.isFinite(lastCol) ? lastCol : unitColumn.col,
      categoryMode: categoryColumn ? 'column' : categoryRows.length > 0 ? 'rows' : 'none',
      rows,
      categoryRows,
      lastRow,
    },
    findings,
  });
}

/** The first header-like row; a group header (得分情况 over 基础/采用/附加) gives way to the row below it. */
function findHeader(grid: Grid): HeaderCandidate | null {
  const bottom = grid.originRow + grid.values.length - 1;
  for (let r = grid.originRow; r <= bottom; r++) {
    const candidate = readHeaderRow(grid, r);
    if (!isHeaderLike(candidate)) continue;
    const below = r < bottom ? readHeaderRow(grid, r + 1) : null;
    return below && isHeaderLike(below) && below.roles.has('unit') && scoreRoleCount(below) > scoreRoleCount(candidate) ? below : candidate;
  }
  return null;
}

/** A table needs a unit column and at least one score column. */
function missingColumns(grid: Grid, header: HeaderCandidate): Finding[] {
  const where = placeAt(header.row, header.columns[0]?.col ?? grid.originCol);
  const missing: Finding[] = [];
  if (!header.roles.has('unit')) missing.push(finding({ code: 'MISSING_COLUMN', column: 'unit' }, where));
  if (!header.columns.some((c) => SCORE_ROLES.has(c.role))) missing.push(finding({ code: 'MISSING_COLUMN', column: 'score' }, where));
  return missing;
}

/** Duplicate headers, and every other …得分 column (added into the total: said, so a column nobody meant to add is seen). */
function headerFindings(header: HeaderCandidate): Finding[] {
  const findings = header.duplicates.map((d) => finding({ code: 'DUPLICATE_HEADER', column: d.label }, placeAt(header.row, d.col)));
  for (const c of header.columns) {
    if (c.role === 'component') findings.push(finding({ code: 'EXTRA_COMPONENT', column: c.label }, placeAt(header.row, c.col)));
  }
  return findings;
}

/** Table extent: every non-empty header cell, known or not (±Infinity when none). */
function tableExtent(grid: Grid, header: HeaderCandidate): { firstCol: number; lastCol: number } {
  const headerValues = grid.values[header.row - grid.originRow] ?? [];
  let firstCol = Infinity;
  let lastCol = -Infinity;
  for (let c = 0; c < headerValues.length; c++) {
    if (headerText(grid, header.row, c + grid.originCol, headerValues).trim()) {
      firstCol = Math.min(firstCol, c + grid.originCol);
      lastCol = Math.max(lastCol, c + grid.originCol);
    }
  }
  return { firstCol, lastCol };
}

/** Title: the top-most row above the header holding a single text (a merged title); else the nearest text. */
function findTitle(grid: Grid, headerRow: number): { titleRow: number | null; title: string | null } {
  let titleRow: number | null = null;
  let title: string | null = null;
  for (let r = headerRow - 1; r >= grid.originRow; r--) {
    const texts = (grid.values[r - grid.originRow] ?? []).map(cellText).filter((t) => t !== '');
    if (texts.length === 1 || (texts.length > 1 && titleRow === null)) {
      titleRow = r;
      title = texts[0]!;
    }
  }
  return { titleRow, title };
}

/** What classifying the rows below the header needs to know about the table. */
interface RowScan {
  grid: Grid;
  rules: Rules;
  header: HeaderCandidate;
  bottom: number;
  unitCol: number;
  /** Score, total and rank columns: absolute, and as positions in a grid row. */
  scoreCols: number[];
  scoreColsInRow: number[];
  unitColInRow: number;
  firstCol: number;
  lastCol: number;
  /** Columns under a known header. */
  labelledCols: ReadonlySet<number>;
  /** Rows holding a merge across two or more columns (category rows usually do). */
  mergedAcross: ReadonlySet<number>;
  hasCategoryColumn: boolean;
}

function rowScan(grid: Grid, rules: Rules, header: HeaderCandidate, unitCol: number, hasCategoryColumn: boolean, firstCol: number, lastCol: number): RowScan {
  const scoreCols = header.columns.filter((c) => SCORE_ROLES.has(c.role) || c.role === 'total' || c.role === 'rank').map((c) => c.col);
  return {
    grid,
    rules,
    header,
    bottom: grid.originRow + grid.values.length - 1,
    unitCol,
    scoreCols,
    scoreColsInRow: scoreCols.map((c) => c - grid.originCol),
    unitColInRow: unitCol - grid.originCol,
    firstCol,
    lastCol,
    labelledCols: new Set(header.columns.map((c) => c.col)),
    mergedAcross: mergedRowStarts(grid),
    hasCategoryColumn,
  };
}

/** What one row below the header is. */
type RowClass =
  | { kind: 'unit' }
  /** Empty, or a 合计/平均 row: not part of the table's units. */
  | { kind: 'skip' }
  | { kind: 'category'; category: CategoryRow; surely: boolean }
  /** A note (注：…, a long sentence alone): the table ends above it. */
  | { kind: 'note' }
  /** The header of a second table (or the title line right above one). */
  | { kind: 'nextTable'; header: HeaderCandidate };

const UNIT: RowClass = { kind: 'unit' };
const SKIP: RowClass = { kind: 'skip' };
const NOTE: RowClass = { kind: 'note' };

/** Every row below the header, in order, up to a note or a second table. */
function scanRows(scan: RowScan, findings: Finding[]): { rows: number[]; categoryRows: CategoryRow[]; lastRow: number } {
  const { grid, header } = scan;
  // Room for every row below the header, trimmed at the end.
  const rows = new Array<number>(Math.max(0, scan.bottom - header.row));
  let rowCount = 0;
  const categoryRows: CategoryRow[] = [];
  // Category rows that only read like one (县委巡察组, …分类…办公室: a 组 or 类 in the name) with
  // nothing else saying so: not merged, not a known category, in the unit column.
  const weakCategories = new Set<CategoryRow>();
  let lastRow = header.row;
  scanning: for (let r = header.row + 1; r <= scan.bottom; r++) {
    const values = grid.values[r - grid.originRow];
    if (!values) continue;
    const row = classifyRow(scan, r, values);
    switch (row.kind) {
      case 'skip':
        continue;
      case 'unit':
        break;
      case 'category':
        categoryRows.push(row.category);
        if (!row.surely) weakCategories.add(row.category);
        break;
      case 'note':
        noteEndsTable(scan, r, findings);
        break scanning;
      case 'nextTable': {
        const col = row.header.columns[0]?.col ?? scan.firstCol;
        findings.push(finding({ code: 'MULTIPLE_TABLES', headerCell: a1(row.header.row, col) }, placeAt(row.header.row, col)));
        break scanning;
      }
    }
    rows[rowCount++] = r;
    lastRow = r;
  }
  rows.length = rowCount;
  resolveWeakCategories(categoryRows, weakCategories, rows[0] ?? null, findings);
  return { rows, categoryRows, lastRow };
}

/** What a row below the header is: a unit, a category, a note, a second table, or nothing to read. */
function classifyRow(scan: RowScan, r: number, values: CellValue[]): RowClass {
  const { grid, scoreColsInRow } = scan;
  const unitCell = values[scan.unitColInRow] ?? null;
  let hasNumber = false;
  for (let i = 0; i < scoreColsInRow.length && !hasNumber; i++) hasNumber = isNumberLike(values[scoreColsInRow[i]!] ?? null);
  if (hasNumber) {
    // A name in the unit cell and numbers in score cells: a unit, even one named *县委办 or ※某局.
    // Text like 注：… in front is a note only when the unit cell is empty.
    if (cellText(unitCell) === '' && isNoteRow(values)) return NOTE;
    return isSummaryRow(unitCell) ? SKIP : UNIT;
  }
  // Non-empty cells inside the table's columns; "labelled" ones sit under a known header.
  // A remark beside a category row (（共2家）) is in an unlabelled column and does not count.
  let nonEmpty = 0;
  let labelledNonEmpty = 0;
  let firstCellCol = -1;
  let firstCellValue: CellValue = null;
  for (let c = scan.firstCol; c <= scan.lastCol; c++) {
    const v = values[c - grid.originCol];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    nonEmpty++;
    if (scan.labelledCols.has(c)) labelledNonEmpty++;
    if (firstCellCol < 0) {
      firstCellCol = c;
      firstCellValue = v;
    }
  }
  if (nonEmpty === 0) return SKIP;
  const aloneOnRow = labelledNonEmpty <= (scan.labelledCols.has(firstCellCol) ? 1 : 0);
  // A name in the unit cell and something in a score cell (text such as 未报送, a formula even
  // without a calculated value): the row is a unit's, whatever its name begins with.
  const unitShaped =
    cellText(unitCell) !== '' && scoreColsInRow.some((c, i) => cellText(values[c] ?? null) !== '' || formulaAt(grid, r, scan.scoreCols[i]!) !== null);
  if (!unitShaped && isNoteRow(values)) return NOTE;
  // A second header ends the table; so does a title line right above one (two quarters stacked).
  const nextHeader = headerAt(scan, r) ?? (aloneOnRow ? headerAt(scan, nextNonEmptyRow(grid, r, scan.bottom)) : null);
  if (nextHeader) return { kind: 'nextTable', header: nextHeader };
  if (!scan.hasCategoryColumn && aloneOnRow && !unitShaped && typeof firstCellValue === 'string') {
    const text = firstCellValue.trim();
    const key = normalizeName(text);
    const surely = scan.mergedAcross.has(r) || firstCellCol !== scan.unitCol || ruleFor(scan.rules, text) !== null || CATEGORY_NAME.test(key);
    if (surely || CATEGORY_LIKE.test(key)) {
      // A long sentence alone on its row is a note, not a category.
      if (text.length > 40) return NOTE;
      return { kind: 'category', category: { row: r, col: firstCellCol, name: text }, surely };
    }
  }
  return isSummaryRow(unitCell) ? SKIP : UNIT;
}

/** A row whose first text is a note's (注：…, 填表人：…). */
function isNoteRow(values: CellValue[]): boolean {
  const firstText = firstTextInRow(values);
  return firstText !== null && isNoteText(firstText);
}

/** A second table's header at `row` (one naming a unit column), or null. */
function headerAt(scan: RowScan, row: number | null): HeaderCandidate | null {
  if (row === null) return null;
  const candidate = readHeaderRow(scan.grid, row);
  return isHeaderLike(candidate) && candidate.roles.has('unit') ? candidate : null;
}

/** The table ends at this note row: rows below it shaped like units are not read, and that is said. */
function noteEndsTable(scan: RowScan, noteRow: number, findings: Finding[]): void {
  const after = unitShapedRowsBelow(scan, noteRow);
  if (after.count > 0) {
    findings.push(finding({ code: 'TABLE_ENDS_EARLY', unitCell: a1(after.first, scan.unitCol), count: after.count }, placeAt(noteRow, firstNonEmptyCol(scan.grid, noteRow) ?? scan.unitCol)));
  }
}

/** Rows below `row` with a unit name and a number in a score cell, up to the next header. */
function unitShapedRowsBelow(scan: RowScan, row: number): { first: number; count: number } {
  const { grid } = scan;
  let first = -1;
  let count = 0;
  for (let r = row + 1; r <= scan.bottom; r++) {
    const values = grid.values[r - grid.originRow];
    if (!values) continue;
    const name = values[scan.unitColInRow] ?? null;
    if (cellText(name) === '' || isSummaryRow(name)) continue;
    if (!scan.scoreColsInRow.some((c) => isNumberLike(values[c] ?? null))) {
      if (headerAt(scan, r)) break; // a second table: MULTIPLE_TABLES' business, not this note's
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
