/**
 * docProps/app.xml follows the sheet list: a sheet added in place is listed, a sheet deleted
 * (the browser edition's undo record, a regenerated summary) is no longer listed, with the
 * HeadingPairs counts and vector sizes to match; LibreOffice opens the result.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { writeInPlace } from '../../src/xlsx';
import { addAppTitle, removeAppTitles } from '../../src/xlsx/appProps';
import { tempDir } from '../cli/helpers';

const tmp = tempDir();

const APP = (pairs: string, size: number, titles: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="${size}" baseType="variant">${pairs}</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`;
const pair = (name: string, n: number) => `<vt:variant><vt:lpstr>${name}</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;

/** The groups and titles an app.xml lists. */
function listed(xml: string): { groups: Array<[string, number]>; titles: string[]; sizes: [number, number] } {
  const groups: Array<[string, number]> = [];
  const re = /<vt:lpstr>([^<]*)<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>(\d+)<\/vt:i4>/g;
  const heading = /<HeadingPairs>([\s\S]*)<\/HeadingPairs>/.exec(xml)![1]!;
  for (let m = re.exec(heading); m; m = re.exec(heading)) groups.push([m[1]!, Number(m[2])]);
  const titlesXml = /<TitlesOfParts>([\s\S]*)<\/TitlesOfParts>/.exec(xml)![1]!;
  const titles = [...titlesXml.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]!);
  const size = (s: string) => Number(/size="(\d+)"/.exec(s)![1]);
  return { groups, titles, sizes: [size(heading), size(titlesXml)] };
}

describe('docProps/app.xml', () => {
  it('loses a deleted sheet and the named ranges on it; an emptied group goes with its pair', () => {
    const xml = APP(pair('Worksheets', 3) + pair('Named Ranges', 2), 4, ['7-9月得分', '__scorecard_undo', '考评汇总', "'考评汇总'!Print_Titles", '7-9月得分!基础分']);
    expect(listed(removeAppTitles(xml, new Set(['__scorecard_undo', '考评汇总']))!)).toEqual({
      groups: [['Worksheets', 1], ['Named Ranges', 1]],
      titles: ['7-9月得分', '7-9月得分!基础分'],
      sizes: [4, 2],
    });
    expect(listed(removeAppTitles(xml, new Set(['7-9月得分']))!)).toEqual({
      groups: [['Worksheets', 2], ['Named Ranges', 1]],
      titles: ['__scorecard_undo', '考评汇总', "'考评汇总'!Print_Titles"],
      sizes: [4, 3],
    });
    const onlyNamed = APP(pair('Worksheets', 2) + pair('Named Ranges', 1), 4, ['A', 'B', 'B!X']);
    expect(listed(removeAppTitles(onlyNamed, new Set(['B']))!)).toEqual({ groups: [['Worksheets', 1]], titles: ['A'], sizes: [2, 1] });
  });

  it('gains a new sheet at the end of the worksheets group, before the named ranges', () => {
    const xml = APP(pair('工作表', 1) + pair('命名范围', 1), 4, ['得分', '得分!Print_Area']);
    expect(listed(addAppTitle(xml, '考评汇总')!)).toEqual({ groups: [['工作表', 2], ['命名范围', 1]], titles: ['得分', '考评汇总', '得分!Print_Area'], sizes: [4, 3] });
  });

  it('leaves a part shaped otherwise alone (counts that do not add up)', () => {
    const odd = APP(pair('Worksheets', 5), 2, ['A']);
    expect(removeAppTitles(odd, new Set(['A']))).toBeNull();
    expect(addAppTitle(odd, 'B')).toBeNull();
  });

  it('a workbook written in place with a sheet deleted lists the rest, and LibreOffice opens it', async () => {
    const wb = new Workbook();
    wb.addWorksheet('得分').getCell('A1').value = '单位';
    wb.addWorksheet('__scorecard_undo', { state: 'veryHidden' }).getCell('A1').value = '{}';
    wb.addWorksheet('备注').getCell('A1').value = '说明';
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = listed(await (await JSZip.loadAsync(input)).file('docProps/app.xml')!.async('string'));
    expect(before.titles).toEqual(['得分', '__scorecard_undo', '备注']);

    const out = await writeInPlace(input, { sheets: [], removeSheets: ['__scorecard_undo'] });
    const zip = await JSZip.loadAsync(out);
    expect(listed(await zip.file('docProps/app.xml')!.async('string'))).toEqual({ groups: [[before.groups[0]![0], 2]], titles: ['得分', '备注'], sizes: [2, 2] });
    expect(await zip.file('xl/workbook.xml')!.async('string')).not.toContain('__scorecard_undo');

    const file = tmp.file('deleted.xlsx');
    writeFileSync(file, out);
    const csvDir = path.join(tmp.dir(), 'csv');
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(tmp.dir(), 'lo-profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, file],
      { stdio: 'ignore', timeout: 240_000 },
    );
    const csvs = readdirSync(csvDir).sort();
    expect(csvs).toEqual(['deleted-备注.csv', 'deleted-得分.csv']);
    expect(readFileSync(path.join(csvDir, 'deleted-得分.csv'), 'utf8').trim()).toBe('单位');
  }, 300_000);
});
