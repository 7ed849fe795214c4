/** Task pane entry: waits for Office, then renders the pane over the real Excel adapter. */
import { createRoot } from 'react-dom/client';
import { createScorecardHost, officeExcelRunner } from '../excel/host';
import { pickLocale } from '../i18n';
import { App } from './App';
import { isDarkOfficeTheme } from './theme';

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const locale = pickLocale(Office.context.displayLanguage);
  document.documentElement.lang = locale;
  let dark = false;
  try {
    // officeTheme is missing on some hosts (older Mac builds, the web in some modes).
    dark = isDarkOfficeTheme(Office.context.officeTheme);
  } catch {
    dark = false;
  }
  const host = createScorecardHost(officeExcelRunner, Office);
  createRoot(container).render(<App host={host} locale={locale} dark={dark} />);
});
