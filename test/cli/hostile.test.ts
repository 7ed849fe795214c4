/** Text that begins with = + - @ is written as text by the CLI, never as a formula. */
import { ValueType } from 'exceljs';
import type { JsonReport } from '../../src/cli/main';
import { readXlsx, scoreSheetRows, writeXlsx } from '../support/xlsx';
import { run, tempDir } from './helpers';

const tmp = tempDir();
const HOSTILE_UNITS = ['=1+1', '+x', '-x', '@x', '=HYPERLINK("http://example.invalid","点我")'];
const HOSTILE_CATEGORY = '=SUM(1,2)';

describe('hostile names', () => {
  let out: string;
  let report: JsonReport;

  beforeAll(async () => {
    const input = tmp.file('hostile.xlsx');
    await writeXlsx(input, [
      {
        name: '得分',
        rows: scoreSheetRows([
          { name: '三类考评单位', units: HOSTILE_UNITS.slice(0, 3).map((name, i): [string, number, number, number] => [name, 30, 5 * i, 0]) },
          { name: HOSTILE_CATEGORY, units: HOSTILE_UNITS.slice(3).map((name, i): [string, number, number, number] => [name, 20, 5 * i, 1]) },
        ]),
        // Category rows merged across the table, as the office keeps them.
        merges: ['A1:F1', 'A3:F3', 'A7:F7'],
      },
    ]);
    out = tmp.file('hostile-out.xlsx');
    const result = await run(['summary', input, '--out', out, '--json']);
    expect(result.code).toBe(0);
    report = JSON.parse(result.stdout) as JsonReport;
  });

  it('reads the names as they are', () => {
    expect(report.categories.map((c) => c.name)).toEqual(['三类考评单位', HOSTILE_CATEGORY]);
    expect(report.categories.flatMap((c) => c.units.map((u) => u.name))).toEqual(HOSTILE_UNITS);
  });

  it('leaves no formula anywhere in the written workbook', async () => {
    const wb = await readXlsx(out);
    const formulas: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ValueType.Formula && formulas.push(`${ws.name}!${cell.address}`))));
    }
    expect(formulas).toEqual([]);
  });

  it('writes the names into the summary sheet as text', async () => {
    const ws = (await readXlsx(out)).getWorksheet('考评汇总')!;
    const strings = new Set<string>();
    ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ValueType.String && strings.add(String(cell.value)))));
    for (const name of [...HOSTILE_UNITS, HOSTILE_CATEGORY]) expect([name, strings.has(name)]).toEqual([name, true]);
    // The notice line joins names into text; it must not start a formula either.
    expect([...strings].some((s) => s.startsWith(`${HOSTILE_CATEGORY}前3名：`))).toBe(true);
  });

  it('keeps the names in the score sheet as text', async () => {
    const ws = (await readXlsx(out)).getWorksheet('得分')!;
    expect([ws.getCell('A4').type, ws.getCell('A4').value]).toEqual([ValueType.String, '=1+1']);
  });
});
