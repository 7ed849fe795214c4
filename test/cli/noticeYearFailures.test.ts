/**
 * `scorecard notice` and `scorecard year` end every expected failure as a step's problem: exit
 * status 2, the Chinese (or English) message on stderr, and with --json one document carrying
 * what was made so far and the error's code. Nothing is left half-written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { nodeFileSystem, type CliFileSystem } from '../../src/cli/files';
import { INPUT_XLSX, run, tempDir } from './helpers';

const tmp = tempDir();

/** Writes fail as a full disk does; nothing else changes. */
const fullDisk: CliFileSystem = {
  ...nodeFileSystem,
  writeFile: async () => {
    throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  },
};

async function noTableWorkbook(): Promise<string> {
  const file = tmp.file('说明.xlsx');
  const wb = new Workbook();
  wb.addWorksheet('说明').addRows([['这里没有得分表'], ['只有说明']]);
  await wb.xlsx.writeFile(file);
  return file;
}

async function twoQuarters(): Promise<string> {
  const file = tmp.file('两季度.xlsx');
  const wb = new Workbook();
  const quarter = (name: string, title: string, rows: Array<[string, number, number, number]>) =>
    wb.addWorksheet(name).addRows([[title], ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'], ['一类考评单位'], ...rows]);
  quarter('一季度', '2023年第一季度全县政务信息得分情况', [['甲', 120, 10, 0], ['乙', 100, 0, 0]]);
  quarter('二季度', '2023年4—6月份全县政务信息得分情况', [['甲', 100, 0, 0], ['乙', 120, 5, 0]]);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('scorecard notice: expected failures', () => {
  it.each([
    [[], '缺少输入文件（.xlsx）。'],
    [[INPUT_XLSX, 'b.xlsx'], '多余的参数“b.xlsx”：一次只处理一个输入文件。'],
    [[INPUT_XLSX, '--bogus'], '未知选项“--bogus”。'],
  ])('usage %j: status 2, the message and the hint', async (args, message) => {
    const { code, stdout, stderr } = await run(['notice', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n运行 scorecard --help 查看用法。\n`);
  });

  it('a workbook without a score table: status 2 naming the sheets checked, in JSON with no notice', async () => {
    const file = await noTableWorkbook();
    const text = await run(['notice', file]);
    expect(text.code).toBe(2);
    expect(text.stderr).toBe('未找到得分表：没有哪个工作表含有“单位”和得分列（如“基础得分”）的表头行。已检查的工作表：“说明”\n');
    const json = await run(['notice', file, '--json', '--lang', 'en-US']);
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.stdout) as { sections: unknown[]; error: { code: string; message: string } };
    expect(doc.sections).toEqual([]);
    expect(doc.error.code).toBe('NO_SCORE_TABLE');
    expect(json.stderr).toBe(`${doc.error.message}\n`);
  });

  it('the Word file cannot be written: WRITE_FAILED naming the path, the notice still in the JSON, no file left', async () => {
    const docx = tmp.file('通报.docx');
    const { code, stdout, stderr } = await run(['notice', INPUT_XLSX, '--docx', docx, '--json'], { fs: fullDisk });
    expect(code).toBe(2);
    expect(stderr).toBe(`无法写入 ${docx}：ENOSPC: no space left on device。未留下任何不完整的文件。\n`);
    const doc = JSON.parse(stdout) as { title: string; error: { code: string } };
    expect(doc.title).toBe('关于三季度全县政务信息工作情况的通报');
    expect(doc.error.code).toBe('WRITE_FAILED');
    expect(existsSync(docx)).toBe(false);
  });
});

describe('scorecard year: expected failures', () => {
  it.each([
    [[], '缺少输入文件（.xlsx）。'],
    [['a.xlsx', '--rank', 'x'], '排名方式“x”无效：请使用 competition（并列占位）或 dense（并列不占位）。'],
  ])('usage %j: status 2, the message and the hint, one JSON document', async (args, message) => {
    const { code, stdout, stderr } = await run(['year', ...args, '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ periods: [], categories: [], findings: [], notice: [], error: { code: 'USAGE', message } });
    expect(stderr).toBe(`${message}\n运行 scorecard --help 查看用法。\n`);
  });

  it('--out or --docx naming an input: SAME_FILE, nothing read or written', async () => {
    const input = await twoQuarters();
    for (const option of ['--out', '--docx']) {
      const { code, stderr } = await run(['year', input, option, input]);
      expect(code).toBe(2);
      expect(stderr).toBe(`输出文件不能与输入文件相同（${input}）：为保护原表，不会覆盖输入文件。请用 --out 指定另一个文件名。\n`);
    }
  });

  it('a missing input among several: NOT_FOUND naming it', async () => {
    const input = await twoQuarters();
    const missing = tmp.file('没有.xlsx');
    const { code, stderr } = await run(['year', input, missing]);
    expect(code).toBe(2);
    expect(stderr).toBe(`找不到文件：${missing}\n`);
  });

  it.each(['--out', '--docx'])('%s cannot be written: WRITE_FAILED, the year still in the JSON, no file left', async (option) => {
    const input = await twoQuarters();
    const target = tmp.file(option === '--out' ? '年度.xlsx' : '年度.docx');
    const { code, stdout, stderr } = await run(['year', input, option, target, '--json'], { fs: fullDisk });
    expect(code).toBe(2);
    expect(stderr).toBe(`无法写入 ${target}：ENOSPC: no space left on device。未留下任何不完整的文件。\n`);
    const doc = JSON.parse(stdout) as { periods: string[]; error: { code: string } };
    expect(doc.periods).toEqual(['2023年第一季度', '2023年4—6月份']);
    expect(doc.error.code).toBe('WRITE_FAILED');
    expect(readdirSync(tmp.dir()).filter((f) => f.startsWith('年度'))).toEqual([]);
  });
});
