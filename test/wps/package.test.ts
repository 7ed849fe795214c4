/**
 * The WPS package as `npm run build:wps` writes it: ribbon.xml is well-formed CustomUI with
 * no XML declaration, every callback it names is a function main.js defines (and they run
 * synchronously against the simulated ET), jsplugins.xml names the package and its .7z,
 * and the online publish page lists the add-in.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { SaxesParser } from 'saxes';
import { createSimEtApplication } from '../../src/sim/wps/et';
import { publishedUnits } from '../support/fixtures';
import { fixtureWorkbook, resultsIn } from './simWps';

const ROOT = join(__dirname, '..', '..');
// A folder of its own: other suites build the WPS package too, possibly at the same time.
const OUT = join(mkdtempSync(join(tmpdir(), 'scorecard-wps-package-')), 'wps');
const CUSTOM_UI_NS = 'http://schemas.microsoft.com/office/2006/01/customui';

interface Element {
  name: string;
  uri: string;
  attributes: Record<string, string>;
}

function parseXml(text: string): Element[] {
  const elements: Element[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attributes[k] = typeof a === 'string' ? a : a.value;
    elements.push({ name: tag.local ?? tag.name, uri: tag.uri ?? '', attributes });
  });
  parser.write(text).close();
  return elements;
}

jest.setTimeout(120_000);

afterAll(() => rmSync(join(OUT, '..'), { recursive: true, force: true }));

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-wps.mjs'), '--url', 'https://oa.example.gov.cn/addins/scorecard/', '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build:wps failed:\n${built.stderr}`);
});

describe('ribbon.xml', () => {
  const text = () => readFileSync(join(OUT, 'ribbon.xml'), 'utf8');

  test('has no XML declaration and is well-formed (xmllint)', () => {
    expect(text().trimStart().startsWith('<?xml')).toBe(false);
    const lint = spawnSync('xmllint', ['--noout', join(OUT, 'ribbon.xml')], { encoding: 'utf8' });
    expect(lint.error).toBeUndefined();
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });

  test('is CustomUI with the three buttons', () => {
    const elements = parseXml(text());
    expect(elements[0]).toMatchObject({ name: 'customUI', uri: CUSTOM_UI_NS });
    expect(elements.every((e) => e.uri === CUSTOM_UI_NS)).toBe(true);
    expect(elements.map((e) => e.name).slice(0, 5)).toEqual(['customUI', 'ribbon', 'tabs', 'tab', 'group']);
    const buttons = elements.filter((e) => e.name === 'button');
    expect(buttons.map((b) => b.attributes.label)).toEqual(['重新计算排名', '生成汇总表', '考评面板']);
    for (const b of buttons) expect(b.attributes.onAction).toBeTruthy();
  });
});

describe('main.js', () => {
  function load(app: unknown) {
    const context: Record<string, unknown> = {
      navigator: { language: 'zh-CN' },
      location: { href: 'https://oa.example.gov.cn/addins/scorecard/index.html' },
      Application: app,
      console,
      // Browser built-ins every Chromium has (the vm context starts without them).
      TextEncoder,
      setTimeout,
    };
    context.window = context;
    context.self = context;
    vm.createContext(context);
    vm.runInContext(readFileSync(join(OUT, 'main.js'), 'utf8'), context, { filename: 'main.js' });
    return context;
  }

  test('defines every callback ribbon.xml names, and OnAction runs 重新计算排名 without returning a promise', async () => {
    const wb = await fixtureWorkbook();
    const app = createSimEtApplication(wb);
    const win = load(app);
    const callbacks = new Set<string>();
    for (const e of parseXml(readFileSync(join(OUT, 'ribbon.xml'), 'utf8'))) {
      for (const [k, v] of Object.entries(e.attributes)) if (/^(on[A-Z]|get[A-Z])/.test(k)) callbacks.add(v);
    }
    expect([...callbacks].sort()).toEqual(['GetImage', 'OnAction', 'OnAddinLoad', 'OnGetEnabled']);
    for (const name of callbacks) expect(typeof win[name]).toBe('function');

    const buttons = parseXml(readFileSync(join(OUT, 'ribbon.xml'), 'utf8')).filter((e) => e.name === 'button');
    const call = (name: string, ...args: unknown[]) => (win[name] as (...a: unknown[]) => unknown)(...args);
    expect(call('OnAddinLoad', {})).toBe(true);
    const recalc = call('OnAction', { Id: buttons[0]!.attributes.id });
    expect(recalc).toBe(true);
    const state = win.__scorecardWps as { last: unknown; running: boolean };
    for (let i = 0; i < 50 && state.running; i++) await new Promise((r) => setTimeout(r, 10));
    expect(state.last).toMatchObject({ status: 'done' });
    const active = wb.sheets.findIndex((s) => s.id === wb.activeSheetId);
    const found = resultsIn(wb.toGrids()[active]!);
    for (const unit of publishedUnits()) expect(found.get(unit.name)).toEqual({ total: unit.total, rank: unit.rank });

    // 考评面板 opens the pane from the add-in's folder through CreateTaskPane, then toggles the same pane.
    expect(call('OnAction', { Id: buttons[2]!.attributes.id })).toBe(true);
    expect(app.taskPanes).toEqual([expect.objectContaining({ url: 'https://oa.example.gov.cn/addins/scorecard/taskpane.html', visible: true })]);
    call('OnAction', { Id: buttons[2]!.attributes.id });
    expect(app.taskPanes).toHaveLength(1);
    expect(app.taskPanes[0]!.visible).toBe(false);

    // 生成汇总表
    expect(call('OnAction', { Id: buttons[1]!.attributes.id })).toBe(true);
    for (let i = 0; i < 50 && state.running; i++) await new Promise((r) => setTimeout(r, 10));
    expect(state.last).toMatchObject({ status: 'done', sheetName: '考评汇总' });
  });

  test('the task pane page loads no office.js and only its own scripts', () => {
    const html = readFileSync(join(OUT, 'taskpane.html'), 'utf8');
    expect(html).not.toContain('appsforoffice');
    expect(html).toContain('<script src="taskpane.js"></script>');
    expect(readFileSync(join(OUT, 'index.html'), 'utf8')).toContain('<script src="main.js"></script>');
  });
});

describe('install packages', () => {
  test('jsplugins.xml names the package and its .7z, which holds the add-in folder', () => {
    const elements = parseXml(readFileSync(join(OUT, 'offline', 'jsplugins.xml'), 'utf8'));
    expect(elements.map((e) => e.name)).toEqual(['jsplugins', 'jsplugin']);
    expect(elements[1]!.attributes).toEqual({
      name: 'govinfoscorecard',
      type: 'et',
      url: 'https://oa.example.gov.cn/addins/scorecard/govinfoscorecard.7z',
      version: '0.1.0',
    });
    const archive = join(OUT, 'offline', 'govinfoscorecard.7z');
    expect(existsSync(archive)).toBe(true);
    // List it with the same 7-Zip (a private executable copy: npm left 7zip-bin's without the execute bit).
    const tools = mkdtempSync(join(tmpdir(), 'wps-7z-test-'));
    try {
      const bin = join(tools, '7za');
      copyFileSync(require('7zip-bin').path7za, bin);
      chmodSync(bin, 0o755);
      const listing = spawnSync(bin, ['l', '-slt', archive], { encoding: 'utf8' });
      expect(listing.status).toBe(0);
      const paths = [...listing.stdout.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]);
      for (const file of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'taskpane.js', 'dialog.html']) {
        expect(paths).toContain(`govinfoscorecard_0.1.0/${file}`);
      }
    } finally {
      rmSync(tools, { recursive: true, force: true });
    }
  });

  test('publish.html lists the add-in for online install', () => {
    const html = readFileSync(join(OUT, 'publish.html'), 'utf8');
    expect(html).not.toContain('PUBLISH_REPLACE_STRING');
    expect(html).not.toContain('SERVERID_REPLEASE_STRING');
    expect(html).toContain('"name":"govinfoscorecard","addonType":"et","online":"true"');
    expect(html).toContain('"url":"https://oa.example.gov.cn/addins/scorecard/"');
  });
});
