/**
 * Writing in place through the CLI: every part other than the ones the run must change comes
 * out byte for byte, and the score sheet differs only in the planned cells (#10 item 1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { JsonReport } from '../../src/cli/main';
import { readXlsx } from '../support/xlsx';
import { run, tempDir } from '../cli/helpers';
import { buildCorpus, entries, SCORE_SHEET_EXTRAS, SHEET_VIEWS } from './corpus';

const tmp = tempDir();
const SCORE = 'xl/worksheets/sheet1.xml';

/** The sheet XML with the given cells taken out, and the two used-range hints (dimension, row spans) blanked. */
function withoutCells(xml: string, refs: ReadonlySet<string>): string {
  return xml
    .replace(/<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/g, (m, ref: string) => (refs.has(ref) ? '' : m))
    .replace(/<dimension ref="[^"]*"\/>/, '<dimension/>')
    .replace(/ spans="\d+:\d+"/g, '');
}

function plannedRefs(report: JsonReport): Set<string> {
  // Totals in E, ranks in F, the 标记 column G (header G2) on every unit row: the cells the plan may write.
  const refs = new Set<string>(['G2']);
  for (const c of report.categories) for (const u of c.units) for (const col of ['E', 'F', 'G']) refs.add(`${col}${u.row}`);
  return refs;
}

describe('recalc on a workbook with every kind of part (.xlsm)', () => {
  let input: string;
  let out: string;
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  let report: JsonReport;

  beforeAll(async () => {
    input = tmp.file('corpus.xlsm');
    out = tmp.file('corpus-recalc.xlsm');
    writeFileSync(input, await buildCorpus({ macro: true }));
    const result = await run(['recalc', input, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    report = JSON.parse(result.stdout) as JsonReport;
    before = await entries(readFileSync(input));
    after = await entries(readFileSync(out));
  });

  it('writes the output, where it used to refuse charts, pivot caches and macros', () => {
    expect(report.written?.cells).toBe(117);
    expect(existsSync(out)).toBe(true);
  });

  it('changes the score sheet part only: every other part is byte for byte the same', () => {
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after.keys()].filter((name) => !after.get(name)!.equals(before.get(name)!));
    expect(changed).toEqual([SCORE]);
    for (const name of ['xl/vbaProject.bin', 'xl/graphs/chart7.xml', 'xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml', 'xl/webextensions/webextension1.xml', 'xl/worksheets/sheet2.xml', 'xl/pivotCache/pivotCacheDefinition1.xml']) {
      expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    }
  });

  it('keeps every element of the score sheet outside the planned cells as it was', () => {
    const oldXml = before.get(SCORE)!.toString('utf8');
    const newXml = after.get(SCORE)!.toString('utf8');
    const refs = plannedRefs(report);
    expect(withoutCells(newXml, refs)).toBe(withoutCells(oldXml, refs));
    for (const extra of [...Object.values(SCORE_SHEET_EXTRAS), SHEET_VIEWS]) expect(newXml).toContain(extra);
    // The used-range hints grow to take in the new 标记 column G.
    expect(newXml).toContain('<dimension ref="A1:G53"/>');
    expect(newXml).toContain('spans="1:7"');
  });

  it('writes the planned values with the cells’ own look, and the 标记 column with its left neighbour’s', async () => {
    const xml = after.get(SCORE)!.toString('utf8');
    expect(xml).toContain('<c r="E4" s="3"><v>152</v></c>');
    expect(xml).toContain('<c r="F4" s="3"><v>1</v></c>');
    expect(xml).toContain('<c r="G2" s="2" t="inlineStr"><is><t>标记</t></is></c>');
    const ws = (await readXlsx(out)).getWorksheet('7-9月得分')!;
    expect(ws.getCell('E4').value).toBe(152);
    expect(ws.getCell('G2').value).toBe('标记');
    const flagged = report.categories.flatMap((c) => c.units).find((u) => u.flags.length > 0)!;
    expect(xml).toMatch(new RegExp(`<c r="G${flagged.row}" s="3" t="inlineStr">`));
    expect(ws.getCell(`G${flagged.row}`).style.border).toEqual(ws.getCell(`F${flagged.row}`).style.border);
  });
});

describe('summary on the same workbook', () => {
  let input: string;
  let out: string;
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;

  beforeAll(async () => {
    input = tmp.file('corpus-s.xlsx');
    out = tmp.file('corpus-summary.xlsx');
    writeFileSync(input, await buildCorpus());
    const result = await run(['summary', input, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已新增工作表“考评汇总”');
    before = await entries(readFileSync(input));
    after = await entries(readFileSync(out));
  });

  it('adds the summary part with its drawing and native chart, and edits only the bookkeeping', () => {
    const added = [...after.keys()].filter((n) => !before.has(n)).sort();
    // One chart per category of the real table (four), each in its own part.
    expect(added).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml', 'xl/drawings/_rels/drawing2.xml.rels', 'xl/drawings/drawing2.xml', 'xl/worksheets/_rels/sheet3.xml.rels', 'xl/worksheets/sheet3.xml']);
    const changed = [...before.keys()].filter((n) => !after.get(n)!.equals(before.get(n)!)).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'docProps/app.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', SCORE].sort());
  });

  it('keeps the workbook’s protection, defined names (scope, hidden) and hidden sheet', () => {
    const wb = after.get('xl/workbook.xml')!.toString('utf8');
    const old = before.get('xl/workbook.xml')!.toString('utf8');
    expect(wb.replace(/<sheet name="考评汇总" sheetId="3" r:id="rId\d+"\/>/, '')).toBe(old);
    expect(wb).toContain('<workbookProtection workbookPassword="CC1A" lockStructure="1"/>');
    expect(wb).toContain('<definedName name="基础分" localSheetId="0">');
    expect(wb).toContain('<sheet name="说明" sheetId="2" state="hidden" r:id="rId90"/>');
  });

  it('each chart is a clustered bar chart of one category’s totals, anchored on the sheet', () => {
    const chart = after.get('xl/charts/chart1.xml')!.toString('utf8');
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    // 乡镇(街道) has 11 units; the four charts together hold all 47.
    expect(chart).toContain('<c:ptCount val="11"/>');
    expect(chart).toContain('乡镇(街道)');
    const counts = [1, 2, 3, 4].map((n) => Number(/<c:ptCount val="(\d+)"\/>/.exec(after.get(`xl/charts/chart${n}.xml`)!.toString('utf8'))![1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(47);
    expect(chart).toMatch(/<c:f>'考评汇总'!\$C\$\d+:\$C\$\d+<\/c:f>/);
    expect(after.get('xl/worksheets/sheet3.xml')!.toString('utf8')).toContain('<drawing r:id="rId1"/>');
    expect(after.get('xl/drawings/_rels/drawing2.xml.rels')!.toString('utf8')).toContain('Target="../charts/chart1.xml"');
  });

  it('the summary keeps its look: 宋体/仿宋, borders, widths, A4 fit to one page wide', async () => {
    const ws = (await readXlsx(out)).getWorksheet('考评汇总')!;
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(ws.getCell('A2').font).toMatchObject({ name: '仿宋', size: 12 });
    expect(ws.getCell('A5').border?.top?.style).toBe('thin');
    expect(ws.getColumn(3).width).toBe(26);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const sheet = after.get('xl/worksheets/sheet3.xml')!.toString('utf8');
    expect(sheet).not.toContain('<f>');
  });

  it('a second run replaces only its own summary: the other parts stay as the first run left them', async () => {
    const again = tmp.file('corpus-summary-2.xlsx');
    const result = await run(['summary', out, '--out', again, '--rank', 'dense']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已更新本工具此前生成的工作表“考评汇总”');
    const third = await entries(readFileSync(again));
    expect([...third.keys()].sort()).toEqual([...after.keys()].sort());
    const changed = [...after.keys()].filter((n) => !third.get(n)!.equals(after.get(n)!)).sort();
    // Dense ranks change some rank cells of the score sheet; the summary sheet and styles are
    // redrawn. The charts plot totals, which dense ranks leave as they were, so their parts stay.
    expect(changed).toEqual(['xl/styles.xml', 'xl/worksheets/sheet3.xml', SCORE].sort());
    const wb = await readXlsx(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['7-9月得分', '说明', '考评汇总']);
  });
});

describe('settings the add-in saved in the workbook (#9 item 14)', () => {
  let input: string;
  beforeAll(async () => {
    input = tmp.file('with-settings.xlsx');
    writeFileSync(input, await buildCorpus({ settings: { rankMode: 'dense', topN: 5, flagColumn: false } }));
  });

  it('check ranks with them and says where they came from', async () => {
    const result = await run(['check', input, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.settings).toEqual({
      rankMode: { value: 'dense', source: 'workbook' },
      topN: { value: 5, source: 'workbook' },
      flagColumn: { value: false, source: 'workbook' },
      writeFormulas: { value: false, source: 'default' },
    });
    // 经济技术开发区管委会 and 科技和工业信息化局 tie at 3; dense gives the next unit 4, not 5.
    const units = report.categories[1]!.units;
    expect(units.find((u) => u.name === '卫生健康委')!.rank).toBe(4);
    const human = await run(['check', input]);
    expect(human.stdout).toContain('使用的设置：排名方式 并列不占位（工作簿中加载项保存的设置）；通报前 5 名（工作簿中加载项保存的设置）；标记列 不写入（工作簿中加载项保存的设置）');
  });

  it('a flag overrides the saved setting, and is reported as the command line’s', async () => {
    const report = JSON.parse((await run(['check', input, '--json', '--rank', 'competition'])).stdout) as JsonReport;
    expect(report.settings!.rankMode).toEqual({ value: 'competition', source: 'option' });
    expect(report.categories[1]!.units.find((u) => u.name === '卫生健康委')!.rank).toBe(5);
  });

  it('recalc follows the saved flag-column setting: no 标记 column', async () => {
    const out = tmp.file('settings-recalc.xlsx');
    const result = await run(['recalc', input, '--out', out, '--json']);
    expect(result.code).toBe(0);
    const xml = (await entries(readFileSync(out))).get(SCORE)!.toString('utf8');
    expect(xml).not.toContain('r="G2"');
  });

  it('without saved settings the defaults are reported as defaults', async () => {
    const plain = tmp.file('plain.xlsx');
    writeFileSync(plain, await buildCorpus());
    const report = JSON.parse((await run(['check', plain, '--json'])).stdout) as JsonReport;
    expect(report.settings).toEqual({
      rankMode: { value: 'competition', source: 'default' },
      topN: { value: 3, source: 'default' },
      flagColumn: { value: true, source: 'default' },
      writeFormulas: { value: false, source: 'default' },
    });
  });
});

describe('what still cannot be written in place', () => {
  // A 标记 column filled by an array formula: the flag the plan writes would change part of an array, which Excel refuses.
  const arrayCorpus = () =>
    buildCorpus({
      scoreSheet: (xml) =>
        xml
          .replace('<c r="F2" s="2" t="s"><v>6</v></c>', '<c r="F2" s="2" t="s"><v>6</v></c><c r="G2" s="2" t="inlineStr"><is><t>标记</t></is></c>')
          .replace('<c r="F4" s="3"/>', '<c r="F4" s="3"/><c r="G4" s="3" t="str"><f t="array" ref="G4">"待查"</f><v>待查</v></c>'),
    });

  it('is refused with exit 2 and a message naming the cell; nothing is written', async () => {
    const input = tmp.file('array.xlsx');
    writeFileSync(input, await arrayCorpus());
    const out = tmp.file('array-out.xlsx');
    const result = await run(['recalc', input, '--out', out, '--json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.error?.code).toBe('CANNOT_WRITE_IN_PLACE');
    expect(report.error?.message).toContain('G4 属于数组公式');
    expect(existsSync(out)).toBe(false);
  });

  it('--force rewrites the whole workbook and says what the copy lost', async () => {
    const input = tmp.file('array2.xlsx');
    writeFileSync(input, await arrayCorpus());
    const out = tmp.file('array-forced.xlsx');
    const result = await run(['recalc', input, '--out', out, '--force']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('因使用了 --force 已改用整体重写，输出文件中没有原工作簿的数据透视表');
    expect(existsSync(out)).toBe(true);
  });
});
