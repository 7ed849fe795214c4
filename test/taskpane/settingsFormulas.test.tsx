/** @jest-environment jsdom */
/** #11 item 7: the 写入公式 switch in the pane's settings card. */
import { App } from '../../src/taskpane/App';
import { button, click, mount, type Mounted } from './dom';
import { fakeHost, sampleGrid } from './helpers';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

function formulasSwitch(settings: Element): HTMLInputElement {
  const label = [...settings.querySelectorAll('label')].find((l) => l.textContent === '写入公式' || l.textContent === 'Write formulas')!;
  return document.getElementById(label.htmlFor) as HTMLInputElement;
}

describe('写入公式 in the settings card', () => {
  it('is off by default; turned on and saved it goes to the host, and the pane asks for a recalculation', async () => {
    const host = fakeHost(sampleGrid());
    mounted = await mount(<App host={host} locale="zh-CN" />);
    const settings = document.querySelector('[data-testid="settings"]')!;
    const toggle = formulasSwitch(settings);
    expect(toggle.checked).toBe(false);
    expect(settings.textContent).toContain('累计得分和排名写入公式');
    await click(toggle);
    await click(button('保存设置', settings));
    expect(host.calls.saveSettings).toEqual([[{ rankMode: 'competition', topN: 3, flagColumn: true, writeFormulas: true }]]);
    expect(settings.querySelector('[data-testid="settings-result"]')?.textContent).toContain('请重新计算排名');
  });

  it('is labelled in English in the en-US pane', async () => {
    mounted = await mount(<App host={fakeHost(sampleGrid())} locale="en-US" />);
    expect(formulasSwitch(document.querySelector('[data-testid="settings"]')!).checked).toBe(false);
  });
});
