/**
 * What the ribbon buttons do, independent of how the user is told: commands.ts wires it to
 * Office (task pane or dialog), the demo page to its own simulated ribbon.
 */
import { formatFinding, t, type Locale } from '../i18n';
import type { HostOutcome, ScorecardHost, UserMessage } from '../host/port';

export interface CommandUi {
  locale: Locale;
  /** Open the task pane, which then shows the findings itself. False when this Office cannot. */
  showTaskpane(): Promise<boolean>;
  /** Show a title and lines of text in a dialog; resolves when it has been shown and closed. */
  showDialog(title: string, lines: string[]): Promise<void>;
}

export type CommandReport =
  | { status: 'done'; cellsWritten?: number; sheetName?: string }
  | { status: 'told'; via: 'taskpane' | 'dialog'; lines: string[] };

/** Lines a dialog shows at most: longer lists point the user to the pane. */
export const MAX_DIALOG_LINES = 15;

function render(message: UserMessage, locale: Locale): string {
  return t(message.key, locale, message.params ?? {});
}

/** Tell the user why a command did not finish: the pane when it can open, else a dialog of findings. */
async function tell(host: ScorecardHost, ui: CommandUi, message: string, officeCode: string | undefined): Promise<CommandReport> {
  const lines = [message];
  if (officeCode) lines.push(t('ui.result.officeCode', ui.locale, { code: officeCode }));
  let opened = false;
  try {
    opened = await ui.showTaskpane();
  } catch {
    opened = false;
  }
  if (opened) return { status: 'told', via: 'taskpane', lines };
  // List the errors the user must fix (the host's refusal message alone does not name cells).
  try {
    const inspected = await host.inspect();
    if (inspected.ok) {
      const errors = inspected.value.analysis.findings.filter((f) => f.severity === 'error');
      for (const f of errors.slice(0, MAX_DIALOG_LINES)) lines.push(formatFinding(f, ui.locale));
      if (errors.length > MAX_DIALOG_LINES) lines.push(t('ui.command.more', ui.locale, { n: errors.length - MAX_DIALOG_LINES }));
    }
  } catch {
    // The message above is still worth showing.
  }
  lines.push(t('ui.command.openPaneHint', ui.locale));
  const title = lines.length > 2 ? t('ui.command.errorsTitle', ui.locale) : t('ui.command.failedTitle', ui.locale);
  await ui.showDialog(title, lines);
  return { status: 'told', via: 'dialog', lines };
}

/** A host that throws (it should not) is reported like a failure, never left unhandled. */
async function settle<T>(call: () => Promise<HostOutcome<T>>): Promise<HostOutcome<T>> {
  try {
    return await call();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { key: 'host.error.thrown', params: { detail } } };
  }
}

/** 重新计算排名 from the ribbon: read, plan and write in one go; errors and failures are shown. */
export async function recalcCommand(host: ScorecardHost, ui: CommandUi): Promise<CommandReport> {
  const outcome = await settle(() => host.recalcNow());
  if (!outcome.ok) return tell(host, ui, render(outcome.error, ui.locale), outcome.error.officeCode);
  return { status: 'done', cellsWritten: outcome.value.cellsWritten };
}

/** 生成汇总表 from the ribbon. */
export async function summaryCommand(host: ScorecardHost, ui: CommandUi): Promise<CommandReport> {
  const outcome = await settle(() => host.writeSummary());
  if (!outcome.ok) return tell(host, ui, render(outcome.error, ui.locale), outcome.error.officeCode);
  return { status: 'done', sheetName: outcome.value.sheetName };
}
