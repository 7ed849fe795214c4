/**
 * Ribbon function file: 重新计算排名 and 生成汇总表 run without the pane. When a command finds
 * errors or fails, the user is told (task pane where this Office can open it, else a dialog).
 */
import { createScorecardHost, officeExcelRunner } from '../excel/host';
import { loadLocale, pickLocale, t, type Locale } from '../i18n';
import { encodeDialogPayload } from './payload';
import { recalcCommand, summaryCommand, type CommandUi } from './run';

function dialogUrl(title: string, lines: string[], locale: Locale): string {
  const base = new URL('dialog.html', window.location.href).href;
  return `${base}#${encodeDialogPayload(title, lines, t('ui.command.close', locale))}`;
}

/** Office UI for a command: showAsTaskpane needs a shared runtime, so it is tried, then a dialog. */
function officeUi(locale: Locale): CommandUi {
  return {
    locale,
    async showTaskpane() {
      if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) return false;
      try {
        await Office.addin.showAsTaskpane();
        return true;
      } catch {
        // Supported by the client but this add-in does not run in a shared runtime.
        return false;
      }
    },
    showDialog(title, lines) {
      return new Promise<void>((resolve) => {
        Office.context.ui.displayDialogAsync(dialogUrl(title, lines, locale), { height: 45, width: 35, displayInIframe: true }, (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            resolve();
            return;
          }
          const dialog = result.value;
          const close = () => {
            try {
              dialog.close();
            } catch {
              // Already closed by the user.
            }
            resolve();
          };
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, close);
        });
      });
    },
  };
}

function command(run: typeof recalcCommand) {
  return async (event: Office.AddinCommands.Event) => {
    try {
      const locale = await loadLocale(pickLocale(Office.context.displayLanguage));
      await run(createScorecardHost(officeExcelRunner, Office), officeUi(locale));
    } finally {
      // Always: otherwise Office shows the command as still running.
      event.completed();
    }
  };
}

void Office.onReady(() => {
  // Office.actions.associate is the current way; the global names serve older clients.
  // Office awaits event.completed(), which command() calls when done, not the promise it returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  Office.actions.associate('recalcRanking', command(recalcCommand));
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  Office.actions.associate('generateSummary', command(summaryCommand));
});
const g = globalThis as unknown as Record<string, unknown>;
g.recalcRanking = command(recalcCommand);
g.generateSummary = command(summaryCommand);
