import { recalcCommand, summaryCommand, MAX_DIALOG_LINES, type CommandUi } from '../../src/commands/run';
import { decodeDialogPayload, encodeDialogPayload } from '../../src/commands/payload';
import { formatFinding } from '../../src/i18n';
import { fakeHost, sampleGrid } from './helpers';

function recordingUi(paneOpens: boolean) {
  const shown: Array<{ title: string; lines: string[] }> = [];
  let paneRequests = 0;
  const ui: CommandUi = {
    locale: 'zh-CN',
    showTaskpane: async () => {
      paneRequests++;
      return paneOpens;
    },
    showDialog: async (title, lines) => {
      shown.push({ title, lines });
    },
  };
  return { ui, shown, paneRequests: () => paneRequests };
}

const refused = { ok: false as const, error: { key: 'host.error.busy' as const } };

describe('ribbon commands', () => {
  it('recalculates without telling anyone when all is well', async () => {
    const host = fakeHost(sampleGrid());
    const { ui, shown, paneRequests } = recordingUi(true);
    expect(await recalcCommand(host, ui)).toEqual({ status: 'done', cellsWritten: 10 });
    expect(host.calls.recalcNow.length).toBe(1);
    expect(shown).toEqual([]);
    expect(paneRequests()).toBe(0);
  });

  it('opens the task pane when the recalculation is refused and the pane can open', async () => {
    const host = fakeHost(sampleGrid(), { recalcNow: async () => refused });
    const { ui, shown } = recordingUi(true);
    const report = await recalcCommand(host, ui);
    expect(report).toEqual({ status: 'told', via: 'taskpane', lines: ['Excel 正忙，请稍候重试。本次没有写入任何内容。'] });
    expect(shown).toEqual([]);
  });

  it('falls back to a dialog listing the errors (with their cells) when the pane cannot open', async () => {
    const extra = Array.from({ length: 20 }, (_, i) => [`单位${i}`, 'abc', 0, 0, '', '']);
    const grid = sampleGrid(extra);
    const host = fakeHost(grid, { recalcNow: async () => refused });
    const { ui, shown } = recordingUi(false);
    const report = await recalcCommand(host, ui);
    expect(report.status).toBe('told');
    expect(shown.length).toBe(1);
    const { title, lines } = shown[0]!;
    expect(title).toBe('政务信息考评助手：表格中有错误');
    expect(lines[0]).toBe('Excel 正忙，请稍候重试。本次没有写入任何内容。');
    const inspected = await host.inspect();
    if (!inspected.ok) throw new Error('fake inspect failed');
    const errors = inspected.value.analysis.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(MAX_DIALOG_LINES);
    expect(lines.slice(1, 1 + MAX_DIALOG_LINES)).toEqual(errors.slice(0, MAX_DIALOG_LINES).map((f) => formatFinding(f, 'zh-CN')));
    expect(lines).toContain(`……另有 ${errors.length - MAX_DIALOG_LINES} 条，请打开“考评面板”查看。`);
    expect(lines[lines.length - 1]).toContain('考评面板');
  });

  it('reports a host that throws, or a pane that throws, through the dialog', async () => {
    const host = fakeHost(sampleGrid(), { writeSummary: async () => Promise.reject(new Error('GeneralException')) });
    const { ui, shown } = recordingUi(false);
    ui.showTaskpane = async () => Promise.reject(new Error('no shared runtime'));
    const report = await summaryCommand(host, ui);
    expect(report.status).toBe('told');
    expect(shown[0]?.lines[0]).toBe('发生意外错误：GeneralException。表格未被修改，请重试。');
  });

  it('names the Office error code when there is one', async () => {
    const host = fakeHost(sampleGrid(), { writeSummary: async () => ({ ok: false as const, error: { ...refused.error, officeCode: 'AccessDenied' } }) });
    const { ui, shown } = recordingUi(false);
    await summaryCommand(host, ui);
    expect(shown[0]?.lines).toContain('Office 错误代码：AccessDenied');
  });

  it('writes the summary sheet and reports its name', async () => {
    const host = fakeHost(sampleGrid());
    const { ui } = recordingUi(false);
    expect(await summaryCommand(host, ui)).toEqual({ status: 'done', sheetName: '考评汇总' });
  });
});

describe('dialog payload', () => {
  it('round-trips hostile text unchanged (the dialog shows it with textContent)', () => {
    const lines = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', '单元格 B17（水利局）'];
    expect(decodeDialogPayload('#' + encodeDialogPayload('标题', lines, '关闭'))).toEqual({ title: '标题', lines, close: '关闭' });
  });

  it('drops middle lines to keep the URL short, keeping the first and the last', () => {
    const lines = ['第一行', ...Array.from({ length: 60 }, (_, i) => `单元格 B${i} 的“基础得分”不是数字`), '最后一行'];
    const encoded = encodeDialogPayload('标题', lines, '关闭', 1800);
    expect(encoded.length).toBeLessThanOrEqual(1800);
    const decoded = decodeDialogPayload(encoded)!;
    expect(decoded.lines[0]).toBe('第一行');
    expect(decoded.lines[decoded.lines.length - 1]).toBe('最后一行');
    expect(decoded.lines.length).toBeLessThan(lines.length);
  });

  it('rejects a malformed fragment', () => {
    expect(decodeDialogPayload('#%E0%A4%A')).toBeNull();
    expect(decodeDialogPayload('#' + encodeURIComponent('[1,2]'))).toBeNull();
    expect(decodeDialogPayload('')).toBeNull();
  });
});
