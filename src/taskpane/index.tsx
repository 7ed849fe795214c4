/**
 * Task pane entry. WPS 表格 first (its add-in pages have `window.Application`, the ET object
 * model), then Office (waits for Office.onReady): the same pane over the matching adapter.
 */
import type { Theme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createScorecardHost, officeExcelRunner } from '../excel/host';
import type { ScorecardHost } from '../host/port';
import { loadLocale, pickLocale, type Locale } from '../i18n';
import { detectHost } from '../wps/detect';
import { App } from './App';
import { isDarkOfficeTheme } from './theme';

async function render(hostFor: (locale: Locale) => ScorecardHost, wanted: Locale, dark: boolean): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  // English texts are fetched only for an English Office (zh-CN when they cannot be fetched).
  const locale = await loadLocale(wanted);
  document.documentElement.lang = locale;
  // The dark theme's colours are fetched only under a dark Office theme; the light one is built in.
  let theme: Theme | undefined;
  if (dark) theme = await import('./darkTheme').then((m) => m.webDarkTheme).catch(() => undefined);
  createRoot(container).render(<App host={hostFor(locale)} locale={locale} {...(theme ? { theme } : {})} />);
}

const found = detectHost(window);
if (found.kind === 'wps') {
  // WPS has no display-language API for add-ins: the embedded browser's language follows the UI.
  const locale = pickLocale(navigator.language);
  // The WPS adapter is fetched only inside WPS, so Excel's first screen does not carry it.
  void import('../wps/host').then(({ createWpsHost }) => render((spoken) => createWpsHost(found.app, { displayLanguage: spoken }), locale, false));
} else if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    const locale = pickLocale(Office.context.displayLanguage);
    let dark = false;
    try {
      // officeTheme is missing on some hosts (older Mac builds, the web in some modes).
      dark = isDarkOfficeTheme(Office.context.officeTheme);
    } catch {
      dark = false;
    }
    void render(() => createScorecardHost(officeExcelRunner, Office), locale, dark);
  });
}
