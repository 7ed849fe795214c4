import { existsSync } from 'node:fs';
import { runCli } from '../../src/cli/run';
import { scoreSheetRows, readXlsx, writeXlsx, type XlsxCell } from '../support/xlsx';
import { tempDir } from './helpers';

type Unit = [string, XlsxCell, XlsxCell, XlsxCell];
const sheet = (name: string, title: string, units: Unit[], category = '一类考评单位') => ({ name, rows: scoreSheetRows([{ name: category, units }], title) });

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const tmp = tempDir();
const ROSTER = { name: '单位名录', rows: [['单位', '类别', '别名'], ['陈家沟景区发展中心', '一类考评单位', '陈家沟景区管理局']] as XlsxCell[][] };
const Q1: Unit[] = [
  ['发展改革委', 120, 10, 0],
  ['陈家沟景区管理局', 100, 0, 0],
  ['水利局', 0, 0, 0],
];
const Q2: Unit[] = [
  ['发展改革委', 100, 0, 0],
  ['陈家沟景区发展中心', 120, 5, 0.5],
  ['水利局', 0, 0, 0],
  ['新成立局', 120, 0, 0],
];

describe('scorecard year', () => {
  it('prints the year as one JSON document, matching a renamed unit through the 单位名录 aliases', async () => {
    const input = tmp.file('two-quarters.xlsx');
    await writeXlsx(input, [sheet('一季度', '2023年1—3月份全县政务信息得分情况', Q1), sheet('二季度', '2023年4—6月份全县政务信息得分情况', Q2), ROSTER]);
    const { code, stdout } = await run(['year', input, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['periods', 'categories', 'findings', 'notice']);
    expect(doc.periods).toEqual(['2023年1—3月份', '2023年4—6月份']);
    // Ranks in 一季度: 发改 1, 陈家沟 2, 水利 3; in 二季度: 陈家沟 1, 新成立 2, 发改 3, 水利 4.
    expect(doc.categories[0].units).toEqual([
      { name: '发展改革委', periods: [130, 100], total: 230, rank: 1, movement: -2, flags: ['BELOW_QUOTA'] },
      { name: '陈家沟景区发展中心', periods: [100, 125.5], total: 225.5, rank: 2, movement: 1, flags: [] },
      { name: '新成立局', periods: [null, 120], total: 120, rank: 3, movement: null, flags: ['LOW_QUALITY'] },
      { name: '水利局', periods: [0, 0], total: 0, rank: 4, movement: -1, flags: ['ZERO_SUBMISSION', 'REPEAT_ZERO_SUBMISSION'] },
    ]);
    expect(doc.findings).toContainEqual(expect.objectContaining({ code: 'UNIT_JOINED_IN_PERIOD', severity: 'info', unit: '新成立局', sheet: '二季度' }));
    expect(doc.notice).toContain('连续零报送单位：水利局（连续2期）');
  });

  it('writes 年度汇总 into a copy of the one input, never over a user sheet of that name', async () => {
    const input = tmp.file('with-user-sheet.xlsx');
    const out = tmp.file('with-user-sheet.out.xlsx');
    await writeXlsx(input, [sheet('一季度', '2023年第一季度', Q1), sheet('二季度', '2023年第二季度', Q2), { name: '年度汇总', rows: [['我自己的表'], ['=不是公式']] }]);
    const first = await run(['year', input, '--out', out]);
    expect(first.code).toBe(0);
    let wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['一季度', '二季度', '年度汇总', '年度汇总(2)']);
    expect(wb.getWorksheet('年度汇总')!.getCell('A1').value).toBe('我自己的表');
    const year = wb.getWorksheet('年度汇总(2)')!;
    const texts: unknown[] = [];
    year.eachRow((row) => texts.push((row.values as unknown[]).slice(1)));
    expect(texts).toContainEqual(['名次', '单位', '2023年第一季度', '2023年第二季度', '年度累计得分', '名次变化', '标记']);
    expect(texts).toContainEqual([1, '发展改革委', 130, 100, 230, '↓2', '基础数量不足']);
    expect(texts).toContainEqual([5, '水利局', 0, 0, 0, '↓1', '零报送、连续零报送']);
    // Run again on the output: the product's own sheet is replaced, not added a second time.
    const again = tmp.file('with-user-sheet.again.xlsx');
    expect((await run(['year', out, '--out', again])).code).toBe(0);
    wb = await readXlsx(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['一季度', '二季度', '年度汇总', '年度汇总(2)']);
  });

  it('reads several workbooks together; --out then holds 年度汇总 alone', async () => {
    const a = tmp.file('q3.xlsx');
    const b = tmp.file('q4.xlsx');
    const out = tmp.file('year-only.xlsx');
    await writeXlsx(b, [sheet('Sheet1', '10—12月份', Q2)]);
    await writeXlsx(a, [sheet('三季度', '2023年7—9月份', Q1)]);
    const { code, stdout } = await run(['year', b, a, '--out', out, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).periods).toEqual(['2023年7—9月份', '10—12月份']);
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['年度汇总']);
  });

  it('ranks dense with --rank dense', async () => {
    const input = tmp.file('dense.xlsx');
    await writeXlsx(input, [
      sheet('1月', '2023年1月', [['甲', 30, 0, 0], ['乙', 30, 0, 0], ['丙', 20, 0, 0]], '三类考评单位'),
      sheet('2月', '2023年2月', [['甲', 30, 0, 0], ['乙', 30, 0, 0], ['丙', 20, 0, 0]], '三类考评单位'),
    ]);
    const { stdout } = await run(['year', input, '--rank', 'dense', '--json']);
    expect(JSON.parse(stdout).categories[0].units.map((u: { rank: number }) => u.rank)).toEqual([1, 1, 2]);
  });

  it('names a period sheet with errors and writes nothing unless --force', async () => {
    const input = tmp.file('bad.xlsx');
    const out = tmp.file('bad.out.xlsx');
    await writeXlsx(input, [sheet('一季度', '2023年第一季度', Q1), sheet('二季度', '2023年第二季度', [['甲', '未报送', 0, 0]])]);
    const blocked = await run(['year', input, '--out', out]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('工作表“二季度”（2023年第二季度）有 1 处错误（首处在 B4）');
    expect(blocked.stdout).toContain('未写入任何文件');
    expect(existsSync(out)).toBe(false);
    const forced = await run(['year', input, '--out', out, '--force']);
    expect(forced.code).toBe(1);
    expect(existsSync(out)).toBe(true);
  });

  it('fails with status 2 when no sheet gives a period', async () => {
    const input = tmp.file('no-period.xlsx');
    await writeXlsx(input, [sheet('Sheet1', '得分情况', Q1)]);
    const { code, stderr } = await run(['year', input]);
    expect(code).toBe(2);
    expect(stderr).toContain('未找到可汇总的得分表');
  });

  it('summary of a quarter says in its notice for how many periods running a unit has had 零报送', async () => {
    const input = tmp.file('summary-context.xlsx');
    const out = tmp.file('summary-context.out.xlsx');
    await writeXlsx(input, [sheet('一季度', '2023年第一季度', Q1), sheet('二季度', '2023年第二季度', Q2)]);
    const { code } = await run(['summary', input, '--sheet', '二季度', '--out', out]);
    expect(code).toBe(0);
    const texts: string[] = [];
    (await readXlsx(out)).getWorksheet('考评汇总')!.eachRow((row) => texts.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')));
    expect(texts).toContain('零报送单位：水利局（连续2期）');
    // Without the earlier period, the plain sentence.
    const alone = tmp.file('summary-alone.xlsx');
    await writeXlsx(alone, [sheet('二季度', '2023年第二季度', Q2)]);
    const aloneOut = tmp.file('summary-alone.out.xlsx');
    expect((await run(['summary', alone, '--out', aloneOut])).code).toBe(0);
    const plain: string[] = [];
    (await readXlsx(aloneOut)).getWorksheet('考评汇总')!.eachRow((row) => plain.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')));
    expect(plain).toContain('零报送单位：水利局');
  });
});
