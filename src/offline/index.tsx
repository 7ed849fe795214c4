/**
 * The offline edition: one self-contained HTML file (dist/offline/scorecard.html) for county
 * computers with no internet, where office.js cannot load from Microsoft's CDN and the Excel
 * add-in cannot start. It is the demo's workspace with the simulated Office bundled in and the
 * real task pane rendered in the same page (an iframe would need a second document, and a
 * srcdoc frame would need its own copy of the script). The clerk opens or drops an .xlsx, works
 * through the pane's whole flow and downloads the result. Nothing is fetched: webpack.config.js
 * inlines this bundle, exceljs included, into the page; exceljs only runs when a file is opened.
 */
import { memo, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createScorecardHost } from '../excel/host';
import type { ExcelRunner, OfficeLike } from '../excel/office';
import { loadLocale, pickLocale, t, type Locale } from '../i18n';
import { Workspace } from '../demo/Workspace';
import { App } from '../taskpane/App';

const params = new URLSearchParams(window.location.search);
// zh-CN unless the page is opened with ?lang=en-US, as the demo.
const displayLanguage = params.get('lang') ?? 'zh-CN';

/** The pane over the simulated Office the workspace installed on this window for the opened file. */
const InlinePane = memo(function InlinePane({ locale }: { locale: Locale }) {
  // One host for the pane's life: a new one each render would restart its checks.
  const host = useMemo(() => {
    const g = window as unknown as { Excel: { run: ExcelRunner }; Office: OfficeLike };
    const run: ExcelRunner = (options, batch) => g.Excel.run(options, batch);
    return createScorecardHost(run, g.Office);
  }, []);
  return (
    <div className="pane-inline" data-testid="pane">
      <App host={host} locale={locale} />
    </div>
  );
});

function start(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = t('ui.offline.title', locale);
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <Workspace
      locale={locale}
      displayLanguage={displayLanguage}
      title={t('ui.offline.title', locale)}
      note={t('ui.offline.note', locale)}
      welcome={{ title: t('ui.offline.welcome', locale), detail: t('ui.offline.welcomeDetail', locale) }}
      renderPane={(paneKey) => <InlinePane key={paneKey} locale={locale} />}
    />,
  );
}

// The English texts are part of this one file too (nothing is fetched); they are made ready first.
void loadLocale(pickLocale(displayLanguage)).then(start);
