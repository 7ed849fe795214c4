/** Workbooks holding content exceljs cannot rewrite (charts, pivots, macros) are not silently damaged. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { JsonReport } from '../../src/cli/main';
import { lossyParts, zipEntryNames } from '../../src/cli/xlsxParts';
import { readXlsx } from '../support/xlsx';
import { INPUT_XLSX, run, tempDir } from './helpers';
import { addZipEntry } from './zip';

const tmp = tempDir();
const CHART_XML = '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';

function withParts(names: string[]): Buffer {
  return names.reduce<Buffer>((zip, name) => addZipEntry(zip, name, CHART_XML), readFileSync(INPUT_XLSX));
}

describe('lossyParts', () => {
  it('lists the entries of a real .xlsx and finds nothing lossy in the plain fixture', () => {
    const names = zipEntryNames(readFileSync(INPUT_XLSX));
    expect(names).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml']));
    expect(lossyParts(readFileSync(INPUT_XLSX))).toEqual([]);
  });

  it('names charts, pivot tables and macros', () => {
    expect(lossyParts(withParts(['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/vbaProject.bin']))).toEqual(['chart', 'pivot', 'macro']);
  });

  it('answers null for bytes that are not a zip', () => {
    expect(zipEntryNames(Buffer.from('not a zip at all, just text'))).toBeNull();
  });
});

describe('a workbook with a chart', () => {
  const input = () => tmp.file('with-chart.xlsx');
  beforeAll(() => writeFileSync(input(), withParts(['xl/charts/chart1.xml'])));

  it('check reads it and warns that writing a copy would lose the chart', async () => {
    const result = await run(['check', input()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('注意：本工作簿含有图表');
  });

  it('recalc refuses to write a copy without the chart: exit 2, no file', async () => {
    const out = tmp.file('chart-out.xlsx');
    const result = await run(['recalc', input(), '--out', out, '--json']);
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as JsonReport).error).toEqual({ code: 'WOULD_LOSE_CONTENT', message: expect.stringContaining('含有图表') });
    expect(existsSync(out)).toBe(false);
  });

  it('recalc --force writes it and says the chart is not in the copy', async () => {
    const out = tmp.file('chart-forced.xlsx');
    const result = await run(['recalc', input(), '--out', out, '--force']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('输出文件中没有原工作簿的图表');
    expect((await readXlsx(out)).worksheets[0]!.getCell('E4').value).toBe(152);
  });
});
