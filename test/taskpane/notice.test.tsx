/**
 * @jest-environment jsdom
 *
 * #13 ledger: the pane over the golden ledger workbook: the notice panel shows the golden
 * title and sections, the table card names the ledger and the roster, a ledger finding selects
 * its cell on the ledger sheet, and the Word file is offered as a download.
 */
import { readFileSync } from 'node:fs';
import '../support/jsdomGlobals';
import { act } from 'react';
import { Workbook } from 'exceljs';
import { analyze, gridFromRows, type Grid } from '../../src/core';
import { gridFromWorksheet } from '../../src/xlsx/workbook';
import { DEFAULT_SETTINGS, type Inspection } from '../../src/host/port';
import { App } from '../../src/taskpane/App';
import { fixturePath } from '../support/fixtures';
import { button, mountPerTest, settle } from './dom';
import { fakeHost } from './helpers';

const mountOne = mountPerTest();

let grids: Record<string, Grid> = {};
beforeAll(async () => {
  const wb = new Workbook();
  await wb.xlsx.load(readFileSync(fixturePath('wenxian-2023-q3-ledger.xlsx')) as unknown as ArrayBuffer);
  grids = Object.fromEntries(wb.worksheets.map((ws) => [ws.name, gridFromWorksheet(ws)]));
});

function inspection(ledger: Grid | null = grids['信息采用登记']!): Inspection {
  const score = grids['7-9月得分']!;
  return { sheetName: score.sheetName, analysis: analyze(score, { ledgerGrid: ledger, rosterGrid: grids['单位名录'] }), settings: DEFAULT_SETTINGS, canUndo: false };
}

const GOLDEN = readFileSync(fixturePath('wenxian-2023-q3.notice-full.txt'), 'utf8').split(/\r?\n/).filter((l) => l !== '');

describe('the notice in the pane', () => {
  it('shows the golden title and sections 一 to 三, then 四', async () => {
    const host = fakeHost(grids['7-9月得分']!, { inspect: async () => ({ ok: true, value: inspection() }) });
    await mountOne(<App host={host} locale="zh-CN" />);
    const text = document.querySelector('[data-testid="notice-lines"]')?.textContent ?? '';
    expect(text.split('\n').slice(0, GOLDEN.length)).toEqual(GOLDEN);
    expect(text).toContain('四、信息报送存在的问题');
    expect(text).toContain('如水利局，');
    expect(document.querySelector('[data-testid="ledger-hint"]')).toBeNull();
  });

  it('says in the table card which ledger and roster were found', async () => {
    const host = fakeHost(grids['7-9月得分']!, { inspect: async () => ({ ok: true, value: inspection() }) });
    await mountOne(<App host={host} locale="zh-CN" />);
    expect(document.querySelector('[data-testid="table-ledger"]')?.textContent).toBe('工作表“信息采用登记”，32 条，计入 32 条；只计 2023-07-01 至 2023-09-30 的条目');
    expect(document.querySelector('[data-testid="table-roster"]')?.textContent).toBe('工作表“单位名录”');
  });

  it('without a ledger, leaves 二 and 三 out and says how to add one', async () => {
    const host = fakeHost(grids['7-9月得分']!, { inspect: async () => ({ ok: true, value: inspection(null) }) });
    await mountOne(<App host={host} locale="zh-CN" />);
    expect(document.querySelector('[data-testid="notice-lines"]')?.textContent).not.toContain('约稿完成情况');
    expect(document.querySelector('[data-testid="ledger-hint"]')?.textContent).toContain('信息采用登记');
    expect(document.querySelector('[data-testid="table-ledger"]')?.textContent).toContain('未找到');
  });

  it('points a ledger finding at its cell on the ledger sheet, with unknown names in the card', async () => {
    const ledger = gridFromRows([['日期', '报送单位', '采用情况'], ['2023-07-03', '农业局', '市政府采用']], '信息采用登记');
    const host = fakeHost(grids['7-9月得分']!, { inspect: async () => ({ ok: true, value: inspection(ledger) }) });
    await mountOne(<App host={host} locale="zh-CN" />);
    expect(document.querySelector('[data-testid="table-ledger"]')?.textContent).toContain('名录中没有：农业局');
    const finding = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="finding"]')].find((b) => b.textContent?.includes('农业局'))!;
    await act(async () => finding.click());
    await settle();
    expect(host.calls.selectCell).toEqual([['信息采用登记', 'B2']]);
  });

  it('offers the notice as a Word file download', async () => {
    const blobs: Blob[] = [];
    const urls = URL as unknown as { createObjectURL: (b: Blob) => string; revokeObjectURL: (u: string) => void };
    urls.createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:notice';
    };
    urls.revokeObjectURL = () => undefined;
    let downloaded = '';
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    const host = fakeHost(grids['7-9月得分']!, { inspect: async () => ({ ok: true, value: inspection() }) });
    await mountOne(<App host={host} locale="zh-CN" />);
    await act(async () => button('保存为 Word 文件').click());
    for (let i = 0; i < 20 && blobs.length === 0; i++) await act(async () => new Promise((r) => setTimeout(r, 50)));
    await settle();
    click.mockRestore();
    expect(downloaded).toBe('关于三季度全县政务信息工作情况的通报.docx');
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(blobs[0]!.size).toBeGreaterThan(5000);
    expect(document.body.textContent).toContain('已生成 Word 文件');
  });
});
