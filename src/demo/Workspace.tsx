/**
 * The browser editions' page: a simulated workbook (visible grid, sheet tabs, ribbon buttons
 * calling the real command functions) beside the real task pane, with no network at all.
 * The demo (src/demo/index.tsx) puts the pane in an iframe as Excel does; the offline page
 * (src/offline/index.tsx) renders it in the same page, as everything there is one file.
 * exceljs (src/demo/xlsx.ts) is loaded only when a file is opened or downloaded.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createScorecardHost } from '../excel/host';
import type { ExcelRunner, OfficeLike } from '../excel/office';
import { recalcCommand, summaryCommand, type CommandReport, type CommandUi } from '../commands/run';
import { t as translate, type Locale, type MessageKey } from '../i18n';
import { installSimulatedOffice, type InstalledSimOffice } from '../sim/browser';
import type { SimSheet } from '../sim/workbook';
import { classifyFile } from './book';
import { FormulaBar, SheetGrid, SheetTabs } from './SheetGrid';
import type { DemoGlobal } from './shared';
import type { LoadedBook } from './xlsx';

declare global {
  interface Window {
    __scorecardDemo?: DemoGlobal & { ready: boolean; lastCommand: CommandReport | null };
  }
}

/** The .xlsx code (exceljs), fetched or evaluated on first use only. */
const xlsxCode = () => import(/* webpackChunkName: "xlsx" */ './xlsx');

export interface OpenedBook {
  loaded: LoadedBook;
  fileName: string;
  /** Settles when `loaded.bytes` holds the file (the demo fetches its fixture's bytes after the first screen). */
  bytesReady?: Promise<void>;
}

export interface WorkspaceProps {
  locale: Locale;
  displayLanguage: string;
  title: string;
  note: string;
  /** The workbook shown at start (the demo's fixture); none in the offline page. */
  initial?: () => Promise<OpenedBook>;
  /** Text shown where the grid goes until a file is opened. */
  welcome?: { title: string; detail: string };
  /** The task pane for the opened workbook; `paneKey` changes whenever it should start afresh. */
  renderPane: (paneKey: number, title: string) => ReactNode;
}

interface DialogState {
  title: string;
  lines: string[];
  close: () => void;
}

export function Workspace(props: WorkspaceProps) {
  const { locale, displayLanguage } = props;
  const t = useCallback((key: MessageKey, p?: Record<string, string | number>) => translate(key, locale, p), [locale]);
  const [book, setBook] = useState<OpenedBook | null>(null);
  const [version, setVersion] = useState(0);
  const [paneKey, setPaneKey] = useState(0);
  const [status, setStatus] = useState<string>(props.initial ? t('ui.demo.loading') : '');
  const [openError, setOpenError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const installed = useRef<InstalledSimOffice | null>(null);

  const show = useCallback((opened: OpenedBook) => {
    installed.current?.uninstall();
    // This page's own Office (for the ribbon commands, and the pane when it is in this page) and
    // the pane iframe's share one workbook.
    installed.current = installSimulatedOffice(window, opened.loaded.workbook, { displayLanguage, excelApi: new URLSearchParams(window.location.search).get('excelApi') });
    window.__scorecardDemo = { workbook: opened.loaded.workbook, displayLanguage, ready: true, lastCommand: null };
    setBook(opened);
    setPaneKey((k) => k + 1);
    setStatus(opened.fileName);
    setOpenError(null);
  }, [displayLanguage]);

  /** Open a file the user chose or dropped: a clear message for what is not an .xlsx, never a library's error. */
  const openFile = useCallback(
    async (file: File) => {
      setStatus(t('ui.demo.opening', { name: file.name }));
      const bytes = await file.arrayBuffer();
      const kind = classifyFile(file.name, bytes);
      if (!kind.ok) {
        setOpenError(kind.key === 'ui.demo.notXlsx' ? t(kind.key, { name: file.name, kind: kind.kind }) : t(kind.key, { name: file.name }));
        setStatus(book?.fileName ?? '');
        return;
      }
      let loaded: LoadedBook;
      try {
        const { loadXlsx } = await xlsxCode();
        loaded = await loadXlsx(bytes);
      } catch {
        setOpenError(t('ui.demo.unreadable', { name: file.name }));
        setStatus(book?.fileName ?? '');
        return;
      }
      show({ loaded, fileName: file.name });
    },
    [book, show, t],
  );

  const { initial } = props;
  useEffect(() => {
    if (!initial) return;
    initial()
      .then(show)
      .catch((error: unknown) => setStatus(t('ui.demo.loadFailed', { detail: error instanceof Error ? error.message : String(error) })));
  }, [initial, show, t]);

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
    [locale],
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
    setStatus(t('ui.demo.downloading'));
    let blob: Blob;
    try {
      await book.bytesReady;
      const { exportXlsx } = await xlsxCode();
      blob = await exportXlsx(book.loaded, locale);
    } catch (error) {
      setStatus(t('ui.demo.downloadFailed', { detail: error instanceof Error ? error.message : String(error) }));
      return;
    }
    setStatus(book.fileName);
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
    <div
      className={dragging ? 'demo dragging' : 'demo'}
      data-testid="workspace"
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void openFile(file);
      }}
    >
      <header className="topbar">
        <h1>{props.title}</h1>
        <label className="file">
          {t('ui.demo.open')}
          <input
            type="file"
            // The other spreadsheet kinds are offered so that choosing one gets the message saying how to convert it.
            accept=".xlsx,.xlsm,.xls,.et,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) await openFile(file);
              input.value = '';
            }}
          />
        </label>
        <button type="button" onClick={() => void download()} disabled={!book} data-testid="download">
          {t('ui.demo.download')}
        </button>
        <span className="status" data-testid="demo-status">{status}</span>
      </header>
      {openError && (
        <div className="banner" role="alert" data-testid="open-error">
          {openError}
        </div>
      )}
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
        <span className="note">{props.note}</span>
      </div>
      <main className="workspace">
        <section className="sheet">
          {workbook ? (
            <>
              <FormulaBar
                workbook={workbook}
                version={version}
                onEdit={(sheet, address, input) => workbook.userEdit(sheet, address, input === '' ? null : input)}
              />
              <SheetGrid workbook={workbook} version={version} onSelect={select} />
              <SheetTabs workbook={workbook} version={version} onActivate={(name) => workbook.activateSheet(name)} />
            </>
          ) : (
            props.welcome && (
              <div className="welcome" data-testid="welcome">
                <p className="welcome-title">{dragging ? t('ui.offline.drop') : props.welcome.title}</p>
                <p>{props.welcome.detail}</p>
              </div>
            )
          )}
        </section>
        <aside className="pane">{workbook && props.renderPane(paneKey, t('ui.demo.pane'))}</aside>
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
