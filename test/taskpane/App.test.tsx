/** @jest-environment jsdom */
import { act } from 'react';
import { SUMMARY_MARKER } from '../../src/core';
import { App } from '../../src/taskpane/App';
import type { Inspection } from '../../src/host/port';
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
    expect(none?.textContent).not.toContain('请切换到包含“单位”');
    // A neutral note, not a red error: no error finding listed, the MessageBar is informative.
    const note = document.querySelector('[data-testid="own-summary"]');
    expect(note?.textContent).toContain('这是本助手生成的“考评汇总”表，无需校验');
    expect(note?.className).not.toMatch(/error/i);
    expect(document.querySelector('[data-testid="finding"]')).toBeNull();
    expect(document.querySelector('[data-testid="findings"]')).toBeNull();
    await click(button('校验'));
    expect(document.querySelector('[data-testid="result"]')?.textContent).not.toContain('错误');
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
      writeSummary: async () => ({ ok: false, error: { key: 'host.error.busy', officeCode: 'InvalidOperation' } }),
    });
    mounted = await mount(<App host={host} locale="zh-CN" />);
    await click(button('生成汇总表'));
    const result = document.querySelector('[data-testid="result"]');
    expect(result?.textContent).toContain('Excel 正忙，请稍候重试。本次没有写入任何内容。');
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
    expect(settings.textContent).toContain('并列不占位（中国式排名）：1,2,2,3');
    const dense = settings.querySelector<HTMLInputElement>('input[type="radio"][value="dense"]')!;
    await click(dense);
    await click(button('保存设置', settings));
    expect(host.calls.saveSettings).toEqual([[{ rankMode: 'dense', topN: 3, flagColumn: true, writeFormulas: false }]]);
    // The result stands next to the button that caused it, and says the ranks need a recalculation.
    const saved = settings.querySelector('[data-testid="settings-result"]');
    expect(saved?.textContent).toContain('设置已保存到工作簿。请重新计算排名');
    expect(document.querySelector('[data-testid="result"]')).toBeNull();
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

  it('gives the whole notice draft: top N per category, then 零报送, 基础数量不足 and 质量待提高', async () => {
    mounted = await mount(<App host={fakeHost(sampleGrid())} locale="zh-CN" />);
    const lines = (document.querySelector('[data-testid="notice-lines"]')?.textContent ?? '').split('\n');
    // Title first, then the top-N lines before the flag sentences.
    expect(lines[0]).toBe('关于三季度全县政务信息工作情况的通报');
    const top = lines.findIndex((l) => /^乡镇\(街道\)前3名：/.test(l));
    expect(top).toBeGreaterThan(0);
    expect(lines.indexOf('零报送单位：<script>alert(2)</script>')).toBeGreaterThan(top);
    expect(lines.some((l) => l.startsWith('基础数量不足单位：') && l.includes(HOSTILE))).toBe(true);
  });

  it('with errors: says so above the notice, and copying and 生成汇总表 take a confirmation naming their number', async () => {
    // 财政局 over the cap, 水利局 not a number: 2 errors.
    const host = fakeHost(sampleGrid([['财政局', 130, 7, 0, '', ''], ['水利局', '未报送', 0, 0, '', '']]));
    mounted = await mount(<App host={host} locale="zh-CN" />);
    const notice = document.querySelector('[data-testid="notice"]')!;
    expect(notice.querySelector('[data-testid="notice-errors"]')?.textContent).toContain('表格中有 2 个错误');
    await click(button('复制通报文字', notice));
    await settle();
    const dialog = () => document.querySelector('[data-testid="confirm-dialog"]');
    expect(dialog()?.textContent).toContain('表格中有 2 个错误');
    await click(button('取消', dialog()!));
    await settle();
    expect(notice.querySelector('[data-testid="notice-result"]')).toBeNull();
    await click(button('复制通报文字', notice));
    await settle();
    await click(button('仍然复制（有 2 个错误）', dialog()!));
    await settle();
    // jsdom has no clipboard: the attempt was made and its result shows beside the button.
    expect(notice.querySelector('[data-testid="notice-result"]')).not.toBeNull();

    await click(button('生成汇总表'));
    await settle();
    expect(dialog()?.textContent).toContain('2 个错误');
    await click(button('取消', dialog()!));
    await settle();
    expect(host.calls.writeSummary.length).toBe(0);
    await click(button('生成汇总表'));
    await settle();
    await click(button('仍然生成（有 2 个错误）', dialog()!));
    await settle();
    expect(host.calls.writeSummary).toEqual([[{ allowErrors: true }]]);
    expect(document.querySelector('[data-testid="result"]')?.textContent).toContain('表中注明了生成时的 2 处错误');
  });

  it('without errors, 生成汇总表 asks nothing', async () => {
    const host = fakeHost(sampleGrid());
    mounted = await mount(<App host={host} locale="zh-CN" />);
    expect(document.querySelector('[data-testid="notice-errors"]')).toBeNull();
    await click(button('生成汇总表'));
    expect(host.calls.writeSummary).toEqual([[{}]]);
    expect(document.querySelector('[data-testid="confirm-dialog"]')).toBeNull();
  });

  it('checks again after an edit of the sheet and says what it did', async () => {
    const grid = sampleGrid();
    const host = fakeHost(grid);
    mounted = await mount(<App host={host} locale="zh-CN" editDebounceMs={0} />);
    expect(host.calls.onSheetEdited[0]?.[0]).toBe('得分表');
    expect(document.querySelector('[data-testid="finding"][data-severity="error"]')).toBeNull();
    grid.values[3]![1] = 'abc'; // 温泉街道's base score (B4) typed as text
    await act(async () => host.fireEdit('B4'));
    await settle();
    expect(host.calls.inspect.length).toBe(2);
    const note = document.querySelector('[data-testid="edit-note"]')?.textContent ?? '';
    expect(note).toContain('单元格 B4 已修改');
    expect(note).toContain('新增 1 个错误（第一处在单元格 B4）');
    expect(document.querySelector('[data-testid="finding"][data-cell="B4"]')).not.toBeNull();
  });

  it('says which units are out of date after an edit, in one line, not one warning per cell', async () => {
    const grid = sampleGrid();
    // Totals and ranks as a recalculation wrote them, then 张羌街道's adoption score edited.
    const written: Record<string, [number, number]> = { 温泉街道: [152, 1], 张羌街道: [135.4, 2], [HOSTILE]: [60, 3], 公安局: [86.7, 1], '<script>alert(2)</script>': [0, 2] };
    for (const row of grid.values) {
      const w = written[String(row[0])];
      if (w) [row[4], row[5]] = w;
    }
    const host = fakeHost(grid);
    mounted = await mount(<App host={host} locale="zh-CN" editDebounceMs={0} />);
    expect(document.querySelector('[data-testid="stale-line"]')).toBeNull();
    grid.values[4]![2] = 40; // 张羌街道 now 160.4: its total and both ranks above change
    await act(async () => host.fireEdit('C5'));
    await settle();
    expect(document.querySelector('[data-testid="edit-note"]')?.textContent).toContain('2 个单位的累计得分和排名已过期');
    const stale = document.querySelectorAll('[data-testid="stale-line"]');
    expect(stale.length).toBe(1);
    expect(stale[0]!.textContent).toContain('2 个单位的累计得分或排名与按规则计算的结果不一致，点击“重新计算排名”');
    const listed = [...document.querySelectorAll('[data-testid="finding"]')].map((f) => f.textContent ?? '');
    expect(listed.filter((x) => /累计得分为|排名为/.test(x))).toEqual([]);
  });

  it('puts the findings above the table card, which folds', async () => {
    mounted = await mount(<App host={fakeHost(sampleGrid([['财政局', 130, 7, 0, '', '']]))} locale="zh-CN" />);
    const findings = document.querySelector('[data-testid="findings"]')!;
    const card = document.querySelector('[data-testid="table-card"]')!;
    expect(findings.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(card.textContent).toContain('乡镇(街道)');
    const fold = card.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    await click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(card.textContent).not.toContain('乡镇(街道)');
  });

  it('groups the preview by category and counts units in the result', async () => {
    const host = fakeHost(sampleGrid());
    mounted = await mount(<App host={host} locale="zh-CN" />);
    await click(button('重新计算排名'));
    await settle();
    const groups = [...document.querySelectorAll('[data-testid="preview-category"]')];
    expect(groups.map((g) => g.querySelector('th')?.textContent)).toEqual(['乡镇(街道)（3 个单位）', '二类考评单位（2 个单位）']);
    await click(button('写入'));
    expect(document.querySelector('[data-testid="result"]')?.textContent).toMatch(/^5 个单位的累计得分和排名已更新（已写入 \d+ 个单元格）/);
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

  it('uses ASCII punctuation in English', async () => {
    mounted = await mount(<App host={fakeHost(sampleGrid([['财政局', 130, 7, 0, '', '']]))} locale="en-US" />);
    // Chinese cell text (unit and category names) and the notice itself (a Chinese document) may
    // carry full-width marks; the UI's own text may not.
    document.querySelector('[data-testid="notice-lines"]')?.remove();
    const own = (document.body.textContent ?? '').replace(/[\u4e00-\u9fff（）()]+/g, '');
    expect(own).not.toMatch(/[\u3000-\u303f\uff01-\uff5e…·“”]/);
  });
});
