/**
 * The demo page: a simulated workbook (visible grid, sheet tabs, ribbon buttons calling the
 * real command functions) beside the real task pane in an iframe, with no network at all.
 */
import { createRoot } from 'react-dom/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createScorecardHost } from '../excel/host';
import type { ExcelRunner, OfficeLike } from '../excel/office';
import { recalcCommand, summaryCommand, type CommandReport, type CommandUi } from '../commands/run';
import { pickLocale, t as translate, type Locale } from '../i18n';
import { installSimulatedOffice, type InstalledSimOffice } from '../sim/browser';
import type { SimSheet } from '../sim/workbook';
import { FormulaBar, SheetGrid, SheetTabs } from './SheetGrid';
import type { DemoGlobal } from './shared';
import { exportXlsx, loadXlsx, type LoadedBook } from './xlsx';

const FIXTURE = 'fixtures/wenxian-2023-q3-input.xlsx';

const params = new URLSearchParams(window.location.search);
const displayLanguage = params.get('lang') ?? 'zh-CN';
const locale: Locale = pickLocale(displayLanguage);

declare global {
  interface Window {
    __scorecardDemo?: DemoGlobal & { ready: boolean; lastCommand: CommandReport | null };
  }
}

interface DialogState {
  title: string;
  lines: string[];
  close: () => void;
}

function DemoApp() {
  const t = useCallback((key: string, p?: Record<string, string | number>) => translate(key, locale, p), []);
  const [book, setBook] = useState<{ loaded: LoadedBook; fileName: string } | null>(null);
  const [version, setVersion] = useState(0);
  const [paneKey, setPaneKey] = useState(0);
  const [status, setStatus] = useState<string>(t('ui.demo.loading'));
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [busy, setBusy] = useState(false);
  const installed = useRef<InstalledSimOffice | null>(null);

  const open = useCallback(
    async (bytes: ArrayBuffer, fileName: string) => {
      try {
        const loaded = await loadXlsx(bytes);
        installed.current?.uninstall();
        // This page's own Office (for the ribbon commands) and the pane's share one workbook.
        installed.current = installSimulatedOffice(window as unknown as Record<string, unknown>, loaded.workbook, { displayLanguage });
        window.__scorecardDemo = { workbook: loaded.workbook, displayLanguage, ready: true, lastCommand: null };
        setBook({ loaded, fileName });
        setPaneKey((k) => k + 1);
        setStatus(fileName);
      } catch (error) {
        setStatus(t('ui.demo.loadFailed', { detail: error instanceof Error ? error.message : String(error) }));
      }
    },
    [t],
  );

  useEffect(() => {
    fetch(FIXTURE)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} ${FIXTURE}`))))
      .then((bytes) => open(bytes, 'wenxian-2023-q3-input.xlsx'))
      .catch((error: unknown) => setStatus(t('ui.demo.loadFailed', { detail: error instanceof Error ? error.message : String(error) })));
  }, [open, t]);

  const workbook = book?.loaded.workbook ?? null;
  useEffect(() => {
    if (!workbook) return;
    return workbook.onChange(() => setVersion((v) => v + 1));
  }, [workbook]);

  const host = useMemo(() => {
    if (!workbook) return null;
    const g = window as unknown as { Excel: { run: ExcelRunner }; Office: OfficeLike };
    const run: ExcelRunner = (options, batch) => g.Excel.run(options, batch);
    return createScorecardHost(run, g.Office);
  }, [workbook]);

  const ui: CommandUi = useMemo(
    () => ({
      locale,
      // The pane is always beside the grid here: reload it so it reads the sheet afresh.
      showTaskpane: async () => {
        setPaneKey((k) => k + 1);
        return true;
      },
      showDialog: (title, lines) => new Promise<void>((resolve) => setDialog({ title, lines, close: resolve })),
    }),
    [],
  );

  const runCommand = async (which: 'recalc' | 'summary') => {
    if (!host) return;
    setBusy(true);
    try {
      const report = await (which === 'recalc' ? recalcCommand : summaryCommand)(host, ui);
      if (window.__scorecardDemo) window.__scorecardDemo.lastCommand = report;
      const action = t(which === 'recalc' ? 'ui.action.recalc' : 'ui.action.summary');
      setStatus(report.status === 'done' ? t('ui.demo.commandDone', { action }) : report.lines.join(' '));
      if (report.status === 'done') setPaneKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!book) return;
    const blob = await exportXlsx(book.loaded, locale);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    // An .xlsm stays an .xlsm: its macros come back unchanged.
    const ext = /\.xlsm$/i.test(book.fileName) ? '.xlsm' : '.xlsx';
    a.download = book.fileName.replace(/\.xls[xm]$/i, '') + '-结果' + ext;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const select = (sheet: SimSheet, row: number, col: number) => {
    if (!workbook) return;
    workbook.selection = { sheetId: sheet.id, range: { top: row, left: col, bottom: row, right: col } };
    workbook.notifyChange();
  };

  return (
    <div className="demo">
      <header className="topbar">
        <h1>{t('ui.demo.title')}</h1>
        <label className="file">
          {t('ui.demo.open')}
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) await open(await file.arrayBuffer(), file.name);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" onClick={() => void download()} disabled={!book} data-testid="download">
          {t('ui.demo.download')}
        </button>
        <span className="status" data-testid="demo-status">{status}</span>
      </header>
      <div className="ribbon" role="toolbar" aria-label={t('ui.demo.ribbon')}>
        <span className="ribbon-group">{t('ui.demo.ribbon')}</span>
        <button type="button" disabled={!host || busy} onClick={() => void runCommand('recalc')} data-testid="ribbon-recalc">
          {t('ui.action.recalc')}
        </button>
        <button type="button" disabled={!host || busy} onClick={() => void runCommand('summary')} data-testid="ribbon-summary">
          {t('ui.action.summary')}
        </button>
        <button type="button" disabled={!host} onClick={() => setPaneKey((k) => k + 1)} data-testid="ribbon-pane">
          {t('ui.demo.pane')}
        </button>
        <span className="note">{t('ui.demo.note')}</span>
      </div>
      <main className="workspace">
        <section className="sheet">
          {workbook && (
            <>
              <FormulaBar
                workbook={workbook}
                version={version}
                onEdit={(sheet, address, input) => workbook.userEdit(sheet, address, input === '' ? null : input)}
              />
              <SheetGrid workbook={workbook} version={version} onSelect={select} />
              <SheetTabs workbook={workbook} version={version} onActivate={(name) => workbook.activateSheet(name)} />
            </>
          )}
        </section>
        <aside className="pane">
          {workbook && <iframe key={paneKey} src={`taskpane.html?lang=${encodeURIComponent(displayLanguage)}`} title={t('ui.demo.pane')} data-testid="pane" />}
        </aside>
      </main>
      {dialog && (
        <div className="modal" role="dialog" aria-modal="true" aria-labelledby="demo-dialog-title" data-testid="command-dialog">
          <div className="modal-box">
            <h2 id="demo-dialog-title">{dialog.title}</h2>
            <ul>
              {dialog.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            <button
              type="button"
              onClick={() => {
                dialog.close();
                setDialog(null);
              }}
            >
              {t('ui.command.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<DemoApp />);
