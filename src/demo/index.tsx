/**
 * The demo page: the browser workspace (src/demo/Workspace.tsx) with the real task pane in an
 * iframe, as Excel shows it, over the real fixture. The fixture arrives as a prebuilt snapshot
 * (webpack.config.js writes it from the .xlsx at build time into demo.html and fixtures/*.json),
 * so the page starts without parsing exceljs; the .xlsx bytes are fetched after it, for the download.
 */
import { createRoot } from 'react-dom/client';
import { loadLocale, pickLocale, t, type Locale } from '../i18n';
import { workbookFromSnapshot, type BookSnapshot } from './book';
import { Workspace, type OpenedBook } from './Workspace';

const FIXTURE = 'fixtures/wenxian-2023-q3-input.xlsx';
const FIXTURE_SNAPSHOT = 'fixtures/wenxian-2023-q3-input.json';

const params = new URLSearchParams(window.location.search);
const displayLanguage = params.get('lang') ?? 'zh-CN';

async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${r.status} ${url}`);
  return r;
}

/** The snapshot the build wrote into demo.html: the pane can start without a second request. */
function embeddedSnapshot(): BookSnapshot | null {
  const text = document.getElementById('fixture-snapshot')?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as BookSnapshot;
  } catch {
    return null;
  }
}

async function initialBook(): Promise<OpenedBook> {
  const fileName = 'wenxian-2023-q3-input.xlsx';
  const snapshot = embeddedSnapshot() ?? (await fetchOk(FIXTURE_SNAPSHOT)
    .then((r) => r.json() as Promise<BookSnapshot>)
    .catch(() => null));
  if (snapshot) {
    // The pane starts from the snapshot; the .xlsx bytes are only needed for the download.
    const loaded = { bytes: new ArrayBuffer(0), workbook: workbookFromSnapshot(snapshot) };
    const bytesReady = fetchOk(FIXTURE)
      .then((r) => r.arrayBuffer())
      .then((bytes) => {
        loaded.bytes = bytes;
      });
    return { loaded, fileName, bytesReady };
  }
  // No prebuilt snapshot (a development build without the shared folder): parse the .xlsx.
  const bytes = await fetchOk(FIXTURE).then((r) => r.arrayBuffer());
  const { loadXlsx } = await import(/* webpackChunkName: "xlsx" */ './xlsx');
  return { loaded: await loadXlsx(bytes), fileName };
}

function start(locale: Locale): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <Workspace
      locale={locale}
      displayLanguage={displayLanguage}
      title={t('ui.demo.title', locale)}
      note={t('ui.demo.note', locale)}
      initial={initialBook}
      renderPane={(paneKey, title) => (
        <iframe key={paneKey} src={`taskpane.html?lang=${encodeURIComponent(displayLanguage)}`} title={title} data-testid="pane" />
      )}
    />,
  );
}

// English texts are fetched only for ?lang=en-US (the page speaks zh-CN when they cannot be).
void loadLocale(pickLocale(displayLanguage)).then(start);
