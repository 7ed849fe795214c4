import {
  analyze,
  buildYear,
  buildYearSheet,
  gridFromRows,
  movementText,
  noticeDraft,
  periodContext,
  recognisePeriod,
  resolverFromAliases,
  buildSummarySheet,
  YEAR_SHEET_NAME,
  SUMMARY_MARKER,
  type Analysis,
  type CellValue,
  type YearUnit,
} from '../../src/core';
import { summaryText } from '../../src/i18n';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];

/** A period's score sheet: a title naming the period, then categories and their units [name, base, adoption, bonus]. */
function period(sheetName: string, title: string | null, categories: Record<string, Array<[string, CellValue, number, number]>>, rankMode?: 'dense'): Analysis {
  const rows: CellValue[][] = [];
  if (title !== null) rows.push([title]);
  rows.push(HEADER);
  for (const [category, units] of Object.entries(categories)) {
    rows.push([category]);
    for (const u of units) rows.push([...u]);
  }
  return analyze(gridFromRows(rows, sheetName), rankMode ? { overrides: { rankMode } } : {});
}

const resolve = resolverFromAliases({ 陈家沟景区管理局: '陈家沟景区发展中心' });
const unit = (units: readonly YearUnit[], name: string) => units.find((u) => u.name === name)!;

describe('recognising periods', () => {
  it.each([
    ['2023年7—9月份全县政务信息得分情况', 2023, 7, 9],
    ['2023年第二季度', 2023, 4, 6],
    ['二季度', null, 4, 6],
    ['10—12月份', null, 10, 12],
    ['2023年5月', 2023, 5, 5],
    ['2023年1-3月份', 2023, 1, 3],
    ['2024年上半年', 2024, 1, 6],
  ])('%s', (text, year, startMonth, endMonth) => {
    expect(recognisePeriod(text)).toMatchObject({ year, startMonth, endMonth });
  });

  it('is not fooled by text without a period', () => {
    expect(recognisePeriod('Sheet1')).toBeNull();
    expect(recognisePeriod('考评规则')).toBeNull();
    expect(recognisePeriod('2023年13月')).toBeNull();
  });
});

describe('the year', () => {
  // Sheets given out of order: the year orders them by date (q2 from its tab name, year from the others).
  const q3 = period('三季度', '2023年7—9月份全县政务信息得分情况', {
    一类考评单位: [
      ['发展改革委', 100, 10, 0],
      ['陈家沟景区发展中心', 120, 5, 0],
      ['水利局', 0, 0, 0],
      ['新成立局', 120, 20, 0],
    ],
  });
  const q1 = period('Sheet1', '2023年1—3月份得分', {
    一类考评单位: [
      ['发展改革委', 120, 10, 0],
      ['陈家沟景区管理局', 100, 0, 0],
      ['水利局', 0, 0, 0],
      ['审计局', 60, 0, 0],
    ],
  });
  const q2 = period('二季度', null, {
    一类考评单位: [
      ['发展改革委', 120, 0, 0],
      ['陈家沟景区管理局', 120, 10, 0],
      ['水利局', 0, 0, 0],
      ['审计局', 60, 0, 0.5],
    ],
  });
  const year = buildYear([{ analysis: q3 }, { analysis: q1 }, { analysis: q2 }], { resolve });
  const units = year.categories[0]!.units;

  it('orders the periods by date', () => {
    expect(year.periods.map((p) => p.label)).toEqual(['2023年1—3月份', '二季度', '2023年7—9月份']);
  });

  it('matches a renamed unit through the resolver and sums each unit exactly', () => {
    const chen = unit(units, '陈家沟景区发展中心');
    expect(chen.periods).toEqual([10000, 13000, 12500]);
    expect(chen.totalCents).toBe(35500);
    expect(units.some((u) => u.name === '陈家沟景区管理局')).toBe(false);
    expect(unit(units, '审计局').totalCents).toBe(12050);
  });

  it('ranks for the year and moves the last period against the one before', () => {
    expect(units.map((u) => [u.name, u.rank])).toEqual([
      ['发展改革委', 1],
      ['陈家沟景区发展中心', 2],
      ['新成立局', 3],
      ['审计局', 4],
      ['水利局', 5],
    ]);
    // q2 ranks: 陈家沟 1, 发改 2, 审计 3, 水利 4; q3: 新成立 1, 陈家沟 2, 发改 3, 水利 4.
    expect(movementText(unit(units, '陈家沟景区发展中心'))).toBe('↓1');
    expect(unit(units, '陈家沟景区发展中心').movement).toBe(-1);
    expect(movementText(unit(units, '水利局'))).toBe('—');
    expect(movementText(unit(units, '新成立局'))).toBe('新');
    expect(unit(units, '新成立局').movement).toBeNull();
    expect(movementText(unit(units, '审计局'))).toBe('');
  });

  it('ranks a unit that joined mid-year on what it has, and says so', () => {
    const joined = unit(units, '新成立局');
    expect(joined.periods).toEqual([null, null, 14000]);
    expect(year.findings.filter((f) => f.unit === '新成立局').map((f) => f.code)).toEqual(['UNIT_JOINED_IN_PERIOD']);
  });

  it('leaves a missing unit blank with an info finding', () => {
    expect(unit(units, '审计局').periods[2]).toBeNull();
    const missing = year.findings.filter((f) => f.code === 'UNIT_MISSING_IN_PERIOD');
    expect(missing).toEqual([expect.objectContaining({ unit: '审计局', severity: 'info', sheet: '三季度' })]);
  });

  it('flags 零报送 in consecutive periods up to the latest', () => {
    const water = unit(units, '水利局');
    expect(water.zeroRun).toBe(3);
    expect(water.flags).toEqual(['ZERO_SUBMISSION', 'REPEAT_ZERO_SUBMISSION']);
    expect(year.notice).toContain('连续零报送单位：水利局（连续3期）');
    // The annual notice, worded as the quarterly one, with the year's months as its period.
    expect(year.notice.slice(0, 4)).toEqual([
      '关于2023年1—9月全县政务信息工作情况的通报',
      '一、综合采用情况',
      '2023年1—9月，政务信息综合得分成绩好的单位有：',
      '一类考评单位前3名：发展改革委（360分）、陈家沟景区发展中心（355分）、新成立局（140分）',
    ]);
    expect(year.notice).toContain('二、信息报送存在的问题');
  });

  it('is not blocked when every period is clean', () => {
    expect(year.blocked).toBe(false);
  });
});

describe('ties and rank modes', () => {
  const a = period('2023年第一季度', null, { 二类考评单位: [['甲', 60, 10, 0], ['乙', 60, 0, 0], ['丙', 50, 0, 0], ['丁', 40, 0, 0]] });
  const b = period('2023年第二季度', null, { 二类考评单位: [['甲', 50, 0, 0], ['乙', 60, 0, 0], ['丙', 60, 0, 0], ['丁', 40, 0, 0]] });

  it('ties in the year share a rank (competition: the next is skipped)', () => {
    const year = buildYear([{ analysis: a }, { analysis: b }]);
    // 甲 120, 乙 120, 丙 110, 丁 80.
    expect(year.categories[0]!.units.map((u) => [u.name, u.totalCents, u.rank])).toEqual([
      ['甲', 12000, 1],
      ['乙', 12000, 1],
      ['丙', 11000, 3],
      ['丁', 8000, 4],
    ]);
    expect(year.notice[3]).toBe('二类考评单位前3名：甲（120分）、乙（120分）、丙（110分）');
  });

  it('dense ranks when that mode is in effect', () => {
    const year = buildYear([{ analysis: a }, { analysis: b }], { rankMode: 'dense' });
    expect(year.categories[0]!.units.map((u) => u.rank)).toEqual([1, 1, 2, 3]);
    expect(year.rankMode).toBe('dense');
  });

  it('takes the rank mode of the latest period by default', () => {
    const denseB = period('2023年第二季度', null, { 二类考评单位: [['甲', 50, 0, 0], ['乙', 60, 0, 0], ['丙', 60, 0, 0], ['丁', 40, 0, 0]] }, 'dense');
    expect(buildYear([{ analysis: a }, { analysis: denseB }]).categories[0]!.units.map((u) => u.rank)).toEqual([1, 1, 2, 3]);
  });
});

describe('a month-based year', () => {
  // Twelve monthly sheets named 2023年1月 … 2023年12月, given in reverse; 甲 has 零报送 from October on.
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
    .reverse()
    .map((m) => period(`2023年${m}月`, null, { 三类考评单位: [['甲', m >= 10 ? 0 : 30, 0, 0], ['乙', 25, 5, m === 12 ? 0.01 : 0]] }));
  const year = buildYear(months.map((analysis) => ({ analysis })));

  it('orders the months and sums to the cent', () => {
    expect(year.periods.map((p) => p.label)).toEqual(Array.from({ length: 12 }, (_, i) => `2023年${i + 1}月`));
    const yi = unit(year.categories[0]!.units, '乙');
    expect(yi.totalCents).toBe(12 * 3000 + 1);
    expect(yi.periods).toHaveLength(12);
  });

  it('counts the 零报送 run up to the latest month', () => {
    const jia = unit(year.categories[0]!.units, '甲');
    expect(jia.zeroRun).toBe(3);
    expect(jia.flags).toContain('REPEAT_ZERO_SUBMISSION');
  });
});

describe('a period with errors', () => {
  const good = period('2023年第一季度', null, { 一类考评单位: [['甲', 120, 0, 0], ['乙', 100, 0, 0]] });
  const bad = period('2023年第二季度', null, { 一类考评单位: [['甲', '未报送', 0, 0], ['乙', 100, 0, 0]] });
  const year = buildYear([{ analysis: good }, { analysis: bad }]);

  it('is named in an error finding and blocks the year', () => {
    expect(year.blocked).toBe(true);
    expect(year.findings.filter((f) => f.code === 'PERIOD_HAS_ERRORS')).toEqual([
      expect.objectContaining({ severity: 'error', sheet: '2023年第二季度', errors: 1, firstCell: 'B3' }),
    ]);
  });

  it('names the sheet in the message', () => {
    const f = year.findings.find((x) => x.code === 'PERIOD_HAS_ERRORS')!;
    expect(summaryText('zh-CN').finding(f)).toContain('工作表“2023年第二季度”');
  });
});

describe('periods the year cannot use', () => {
  it('leaves out a score sheet without a period, and a second sheet of the same period', () => {
    const a = period('2023年第一季度', null, { 一类考评单位: [['甲', 120, 0, 0]] });
    const copy = period('一季度(2)', null, { 一类考评单位: [['甲', 100, 0, 0]] });
    const none = period('Sheet3', '得分情况', { 一类考评单位: [['甲', 100, 0, 0]] });
    const year = buildYear([{ analysis: a }, { analysis: copy }, { analysis: none }]);
    expect(year.periods.map((p) => p.sheetName)).toEqual(['2023年第一季度']);
    expect(year.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['PERIOD_DUPLICATE', 'PERIOD_NOT_RECOGNISED', 'YEAR_TOO_FEW_PERIODS']));
  });
});

describe('the quarter in the light of the year', () => {
  const q1 = period('一季度', '2023年第一季度', { 一类考评单位: [['水利局', 0, 0, 0], ['甲', 120, 0, 0], ['乙', 110, 0, 0]] });
  const q2 = period('二季度', '2023年第二季度', { 一类考评单位: [['水利局', 0, 0, 0], ['甲', 100, 0, 0], ['乙', 110, 0, 0]] });
  const context = periodContext(q2, [{ analysis: q1 }, { analysis: q2 }])!;

  it('gives each unit its movement against the previous period', () => {
    expect(context.previous).toBe('2023年第一季度');
    expect(context.units.get('甲')).toMatchObject({ movement: -1, text: '↓1' });
    expect(context.units.get('乙')).toMatchObject({ movement: 1, text: '↑1' });
  });

  it('says in the notice for how many periods running a unit has had 零报送', () => {
    expect(noticeDraft(q2, context)).toContain('零报送单位：水利局（连续2期）');
    expect(noticeDraft(q2)).toContain('零报送单位：水利局');
  });

  it('shows the movement on the summary sheet', () => {
    const spec = buildSummarySheet(q2, summaryText('zh-CN'), context);
    const texts = spec.rows.map((r) => r.map((c) => c.value));
    expect(texts).toContainEqual(['一类考评单位', 1, '乙', 110, '↑1']);
    expect(texts.some((r) => r.includes('名次变化'))).toBe(true);
  });

  it('has no context for the first period', () => {
    expect(periodContext(q1, [{ analysis: q1 }, { analysis: q2 }])).toBeNull();
  });
});

describe('the 年度汇总 sheet', () => {
  const a = period('2023年第一季度', null, { 一类考评单位: [['甲', 120, 0, 0], ['=乙', 110, 0, 0]] });
  const b = period('2023年第二季度', null, { 一类考评单位: [['甲', 100, 0, 0.5]] });
  const spec = buildYearSheet(buildYear([{ analysis: a }, { analysis: b }]), summaryText('zh-CN'));
  const texts = spec.rows.map((r) => r.map((c) => c.value));

  it('has a column per period, the year total, movement and flags, and the product footer', () => {
    expect(spec.name).toBe(YEAR_SHEET_NAME);
    expect(texts).toContainEqual(['名次', '单位', '2023年第一季度', '2023年第二季度', '年度累计得分', '名次变化', '标记']);
    expect(texts).toContainEqual([1, '甲', 120, 100.5, 220.5, '—', '基础数量不足']);
    // A missing unit is blank there; a name starting with = stays a name (hosts write text as text).
    expect(texts).toContainEqual([2, '=乙', 110, null, 110, '', '']);
    expect(String(texts[texts.length - 1]![0])).toContain(SUMMARY_MARKER);
  });
});

describe('the annual notice over a whole year and several workbooks', () => {
  const quarter = (q: number, units: Array<[string, CellValue, number, number]>) => period(`${q}季度`, `2023年第${'一二三四'[q - 1]}季度`, { 一类考评单位: units });
  const ledger = (rows: CellValue[][], name = '信息采用登记') => gridFromRows([['日期', '报送单位', '信息标题', '采用情况'], ...rows], name);

  it('is titled for the year, and a piece two workbooks both list counts once', () => {
    const sheets = [1, 2, 3, 4].map((q) => ({ analysis: quarter(q, [['甲', 120, 5 * q, 0], ['乙', 100, 0, 0]]) }));
    const shared: CellValue[] = ['2023-11-02', '乙', '冬季供暖', '市政府采用'];
    const year = buildYear(sheets, {
      workbooks: [
        { file: 'a.xlsx', ledgerGrid: ledger([['2023-03-01', '甲', '春耕', '市政府采用'], shared]) },
        { file: 'b.xlsx', ledgerGrid: ledger([shared, ['2024-01-05', '甲', '新年', '市政府采用']]) },
      ],
    });
    expect(year.annual.title).toBe('关于2023年度全县政务信息工作情况的通报');
    const adopted = year.annual.sections.find((s) => s.heading === '二、被市政府信息采用情况')!;
    // 春耕 and 冬季供暖 once each; 新年 (2024) is outside the year.
    expect(adopted.lines).toEqual(['2023年，被市政府采用信息2条，信息涉及全县2个县直单位，其中，甲、乙各1条。']);
    expect(year.findings).toContainEqual(expect.objectContaining({ code: 'LEDGER_OUTSIDE_PERIOD' }));
  });

  it('without a ledger has only 一 (and the 零报送 problem when there is one), as the quarterly notice', () => {
    const year = buildYear([1, 2].map((q) => ({ analysis: quarter(q, [['甲', 120, 5, 0], ['水利局', 0, 0, 0]]) })));
    expect(year.annual.sections.map((s) => s.heading)).toEqual(['一、综合采用情况', '二、信息报送存在的问题']);
  });
});
