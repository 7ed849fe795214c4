import { analyze, buildSummarySheet, noticeDraft, SUMMARY_MARKER, SUMMARY_SHEET_NAME, gridFromRows } from '../../src/core';
// Means checked independently with Python's Decimal (ROUND_HALF_UP) over wenxian-2023-q3.tsv.
import { summaryText } from '../../src/i18n';
import { fixtureGrid, noticeLines } from '../support/fixtures';

describe('the 考评汇总 sheet', () => {
  const analysis = analyze(fixtureGrid(false));
  const spec = buildSummarySheet(analysis, summaryText('zh-CN'));
  const texts = spec.rows.map((r) => r.map((c) => c.value));

  it('is titled with the period and ends with the marker that identifies it', () => {
    expect(spec.name).toBe(SUMMARY_SHEET_NAME);
    expect(texts[0]).toEqual(['2023年7—9月份全县政务信息考评汇总']);
    expect(String(texts[texts.length - 1]![0])).toContain(SUMMARY_MARKER);
  });

  it('has a per-category table with counts, mean, max, min and flag counts', () => {
    const start = texts.findIndex((r) => r[0] === '类别');
    expect(texts.slice(start, start + 5)).toEqual([
      ['类别', '单位数', '平均分', '最高分', '最低分', '零报送', '基础数量不足', '质量待提高'],
      ['乡镇(街道)', 11, 123.82, 152, 60, 0, 1, 1],
      ['一类考评单位', 19, 108.47, 175.7, 0, 1, 9, 1],
      ['二类考评单位', 11, 57.9, 86.7, 10, 0, 3, 2],
      ['三类考评单位', 6, 32.82, 45.7, 25, 0, 1, 3],
    ]);
  });

  it('lists the top 3 with ties and carries the notice lines ready to copy', () => {
    const start = texts.findIndex((r) => r[0] === '二、各类别前3名（含并列）');
    const end = texts.findIndex((r, i) => i > start && r.length === 0);
    const tops = texts.slice(start + 2, end).filter((r) => r[0] === '一类考评单位');
    expect(tops.map((r) => r[2])).toEqual(['农业农村局', '人力资源和社会保障局', '经济技术开发区管委会', '科技和工业信息化局']);
    const flat = texts.map((r) => r[0]);
    for (const line of noticeLines()) expect(flat).toContain(line);
    expect(noticeDraft(analysis)).toContain('零报送单位：水利局');
  });

  it('charts the totals of each category in its own bar chart, from its own block of the data table', () => {
    expect(spec.charts.map((c) => c.title)).toEqual(['乡镇(街道)累计得分', '一类考评单位累计得分', '二类考评单位累计得分', '三类考评单位累计得分']);
    expect(spec.charts.map((c) => c.values.bottom - c.values.top + 1)).toEqual([11, 19, 11, 6]);
    for (const chart of spec.charts) {
      expect(chart.type).toBe('BarClustered');
      // A bar per unit, at least one row tall, and no two charts overlap.
      expect(chart.anchor.bottom - chart.anchor.top + 1).toBeGreaterThan(chart.values.bottom - chart.values.top + 1);
    }
    for (let i = 1; i < spec.charts.length; i++) expect(spec.charts[i]!.anchor.top).toBeGreaterThan(spec.charts[i - 1]!.anchor.bottom);
    const first = spec.charts[0]!;
    expect(texts[first.categories.top - 1]).toEqual(['类别', '名次', '单位', '累计得分']);
    expect(texts[first.categories.top]![first.categories.left]).toBe('温泉街道');
    expect(texts[first.values.top]![first.values.left]).toBe(152);
    expect(texts[spec.charts[1]!.categories.top]![2]).toBe('农业农村局');
  });

  it('prints on A4 with the period in the page header and page numbers in the footer', () => {
    expect(spec.print).toEqual({
      paperSize: 'A4',
      orientation: 'portrait',
      fitToWidth: 1,
      header: '2023年7—9月份全县政务信息考评汇总',
      footer: '第 &P 页，共 &N 页',
    });
  });

  it('keeps the findings apart, after everything handed out, under a heading marked 内部', () => {
    const flat = texts.map((r) => r[0]);
    const internal = flat.indexOf('内部：校验发现（仅供核对，不对外印发）');
    expect(internal).toBeGreaterThan(flat.indexOf('四、通报文字（可直接复制）'));
    expect(internal).toBeGreaterThan(flat.indexOf('附表：各单位累计得分'));
    expect(spec.rows[internal]![0]!.style).toBe('internal');
  });

  it('has no errors warning when the sheet has none, and one at its top and above the notice when it has', () => {
    expect(spec.rows.flat().some((c) => c.style === 'warning')).toBe(false);
    const grid = fixtureGrid(false);
    // 公安局's base score over the 二类 cap of 60 (an error), the case the issue names.
    const row = grid.values.findIndex((r) => r[0] === '公安局');
    grid.values[row]![1] = 70;
    const bad = analyze(grid);
    const errors = bad.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBe(1);
    const sheet = buildSummarySheet(bad, summaryText('zh-CN'));
    const warnings = sheet.rows.map((r, i) => [i, r[0]] as const).filter(([, c]) => c?.style === 'warning');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]![0]).toBe(2); // right under the title and subtitle
    expect(String(warnings[0]![1]!.value)).toContain(`有 1 处错误（第一处在单元格 ${errors[0]!.cell}）`);
    const notice = sheet.rows.findIndex((r) => r[0]?.value === '四、通报文字（可直接复制）');
    expect(warnings[1]![0]).toBe(notice + 1);
  });

  it('renders in English too, and without a table it still explains why', () => {
    const en = buildSummarySheet(analysis, summaryText('en-US'));
    expect(en.rows[0]![0]!.value).toBe('Government information scores 2023年7—9月份: summary');
    const none = buildSummarySheet(analyze(gridFromRows([['x']])), summaryText('zh-CN'));
    expect(none.charts).toEqual([]);
    expect(none.rows.flat().map((c) => c.value)).toContain('未找到得分表：工作表中没有包含“单位”和得分列（如“基础得分”）的表头行。');
  });
});

// #13 ledger: the whole notice and the appendix of pieces, from the golden ledger workbook.
describe('the 考评汇总 sheet with a ledger', () => {
  it('carries the golden notice line for line, section 四, and the appendix 政务信息采用条目', async () => {
    const { readFileSync } = await import('node:fs');
    const { Workbook } = await import('exceljs');
    const { gridFromWorksheet } = await import('../../src/xlsx/workbook');
    const { fixturePath } = await import('../support/fixtures');
    const wb = new Workbook();
    await wb.xlsx.readFile(fixturePath('wenxian-2023-q3-ledger.xlsx'));
    const [scores, ledger, roster] = ['7-9月得分', '信息采用登记', '单位名录'].map((n) => gridFromWorksheet(wb.getWorksheet(n)!));
    const spec = buildSummarySheet(analyze(scores!, { ledgerGrid: ledger, rosterGrid: roster }), summaryText('zh-CN'));
    const first = spec.rows.map((r) => r[0]?.value ?? null);
    const golden = readFileSync(fixturePath('wenxian-2023-q3.notice-full.txt'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    const at = first.indexOf(golden[0]!);
    expect(first.slice(at, at + golden.length)).toEqual(golden);
    expect(first).toContain('四、信息报送存在的问题');
    const appendix = first.indexOf('附：政务信息采用条目');
    expect(spec.rows[appendix + 1]!.map((c) => c.value)).toEqual(['序号', '单位', '标题', '采用情况']);
    expect(spec.rows[appendix + 2]!.map((c) => c.value)).toEqual([1, '信息室', '信息室政务信息（第1条，标题从略）', '市政府采用']);
    expect(spec.rows[appendix + 16]!.map((c) => c.value)).toEqual([15, '陈家沟景区发展中心', '陈家沟景区发展中心政务信息（第1条，标题从略）', '市政府采用']);
    expect(spec.rows[appendix + 33]!.map((c) => c.value)).toEqual([32, '北冷乡', '北冷乡约稿（标题从略）', '约稿']);
    expect(spec.rows[appendix + 34]).toEqual([]);
  });
});
