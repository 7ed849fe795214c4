/** @jest-environment jsdom */
import { act } from 'react';
import { SUMMARY_MARKER } from '../../src/core';
import { App } from '../../src/taskpane/App';
import type { Inspection } from '../../src/excel/contract';
import { formatFinding } from '../../src/i18n';
import { button, click, mount, settle, type Mounted } from './dom';
import { HOSTILE, fakeHost, inspectionOf, sampleGrid } from './helpers';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

describe('task pane', () => {
  it('shows the detected table: sheet, period, categories with unit counts and rules', async () => {
    const host = fakeHost(sampleGrid());
    mounted = await mount(<App host={host} locale="zh-CN" />);
    const card = document.querySelector('[data-testid="table-card"]');
    expect(card?.textContent).toContain('得分表');
    expect(card?.textContent).toContain('2023年7—9月份');
    expect(card?.textContent).toContain('乡镇(街道)：3 个单位');
    expect(card?.textContent).toContain('二类考评单位：2 个单位');
    expect(card?.textContent).toContain('基础得分上限 120');
    expect(card?.textContent).toContain('基础得分上限 60');
    expect(card?.textContent).toContain('并列占位（1,2,2,4）');
    expect(host.calls.inspect.length).toBe(1);
  });

  it('shows hostile unit names as text, never as markup', async () => {
    mounted = await mount(<App host={fakeHost(sampleGrid())} locale="zh-CN" />);
    const flags = document.querySelector('[data-testid="flags"]');
    expect(flags?.textContent).toContain(HOSTILE);
    expect(flags?.textContent).toContain('<script>alert(2)</script>');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('gives a clear reason when the sheet holds no score table', async () => {
    const empty = { sheetName: '封面', originRow: 0, originCol: 0, values: [['关于政务信息工作的通报']] };
    mounted = await mount(<App host={fakeHost(empty)} locale="zh-CN" />);
    const none = document.querySelector('[data-testid="table-none"]');
    expect(none?.textContent).toContain('当前工作表中没有识别到得分表');
    expect(none?.textContent).toContain('封面');
    expect(none?.textContent).toContain('未找到得分表');
    expect(button('重新计算排名').disabled).toBe(true);
  });

  it('says so, without the generic hint, on the add-in\'s own summary sheet', async () => {
    const summary = { sheetName: '考评汇总', originRow: 0, originCol: 0, values: [['类别', '名次', '单位', '累计得分'], [`${SUMMARY_MARKER}，重新生成时将被替换。`]] };
    mounted = await mount(<App host={fakeHost(summary)} locale="zh-CN" />);
    const none = document.querySelector('[data-testid="table-none"]');
    expect(none?.textContent).toContain('这是本助手生成的“考评汇总”表，不是得分表');
    expect(none?.textContent).not.toContain('请切换到包含“单位”');
  });

  it('groups findings by severity and selects a finding\'s cell when clicked', async () => {
    const grid = sampleGrid([['财政局', 130, 7, 0, '', '']]);
    const host = fakeHost(grid);
    mounted = await mount(<App host={host} locale="zh-CN" />);
    const findings = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="finding"]')];
    expect(findings.length).toBeGreaterThan(0);
    const overCap = findings.find((b) => b.dataset.cell === 'B10');
    expect(overCap?.textContent).toContain('财政局');
    await click(overCap!);
    expect(host.calls.selectCell).toContainEqual(['得分表', 'B10']);
    const headers = [...document.querySelectorAll('[data-testid="findings"] button[aria-expanded]')].map((b) => b.textContent);
    expect(headers[0]).toContain('错误');
  });

  it('previews a recalculation, writes only after confirming, and reports the result', async () => {
    const host = fakeHost(sampleGrid());
    mounted = await mount(<App host={host} locale="zh-CN" />);
    await click(button('重新计算排名'));
    await settle();
    expect(host.calls.previewRecalc.length).toBe(1);
    const dialog = document.querySelector('[data-testid="preview-dialog"]');
    expect(dialog?.textContent).toMatch(/将在工作表“得分表”中写入 \d+ 个单元格/);
    expect(dialog?.textContent).toContain('温泉街道');
    expect(dialog?.textContent).toContain('温泉街道空 → 152空 → 1');
    expect(host.calls.applyRecalc.length).toBe(0);
    await click(button('写入'));
    expect(host.calls.applyRecalc.length).toBe(1);
    expect(document.querySelector('[data-testid="result"]')?.textContent).toMatch(/已写入 \d+ 个单元格/);
    // The pane reads the sheet again after writing.
    expect(host.calls.inspect.length).toBe(2);
  });

  it('cancelling the preview writes nothing', async () => {
    const host = fakeHost(sampleGrid());
    mounted = await mount(<App host={host} locale="zh-CN" />);
    await click(button('重新计算排名'));
    await settle();
    await click(button('取消'));
    expect(host.calls.applyRecalc.length).toBe(0);
    expect(document.querySelector('[data-testid="preview-dialog"]')).toBeNull();
  });

  it('shows a host failure as an error message naming the Office code', async () => {
    const host = fakeHost(sampleGrid(), {
      writeSummary: async () => ({ ok: false, message: { key: 'ui.result.failed' }, officeCode: 'InvalidOperation' }),
    });
    mounted = await mount(<App host={host} locale="zh-CN" />);
    await click(button('生成汇总表'));
    const result = document.querySelector('[data-testid="result"]');
    expect(result?.textContent).toContain('操作未完成，表格未被修改。');
    expect(result?.textContent).toContain('InvalidOperation');
  });

  it('turns a thrown host error into a message instead of a blank pane', async () => {
    const grid = sampleGrid();
    const host = fakeHost(grid, {
      inspect: async () => ({ ok: true, value: { ...inspectionOf(grid), canUndo: true } }),
      undoLast: async () => Promise.reject(new Error('boom')),
    });
    mounted = await mount(<App host={host} locale="zh-CN" />);
    await click(button('撤销上次计算'));
    expect(host.calls.undoLast.length).toBe(1);
    expect(document.querySelector('[data-testid="result"]')?.textContent).toContain('发生意外错误：boom');
  });

  it('offers 撤销上次计算 only when the workbook holds an undo record', async () => {
    mounted = await mount(<App host={fakeHost(sampleGrid())} locale="zh-CN" />);
    expect(button('撤销上次计算').disabled).toBe(true);
  });

  it('saves settings with the plain rank-mode labels', async () => {
    const host = fakeHost(sampleGrid());
    mounted = await mount(<App host={host} locale="zh-CN" />);
    const settings = document.querySelector('[data-testid="settings"]')!;
    expect(settings.textContent).toContain('并列占位：1,2,2,4');
    expect(settings.textContent).toContain('并列不占位：1,2,2,3');
    const dense = settings.querySelector<HTMLInputElement>('input[type="radio"][value="dense"]')!;
    await click(dense);
    await click(button('保存设置', settings));
    expect(host.calls.saveSettings).toEqual([[{ rankMode: 'dense', topN: 3, flagColumn: true }]]);
    expect(document.querySelector('[data-testid="result"]')?.textContent).toContain('设置已保存到工作簿。');
  });

  it('reads the sheet again when the active sheet changes', async () => {
    const host = fakeHost(sampleGrid());
    mounted = await mount(<App host={host} locale="zh-CN" />);
    expect(host.calls.inspect.length).toBe(1);
    await act(async () => host.fireSheetChange());
    await settle();
    expect(host.calls.inspect.length).toBe(2);
  });

  it('lists the notice lines and flags', async () => {
    const grid = sampleGrid();
    const host = fakeHost(grid);
    mounted = await mount(<App host={host} locale="zh-CN" />);
    const notice = document.querySelector('[data-testid="notice-lines"]')?.textContent ?? '';
    expect(notice).toContain('乡镇(街道)前3名：温泉街道（152分）');
    expect(document.querySelector('[data-testid="flag-ZERO_SUBMISSION"]')?.textContent).toContain('<script>alert(2)</script>');
    expect(document.querySelector('[data-testid="flag-BELOW_QUOTA"]')?.textContent).toContain(HOSTILE);
  });

  it('speaks English when Office does', async () => {
    const host = fakeHost(sampleGrid([['财政局', 130, 7, 0, '', '']]));
    mounted = await mount(<App host={host} locale="en-US" />);
    expect(button('Recalculate ranks')).toBeTruthy();
    expect(document.body.textContent).toContain('Detected score table');
    const first = document.querySelector('[data-testid="finding"]')?.textContent ?? '';
    const analysis = (await host.inspect()) as { ok: true; value: Inspection };
    expect(analysis.value.analysis.findings.map((f) => formatFinding(f, 'en-US'))).toContain(first);
  });
});
