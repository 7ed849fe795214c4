/** `scorecard summary`: the 考评汇总 sheet, and regenerating it without touching a user's sheet. */
import { readFileSync } from 'node:fs';
import type { Worksheet } from 'exceljs';
import { SUMMARY_MARKER } from '../../src/core';
import type { JsonReport } from '../../src/cli/main';
import { readXlsx } from '../support/xlsx';
import { fixture, INPUT_XLSX, run, tempDir } from './helpers';

const tmp = tempDir();
const noticeLines = readFileSync(fixture('wenxian-2023-q3.notice.txt'), 'utf8').split(/\r?\n/).filter((l) => l !== '');

function texts(ws: Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && out.push(cell.value))));
  return out;
}

describe('summary on the real table', () => {
  let out: string;

  beforeAll(async () => {
    out = tmp.file('summary.xlsx');
    const result = await run(['summary', INPUT_XLSX, '--out', out, '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).written).toEqual({ path: out, cells: 47 + 47 + 22 + 1, summarySheet: '考评汇总' }); // totals, ranks, flagged units, 标记 header
  });

  it('adds 考评汇总 after the score sheet, which also gets its totals and ranks', async () => {
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['7-9月得分', '考评汇总']);
    expect(wb.worksheets[0]!.getCell('E4').value).toBe(152);
  });

  it('holds the notice lines, the flag lists and the marker in its footer', async () => {
    const ws = (await readXlsx(out)).getWorksheet('考评汇总')!;
    const all = texts(ws);
    for (const line of noticeLines) expect(all).toContain(line);
    expect(all).toContain('零报送单位：水利局');
    expect(all.some((t) => t.startsWith('2023年7—9月份'))).toBe(true);
    const lastRow = ws.getRow(ws.actualRowCount === 0 ? 1 : ws.rowCount);
    expect(String(lastRow.getCell(1).value)).toContain(SUMMARY_MARKER);
  });

  it('looks like an office document: 宋体 title merged across, bordered tables, A4 portrait fit to width', async () => {
    const ws = (await readXlsx(out)).getWorksheet('考评汇总')!;
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(ws.model.merges).toContain('A1:H1');
    const header = ws.getCell('A5');
    expect(header.font).toMatchObject({ name: '宋体', bold: true });
    expect(header.border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect([ws.getColumn(1).width, ws.getColumn(3).width]).toEqual([20, 26]); // unit names sit in the wide column C
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const noticeRow = findRow(ws, noticeLines[0]!);
    expect(noticeRow).toBeGreaterThan(0);
    expect(ws.getRow(noticeRow).getCell(1).font).toMatchObject({ name: '仿宋' });
    expect(ws.model.merges).toContain(`A${noticeRow}:H${noticeRow}`);
  });

  it('says in the report that the summary has its chart', async () => {
    const result = await run(['summary', INPUT_XLSX, '--out', tmp.file('summary-text.xlsx')]);
    expect(result.stdout).toContain('已新增工作表“考评汇总”');
    expect(result.stdout).toContain('汇总表含原生 Excel 图表');
  });
});

function findRow(ws: Worksheet, text: string): number {
  let found = 0;
  ws.eachRow((row, n) => row.eachCell((cell) => void (cell.value === text && (found = n))));
  return found;
}

describe('regenerating the summary', () => {
  it('replaces only its own sheet, in place, and the score sheet is read again, not the summary', async () => {
    const first = tmp.file('first.xlsx');
    const second = tmp.file('second.xlsx');
    expect((await run(['summary', INPUT_XLSX, '--out', first])).code).toBe(0);
    const withNotes = await readXlsx(first);
    withNotes.addWorksheet('备注').getCell('A1').value = '备注';
    await withNotes.xlsx.writeFile(first);
    const result = await run(['summary', first, '--out', second, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.sheet).toBe('7-9月得分');
    expect(report.written?.summarySheet).toBe('考评汇总');
    const wb = await readXlsx(second);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['7-9月得分', '考评汇总', '备注']);
    const human = await run(['summary', first, '--out', tmp.file('third.xlsx')]);
    expect(human.stdout).toContain('已更新本工具此前生成的工作表“考评汇总”');
  });

  it('keeps a user sheet named 考评汇总 and writes ours as 考评汇总(2), then replaces only (2)', async () => {
    const wb = await readXlsx(INPUT_XLSX);
    const mine = wb.addWorksheet('考评汇总');
    mine.getCell('A1').value = '科里自己的汇总，请勿覆盖';
    mine.getCell('B2').value = 42;
    const input = tmp.file('user-summary.xlsx');
    await wb.xlsx.writeFile(input);

    const once = tmp.file('user-summary-1.xlsx');
    const first = await run(['summary', input, '--out', once]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('汇总表另存为“考评汇总(2)”');
    const twice = tmp.file('user-summary-2.xlsx');
    expect((await run(['summary', once, '--out', twice])).code).toBe(0);

    for (const file of [once, twice]) {
      const result = await readXlsx(file);
      expect(result.worksheets.map((ws) => ws.name)).toEqual(['7-9月得分', '考评汇总', '考评汇总(2)']);
      const user = result.getWorksheet('考评汇总')!;
      expect([user.getCell('A1').value, user.getCell('B2').value, user.rowCount]).toEqual(['科里自己的汇总，请勿覆盖', 42, 2]);
      expect(texts(result.getWorksheet('考评汇总(2)')!)).toContain(noticeLines[0]);
    }
  });
});
