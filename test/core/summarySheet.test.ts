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

  it('charts every unit total from its own data table, inside the sheet', () => {
    expect(spec.chart).not.toBeNull();
    const { categories, values } = spec.chart!;
    expect(values.bottom - values.top + 1).toBe(47);
    expect(texts[categories.top - 1]).toEqual(['类别', '名次', '单位', '累计得分']);
    expect(texts[categories.top]![categories.left]).toBe('温泉街道');
    expect(texts[values.top]![values.left]).toBe(152);
    expect(spec.print).toEqual({ paperSize: 'A4', orientation: 'portrait', fitToWidth: 1 });
  });

  it('renders in English too, and without a table it still explains why', () => {
    const en = buildSummarySheet(analysis, summaryText('en-US'));
    expect(en.rows[0]![0]!.value).toBe('Government information scores 2023年7—9月份: summary');
    const none = buildSummarySheet(analyze(gridFromRows([['x']])), summaryText('zh-CN'));
    expect(none.chart).toBeNull();
    expect(none.rows.flat().map((c) => c.value)).toContain('未找到得分表：工作表中没有包含“单位”和得分列（如“基础得分”）的表头行。');
  });
});
