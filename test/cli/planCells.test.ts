/** #9 item 10 through the CLI: what used to end in exit 2 INTERNAL is a finding naming the cell. */
import { existsSync } from 'node:fs';
import type { JsonReport } from '../../src/cli/main';
import { readXlsx, scoreSheetRows, writeXlsx, type XlsxCell } from '../support/xlsx';
import { run, tempDir } from './helpers';

const tmp = tempDir();
const table = () => scoreSheetRows([{ name: '一类考评单位', units: [['温泉街道', 40, 10, 0], ['城关镇', 30, 5, 0], ['县公安局', 20, 0, 0]] }]);
const codes = (r: JsonReport) => r.findings.map((f) => `${f.code}@${f.cell}`);

describe('recalc around merged cells and the sheet edge', () => {
  it('a merge beside the table where 标记 would go (G2:G5): exit 0, 标记 goes to column H', async () => {
    const input = tmp.file('merged-beside.xlsx');
    await writeXlsx(input, [{ name: '得分', rows: table(), merges: ['A1:F1', 'A3:F3', 'G2:G5'] }]);
    const out = tmp.file('merged-beside-out.xlsx');
    const result = await run(['recalc', input, '--out', out, '--json']);
    expect(result.code).toBe(0);
    const ws = (await readXlsx(out)).getWorksheet('得分')!;
    expect(ws.getCell('H2').value).toBe('标记');
    expect(ws.getCell('E4').value).toBe(50);
  });

  it('merged 累计得分 cells (E4:E5): exit 1, an error naming each cell, nothing written', async () => {
    const input = tmp.file('merged-total.xlsx');
    await writeXlsx(input, [{ name: '得分', rows: table(), merges: ['A1:F1', 'A3:F3', 'E4:E5'] }]);
    const out = tmp.file('merged-total-out.xlsx');
    const result = await run(['recalc', input, '--out', out, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.error).toBeUndefined();
    expect(codes(report)).toEqual(expect.arrayContaining(['MERGED_OUTPUT_CELL@E4', 'MERGED_OUTPUT_CELL@E5']));
    expect(report.findings.find((f) => f.cell === 'E5')!.message).toContain('合并单元格 E4:E5');
    expect(existsSync(out)).toBe(false);
  });

  it('a header word in column XFD: exit 0, a warning that 标记 was left out, totals written', async () => {
    const rows = table();
    const header: XlsxCell[] = [...rows[1]!, ...new Array<XlsxCell>(16_384 - 1 - rows[1]!.length).fill(null), '备注'];
    rows[1] = header;
    const input = tmp.file('xfd-header.xlsx');
    await writeXlsx(input, [{ name: '得分', rows, merges: ['A1:F1', 'A3:F3'] }]);
    const out = tmp.file('xfd-header-out.xlsx');
    const result = await run(['recalc', input, '--out', out, '--json']);
    expect(result.code).toBe(0);
    expect(codes(JSON.parse(result.stdout) as JsonReport)).toContain('FLAG_COLUMN_SKIPPED@XFD2');
    const ws = (await readXlsx(out)).getWorksheet('得分')!;
    expect(ws.getCell('E4').value).toBe(50);
    expect(ws.getCell('F4').value).toBe(1);
  });
});
