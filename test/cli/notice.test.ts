/**
 * #13 ledger: `scorecard notice` over the golden ledger workbook, --docx with and without
 * errors, and `recalc` filling 采用得分 from a points table in 考评规则.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { fixture, run, tempDir } from './helpers';

const LEDGER_XLSX = fixture('wenxian-2023-q3-ledger.xlsx');
const GOLDEN = readFileSync(fixture('wenxian-2023-q3.notice-full.txt'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
const tmp = tempDir();

interface NoticeJson {
  sheet: string;
  period: string;
  title: string;
  sections: Array<{ heading: string; lines: string[] }>;
  findings: Array<{ severity: string; code: string; cell: string | null; sheet: string | null; message: string }>;
}

/** The golden workbook with a change made to it, saved under a temp name. */
async function variant(name: string, change: (wb: Workbook) => void): Promise<string> {
  const wb = new Workbook();
  await wb.xlsx.readFile(LEDGER_XLSX);
  change(wb);
  const file = tmp.file(name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('scorecard notice', () => {
  it('--json gives the golden title and sections 一 to 三, and 四 names 水利局 and 文化广电和旅游局', async () => {
    const { code, stdout } = await run(['notice', LEDGER_XLSX, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as NoticeJson;
    expect(Object.keys(doc)).toEqual(['sheet', 'period', 'title', 'sections', 'findings']);
    expect(doc.sheet).toBe('7-9月得分');
    expect(doc.period).toBe('2023年7—9月份');
    const lines = [doc.title, ...doc.sections.slice(0, 3).flatMap((s) => [s.heading, ...s.lines])];
    expect(lines).toEqual(GOLDEN);
    const four = doc.sections[3]!;
    expect(four.heading).toBe('四、信息报送存在的问题');
    const text = four.lines.join('\n');
    expect(text).toContain('如水利局，');
    expect(text).toContain('文化广电和旅游局');
    expect(text).toContain('【待补充：');
    expect(doc.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('prints the notice as text, and writes the Word file with --docx', async () => {
    const out = tmp.file('notice.docx');
    const { code, stdout } = await run(['notice', LEDGER_XLSX, '--docx', out]);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, GOLDEN.length)).toEqual(GOLDEN);
    expect(stdout).toContain(`已写入 Word 文件：${out}`);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('关于三季度全县政务信息工作情况的通报');
  });

  it('without a ledger, leaves 二 and 三 out and says how to add one', async () => {
    const { code, stdout } = await run(['notice', fixture('wenxian-2023-q3-input.xlsx')]);
    expect(code).toBe(0);
    expect(stdout).toContain('二、信息报送存在的问题');
    expect(stdout).not.toContain('约稿完成情况');
    expect(stdout).toContain('未找到采用登记');
  });

  it('with errors in the ledger, exits 1 and writes no .docx unless --force, which marks the file', async () => {
    const input = await variant('bad-date.xlsx', (wb) => {
      wb.getWorksheet('信息采用登记')!.getCell('B3').value = '七月八日';
    });
    const out = tmp.file('bad.docx');
    const blocked = await run(['notice', input, '--docx', out, '--json']);
    expect(blocked.code).toBe(1);
    const doc = JSON.parse(blocked.stdout) as NoticeJson;
    expect(doc.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet, f.cell])).toEqual([['LEDGER_BAD_DATE', '信息采用登记', 'B3']]);
    expect(doc.findings[0]!.message).toContain('信息采用登记!B3');
    expect(existsSync(out)).toBe(false);
    expect(blocked.stderr).toContain('未写入');

    const forced = await run(['notice', input, '--docx', out, '--force']);
    expect(forced.code).toBe(1);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('【注意：得分表存在1处错误');
  });

  it('fails with exit status 2 on a missing file, in the JSON form too', async () => {
    const { code, stdout } = await run(['notice', tmp.file('missing.xlsx'), '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('NOT_FOUND');
  });
});

describe('recalc with a points table', () => {
  it('fills 采用得分 from the ledger, totals follow, and the JSON counts the cells', async () => {
    const input = await variant('points.xlsx', (wb) => {
      const rules = wb.addWorksheet('考评规则');
      rules.addRows([['采用情况', '分值'], ['市政府采用', 10], ['约稿', 5]]);
    });
    const out = tmp.file('points-out.xlsx');
    const { code, stdout } = await run(['recalc', input, '--out', out, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: Array<{ code: string; cell: string }> };
    expect(report.findings.filter((f) => f.code === 'ADOPTION_MISMATCH').length).toBeGreaterThan(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('7-9月得分')!;
    const row = (unit: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === unit) return r;
      throw new Error(unit);
    };
    // 科技和工业信息化局: 3 city pieces and one 约稿 = 35; 水利局: nothing = 0.
    const tech = row('科技和工业信息化局');
    expect(ws.getCell(tech, 3).value).toBe(35);
    expect(ws.getCell(tech, 5).value).toBe(95 + 35);
    expect(ws.getCell(row('水利局'), 3).value).toBe(0);
    // 陈家沟景区管理局 (the table's name) gets the pieces of 陈家沟景区发展中心 through the roster.
    expect(ws.getCell(row('陈家沟景区管理局'), 3).value).toBe(10);
  });
});
