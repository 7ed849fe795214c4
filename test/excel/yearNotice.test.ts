/**
 * #14 the annual notice and unit matching, through the Excel adapter on the simulated Excel and
 * through the CLI over the same workbook: one core function matches units (the roster's aliases
 * when a 单位名录 exists, else the names as the core normalises them), and both give the same
 * annual notice, sections 二 and 三 summed over the year's ledger.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { gridFromRows, type CellValue, type Grid } from '../../src/core';
import { runCli } from '../../src/cli/run';
import { SimWorkbook } from '../../src/sim';
import { writeXlsx } from '../support/xlsx';
import { tempDir } from '../cli/helpers';
import { simHost } from './simHost';

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
function periodGrid(name: string, title: string, units: Array<[string, number, number, number]>): Grid {
  return gridFromRows([[title], HEADER, ['一类考评单位'], ...units.map((u) => [...u] as CellValue[])], name);
}
const Q1 = periodGrid('一季度', '2023年第一季度全县政务信息得分情况', [['甲', 120, 10, 0], ['陈家沟景区管理局', 100, 0, 0], ['水利局', 0, 0, 0]]);
const Q2 = periodGrid('二季度', '2023年4—6月份全县政务信息得分情况', [['甲', 100, 0, 0], ['陈家沟景区发展中心', 120, 5, 0], ['水利局', 0, 0, 0]]);
const ROSTER = gridFromRows([['单位', '类别', '别名'], ['陈家沟景区发展中心', '一类考评单位', '陈家沟景区管理局']], '单位名录');
const LEDGER = gridFromRows(
  [
    ['序号', '日期', '报送单位', '信息标题', '采用情况', '评价'],
    [1, '2023-02-10', '陈家沟景区管理局', '景区春节接待游客', '市政府采用', ''],
    [2, '2023-03-01', '信息室', '全县一季度经济运行', '市政府采用', '综合'],
    [3, '2023-05-06', '陈家沟景区发展中心', '太极文化节开幕', '市政府采用', ''],
    [4, '2023-05-20', '甲', '夏粮收购', '市政府采用', ''],
    [5, '2023-06-01', '甲、陈家沟景区发展中心', '文旅融合调研', '约稿', '好'],
    // After the year's last period: left out.
    [6, '2023-08-01', '甲', '秋季招聘', '市政府采用', ''],
  ],
  '信息采用登记',
);

const ANNUAL = [
  '关于2023年上半年全县政务信息工作情况的通报',
  '一、综合采用情况',
  '2023年上半年，政务信息综合得分成绩好的单位有：',
  '一类考评单位前3名：甲（230分）、陈家沟景区发展中心（225分）、水利局（0分）',
  '二、被市政府信息采用情况',
  '2023年上半年，被市政府采用信息4条，除信息室综合报送1条外，其余信息涉及全县2个县直单位，其中，陈家沟景区发展中心2条，甲1条。完成较好的单位是陈家沟景区发展中心，报送的信息质量好、采用率高。',
  '三、约稿完成情况',
  '2023年上半年，共完成1篇约稿，涉及甲、陈家沟景区发展中心等2个县直单位。其中，完成较好的是甲、陈家沟景区发展中心，能够按照要求认真对待约稿任务，且稿件内容充实、数据详尽、条理清晰。',
  '四、信息报送存在的问题',
  '对信息不够重视。个别单位在多次通报后仍延续错误做法，连续多期零报送，严重低于政务信息考核要求的基础数量。',
  '连续零报送单位：水利局（连续2期）',
];

const tmp = tempDir();

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

async function xlsxOf(name: string, grids: Grid[]): Promise<string> {
  const file = tmp.file(name);
  await writeXlsx(file, grids.map((g) => ({ name: g.sheetName, rows: g.values })));
  return file;
}

/** A .docx's paragraphs as text (each <w:p>'s runs joined). */
async function docxParagraphs(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter((t) => t !== '');
}

describe('the annual notice and unit matching in Excel and the CLI', () => {
  test('Excel: a renamed unit is one unit through the roster alias; sections 二 and 三 count the year’s ledger', async () => {
    const wb = SimWorkbook.fromGrids([Q2, Q1, ROSTER, LEDGER]);
    const { host } = simHost(wb);
    const preview = await host.previewYear();
    if (!preview.ok) throw new Error(preview.error.key);
    const year = preview.value.year;
    expect(year.categories[0]!.units.map((u) => [u.name, u.periods])).toEqual([
      ['甲', [13000, 10000]],
      ['陈家沟景区发展中心', [10000, 12500]],
      ['水利局', [0, 0]],
    ]);
    expect(year.notice).toEqual(ANNUAL);
    // The ledger and roster are companions, not periods: not read as score sheets.
    expect(year.periods.map((p) => p.sheetName)).toEqual(['一季度', '二季度']);
  });

  test('Excel without a roster: names match as the core normalises them, a renamed unit stays two units', async () => {
    // Full-width letters and a zero-width space in one period: NFKC and invisible characters are the core's identity.
    const q1 = periodGrid('一季度', '2023年第一季度全县政务信息得分情况', [['ＸＹ局\u200b', 120, 10, 0], ['陈家沟景区管理局', 100, 0, 0]]);
    const q2 = periodGrid('二季度', '2023年第二季度全县政务信息得分情况', [['XY局', 100, 0, 0], ['陈家沟景区发展中心', 120, 5, 0]]);
    const wb = SimWorkbook.fromGrids([q2, q1]);
    const { host } = simHost(wb);
    const preview = await host.previewYear();
    if (!preview.ok) throw new Error(preview.error.key);
    const units = preview.value.year.categories[0]!.units;
    expect(units.find((u) => u.name === 'XY局')?.periods).toEqual([13000, 10000]);
    expect(units.find((u) => u.name === '陈家沟景区发展中心')?.periods).toEqual([null, 12500]);
    expect(units.find((u) => u.name === '陈家沟景区管理局')?.periods).toEqual([10000, null]);
    expect(preview.value.year.findings).toContainEqual(expect.objectContaining({ code: 'UNIT_MISSING_IN_PERIOD', unit: '陈家沟景区管理局' }));

    // The CLI over the same workbook matches the same way.
    const file = await xlsxOf('no-roster.xlsx', [q2, q1]);
    const doc = JSON.parse((await cli(['year', file, '--json'])).stdout);
    expect(doc.categories[0].units.map((u: { name: string; periods: unknown[] }) => [u.name, u.periods])).toEqual(
      units.map((u) => [u.name, u.periods.map((v) => (v === null ? null : v / 100))]),
    );
  });

  test('CLI: the same annual notice in --json, and --docx writes it as a Word file', async () => {
    const file = await xlsxOf('year-ledger.xlsx', [Q2, Q1, ROSTER, LEDGER]);
    const out = tmp.file('annual.docx');
    const run = await cli(['year', file, '--json', '--docx', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).notice).toEqual(ANNUAL);
    const paragraphs = await docxParagraphs(out);
    for (const line of ANNUAL) expect(paragraphs).toContain(line);
    // The year's table is the 附件: each unit's total per period, the year total and rank.
    expect(paragraphs).toContain('附件：2023年上半年全县政务信息得分情况');
    expect(paragraphs).toEqual(expect.arrayContaining(['陈家沟景区发展中心', '100', '125', '225']));
  });

  test('CLI: a ledger error keeps the Word file unwritten unless --force, which marks it', async () => {
    const bad = gridFromRows([...LEDGER.values.slice(0, 2), [7, '2023-13-45', '甲', '日期写错', '市政府采用', '']], '信息采用登记');
    const file = await xlsxOf('year-bad-ledger.xlsx', [Q2, Q1, ROSTER, bad]);
    const out = tmp.file('annual-bad.docx');
    const blocked = await cli(['year', file, '--docx', out]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain(`未写入 ${out}`);
    expect(() => readFileSync(out)).toThrow();
    const forced = await cli(['year', file, '--docx', out, '--force']);
    expect(forced.code).toBe(1);
    const paragraphs = await docxParagraphs(out);
    expect(paragraphs[0]).toBe('【注意：各期得分表或采用登记存在1处错误，本稿仅供核对，请修正后重新生成。】');
  });

  test('Excel reads the other period sheets several to a sync, and one by one when Excel refuses that as too large', async () => {
    const months = (n: number, name: (i: number) => string) =>
      Array.from({ length: n }, (_, m) => periodGrid(`${m + 1}月`, `2023年${m + 1}月全县政务信息得分情况`, Array.from({ length: 40 }, (_, i) => [name(i), 100 + m, i % 7, 0] as [string, number, number, number])));
    const small = SimWorkbook.fromGrids(months(9, (i) => `单位${i}`), 8);
    const quickSetup = simHost(small);
    const quick = await quickSetup.host.previewYear();
    if (!quick.ok) throw new Error(quick.error.key);
    expect(quick.value.year.periods).toHaveLength(9);
    // The active sheet and the names, then 8 other sheets four to a sync.
    expect(quickSetup.reported('previewYear')).toBe(3);
    expect(small.syncCount).toBe(3);

    // Long names: four first blocks together pass the limit, so Excel refuses; each alone is read in blocks.
    const heavy = SimWorkbook.fromGrids(months(5, (i) => `${'很长的单位名称'.repeat(30)}${i}`), 4);
    heavy.payloadLimit = 60_000;
    const slow = await simHost(heavy, { payloadBudget: 50_000 }).host.previewYear();
    if (!slow.ok) throw new Error(slow.error.key);
    expect(slow.value.year.periods.map((p) => p.sheetName)).toEqual(['1月', '2月', '3月', '4月', '5月']);
    expect(slow.value.year.categories[0]!.units[0]!.totalCents).toBe((100 + 101 + 102 + 103 + 104 + 6 * 5) * 100);
    expect(heavy.syncLog.some((s) => !s.ok)).toBe(true);
    expect(heavy.syncLog.filter((s) => s.ok).every((s) => s.responseBytes <= 60_000)).toBe(true);
  });

  test('with a points table, every period’s 采用得分 comes from its own pieces, in Excel and the CLI alike', async () => {
    const rules = gridFromRows([['采用情况', '分值'], ['市政府采用', 10], ['约稿', 5]], '考评规则');
    const wb = SimWorkbook.fromGrids([Q2, Q1, ROSTER, LEDGER, rules]);
    const preview = await simHost(wb).host.previewYear();
    if (!preview.ok) throw new Error(preview.error.key);
    const excel = preview.value.year.categories[0]!.units.map((u) => [u.name, u.periods]);
    // 一季度: 陈家沟 1 piece (10); 二季度: 陈家沟 1 piece + half a 约稿 (12.5), 甲 1 piece + half a 约稿 (12.5).
    expect(excel).toEqual([
      ['陈家沟景区发展中心', [11000, 13250]],
      ['甲', [12000, 11250]],
      ['水利局', [0, 0]],
    ]);
    const file = await xlsxOf('year-points.xlsx', [Q2, Q1, ROSTER, LEDGER, rules]);
    const doc = JSON.parse((await cli(['year', file, '--json'])).stdout);
    expect(doc.categories[0].units.map((u: { name: string; periods: Array<number | null> }) => [u.name, u.periods.map((v) => (v === null ? null : Math.round(v * 100)))])).toEqual(excel);
  });
});
