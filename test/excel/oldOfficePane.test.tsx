/** @jest-environment jsdom */
/** #11 item 8 in the pane, over the real adapter on the simulated Excel of each Office: what is left out, or why nothing works. */
import '../support/jsdomGlobals';
import { App } from '../../src/taskpane/App';
import { SimWorkbook } from '../../src/sim';
import { act } from 'react';
import { button, click, mount, settle, type Mounted } from '../taskpane/dom';
import { sampleGrid } from '../taskpane/helpers';
import { simHost } from './simHost';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

async function paneOn(set: string, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const wb = SimWorkbook.fromGrids([sampleGrid()]);
  wb.requirements = { ExcelApi: set };
  const { host } = simHost(wb, { displayLanguage: locale });
  mounted = await mount(<App host={host} locale={locale} />);
  return wb;
}

const limits = () => document.querySelector('[data-testid="office-limits"]')?.textContent ?? null;

describe('the pane on older Office', () => {
  test('Office 2019 (ExcelApi 1.7): the table is shown, and the features left out are listed with the Office that has them', async () => {
    const wb = await paneOn('1.7');
    expect(document.querySelector('[data-testid="table-card"]')?.textContent).toContain('得分表');
    const text = limits();
    expect(text).toContain('这台电脑上的 Excel 版本较旧，以下功能不可用，其余照常');
    expect(text).toContain('生成的汇总表不带打印设置（A4 纸、页眉页脚、页码）');
    expect(text).toContain('需要 Office LTSC 2021 或更新版本，ExcelApi 1.9');
    expect(text).toContain('看不到合并单元格');
    expect(text).toContain('一步退回需要 Microsoft 365，ExcelApi 1.20');
    expect(wb.apiNotFound).toEqual([]);
  });

  test('the same list in English', async () => {
    await paneOn('1.7', 'en-US');
    expect(limits()).toContain('The summary sheet is written without print setup');
    expect(limits()).toContain('needs Office LTSC 2021 or later, ExcelApi 1.13');
  });

  test('LTSC 2021 (ExcelApi 1.14) lists only the one-step Ctrl+Z; Microsoft 365 lists nothing', async () => {
    await paneOn('1.14');
    expect(limits()).toContain('Excel 自带的撤销（Ctrl+Z）要按多次');
    expect(limits()).not.toContain('打印设置');
    mounted?.unmount();
    document.body.innerHTML = '';
    await paneOn('1.20');
    expect(document.querySelector('[data-testid="table-card"]')).not.toBeNull();
    expect(limits()).toBeNull();
  });

  test('an Excel older than Office 2019: the pane says which Office is needed, and nothing is read', async () => {
    const wb = await paneOn('1.6');
    expect(document.body.textContent).toContain('考评助手需要 Office 2019 或更新版本（ExcelApi 1.7）');
    expect(wb.syncCount).toBe(0);
    expect(wb.apiNotFound).toEqual([]);
  });
});

describe("the add-in's own writes are not the user's edits", () => {
  const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const note = () => document.querySelector('[data-testid="edit-note"]')?.textContent ?? null;

  // Excel raises worksheet.onChanged for the add-in's writes too; only from ExcelApi 1.14 does the
  // event say they were the add-in's (triggerSource), so before it the host sets them apart itself.
  test.each(['1.7', '1.14', '1.20'])('ExcelApi %s: after 重新计算排名 the pane does not say the sheet was edited; a typed cell still is', async (set) => {
    const wb = SimWorkbook.fromGrids([sampleGrid()]);
    wb.requirements = { ExcelApi: set };
    const { host } = simHost(wb, { ownWriteEchoMs: 150 });
    mounted = await mount(<App host={host} locale="zh-CN" editDebounceMs={0} />);
    await click(button('重新计算排名'));
    await click(button('写入'));
    await wait(50);
    await settle();
    expect(document.querySelector('[data-testid="result"]')?.textContent).toContain('已更新');
    expect(note()).toBeNull();
    await wait(200);
    const sheet = wb.sheets[0]!.name;
    act(() => wb.userEdit(sheet, 'C5', 40));
    await wait(20);
    await settle();
    expect(note()).toContain('单元格 C5 已修改');
  });
});
