import {
  Divider,
  FluentProvider,
  ProgressBar,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { HostFailure, HostOutcome, Inspection, RecalcPreview, ScorecardHost, ScorecardSettings, YearPreview } from '../host/port';
import type { PeriodContext } from '../core';
import { t as translate, type Locale, type MessageKey } from '../i18n';
import { ActionBar, type ActionName } from './components/ActionBar';
import { FindingsPanel } from './components/FindingsPanel';
import { FlagsPanel } from './components/FlagsPanel';
import { NoticePanel } from './components/NoticePanel';
import { NoticeFile } from './components/NoticeFile';
import { ResultBar, type ResultMessage } from './components/ResultBar';
import { OfficeLimits } from './components/OfficeLimits';
import { TableCard } from './components/TableCard';
import { countBySeverity, editEffect, errorCount, listedFindings, noticeLines, previewView, staleUnits } from './logic';
import type { ConfirmRequest } from './components/ConfirmDialog';
import { LocaleProvider } from './locale';
import { useFocusReturn } from './focusReturn';

export interface AppProps {
  host: ScorecardHost;
  locale: Locale;
  /** Fluent theme; light unless the host is dark (the entry loads the dark one only then). */
  theme?: Theme;
  /** Quiet time after the last edit before the sheet is checked again (typing raises one event per cell). */
  editDebounceMs?: number;
}

// The dialogs (and Fluent's motion code behind them) are loaded on first use, off the first screen.
const PreviewDialog = lazy(() => import('./components/PreviewDialog').then((m) => ({ default: m.PreviewDialog })));
const ConfirmDialog = lazy(() => import('./components/ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })));

// Settings sit at the bottom of the pane: their inputs load after the first screen.
// Shown only once a 年度汇总 is previewed or written: fetched then.
const YearPanel = lazy(() => import('./components/YearPanel').then((m) => ({ default: m.YearPanel })));
const SettingsPanel = lazy(() => import('./components/SettingsPanel').then((m) => ({ default: m.SettingsPanel })));

type Work = 'inspect' | 'preview' | 'apply' | 'summary' | 'undo' | 'clearFlags' | 'settings' | 'year';

/** Where a result is shown: next to the control that caused it. */
type Place = 'actions' | 'notice' | 'settings';

const EDIT_DEBOUNCE_MS = 400;

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '640px',
  },
  progress: { position: 'sticky', top: 0, zIndex: 1 },
  editLines: { display: 'block' },
});

export function App({ host, locale, theme = webLightTheme, editDebounceMs = EDIT_DEBOUNCE_MS }: AppProps) {
  const styles = useStyles();
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(key, locale, params), [locale]);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [work, setWork] = useState<Work | null>('inspect');
  const [placed, setPlaced] = useState<{ place: Place; message: ResultMessage } | null>(null);
  const [editNote, setEditNote] = useState<ResultMessage | null>(null);
  const [preview, setPreview] = useState<RecalcPreview | null>(null);
  const [dialogLoaded, setDialogLoaded] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [confirmLoaded, setConfirmLoaded] = useState(false);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const latestInspect = useRef(0);
  const current = useRef<Inspection | null>(null);
  // The button the user pressed: focus goes back to it once the action (and any dialog) is over.

  const show = useCallback((place: Place, message: ResultMessage | null) => setPlaced(message ? { place, message } : null), []);
  const setResult = useCallback((message: ResultMessage | null) => show('actions', message), [show]);
  // #14 year
  const [yearPreview, setYearPreview] = useState<YearPreview | null>(null);
  const [yearWritten, setYearWritten] = useState<string | null>(null);
  const [periodContext, setPeriodContext] = useState<PeriodContext | null>(null);

  const failure = useCallback(
    ({ error }: HostFailure): ResultMessage => ({
      intent: 'error',
      text: t(error.key, error.params),
      detail: error.officeCode ? t('ui.result.officeCode', { code: error.officeCode }) : t('ui.result.failed'),
    }),
    [t],
  );

  /** Run one host call with the progress indicator; a thrown error becomes a message, never a blank pane. */
  const guarded = useCallback(
    async <T,>(kind: Work, call: () => Promise<HostOutcome<T>>, place: Place = 'actions'): Promise<HostOutcome<T> | null> => {
      setWork(kind);
      try {
        const outcome = await call();
        if (!outcome.ok) show(place, failure(outcome));
        return outcome;
      } catch (error) {
        show(place, { intent: 'error', text: t('ui.result.unexpected', { detail: error instanceof Error ? error.message : String(error) }) });
        return null;
      } finally {
        setWork(null);
      }
    },
    [failure, show, t],
  );

  const refresh = useCallback(async (): Promise<Inspection | null> => {
    const ticket = ++latestInspect.current;
    const outcome = await guarded('inspect', () => host.inspect());
    // A slower, older read must not overwrite a newer one (fast sheet switching).
    if (ticket !== latestInspect.current || !outcome?.ok) return null;
    current.current = outcome.value;
    setInspection(outcome.value);
    // #14 year: movement against the previous period, read only when other sheets could be periods.
    setPeriodContext(null);
    if ((outcome.value.periodCandidates?.length ?? 0) > 1 && outcome.value.analysis.kind === 'table') {
      void host.periodContext().then((c) => {
        if (ticket === latestInspect.current && c.ok) setPeriodContext(c.value);
      }, () => undefined);
    }
    return outcome.value;
  }, [guarded, host]);

  useEffect(() => {
    let unsubscribe: (() => void) | null = null;
    let alive = true;
    void refresh();
    host
      .onActiveSheetChanged(() => {
        setResult(null);
        setEditNote(null);
        void refresh();
      })
      .then((off) => (alive ? (unsubscribe = off) : off()))
      .catch(() => undefined);
    return () => {
      alive = false;
      unsubscribe?.();
    };
  }, [host, refresh, setResult]);

  // After the user edits the sheet, check it again (once typing pauses) and say what the edit did.
  const sheetName = inspection?.sheetName ?? null;
  useEffect(() => {
    if (sheetName === null) return;
    let unsubscribe: (() => void) | null = null;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let edited = '';
    const recheck = async () => {
      const before = current.current;
      const fresh = await refresh();
      if (!fresh || !alive) return;
      const effect = editEffect(before, fresh);
      const parts: string[] = [];
      if (effect.newErrors) parts.push(t('ui.edit.newErrors', { n: effect.newErrors, cell: effect.firstCell ?? '' }));
      if (effect.fixedErrors) parts.push(t('ui.edit.fixed', { n: effect.fixedErrors }));
      if (effect.staleUnits) parts.push(t('ui.edit.stale', { n: effect.staleUnits }));
      if (parts.length === 0) parts.push(t('ui.edit.clean'));
      setEditNote({
        intent: effect.newErrors ? 'error' : effect.staleUnits ? 'warning' : 'info',
        text: t('ui.edit.heading', { cell: edited }),
        detail: parts.join(' '),
      });
    };
    host
      .onSheetEdited(sheetName, (address) => {
        edited = address;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void recheck(), editDebounceMs);
      })
      .then((off) => (alive ? (unsubscribe = off) : off()))
      .catch(() => undefined);
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [host, sheetName, refresh, editDebounceMs, t]);

  /** Ask before doing something over a sheet with errors; resolves with the user's answer. */
  const ask = useCallback((request: ConfirmRequest) => {
    setConfirmLoaded(true);
    setConfirm(request);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, []);

  const onAnswer = (yes: boolean) => {
    setConfirm(null);
    const resolve = answer.current;
    answer.current = null;
    resolve?.(yes);
  };

  const idle = work === null && preview === null && confirm === null;
  const remember = useFocusReturn(idle);

  const onAction = async (action: ActionName) => {
    remember();
    setResult(null);
    switch (action) {
      case 'check': {
        setEditNote(null);
        const fresh = await refresh();
        if (fresh) {
          if (fresh.analysis.kind === 'ownSheet') {
            setResult({ intent: 'info', text: t('ui.findings.ownSummary') });
            return;
          }
          const c = countBySeverity(listedFindings(fresh.analysis.findings));
          const stale = staleUnits(fresh.analysis.findings);
          const warnings = c.warning + (stale ? 1 : 0);
          setResult({
            intent: c.error ? 'error' : warnings ? 'warning' : 'success',
            text: t('ui.findings.summary', { errors: c.error, warnings, infos: c.info }),
          });
        }
        return;
      }
      case 'recalc': {
        const outcome = await guarded('preview', () => host.previewRecalc());
        if (outcome?.ok) {
          current.current = outcome.value.inspection;
          setInspection(outcome.value.inspection);
          setDialogLoaded(true);
          setPreview(outcome.value);
        }
        return;
      }
      case 'summary': {
        const errors = current.current ? errorCount(current.current.analysis.findings) : 0;
        if (errors > 0) {
          const yes = await ask({
            title: t('ui.confirm.summary.title'),
            body: t('ui.confirm.summary.body', { n: errors }),
            confirm: t('ui.confirm.summary.ok', { n: errors }),
          });
          if (!yes) return;
        }
        const outcome = await guarded('summary', () => host.writeSummary(errors > 0 ? { allowErrors: true } : {}));
        if (outcome?.ok) {
          setResult(
            outcome.value.errors > 0
              ? { intent: 'warning', text: t('ui.result.summaryWithErrors', { sheet: outcome.value.sheetName, n: outcome.value.errors }) }
              : { intent: 'success', text: t('ui.result.summary', { sheet: outcome.value.sheetName }) },
          );
        }
        return;
      }
      case 'undo': {
        const outcome = await guarded('undo', () => host.undoLast());
        if (outcome?.ok) {
          setResult({ intent: 'success', text: t('ui.result.undo', { n: outcome.value.cellsWritten }) });
          await refresh();
        }
        return;
      }
      case 'year': {
        const outcome = await guarded('year', () => host.previewYear());
        if (outcome?.ok) setYearPreview(outcome.value);
        return;
      }
      case 'clearFlags': {
        const outcome = await guarded('clearFlags', () => host.clearFlags());
        if (outcome?.ok) {
          setResult(
            outcome.value.cellsWritten === 0
              ? { intent: 'info', text: t('ui.result.nothing') }
              : { intent: 'success', text: t('ui.result.clearFlags', { n: outcome.value.units ?? outcome.value.cellsWritten }) },
          );
          await refresh();
        }
        return;
      }
    }
  };

  const confirmPreview = async () => {
    const chosen = preview;
    setPreview(null);
    if (!chosen) return;
    const units = previewView(chosen).units;
    const outcome = await guarded('apply', () => host.applyRecalc(chosen));
    if (outcome?.ok) {
      setEditNote(null);
      setResult({ intent: 'success', text: t('ui.result.recalc', { n: outcome.value.cellsWritten, units }) });
      await refresh();
    }
  };

  const writeYear = async (force: boolean) => {
    const chosen = yearPreview;
    if (!chosen) return;
    setResult(null);
    const outcome = await guarded('year', () => host.applyYear(chosen, force));
    if (outcome?.ok) {
      setYearPreview(null);
      setYearWritten(outcome.value.sheetName);
      setResult({ intent: 'success', text: t('ui.result.year', { sheet: outcome.value.sheetName }) });
    }
  };

  const undoYear = async () => {
    setResult(null);
    const outcome = await guarded('undo', () => host.undoYear());
    if (outcome?.ok) {
      setYearWritten(null);
      setResult({ intent: 'success', text: t('ui.result.yearUndone') });
    }
  };

  const saveSettings = async (settings: ScorecardSettings) => {
    remember();
    const before = inspection?.settings;
    show('settings', null);
    const outcome = await guarded('settings', () => host.saveSettings(settings), 'settings');
    if (outcome?.ok) {
      // Ranks and the 标记 column in the sheet follow the rank mode and the flag switch only after a recalculation.
      const sheetStale =
        !before ||
        before.rankMode !== settings.rankMode ||
        before.flagColumn !== settings.flagColumn ||
        // 写入公式: the cells become formulas (or values) only when recalculated.
        (before.writeFormulas === true) !== (settings.writeFormulas === true);
      show('settings', { intent: sheetStale ? 'warning' : 'success', text: t(sheetStale ? 'ui.settings.savedRecalc' : 'ui.settings.savedNotice') });
      await refresh();
    }
  };

  const select = (sheet: string, address: string) => {
    void guarded('inspect', () => host.selectCell(sheet, address));
  };

  const busy = work !== null;
  const analysis = inspection?.analysis ?? null;
  const hasTable = analysis?.kind === 'table';
  const errors = analysis ? errorCount(analysis.findings) : 0;
  const ownSummary = analysis?.kind === 'ownSheet';
  const workLabel = work === null ? '' : work === 'inspect' && !inspection ? t('ui.loading') : t(`ui.working.${work}`);
  const resultAt = (place: Place) => (placed?.place === place ? placed.message : null);
  const actionResult = resultAt('actions');

  return (
    <FluentProvider theme={theme} className={styles.provider} lang={locale}>
      <LocaleProvider locale={locale}>
        {busy && <ProgressBar className={styles.progress} thickness="medium" aria-label={workLabel} />}
        <main className={styles.root} aria-busy={busy}>
          <Title3 as="h1">{t('ui.title')}</Title3>
          <ActionBar
            busy={busy}
            hasTable={hasTable}
            canUndo={inspection?.canUndo ?? false}
            canYear={(inspection?.periodCandidates?.length ?? 0) > 1}
            onAction={(a) => void onAction(a)}
          />
          {busy && <Spinner size="tiny" label={workLabel} labelPosition="after" data-testid="busy" />}
          {actionResult && <ResultBar result={actionResult} onDismiss={() => setResult(null)} />}
          {editNote && <ResultBar result={editNote} onDismiss={() => setEditNote(null)} testId="edit-note" />}
          {(yearPreview || yearWritten) && (
            <Suspense fallback={null}>
              <YearPanel
                preview={yearPreview}
                written={yearWritten}
                busy={busy}
                onWrite={(force) => void writeYear(force)}
                onCancel={() => setYearPreview(null)}
                onUndo={() => void undoYear()}
              />
            </Suspense>
          )}
          {inspection && (
            <>
              {/* Errors first: what to fix comes before what was detected. */}
              {!ownSummary && (
                <>
                  <FindingsPanel sheetName={inspection.sheetName} findings={inspection.analysis.findings} onSelect={select} />
                  <Divider />
                </>
              )}
              <TableCard inspection={inspection} />
              {inspection.officeLimits && <OfficeLimits limits={inspection.officeLimits} />}
              {hasTable && analysis && (
                <>
                  <Divider />
                  <FlagsPanel sheetName={inspection.sheetName} analysis={analysis} onSelect={select} context={periodContext} />
                  <Divider />
                  <NoticePanel
                    lines={noticeLines(analysis, periodContext)}
                    errors={errors}
                    confirm={(n) => {
                      remember();
                      return ask({ title: t('ui.confirm.copy.title'), body: t('ui.confirm.copy.body', { n }), confirm: t('ui.confirm.copy.ok', { n }) });
                    }}
                    onCopied={(ok) =>
                      show('notice', ok ? { intent: 'success', text: t('ui.notice.copied') } : { intent: 'warning', text: t('ui.notice.copyFailed') })
                    }
                    result={resultAt('notice')}
                    onDismissResult={() => show('notice', null)}
                  />
                  <NoticeFile analysis={analysis} onResult={(ok, text) => setResult({ intent: ok ? 'success' : 'warning', text })} />
                </>
              )}
              <Divider />
              <Suspense fallback={null}>
                <SettingsPanel
                  settings={inspection.settings}
                  busy={busy}
                  onSave={(s) => void saveSettings(s)}
                  result={resultAt('settings')}
                  onDismissResult={() => show('settings', null)}
                />
              </Suspense>
            </>
          )}
        </main>
        {/* Once loaded a dialog stays mounted and closes through its `open` prop: unmounting it
            while open would leave Fluent's aria-hidden on the pane, hiding it from screen readers. */}
        {dialogLoaded && (
          <Suspense fallback={null}>
            <PreviewDialog preview={preview} onConfirm={() => void confirmPreview()} onCancel={() => setPreview(null)} />
          </Suspense>
        )}
        {confirmLoaded && (
          <Suspense fallback={null}>
            <ConfirmDialog request={confirm} onAnswer={onAnswer} />
          </Suspense>
        )}
      </LocaleProvider>
    </FluentProvider>
  );
}
