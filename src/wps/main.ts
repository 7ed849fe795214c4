/**
 * The WPS add-in's entry (main.js, loaded by index.html): the ribbon callbacks ribbon.xml
 * names. They stay synchronous: WPS builds have had regressions with callbacks that return
 * a Promise, so each starts its work and returns true at once. The commands are the same
 * functions the Office ribbon runs (src/commands/run.ts), over the WPS adapter.
 */
import './polyfills';
import { recalcCommand, summaryCommand, type CommandUi } from '../commands/run';
import { encodeDialogPayload } from '../commands/payload';
import { loadLocale, pickLocale, t, type Locale } from '../i18n';
import { detectHost } from './detect';
import type { EtApplicationLike } from './et';
import { createWpsHost } from './host';

/** Ribbon control ids (ribbon.xml) and the callbacks it names: kept in one place so the package test can check them. */
export const RIBBON_IDS = { recalc: 'scorecardRecalc', summary: 'scorecardSummary', pane: 'scorecardPane' } as const;
export const PANE_ID_KEY = 'govInfoScorecard.taskpaneId';

interface RibbonControl {
  Id: string;
}

/** The add-in's folder URL (main.js sits beside taskpane.html and dialog.html). */
function baseUrl(): string {
  const href = window.location.href.split('#')[0]!.split('?')[0]!;
  return href.slice(0, href.lastIndexOf('/') + 1);
}

function app(): EtApplicationLike | null {
  const found = detectHost(window);
  return found.kind === 'wps' ? found.app : null;
}

/** The language of the ribbon's messages: Chinese until the English texts (when wanted) have arrived. */
let spoken: Locale = 'zh-CN';
void loadLocale(pickLocale(typeof navigator !== 'undefined' ? navigator.language : 'zh-CN')).then((ready) => {
  spoken = ready;
});

function locale(): Locale {
  return spoken;
}

/** Show the pane, creating it once per WPS session (its id is kept in PluginStorage, shared by the add-in's pages). */
export function showPane(application: EtApplicationLike, toggle: boolean): boolean {
  if (!application.CreateTaskPane) return false;
  const storage = application.PluginStorage;
  const id = storage?.getItem(PANE_ID_KEY);
  const known = typeof id === 'number' && application.GetTaskPane ? application.GetTaskPane(id) : null;
  if (known) {
    known.Visible = toggle ? !known.Visible : true;
    return true;
  }
  const pane = application.CreateTaskPane(`${baseUrl()}taskpane.html`, t('ui.title', locale()));
  storage?.setItem(PANE_ID_KEY, pane.ID);
  pane.Visible = true;
  return true;
}

function wpsUi(application: EtApplicationLike, loc: Locale): CommandUi {
  return {
    locale: loc,
    async showTaskpane() {
      return showPane(application, false);
    },
    async showDialog(title, lines) {
      const url = `${baseUrl()}dialog.html#${encodeDialogPayload(title, lines, t('ui.command.close', loc))}`;
      if (application.ShowDialog) application.ShowDialog(url, title, 480, 360, false);
      else window.alert([title, ...lines].join('\n'));
    },
  };
}

/** Last command's outcome, for tests and for support (window.__scorecardWps). */
const state: { last: unknown; running: boolean } = { last: null, running: false };

function start(run: typeof recalcCommand): void {
  const application = app();
  if (!application || state.running) return;
  state.running = true;
  const loc = locale();
  // Not awaited: the callback returns before the work finishes (see the file comment).
  void run(createWpsHost(application, { displayLanguage: loc }), wpsUi(application, loc))
    .then((report) => {
      state.last = report;
    })
    .catch((error: unknown) => {
      state.last = { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
    })
    .finally(() => {
      state.running = false;
    });
}

const ribbon = {
  OnAddinLoad(ribbonUI: unknown): boolean {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- widens the type with the ribbon handle WPS adds at run time
    const application = app() as (EtApplicationLike & { ribbonUI?: unknown }) | null;
    if (application && typeof application.ribbonUI !== 'object') application.ribbonUI = ribbonUI;
    return true;
  },
  OnAction(control: RibbonControl): boolean {
    switch (control?.Id) {
      case RIBBON_IDS.recalc:
        start(recalcCommand);
        break;
      case RIBBON_IDS.summary:
        start(summaryCommand);
        break;
      case RIBBON_IDS.pane: {
        const application = app();
        if (application) showPane(application, true);
        break;
      }
      default:
        break;
    }
    return true;
  },
  GetImage(): string {
    return 'assets/icon-32.png';
  },
  OnGetEnabled(): boolean {
    return true;
  },
};

const g = window as unknown as Record<string, unknown>;
for (const [name, fn] of Object.entries(ribbon)) g[name] = fn;
g.__scorecardWps = state;
