/**
 * 写入公式 (#11 item 7): the live formulas a recalculation writes into 累计得分 and 排名 instead of
 * values. The text is what Excel, WPS and LibreOffice all evaluate alike (SUM, ROUND, COUNTIF,
 * SUMPRODUCT only: no dynamic arrays, no RANK.EQ, which older WPS and Excel 2007 files lack).
 */
import { columnLetter } from './grid';
import type { RankMode } from './rules';
import type { ComponentColumn, ScoredTable } from './model';

/** Excel's longest formula (8,192 characters); a rank formula past it is written as a value instead. */
export const MAX_FORMULA_CHARS = 8192;

/** Maximal runs of adjacent columns (or rows): [first, last] pairs, in order. */
function runsOf(sorted: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** "C5:E5,G5" for columns [2,3,4,6] of row 4. */
function rowList(cols: readonly number[], row: number): string {
  const r = String(row + 1);
  return runsOf(cols)
    .map(([a, b]) => (a === b ? columnLetter(a) + r : `${columnLetter(a)}${r}:${columnLetter(b)}${r}`))
    .join(',');
}

/**
 * 累计得分 of the unit on `row`: the score columns summed, deductions taken off, rounded to the
 * cent so that equal totals compare equal in the rank formulas (120+15+0.4 is 135.40000000000001
 * as a binary sum, and would not tie a typed 135.4).
 */
export function totalFormula(scoreColumns: readonly ComponentColumn[], row: number, textScores = false): string {
  if (textScores) {
    // A score kept as text ("15"): SUM skips it, but + takes it as the number the core counted.
    const terms = [...scoreColumns].sort((a, b) => a.col - b.col).map((c, i) => `${c.role === 'deduction' ? '-' : i === 0 ? '' : '+'}${columnLetter(c.col)}${row + 1}`);
    return `=ROUND(${terms.join('') || '0'},2)`;
  }
  const plus = scoreColumns.filter((c) => c.role !== 'deduction').map((c) => c.col).sort((a, b) => a - b);
  const minus = scoreColumns.filter((c) => c.role === 'deduction').map((c) => c.col).sort((a, b) => a - b);
  const sum = plus.length > 0 ? `SUM(${rowList(plus, row)})` : '0';
  const off = minus.length > 0 ? `-SUM(${rowList(minus, row)})` : '';
  return `=ROUND(${sum}${off},2)`;
}

/** "$I$4:$I$9": the absolute range of `col` from row `top` to `bottom` (0-based). */
function block(col: number, top: number, bottom: number): string {
  const c = `$${columnLetter(col)}$`;
  return top === bottom ? `${c}${top + 1}` : `${c}${top + 1}:${c}${bottom + 1}`;
}

/**
 * 排名 of one unit among its category's totals. `blocks` are the ranges of the total column
 * that hold exactly the category's units (a category split by header, blank or other
 * categories' rows has several; a category row is never in one).
 * - 并列占位 (competition): 1 + how many totals are higher.
 * - 并列不占位（中国式排名）(dense): 1 + how many distinct totals are higher; each higher total
 *   counts 1/(how many units hold it), summed over every block.
 */
export function rankFormula(blocks: readonly string[], own: string, mode: RankMode): string {
  if (mode === 'competition') return `=${blocks.map((b) => `COUNTIF(${b},">"&${own})`).join('+')}+1`;
  const terms = blocks.map((b) => `SUMPRODUCT((${b}>${own})/(${blocks.map((all) => `COUNTIF(${all},${b})`).join('+')}))`);
  return `=${terms.join('+')}+1`;
}

/**
 * The formulas of every unit of a scored table, by unit index: totals into `totalCol`, ranks
 * (reading the totals there) into the rank column. A rank whose formula would pass Excel's
 * length limit gets null (its value is written instead).
 */
export function tableFormulas(scored: ScoredTable, totalCol: number, isText: (row: number, col: number) => boolean = () => false): { total: (index: number) => string; rank: (index: number) => string | null } {
  const rows = scored.units.rows;
  const mode = scored.rules.rankMode;
  const blocksOf = new Map<number, string[]>();
  for (const category of scored.categories) {
    const memberRows = category.members.map((i) => rows[i]!).sort((a, b) => a - b);
    const blocks = runsOf(memberRows).map(([top, bottom]) => block(totalCol, top, bottom));
    for (const index of category.members) blocksOf.set(index, blocks);
  }
  const letter = columnLetter(totalCol);
  return {
    total: (index) => {
      const row = rows[index]!;
      return totalFormula(scored.scoreColumns, row, scored.scoreColumns.some((c) => isText(row, c.col)));
    },
    rank: (index) => {
      const text = rankFormula(blocksOf.get(index)!, letter + String(rows[index]! + 1), mode);
      return text.length <= MAX_FORMULA_CHARS ? text : null;
    },
  };
}

// What our own formulas look like, to tell them from a user's (kept unless asked). A formula of
// this shape that differs from what we would write now is ours gone stale (rows added to the
// table since): it is replaced.
const REF = String.raw`\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?`;
const LIST = `${REF}(?:,${REF})*`;
const OWN_TOTAL = new RegExp(String.raw`^=ROUND\((?:(?:SUM\(${LIST}\)|0)(?:-SUM\(${LIST}\))?|-?${REF}(?:[+-]${REF})*),2\)$`);
const COUNT_TERM = String.raw`COUNTIF\(${REF},">"&${REF}\)`;
const DENSE_TERM = String.raw`SUMPRODUCT\(\(${REF}>${REF}\)/\(COUNTIF\(${REF},${REF}\)(?:\+COUNTIF\(${REF},${REF}\))*\)\)`;
const OWN_RANK = new RegExp(String.raw`^=(?:${COUNT_TERM}(?:\+${COUNT_TERM})*|${DENSE_TERM}(?:\+${DENSE_TERM})*)\+1$`);

/** Whether `formula` is one this product writes into 累计得分 or 排名. */
export function isOwnFormula(kind: 'total' | 'rank', formula: string): boolean {
  return (kind === 'total' ? OWN_TOTAL : OWN_RANK).test(formula);
}
