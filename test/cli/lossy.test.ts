/**
 * Workbooks holding content exceljs cannot rewrite (charts, pivots, macros) are written in place
 * now, so nothing is refused or lost; lossyParts still names what a --force whole rewrite drops.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
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

describe('a workbook with a chart, a pivot table and macros', () => {
  const input = () => tmp.file('with-chart.xlsx');
  const parts = ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/vbaProject.bin'];
  beforeAll(() => writeFileSync(input(), withParts(parts)));

  it('check no longer warns about losing them', async () => {
    const result = await run(['check', input()]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('会丢失');
  });

  it('recalc writes without --force, and the parts come out byte for byte', async () => {
    const out = tmp.file('chart-out.xlsx');
    const result = await run(['recalc', input(), '--out', out]);
    expect(result.code).toBe(0);
    expect((await readXlsx(out)).worksheets[0]!.getCell('E4').value).toBe(152);
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const name of parts) expect(await zip.file(name)!.async('string')).toBe(CHART_XML);
  });
});
