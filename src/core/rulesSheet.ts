/**
 * The optional 考评规则 sheet: per-category caps in a small table, plus key/value rows.
 *
 *   类别            | 基础得分上限 | 附加得分上限
 *   乡镇(街道)      | 120          | 2
 *   排名方式        | 并列不占位            (or 并列占位, competition, dense)
 *   前N名           | 3
 *   基础得分步长    | 5           采用得分步长 | 5      附加得分上限 | 2
 */
import { a1, type Grid } from './grid';
import { finding, type Finding } from './findings';
import { categoryTable, isTopN, type RankMode, type Rules } from './rules';
import { centsToNumber } from './decimal';
import { cellText, normalizeName, parseScore } from './text';
import { isPointsHeader, LEDGER_RULE_KEYS } from './points';

const RANK_WORDS: Record<string, RankMode> = {
  并列占位: 'competition',
  competition: 'competition',
  美式排名: 'competition',
  并列不占位: 'dense',
  dense: 'dense',
  中国式排名: 'dense',
};

type Key = 'rankMode' | 'topN' | 'baseStep' | 'adoptionStep' | 'bonusCap';
const KEYS: Record<string, Key> = {
  排名方式: 'rankMode',
  前N名: 'topN',
  前n名: 'topN',
  通报名次: 'topN',
  基础得分步长: 'baseStep',
  采用得分步长: 'adoptionStep',
  附加得分上限: 'bonusCap',
};

const CATEGORY_HEADERS = new Set(['类别', '分类', '类型', '单位类别']);

export function applyRulesSheet(base: Rules, grid: Grid): { rules: Rules; findings: Finding[] } {
  const rules: Rules = { ...base, categories: categoryTable(base.categories), flags: { ...base.flags } };
  const findings: Finding[] = [];
  const bad = (row: number, col: number, text: string) =>
    findings.push(finding({ code: 'RULES_SHEET_INVALID', text }, { row, col, cell: a1(row, col), unit: null }));
  let columns: { base: number | null; bonus: number | null; name: number } | null = null;

  grid.values.forEach((values, i) => {
    const row = grid.originRow + i;
    const texts = values.map((v) => normalizeName(cellText(v)));
    const headerIndex = texts.findIndex((t) => CATEGORY_HEADERS.has(t));
    if (headerIndex >= 0 && texts.some((t) => t.includes('上限'))) {
      columns = {
        name: headerIndex,
        base: indexOrNull(texts.findIndex((t) => t.startsWith('基础') && t.includes('上限'))),
        bonus: indexOrNull(texts.findIndex((t) => t.startsWith('附加') && t.includes('上限'))),
      };
      return;
    }
    // #13 ledger: the points table and its keys (points.ts) are not category caps.
    if (isPointsHeader(texts)) {
      columns = null;
      return;
    }
    // Key/value pairs anywhere on the row: 排名方式 | 并列占位 | 前N名 | 3 …
    let consumed = texts.some((t) => LEDGER_RULE_KEYS.has(t));
    for (let c = 0; c + 1 < values.length; c++) {
      const key = KEYS[texts[c]!];
      if (!key) continue;
      consumed = true;
      const raw = values[c + 1] ?? null;
      const col = grid.originCol + c + 1;
      if (key === 'rankMode') {
        const mode = RANK_WORDS[normalizeName(cellText(raw))];
        if (mode) rules.rankMode = mode;
        else bad(row, col, cellText(raw));
        continue;
      }
      const parsed = parseScore(raw);
      if (parsed.kind !== 'number' || parsed.cents < 0) {
        bad(row, col, cellText(raw));
        continue;
      }
      if (key === 'topN') {
        if (parsed.cents % 100 === 0 && isTopN(centsToNumber(parsed.cents))) rules.topN = centsToNumber(parsed.cents);
        else bad(row, col, cellText(raw));
      } else if (key === 'baseStep') rules.baseStepCents = parsed.cents || null;
      else if (key === 'adoptionStep') rules.adoptionStepCents = parsed.cents || null;
      else rules.bonusCapCents = parsed.cents;
    }
    if (consumed || !columns) return;
    const cols: { base: number | null; bonus: number | null; name: number } = columns;
    const name = cellText(values[cols.name] ?? null);
    if (!name) return;
    const capAt = (index: number | null): number | null | 'bad' => {
      if (index === null) return null;
      const parsed = parseScore(values[index] ?? null);
      if (parsed.kind === 'empty') return null;
      if (parsed.kind !== 'number' || parsed.cents < 0) {
        bad(row, grid.originCol + index, cellText(values[index] ?? null));
        return 'bad';
      }
      return parsed.cents;
    };
    const baseCap = capAt(cols.base);
    const bonusCap = capAt(cols.bonus);
    const key = normalizeName(name);
    const previous = rules.categories[key];
    rules.categories[key] = {
      name,
      baseCapCents: baseCap === 'bad' ? previous?.baseCapCents ?? null : baseCap,
      bonusCapCents: bonusCap === 'bad' || bonusCap === null ? previous?.bonusCapCents ?? rules.bonusCapCents : bonusCap,
    };
  });
  return { rules, findings };
}

function indexOrNull(i: number): number | null {
  return i >= 0 ? i : null;
}
