/**
 * @jest-environment jsdom
 *
 * #14 year in the pane: the 年度汇总 panel shows the whole annual notice (sections 二 and 三 from
 * the year's ledger, a renamed unit counted once through the roster alias) and saves it as a Word
 * file whose text is the notice; the quarterly notice panel says how many periods running a unit
 * has had 零报送.
 */
import JSZip from 'jszip';
import '../support/jsdomGlobals';
import { act } from 'react';
import { analyze, buildYear, gridFromRows, periodContext, type CellValue, type Grid } from '../../src/core';
import { DEFAULT_SETTINGS } from '../../src/host/port';
import { App } from '../../src/taskpane/App';
import { YearPanel } from '../../src/taskpane/components/YearPanel';
import { LocaleProvider } from '../../src/taskpane/locale';
import { mountPerTest, settle } from './dom';
import { fakeHost } from './helpers';

const mountOne = mountPerTest();

const HEADER = ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名'];
function periodGrid(name: string, title: string, units: Array<[string, number, number, number]>): Grid {
  return gridFromRows([[title], HEADER, ['一类考评单位'], ...units.map((u) => [...u] as CellValue[])], name);
}
const Q1 = periodGrid('一季度', '2023年第一季度全县政务信息得分情况', [['甲', 120, 10, 0], ['陈家沟景区管理局', 100, 0, 0], ['水利局', 0, 0, 0]]);
const Q2 = periodGrid('二季度', '2023年第二季度全县政务信息得分情况', [['甲', 100, 0, 0], ['陈家沟景区发展中心', 120, 5, 0], ['水利局', 0, 0, 0]]);
const ROSTER = gridFromRows([['单位', '类别', '别名'], ['陈家沟景区发展中心', '一类考评单位', '陈家沟景区管理局']], '单位名录');
const LEDGER = gridFromRows(
  [
    ['日期', '报送单位', '信息标题', '采用情况', '评价'],
    ['2023-02-10', '陈家沟景区管理局', '景区春节接待游客', '市政府采用', ''],
    ['2023-05-06', '陈家沟景区发展中心', '太极文化节开幕', '市政府采用', ''],
    ['2023-06-01', '甲', '文旅融合调研', '约稿', '好'],
  ],
  '信息采用登记',
);
const ADOPTED = '2023年上半年，被市政府采用信息2条，信息涉及全县1个县直单位，其中，陈家沟景区发展中心2条。完成较好的单位是陈家沟景区发展中心，报送的信息质量好、采用率高。';

function year() {
  return buildYear([{ analysis: analyze(Q1) }, { analysis: analyze(Q2) }], { workbooks: [{ ledgerGrid: LEDGER, rosterGrid: ROSTER }] });
}

describe('the year in the pane', () => {
  it('shows the annual notice and saves it as a Word file', async () => {
    const y = year();
    const saved: Array<{ bytes: Uint8Array; name: string }> = [];
    await mountOne(
      <LocaleProvider locale="zh-CN">
        <YearPanel preview={{ year: y, sheetName: '年度汇总', replaces: false, context: null }} written={null} busy={false} onWrite={() => undefined} onCancel={() => undefined} onUndo={() => undefined} save={(bytes, name) => saved.push({ bytes, name })} />
      </LocaleProvider>,
    );
    const text = document.querySelector('[data-testid="year-notice"]')?.textContent ?? '';
    expect(text.split('\n')).toEqual(expect.arrayContaining(['关于2023年上半年全县政务信息工作情况的通报', '二、被市政府信息采用情况', ADOPTED, '三、约稿完成情况']));
    await act(async () => document.querySelector<HTMLButtonElement>('[data-testid="year-save-docx"]')!.click());
    for (let i = 0; i < 40 && saved.length === 0; i++) await act(async () => new Promise((r) => setTimeout(r, 50)));
    await settle();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('关于2023年上半年全县政务信息工作情况的通报.docx');
    const xml = await (await JSZip.loadAsync(saved[0]!.bytes)).file('word/document.xml')!.async('string');
    const body = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(body).toContain(ADOPTED);
    expect(body).toContain('连续零报送单位：水利局（连续2期）');
    expect(document.querySelector('[data-testid="year-docx-result"]')?.textContent).toContain('已生成 Word 文件');
  });

  it('says in the quarterly notice panel for how many periods running a unit has had 零报送', async () => {
    const q1 = analyze(Q1);
    const q2 = analyze(Q2);
    const context = periodContext(q2, [{ analysis: q1 }, { analysis: q2 }]);
    const host = fakeHost(Q2, {
      inspect: async () => ({ ok: true, value: { sheetName: '二季度', analysis: q2, settings: DEFAULT_SETTINGS, canUndo: false, periodCandidates: ['一季度', '二季度'] } }),
      periodContext: async () => ({ ok: true, value: context }),
    });
    await mountOne(<App host={host} locale="zh-CN" />);
    for (let i = 0; i < 20 && !(document.querySelector('[data-testid="notice-lines"]')?.textContent ?? '').includes('连续'); i++) await act(async () => new Promise((r) => setTimeout(r, 25)));
    expect(document.querySelector('[data-testid="notice-lines"]')?.textContent).toContain('零报送单位：水利局（连续2期）');
  });
});
