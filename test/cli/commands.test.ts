/** Exit statuses, --json, --force, --rank, --sheet and usage errors of `scorecard`. */
import { existsSync, readdirSync } from 'node:fs';
import type { JsonReport } from '../../src/cli/main';
import { readXlsx, scoreSheetRows, writeXlsx, type XlsxSheet } from '../support/xlsx';
import { INPUT_XLSX, PUBLISHED_XLSX, run, tempDir } from './helpers';

const tmp = tempDir();

const withError: XlsxSheet = {
  name: '得分',
  rows: scoreSheetRows([
    {
      name: '三类考评单位',
      units: [
        ['供电公司', 30, 15, 0.7],
        ['残联', '未报送', 5, 0.1],
        ['国动办', 30, 0, 0.7],
      ],
    },
  ]),
  merges: ['A1:F1', 'A3:F3'],
};

const unitsOf = (report: JsonReport) => report.categories.flatMap((c) => c.units);

describe('exit status', () => {
  it('is 0 and writes the output when no errors are found', async () => {
    const out = tmp.file('ok.xlsx');
    const result = await run(['recalc', INPUT_XLSX, '--out', out]);
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(result.stdout).toMatch(/已写入 .*ok\.xlsx：更新 47 个累计得分、47 个排名、22 个标记单元格/);
  });

  it('is 1 with a finding naming the cell, and recalc writes nothing, when errors are found', async () => {
    const input = tmp.file('errors.xlsx');
    await writeXlsx(input, [withError]);
    const out = tmp.file('errors-out.xlsx');
    const check = await run(['check', input]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('【错误】');
    expect(check.stdout).toContain('单元格 B5（残联）');
    // Grouped by severity, errors first.
    const groups = ['【错误】', '【警告】', '【提示】'].map((g) => check.stdout.indexOf(g)).filter((i) => i >= 0);
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(check.stdout.indexOf('【错误】')).toBe(groups[0]);
    const recalc = await run(['recalc', input, '--out', out]);
    expect(recalc.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(recalc.stdout).toContain('未写入任何文件');
    const summary = await run(['summary', input, '--out', out, '--json']);
    expect(summary.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect((JSON.parse(summary.stdout) as JsonReport).written).toBeNull();
  });

  it('is still 1 with --force, which writes the output anyway', async () => {
    const input = tmp.file('errors.xlsx');
    const out = tmp.file('forced.xlsx');
    const result = await run(['recalc', input, '--out', out, '--force']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('因使用了 --force 仍已写入');
    const ws = (await readXlsx(out)).getWorksheet('得分')!;
    expect([ws.getCell('E4').value, ws.getCell('F4').value]).toEqual([45.7, 1]);
  });

  it('is 2 with a Chinese message when no sheet holds a score table', async () => {
    const input = tmp.file('no-table.xlsx');
    await writeXlsx(input, [{ name: '说明', rows: [['这是一份说明'], ['没有表格']] }]);
    const result = await run(['check', input]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('未找到得分表');
    expect(result.stderr).toContain('“说明”');
  });
});

describe('--json', () => {
  it('prints exactly one JSON document and nothing else', async () => {
    const result = await run(['check', PUBLISHED_XLSX, '--json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(Object.keys(report)).toEqual(['sheet', 'categories', 'findings', 'notice', 'written', 'settings']);
    expect(report.sheet).toBe('7-9月得分');
    expect(report.categories.map((c) => c.name)).toEqual(['乡镇(街道)', '一类考评单位', '二类考评单位', '三类考评单位']);
    expect(unitsOf(report)[1]).toEqual({ name: '张羌街道', row: 5, total: 135.4, rank: 2, flags: [] });
  });

  it('gives findings with severity, code, cell, unit and a Chinese message', async () => {
    const result = await run(['check', tmp.file('errors.xlsx'), '--json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    const finding = report.findings.find((f) => f.code === 'NOT_A_NUMBER');
    expect(finding).toEqual({ severity: 'error', code: 'NOT_A_NUMBER', cell: 'B5', unit: '残联', message: expect.stringContaining('不是数字') });
  });

  it('still prints one JSON document, with the error, when the run fails', async () => {
    const result = await run(['check', tmp.file('missing.xlsx'), '--json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.error).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining('找不到文件') });
    expect(result.stderr).toContain('找不到文件');
  });
});

describe('--rank', () => {
  it('ranks ties competition-style by default and dense with --rank dense', async () => {
    const competition = JSON.parse((await run(['check', INPUT_XLSX, '--json'])).stdout) as JsonReport;
    const dense = JSON.parse((await run(['check', INPUT_XLSX, '--json', '--rank', 'dense'])).stdout) as JsonReport;
    const rankOf = (r: JsonReport, name: string) => unitsOf(r).find((u) => u.name === name)?.rank;
    // In 一类考评单位 two units tie at 160 (3rd) and two at 135 (6th): 19 units, 17 distinct totals.
    expect([rankOf(competition, '科技和工业信息化局'), rankOf(competition, '卫生健康委'), rankOf(competition, '水利局')]).toEqual([3, 5, 19]);
    expect([rankOf(dense, '科技和工业信息化局'), rankOf(dense, '卫生健康委'), rankOf(dense, '水利局')]).toEqual([3, 4, 17]);
  });

  it('writes dense ranks into the copy', async () => {
    const out = tmp.file('dense.xlsx');
    expect((await run(['recalc', INPUT_XLSX, '--out', out, '--rank', 'dense'])).code).toBe(0);
    const ws = (await readXlsx(out)).worksheets[0]!;
    expect([ws.getCell('A20').value, ws.getCell('F20').value]).toEqual(['卫生健康委', 4]);
  });

  it('rejects an unknown mode with exit 2', async () => {
    const result = await run(['check', INPUT_XLSX, '--rank', 'olympic']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('排名方式“olympic”无效');
  });
});

describe('--sheet', () => {
  const twoTables: XlsxSheet[] = [
    { name: '说明', rows: [['填表说明']] },
    { name: '上季度', rows: scoreSheetRows([{ name: '三类考评单位', units: [['甲单位', 30, 5, 0], ['乙单位', 30, 10, 0]] }]) },
    { name: '本季度', rows: scoreSheetRows([{ name: '三类考评单位', units: [['丙单位', 25, 5, 0], ['丁单位', 30, 0, 1]] }]) },
  ];

  it('defaults to the first sheet holding a score table', async () => {
    const input = tmp.file('two-tables.xlsx');
    await writeXlsx(input, twoTables);
    const report = JSON.parse((await run(['check', input, '--json'])).stdout) as JsonReport;
    expect(report.sheet).toBe('上季度');
    expect(unitsOf(report).map((u) => u.name)).toEqual(['甲单位', '乙单位']);
  });

  it('uses the named sheet, and writes only into it', async () => {
    const input = tmp.file('two-tables.xlsx');
    const out = tmp.file('two-tables-out.xlsx');
    const result = await run(['recalc', input, '--out', out, '--sheet', '本季度', '--json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.sheet).toBe('本季度');
    expect(unitsOf(report).map((u) => [u.name, u.total, u.rank])).toEqual([
      ['丙单位', 30, 2],
      ['丁单位', 31, 1],
    ]);
    const wb = await readXlsx(out);
    expect(wb.getWorksheet('本季度')!.getCell('E4').value).toBe(30);
    expect(wb.getWorksheet('上季度')!.getCell('E4').value).toBeNull();
  });

  it('answers exit 2 naming the sheets when the sheet does not exist', async () => {
    const result = await run(['check', tmp.file('two-tables.xlsx'), '--sheet', '下季度']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('找不到工作表“下季度”');
    expect(result.stderr).toContain('“本季度”');
  });

  it('answers exit 2 when the named sheet holds no score table', async () => {
    const result = await run(['check', tmp.file('two-tables.xlsx'), '--sheet', '说明']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('工作表“说明”中未找到得分表');
  });
});

describe('usage', () => {
  it.each([
    [[], '缺少命令'],
    [['score', 'a.xlsx'], '未知命令“score”'],
    [['check'], '缺少输入文件'],
    [['check', 'a.xlsx', 'b.xlsx'], '多余的参数“b.xlsx”'],
    [['recalc', 'a.xlsx'], 'recalc 命令需要用 --out 指定输出文件'],
    [['summary', 'a.xlsx', '--out'], '选项 --out 后缺少取值'],
    [['check', 'a.xlsx', '--out', 'b.xlsx'], '不接受 --out'],
    [['check', 'a.xlsx', '--verbose'], '未知选项“--verbose”'],
  ])('%j answers exit 2 with a Chinese message', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('scorecard --help');
  });

  it('with --json, a usage error is still exactly one JSON document on stdout', async () => {
    const result = await run(['recalc', 'a.xlsx', '--json']);
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as JsonReport).error).toEqual({ code: 'USAGE', message: 'recalc 命令需要用 --out 指定输出文件。' });
  });

  it('--help prints the usage and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('scorecard recalc  <输入.xlsx> --out <输出.xlsx>');
  });

  it('--lang en-US reports in English', async () => {
    const result = await run(['check', PUBLISHED_XLSX, '--lang', 'en-US']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Result: no errors.');
  });

  it('never leaves temporary files behind in the output folder', () => {
    expect(readdirSync(tmp.dir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
