/** Golden tests on the real table (温县 2023 Q3), through the whole CLI and the written file. */
import { readFileSync } from 'node:fs';
import type { JsonReport } from '../../src/cli/main';
import { readXlsx } from '../support/xlsx';
import { fixture, INPUT_XLSX, parsePublishedTsv, parseReadmeFlags, PUBLISHED_XLSX, run, tempDir } from './helpers';

const published = parsePublishedTsv(readFileSync(fixture('wenxian-2023-q3.tsv'), 'utf8'));
const noticeLines = readFileSync(fixture('wenxian-2023-q3.notice.txt'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
const readmeFlags = parseReadmeFlags(readFileSync(fixture('README.md'), 'utf8'));
const FLAG_OF_LABEL: Record<string, string> = { 零报送: 'ZERO_SUBMISSION', 质量待提高: 'LOW_QUALITY', 基础数量不足: 'BELOW_QUOTA' };

const tmp = tempDir();

describe('recalc on wenxian-2023-q3-input.xlsx', () => {
  let report: JsonReport;
  let out: string;

  beforeAll(async () => {
    out = tmp.file('recalc.xlsx');
    const result = await run(['recalc', INPUT_XLSX, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    report = JSON.parse(result.stdout) as JsonReport;
  });

  it('the fixture files parse into the expected shapes', () => {
    expect(published.size).toBe(47);
    expect([...readmeFlags.keys()]).toEqual(['零报送', '质量待提高', '基础数量不足']);
  });

  it('reports every published total and rank, in its category and row', () => {
    const units = report.categories.flatMap((c) => c.units.map((u) => ({ ...u, category: c.name })));
    expect(units).toHaveLength(published.size);
    for (const u of units) {
      const expected = published.get(u.name);
      expect({ unit: u.name, category: u.category, total: u.total, rank: u.rank }).toEqual({
        unit: u.name,
        category: expected?.category,
        total: expected?.total,
        rank: expected?.rank,
      });
    }
    expect(units.find((u) => u.name === '温泉街道')?.row).toBe(4);
    expect(units.find((u) => u.name === '公共资源交易中心')?.row).toBe(53);
  });

  it('writes every published total and rank into the 累计得分 and 排名 cells of the copy', async () => {
    const ws = (await readXlsx(out)).getWorksheet('7-9月得分')!;
    let seen = 0;
    ws.eachRow((row) => {
      const name = row.getCell(1).value;
      const expected = typeof name === 'string' ? published.get(name) : undefined;
      if (!expected) return;
      seen++;
      expect([name, row.getCell(5).value, row.getCell(6).value]).toEqual([name, expected.total, expected.rank]);
    });
    expect(seen).toBe(published.size);
  });

  it('gives exactly the three flag lists of the fixtures README', () => {
    const units = report.categories.flatMap((c) => c.units);
    for (const [label, expected] of readmeFlags) {
      const code = FLAG_OF_LABEL[label]!;
      expect({ label, units: units.filter((u) => u.flags.includes(code)).map((u) => u.name) }).toEqual({ label, units: expected });
    }
  });

  it('writes the flags into a 标记 column after the table', async () => {
    const ws = (await readXlsx(out)).getWorksheet('7-9月得分')!;
    expect(ws.getCell('G2').value).toBe('标记');
    expect(ws.getCell('G52').value).toBe('质量待提高'); // 气象局
    expect(ws.getCell('G42').value).toBe('质量待提高'); // 审计局
    expect(ws.getCell('G4').value).toBeNull(); // 温泉街道 has no flag
  });

  it('gives the notice lines exactly, line for line', () => {
    expect(report.notice).toEqual(noticeLines);
  });

  it('finds no errors on the real table', () => {
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.written).toEqual({ path: out, cells: expect.any(Number), summarySheet: null });
  });
});

describe('check on the published wenxian-2023-q3.xlsx', () => {
  it('reports no errors and no total or rank mismatch', async () => {
    const result = await run(['check', PUBLISHED_XLSX, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.filter((f) => f.severity === 'error' || f.code === 'TOTAL_MISMATCH' || f.code === 'RANK_MISMATCH')).toEqual([]);
    expect(report.written).toBeNull();
  });

  it('prints a readable Chinese report without --json', async () => {
    const result = await run(['check', PUBLISHED_XLSX]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('工作表：7-9月得分（表头在第 2 行，4 个类别，47 个单位）');
    expect(result.stdout).toContain('排名方式：并列占位（1,2,2,4）');
    for (const line of noticeLines) expect(result.stdout).toContain(line);
    expect(result.stdout).toContain('零报送（1）：水利局');
    expect(result.stdout).toContain('结论：未发现错误。');
  });

  it('finds mismatches when the published totals and ranks were edited', async () => {
    const wb = await readXlsx(PUBLISHED_XLSX);
    const ws = wb.worksheets[0]!;
    ws.getCell('E5').value = 135.3; // 张羌街道, published 135.4
    ws.getCell('F6').value = 2; // 祥云镇, published 3
    const file = tmp.file('edited.xlsx');
    await wb.xlsx.writeFile(file);
    const report = JSON.parse((await run(['check', file, '--json'])).stdout) as JsonReport;
    const mismatches = report.findings.filter((f) => f.code === 'TOTAL_MISMATCH' || f.code === 'RANK_MISMATCH').map((f) => [f.code, f.cell, f.unit]);
    expect(mismatches).toEqual([
      ['TOTAL_MISMATCH', 'E5', '张羌街道'],
      ['RANK_MISMATCH', 'F6', '祥云镇'],
    ]);
  });
});
