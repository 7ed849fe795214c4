/** #11 item 7: the 写入公式 setting saved in an .xlsx (web extension part) is read back and used by the CLI. */
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { JsonReport } from '../../src/cli/main';
import { settingsFromJson } from '../../src/xlsx/settings';
import { readSettingsFrom, writeInPlace } from '../../src/xlsx';
import { INPUT_XLSX, run, tempDir } from '../cli/helpers';

const tmp = tempDir();

describe('写入公式 saved in the workbook', () => {
  it('is read field by field (a hand-edited value falls back)', () => {
    expect(settingsFromJson({ writeFormulas: true })).toEqual({ writeFormulas: true });
    expect(settingsFromJson({ writeFormulas: 'yes' })).toEqual({});
  });

  it('survives a write of the settings part, and the CLI then writes formulas, saying the setting came from the workbook', async () => {
    const saved = tmp.file('saved.xlsx');
    writeFileSync(saved, await writeInPlace(readFileSync(INPUT_XLSX), { sheets: [], settings: { rankMode: 'competition', topN: 3, flagColumn: true, writeFormulas: true } }));
    expect(await readSettingsFrom(readFileSync(saved))).toMatchObject({ writeFormulas: true });
    const out = tmp.file('out.xlsx');
    const result = await run(['recalc', saved, '--out', out, '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).settings!.writeFormulas).toEqual({ value: true, source: 'workbook' });
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<f>ROUND(SUM(B4:D4),2)</f><v>152</v>');
    const human = await run(['check', saved]);
    expect(human.stdout).toContain('累计得分和排名写入公式（工作簿中加载项保存的设置）');
  });
});
