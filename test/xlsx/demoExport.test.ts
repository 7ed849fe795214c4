/**
 * The browser edition's download goes through the same in-place writer: after the pane's
 * 重新计算排名 and 生成汇总表 on the simulated workbook, the downloaded file keeps every other part
 * byte for byte, carries the settings the pane saved, and its summary ranks tell the same story.
 */
import { loadXlsx, exportXlsx } from '../../src/demo/xlsx';
import { readSettingsFrom } from '../../src/xlsx';
import { simHost } from '../excel/simHost';
import { readXlsx } from '../support/xlsx';
import { buildCorpus, entries } from './corpus';
import { tempDir } from '../cli/helpers';
import { writeFileSync } from 'node:fs';

const tmp = tempDir();

describe('exportXlsx writes in place', () => {
  let input: Buffer;
  let output: Uint8Array;

  beforeAll(async () => {
    input = await buildCorpus({ macro: true });
    const bytes = input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer;
    const loaded = await loadXlsx(bytes);
    const { host } = simHost(loaded.workbook);
    expect((await host.saveSettings({ rankMode: 'dense', topN: 3, flagColumn: true })).ok).toBe(true);
    expect((await host.recalcNow()).ok).toBe(true);
    expect((await host.writeSummary()).ok).toBe(true);
    output = new Uint8Array(await (await exportXlsx(loaded, 'zh-CN')).arrayBuffer());
  }, 60_000);

  it('keeps every part it did not have to change byte for byte', async () => {
    const before = await entries(input);
    const after = await entries(output);
    for (const name of before.keys()) expect(after.has(name)).toBe(true);
    const changed = [...before.keys()].filter((n) => !after.get(n)!.equals(before.get(n)!)).sort();
    // Bookkeeping for the new sheets and our web extension; of the sheets, only the score sheet.
    expect(changed).toEqual(['[Content_Types].xml', 'docProps/app.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/webextensions/_rels/taskpanes.xml.rels', 'xl/webextensions/taskpanes.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort());
    const added = [...after.keys()].filter((n) => !before.has(n)).sort();
    expect(added).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/webextensions/webextension2.xml']));
    // The add-in's undo record stays out of sight, as the pane made it.
    expect(after.get('xl/workbook.xml')!.toString('utf8')).toMatch(/<sheet name="__scorecard_undo" sheetId="\d+" state="veryHidden"/);
    for (const name of ['xl/vbaProject.bin', 'xl/graphs/chart7.xml', 'xl/webextensions/webextension1.xml', 'xl/worksheets/sheet2.xml']) expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
  });

  it('saves the settings the pane saved, and the summary and ranks follow them', async () => {
    expect(await readSettingsFrom(output)).toEqual({ rankMode: 'dense', topN: 3, flagColumn: true });
    const file = tmp.file('demo.xlsm');
    writeFileSync(file, output);
    const wb = await readXlsx(file);
    const summary = wb.getWorksheet('考评汇总')!;
    expect(String(summary.getCell('A2').value)).toContain('并列不占位');
    const score = wb.getWorksheet('7-9月得分')!;
    expect(score.getCell('E4').value).toBe(152);
    // 卫生健康委 follows a tie for 3rd in its category: 4th when ties do not take places.
    let rank: unknown = null;
    score.eachRow((row) => {
      if (row.getCell(1).value === '卫生健康委') rank = row.getCell(6).value;
    });
    expect(rank).toBe(4);
  });
});
