/** #9 reading traps through the CLI and its exceljs adapter: which sheet, formulas without a value, Excel's limits. */
import { promises as fs } from 'node:fs';
import type { Workbook } from 'exceljs';
import type { JsonReport } from '../../src/cli/main';
import { buildWorkbook, readXlsx, scoreSheetRows, type XlsxCell } from '../support/xlsx';
import { run, tempDir } from './helpers';

const tmp = tempDir();
const ONE = '一类考评单位';

const table = (name: string, unit: string) => ({ name, rows: scoreSheetRows([{ name: ONE, units: [[unit, 120, 10, 0]] }]) });
const notes = { name: '说明', rows: [['本工作簿为三季度考评'], ['联系人：张三']] as XlsxCell[][] };

async function save(name: string, workbook: Workbook): Promise<string> {
  const file = tmp.file(name);
  await fs.writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

function activeTab(workbook: Workbook, index: number): void {
  workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
}

async function check(file: string, ...flags: string[]): Promise<{ code: number; report: JsonReport }> {
  const result = await run(['check', file, '--json', ...flags]);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
}

describe('7. which sheet, with no --sheet', () => {
  it('not a hidden sheet before a visible one', async () => {
    const wb = buildWorkbook([table('二季度', '甲'), table('三季度', '乙')]);
    wb.getWorksheet('二季度')!.state = 'hidden';
    activeTab(wb, 1);
    const { report } = await check(await save('hidden-first.xlsx', wb));
    expect(report.sheet).toBe('三季度');
    expect(report.findings.map((f) => f.code)).not.toContain('HIDDEN_SHEET');
  });

  it('the active sheet before the first one', async () => {
    const wb = buildWorkbook([table('一季度', '甲'), table('二季度', '乙'), table('三季度', '丙')]);
    activeTab(wb, 2);
    const { report } = await check(await save('active-third.xlsx', wb));
    expect(report.sheet).toBe('三季度');
    expect(report.categories[0]!.units.map((u) => u.name)).toEqual(['丙']);
  });

  it('a hidden sheet only when no visible one holds a table, and then with a finding', async () => {
    const wb = buildWorkbook([notes, table('三季度', '乙')]);
    wb.getWorksheet('三季度')!.state = 'veryHidden';
    const { report } = await check(await save('only-hidden.xlsx', wb));
    expect(report.sheet).toBe('三季度');
    expect(report.findings.filter((f) => f.code === 'HIDDEN_SHEET').map((f) => [f.severity, f.message])).toEqual([
      ['warning', '排名的工作表“三季度”是隐藏的工作表，请确认它就是本期得分表。'],
    ]);
  });
});

describe('1. a formula saved without its calculated value', () => {
  it('is an error naming the cell, and exit status 1, not a 0 and a wrong rank', async () => {
    const rows = scoreSheetRows([{ name: ONE, units: [['甲', { formula: '=60*2' }, 40, 0], ['乙', 120, 10, 0]] }]);
    const file = await save('uncalculated.xlsx', buildWorkbook([{ name: '三季度', rows }]));
    const { code, report } = await check(file);
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.code === 'FORMULA_NO_VALUE').map((f) => [f.severity, f.cell, f.message])).toEqual([
      ['error', 'B4', '单元格 B4（甲）的“基础得分”含公式 =60*2，但公式没有计算结果，请在 Excel 或 WPS 中打开并保存后重试。'],
    ]);
    expect(report.findings.map((f) => f.code)).not.toContain('EMPTY_SCORE');
  });
});

describe("8. Excel's limits in what the CLI writes", () => {
  it('a 基础数量不足 sentence of 35,000 characters: no cell over 32,767 characters, no row over 409 pt', async () => {
    // Long names, so the sentence passes Excel's cell limit with few rows for exceljs to write.
    const units = Array.from({ length: 1200 }, (_, i) => [`第${i + 1}号乡镇人民政府办公室信息报送工作领导小组综合科`, 60, 5, 0] as [string, XlsxCell, XlsxCell, XlsxCell]);
    const file = await save('many-below-quota.xlsx', buildWorkbook([{ name: '三季度', rows: scoreSheetRows([{ name: ONE, units }]) }]));
    const out = tmp.file('many-below-quota.out.xlsx');
    const result = await run(['summary', file, '--out', out]);
    expect(result.code).toBe(0);
    const ws = (await readXlsx(out)).getWorksheet('考评汇总')!;
    let longest = 0;
    let tallest = 0;
    let noticeText = '';
    ws.eachRow((row) => {
      tallest = Math.max(tallest, row.height ?? 0);
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') longest = Math.max(longest, cell.value.length);
      });
      const first = row.getCell(1).value;
      if (typeof first === 'string' && (noticeText !== '' || first.startsWith('基础数量不足'))) noticeText += first;
    });
    expect(longest).toBeLessThanOrEqual(32767);
    expect(tallest).toBeLessThanOrEqual(409);
    // Nothing lost: every unit is named in the rows the sentence was split over.
    expect(noticeText.length).toBeGreaterThan(32767);
    for (const [name] of [units[0]!, units[599]!, units[1199]!]) expect(noticeText).toContain(name);
    expect(noticeText.split('、').length).toBeGreaterThanOrEqual(1200);
  }, 120_000); // a loaded CI machine: the write of 1,200 units is not what this test measures
});
