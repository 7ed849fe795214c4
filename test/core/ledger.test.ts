/**
 * #13 ledger: the ledger, the roster and the points table through analyze(), on small
 * workbooks of our own: aliases, unknown names, joint pieces, points, the period, a ledger
 * without dates, a ledger with errors, and the written 采用得分 with its undo.
 */
import { byCategory } from '../support/units';
import {
  analyze,
  cellWrites,
  centsToNumber,
  formulaAt,
  gridFromRows,
  noticeText,
  parseDateCell,
  periodRange,
  planUndo,
  planWrites,
  readRosterSheet,
  sameContent,
  valueAt,
  type AnalyzeOptions,
  type CellValue,
  type Grid,
  type WritePlan,
} from '../../src/core';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];

/** A score sheet for 2023年7—9月份 with a township and a county category. */
function scores(title = '2023年7—9月份全县政务信息得分情况'): Grid {
  return gridFromRows(
    [
      [title],
      HEADER,
      ['乡镇(街道)'],
      ['温泉街道', 120, 0, 0],
      ['祥云镇', 120, 0, 0],
      ['一类考评单位'],
      ['农业农村局', 120, 0, 0],
      ['陈家沟景区管理局', 45, 0, 0],
      ['水利局', 0, 0, 0],
    ],
    '7-9月得分',
  );
}

function ledger(rows: CellValue[][], header: CellValue[] = ['序号', '日期', '报送单位', '信息标题', '采用情况', '评价/备注']): Grid {
  return gridFromRows([header, ...rows], '信息采用登记');
}

const ROSTER = gridFromRows(
  [
    ['单位', '类别', '别名'],
    ['温泉街道', '乡镇(街道)', ''],
    ['祥云镇', '乡镇(街道)', ''],
    ['农业农村局', '一类考评单位', '农业局、农委'],
    ['陈家沟景区发展中心', '一类考评单位', '陈家沟景区管理局'],
    ['水利局', '一类考评单位', ''],
  ],
  '单位名录',
);

const POINTS = gridFromRows(
  [
    ['类别', '基础得分上限', '附加得分上限'],
    ['乡镇(街道)', 120, 2],
    ['一类考评单位', 120, 2],
    [],
    ['采用情况', '分值'],
    ['县政府采用', 5],
    ['市政府采用', 10],
    ['约稿', 3],
  ],
  '考评规则',
);

const run = (ledgerRows: CellValue[][], options: AnalyzeOptions = {}, grid = scores()) => analyze(grid, { rosterGrid: ROSTER, ledgerGrid: ledger(ledgerRows), ...options });
const codes = (a: ReturnType<typeof analyze>) => a.findings.map((f) => `${f.code}@${f.sheet ? `${f.sheet}!` : ''}${f.cell ?? '-'}`);
const section = (a: ReturnType<typeof analyze>, n: number) => a.notice!.sections[n]!.lines.join('\n');
const adoptionOf = (a: ReturnType<typeof analyze>, unit: string) => {
  const i = a.scored!.units.names.indexOf(unit);
  return centsToNumber(a.ledger!.adoption!.cents[i]!);
};

describe('the period', () => {
  it('reads the forms a title uses', () => {
    expect(periodRange('2023年7—9月份')).toEqual({ start: '2023-07-01', end: '2023-09-30', label: '三季度' });
    expect(periodRange('2024年第一季度')).toMatchObject({ start: '2024-01-01', end: '2024-03-31', label: '一季度' });
    expect(periodRange('2024年2月')).toMatchObject({ start: '2024-02-01', end: '2024-02-29', label: '2月' });
    expect(periodRange('2023年上半年')).toMatchObject({ start: '2023-01-01', end: '2023-06-30', label: '上半年' });
    expect(periodRange('2023年全年')).toMatchObject({ end: '2023-12-31', label: '全年' });
    expect(periodRange('去年')).toBeNull();
  });

  it('reads ledger dates as clerks type them, and refuses what is no date', () => {
    expect(parseDateCell(45110)).toEqual({ kind: 'date', iso: '2023-07-03' });
    for (const text of ['2023-07-03', '2023/7/3', '2023.7.3', '2023年7月3日', '20230703', '２０２３－０７－０３']) expect(parseDateCell(text)).toEqual({ kind: 'date', iso: '2023-07-03' });
    expect(parseDateCell('七月三日')).toEqual({ kind: 'bad', text: '七月三日' });
    expect(parseDateCell('2023-02-30').kind).toBe('bad');
    expect(parseDateCell(12)).toEqual({ kind: 'bad', text: '12' });
    expect(parseDateCell(null).kind).toBe('empty');
  });
});

describe('the roster', () => {
  it('resolves aliases to the unit and its category', () => {
    const { roster } = readRosterSheet(ROSTER);
    expect(roster!.resolve('陈家沟景区管理局')?.name).toBe('陈家沟景区发展中心');
    expect(roster!.resolve(' 农委 ')?.name).toBe('农业农村局');
    expect(roster!.resolve('农业局')?.category).toBe('一类考评单位');
    expect(roster!.resolve('财政局')).toBeNull();
  });

  it('counts a piece written under an alias for the unit, named as the roster names it', () => {
    const a = run([[1, '2023-07-03', '陈家沟景区管理局', '标题', '市政府采用', '']]);
    expect(codes(a).filter((c) => c.startsWith('LEDGER'))).toEqual([]);
    expect(section(a, 1)).toBe('三季度，被市政府采用信息1条，信息涉及全县1个县直单位，其中，陈家沟景区发展中心1条。');
  });

  it('without a roster sheet, takes the score table units (and their categories) as the roster', () => {
    const a = analyze(scores(), { ledgerGrid: ledger([[1, '2023-07-03', '温泉街道', '标题', '市政府采用', ''], [2, '2023-07-04', '陈家沟景区发展中心', '标题', '市政府采用', '']]) });
    expect(a.ledger!.rosterSheet).toBeNull();
    expect(section(a, 1)).toBe('三季度，被市政府采用信息2条，信息涉及全县1个街道，其中，温泉街道1条。');
    expect(codes(a)).toContain('LEDGER_UNKNOWN_UNIT@信息采用登记!C3');
  });
});

describe('the ledger', () => {
  it('warns about an unknown name at its cell, and counts the piece for no unit', () => {
    const a = run([
      [1, '2023-07-03', '农业农村局', '标题', '市政府采用', ''],
      [2, '2023-07-05', '农业农村局、财政所', '标题', '市政府采用', ''],
    ]);
    const unknown = a.findings.filter((f) => f.code === 'LEDGER_UNKNOWN_UNIT');
    expect(unknown.map((f) => [f.sheet, f.cell, f.severity, f.unit])).toEqual([['信息采用登记', 'C3', 'warning', '财政所']]);
    expect(a.ledger!.ledger!.unknownNames).toEqual(['财政所']);
    expect(section(a, 1)).toBe('三季度，被市政府采用信息2条，信息涉及全县1个县直单位，其中，农业农村局2条。完成较好的单位是农业农村局，报送的信息质量好、采用率高。');
  });

  it('counts a joint piece for each unit named, split on 、，,/', () => {
    const a = run([
      [1, '2023-07-03', '农业农村局，温泉街道/祥云镇', '标题', '约稿', '好'],
      [2, '2023-07-04', '水利局,农业农村局', '标题', '约稿', ''],
    ]);
    expect(section(a, 2)).toBe(
      '三季度，共完成2篇约稿，涉及农业农村局、水利局等2个县直单位和温泉街道、祥云镇等2个乡镇(街道)。其中，完成较好的是农业农村局、温泉街道、祥云镇，能够按照要求认真对待约稿任务，且稿件内容充实、数据详尽、条理清晰。',
    );
  });

  it('leaves out pieces dated outside the period, with an info finding that counts them', () => {
    const a = run([
      [1, '2023-06-30', '农业农村局', '标题', '市政府采用', ''],
      [2, '2023-07-01', '农业农村局', '标题', '市政府采用', ''],
      [3, '2023-10-01', '农业农村局', '标题', '市政府采用', ''],
      [4, 45199, '温泉街道', '标题', '市政府采用', ''], // 2023-09-30 as Excel keeps it
    ]);
    const outside = a.findings.filter((f) => f.code === 'LEDGER_OUTSIDE_PERIOD');
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({ severity: 'info', count: 2, sheet: '信息采用登记' });
    expect(section(a, 1)).toBe('三季度，被市政府采用信息2条，信息涉及全县1个县直单位和1个街道，其中，农业农村局、温泉街道各1条。');
  });

  it('counts every piece of a ledger without a 日期 column, and says so', () => {
    const a = run([['农业农村局', '约稿']], { ledgerGrid: gridFromRows([['报送单位', '采用情况'], ['农业农村局', '约稿'], ['祥云镇', '约稿']], '采用登记') });
    expect(codes(a)).toContain('LEDGER_NO_DATES@采用登记!-');
    expect(section(a, 2)).toBe('三季度，共完成2篇约稿，涉及农业农村局等1个县直单位和祥云镇等1个乡镇。');
  });

  it('reports a date that is no date and an unknown 采用情况 as errors at their cells, and counts neither piece', () => {
    const a = run([
      [1, '七月三日', '农业农村局', '标题', '市政府采用', ''],
      [2, '2023-07-04', '农业农村局', '标题', '报社采用', ''],
      [3, '2023-07-05', '温泉街道', '标题', '市政府采用', ''],
    ]);
    const errors = a.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['LEDGER_BAD_DATE', '信息采用登记', 'B2'],
      ['LEDGER_UNKNOWN_KIND', '信息采用登记', 'E3'],
    ]);
    expect(section(a, 1)).toBe('三季度，被市政府采用信息1条，信息涉及全县1个街道，其中，温泉街道1条。');
  });

  it('counts the office own pieces in the total and names them apart; 本室名称 renames the office', () => {
    const rows = [
      [1, '2023-07-03', '综合科', '标题', '市政府采用', ''],
      [2, '2023-07-04', '农业农村局', '标题', '市政府采用', ''],
    ];
    const rules = gridFromRows([['本室名称', '综合科']], '考评规则');
    const a = run(rows, { rulesGrid: rules });
    expect(section(a, 1)).toBe('三季度，被市政府采用信息2条，除综合科综合报送1条外，其余信息涉及全县1个县直单位，其中，农业农村局1条。');
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // Without the row, 综合科 is just a name the roster does not know.
    expect(codes(run(rows))).toContain('LEDGER_UNKNOWN_UNIT@信息采用登记!C2');
  });

  it('without a ledger, leaves 二 and 三 out and numbers the problems 二', () => {
    const a = analyze(scores(), { rosterGrid: ROSTER });
    expect(a.notice!.sections.map((s) => s.heading)).toEqual(['一、综合采用情况', '二、信息报送存在的问题']);
    expect(noticeText(a.notice!)[0]).toBe('关于三季度全县政务信息工作情况的通报');
    expect(section(a, 1)).toContain('如水利局，');
  });
});

describe('the points table', () => {
  const rows = [
    [1, '2023-07-03', '农业农村局', '标题', '市政府采用', ''],
    [2, '2023-07-04', '农业农村局、温泉街道、祥云镇', '标题', '市政府采用', ''],
    [3, '2023-08-01', '陈家沟景区管理局', '标题', '约稿', ''],
    [4, '2023-10-09', '祥云镇', '标题', '县政府采用', ''],
  ];

  it('gives each unit the sum of its pieces in the period, a joint piece split equally (odd cents to the first names)', () => {
    const a = run(rows, { rulesGrid: POINTS });
    expect(adoptionOf(a, '农业农村局')).toBe(13.34);
    expect(adoptionOf(a, '温泉街道')).toBe(3.33);
    expect(adoptionOf(a, '祥云镇')).toBe(3.33);
    expect(adoptionOf(a, '陈家沟景区管理局')).toBe(3);
    expect(adoptionOf(a, '水利局')).toBe(0);
    // Totals and ranks follow the new 采用得分.
    const units = byCategory(a.scored!).flatMap((c) => c.units);
    expect(units.find((u) => u.name === '农业农村局')!.totalCents).toBe(13334);
    expect(a.findings.filter((f) => f.code === 'ADOPTION_MISMATCH').map((f) => [f.cell, f.unit, f.severity])).toEqual([
      ['C4', '温泉街道', 'warning'],
      ['C5', '祥云镇', 'warning'],
      ['C7', '农业农村局', 'warning'],
      ['C8', '陈家沟景区管理局', 'warning'],
    ]);
  });

  it('gives every unit of a joint piece the full points with 合报计分 全额', () => {
    const rules = gridFromRows([...POINTS.values, ['合报计分', '全额']], '考评规则');
    const a = run(rows, { rulesGrid: rules });
    expect([adoptionOf(a, '农业农村局'), adoptionOf(a, '温泉街道'), adoptionOf(a, '祥云镇')]).toEqual([20, 10, 10]);
  });

  it('does not take its rows for category caps', () => {
    const a = run(rows, { rulesGrid: POINTS });
    expect(Object.keys(a.rules.categories)).not.toContain('市政府采用');
    expect(a.findings.filter((f) => f.code === 'RULES_SHEET_INVALID')).toEqual([]);
  });

  it('without a points table, leaves 采用得分 to the clerk', () => {
    const a = run(rows);
    expect(a.ledger!.adoption).toBeNull();
    expect(planWrites(scores(), a, { flagColumn: false }).columns.map((c) => c.kind)).not.toContain('adoption');
  });

  it('writes 采用得分 in the plan with totals and ranks, and undo puts back the clerk values', () => {
    const grid = scores();
    grid.values[3]![2] = 5; // 温泉街道's clerk wrote 5
    const a = run(rows, { rulesGrid: POINTS }, grid);
    const plan = planWrites(grid, a, { flagColumn: false });
    const adoption = cellWrites(plan).filter((w) => w.kind === 'adoption');
    expect(adoption.map((w) => [w.address, w.unit, w.before.value, w.after.value])).toEqual([
      ['C4', '温泉街道', 5, 3.33],
      ['C5', '祥云镇', 0, 3.33],
      ['C7', '农业农村局', 0, 13.34],
      ['C8', '陈家沟景区管理局', 0, 3],
    ]);
    expect(cellWrites(plan).find((w) => w.kind === 'total' && w.unit === '温泉街道')!.after.value).toBe(123.33);
    const after = apply(grid, plan);
    // Run again over the written sheet: nothing left to change, no mismatch.
    const again = run(rows, { rulesGrid: POINTS }, after);
    expect(again.findings.filter((f) => f.code === 'ADOPTION_MISMATCH')).toEqual([]);
    expect(cellWrites(planWrites(after, again, { flagColumn: false }))).toEqual([]);
    const undo = planUndo(after, plan);
    expect(undo.conflicts).toEqual([]);
    const back = apply(after, undo.plan);
    for (let r = 0; r < grid.values.length; r++) {
      for (let c = 0; c < 6; c++) expect(sameContent({ value: valueAt(back, r, c), formula: formulaAt(back, r, c) }, { value: valueAt(grid, r, c), formula: null })).toBe(true);
    }
  });
});

function apply(grid: Grid, plan: WritePlan): Grid {
  const values = grid.values.map((r) => [...r]);
  for (const w of cellWrites(plan)) {
    while (values.length <= w.row) values.push([]);
    const row = values[w.row]!;
    while (row.length <= w.col) row.push(null);
    row[w.col] = w.after.value;
  }
  return { ...grid, values };
}
