/**
 * The WPS demo page (simulation only: there is no WPS here): the real fixture in the
 * simulated workbook behind a simulated ET `window.Application`, the real WPS ribbon entry
 * (main.js, loaded as WPS loads it) behind three ribbon buttons, and the real task pane in
 * the iframe the add-in opens through CreateTaskPane. No network beyond this site.
 */
import { createRoot } from 'react-dom/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FormulaBar, SheetGrid, SheetTabs } from '../../../demo/SheetGrid';
import { loadXlsx } from '../../../demo/xlsx';
import { t as translate, type MessageKey } from '../../../i18n';
import type { SimSheet, SimWorkbook } from '../../workbook';
import { createSimEtApplication, type SimEtApplication } from '../et';

const DEFAULT_BOOK = 'wenxian-2023-q3-input.xlsx';

/** The workbook to open: ?book=<file name> of the site's /fixtures/ folder (a bare name only), else the real fixture. */
function bookName(): string {
  const asked = new URLSearchParams(window.location.search).get('book');
  return asked && /^[\p{L}\p{N}_.-]+\.xlsx$/u.test(asked) && !asked.startsWith('.') ? asked : DEFAULT_BOOK;
}
const IDS = { recalc: 'scorecardRecalc', summary: 'scorecardSummary', pane: 'scorecardPane' };

type Ribbon = { OnAddinLoad(ui: unknown): boolean; OnAction(control: { Id: string }): boolean };
type WpsState = { last: unknown; running: boolean };

declare global {
  interface Window {
    __wpsDemo?: { app: SimEtApplication; workbook: SimWorkbook; ready: boolean };
  }
}

function ribbon(): Ribbon {
  return window as unknown as Ribbon;
}

function loadMain(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'main.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('main.js failed to load'));
    document.head.appendChild(script);
  });
}

function WpsDemo() {
  const t = useCallback((key: MessageKey, p?: Record<string, string | number>) => translate(key, 'zh-CN', p), []);
  const [app, setApp] = useState<SimEtApplication | null>(null);
  const [version, setVersion] = useState(0);
  const [paneKey, setPaneKey] = useState(0);
  const [status, setStatus] = useState(t('ui.demo.loading'));
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    (async () => {
      const name = bookName();
      const url = `/fixtures/${encodeURIComponent(name)}`;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      const { workbook } = await loadXlsx(await response.arrayBuffer());
      const sim = createSimEtApplication(workbook);
      (window as unknown as { Application: unknown }).Application = sim;
      window.__wpsDemo = { app: sim, workbook, ready: false };
      workbook.onChange(() => setVersion((v) => v + 1));
      await loadMain();
      ribbon().OnAddinLoad({});
      // Open the pane as a user would with 考评面板.
      ribbon().OnAction({ Id: IDS.pane });
      setApp(sim);
      setStatus(name);
      window.__wpsDemo.ready = true;
    })().catch((error: unknown) => setStatus(t('ui.demo.loadFailed', { detail: error instanceof Error ? error.message : String(error) })));
  }, [t]);

  const press = async (id: string) => {
    if (!app) return;
    setBusy(true);
    try {
      // The callback returns at once (synchronous, as WPS wants); wait for the command it started.
      ribbon().OnAction({ Id: id });
      const state = (window as unknown as { __scorecardWps?: WpsState }).__scorecardWps;
      for (let i = 0; i < 500 && state?.running; i++) await new Promise((r) => setTimeout(r, 10));
      if (id !== IDS.pane) setPaneKey((k) => k + 1);
      setVersion((v) => v + 1);
    } finally {
      setBusy(false);
    }
  };

  const workbook = app?.workbook ?? null;
  const pane = app?.taskPanes.find((p) => p.visible) ?? null;
  const select = (sheet: SimSheet, row: number, col: number) => {
    if (!workbook) return;
    workbook.selection = { sheetId: sheet.id, range: { top: row, left: col, bottom: row, right: col } };
    workbook.notifyChange();
  };

  return (
    <div className="demo">
      <header className="topbar">
        <h1>{t('ui.demo.title')} · WPS 表格（模拟）</h1>
        <span className="status" data-testid="demo-status">{status}</span>
      </header>
      <div className="ribbon" role="toolbar" aria-label="考评助手">
        <span className="ribbon-group">考评助手</span>
        <button type="button" disabled={!app || busy} onClick={() => void press(IDS.recalc)} data-testid="ribbon-recalc">
          {t('ui.action.recalc')}
        </button>
        <button type="button" disabled={!app || busy} onClick={() => void press(IDS.summary)} data-testid="ribbon-summary">
          {t('ui.action.summary')}
        </button>
        <button type="button" disabled={!app} onClick={() => void press(IDS.pane)} data-testid="ribbon-pane">
          {t('ui.demo.pane')}
        </button>
        <span className="note">WPS 加载项在模拟的 ET 对象模型上运行，未在真实 WPS 中验证。</span>
      </div>
      <main className="workspace">
        <section className="sheet">
          {workbook && (
            <>
              <FormulaBar workbook={workbook} version={version} onEdit={(sheet, address, input) => workbook.userEdit(sheet, address, input === '' ? null : input)} />
              <SheetGrid workbook={workbook} version={version} onSelect={select} />
              <SheetTabs workbook={workbook} version={version} onActivate={(name) => workbook.activateSheet(name)} />
            </>
          )}
        </section>
        {pane && (
          <aside className="pane">
            <iframe key={paneKey} src={pane.url} title={t('ui.demo.pane')} data-testid="pane" />
          </aside>
        )}
      </main>
    </div>
  );
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<WpsDemo />);
