import {
  Divider,
  FluentProvider,
  ProgressBar,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { HostOutcome, Inspection, RecalcPreview, ScorecardHost, ScorecardSettings, UserMessage, YearPreview } from '../excel/contract';
import type { PeriodContext } from '../core';
import { YearPanel } from './components/YearPanel';
import { t as translate, type Locale } from '../i18n';
import { ActionBar, type ActionName } from './components/ActionBar';
import { FindingsPanel } from './components/FindingsPanel';
import { FlagsPanel } from './components/FlagsPanel';
import { NoticePanel } from './components/NoticePanel';
import { ResultBar, type ResultMessage } from './components/ResultBar';
import { TableCard } from './components/TableCard';
import { countBySeverity, noticeLines } from './logic';
import { LocaleProvider } from './locale';

export interface AppProps {
  host: ScorecardHost;
  locale: Locale;
  dark?: boolean;
}

// The dialog (and Fluent's motion code behind it) is loaded on first use, off the first screen.
const PreviewDialog = lazy(() => import('./components/PreviewDialog').then((m) => ({ default: m.PreviewDialog })));

// Settings sit at the bottom of the pane: their inputs load after the first screen.
const SettingsPanel = lazy(() => import('./components/SettingsPanel').then((m) => ({ default: m.SettingsPanel })));

type Work = 'inspect' | 'preview' | 'apply' | 'summary' | 'undo' | 'clearFlags' | 'settings' | 'year';

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
});

export function App({ host, locale, dark = false }: AppProps) {
  const styles = useStyles();
  const t = useCallback((key: string, params?: Record<string, string | number>) => translate(key, locale, params), [locale]);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [work, setWork] = useState<Work | null>('inspect');
  const [result, setResult] = useState<ResultMessage | null>(null);
  const [preview, setPreview] = useState<RecalcPreview | null>(null);
  const [dialogLoaded, setDialogLoaded] = useState(false);
  const latestInspect = useRef(0);
  // #14 year
  const [yearPreview, setYearPreview] = useState<YearPreview | null>(null);
  const [yearWritten, setYearWritten] = useState<string | null>(null);
  const [periodContext, setPeriodContext] = useState<PeriodContext | null>(null);

  const failure = useCallback(
    (outcome: { message: UserMessage; officeCode?: string }): ResultMessage => ({
      intent: 'error',
      text: t(outcome.message.key, outcome.message.params),
      detail: outcome.officeCode ? t('ui.result.officeCode', { code: outcome.officeCode }) : t('ui.result.failed'),
    }),
    [t],
  );

  /** Run one host call with the progress indicator; a thrown error becomes a message, never a blank pane. */
  const guarded = useCallback(
    async <T,>(kind: Work, call: () => Promise<HostOutcome<T>>): Promise<HostOutcome<T> | null> => {
      setWork(kind);
      try {
        const outcome = await call();
        if (!outcome.ok) setResult(failure(outcome));
        return outcome;
      } catch (error) {
        setResult({ intent: 'error', text: t('ui.result.unexpected', { detail: error instanceof Error ? error.message : String(error) }) });
        return null;
      } finally {
        setWork(null);
      }
    },
    [failure, t],
  );

  const refresh = useCallback(async (): Promise<Inspection | null> => {
    const ticket = ++latestInspect.current;
    const outcome = await guarded('inspect', () => host.inspect());
    // A slower, older read must not overwrite a newer one (fast sheet switching).
    if (ticket !== latestInspect.current || !outcome?.ok) return null;
    setInspection(outcome.value);
    // #14 year: movement against the previous period, read only when other sheets could be periods.
    setPeriodContext(null);
    if ((outcome.value.periodCandidates?.length ?? 0) > 1 && outcome.value.analysis.scored) {
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
        void refresh();
      })
      .then((off) => (alive ? (unsubscribe = off) : off()))
      .catch(() => undefined);
    return () => {
      alive = false;
      unsubscribe?.();
    };
  }, [host, refresh]);

  const onAction = async (action: ActionName) => {
    setResult(null);
    switch (action) {
      case 'check': {
        const fresh = await refresh();
        if (fresh) {
          const c = countBySeverity(fresh.analysis.findings);
          setResult({
            intent: c.error ? 'error' : c.warning ? 'warning' : 'success',
            text: t('ui.findings.summary', { errors: c.error, warnings: c.warning, infos: c.info }),
          });
        }
        return;
      }
      case 'recalc': {
        const outcome = await guarded('preview', () => host.previewRecalc());
        if (outcome?.ok) {
          setInspection(outcome.value.inspection);
          setDialogLoaded(true);
          setPreview(outcome.value);
        }
        return;
      }
      case 'summary': {
        const outcome = await guarded('summary', () => host.writeSummary());
        if (outcome?.ok) setResult({ intent: 'success', text: t('ui.result.summary', { sheet: outcome.value.sheetName }) });
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
              : { intent: 'success', text: t('ui.result.clearFlags', { n: outcome.value.cellsWritten }) },
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
    const outcome = await guarded('apply', () => host.applyRecalc(chosen));
    if (outcome?.ok) {
      setResult({ intent: 'success', text: t('ui.result.recalc', { n: outcome.value.cellsWritten }) });
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
    setResult(null);
    const outcome = await guarded('settings', () => host.saveSettings(settings));
    if (outcome?.ok) {
      setResult({ intent: 'success', text: t('ui.settings.saved') });
      await refresh();
    }
  };

  const select = (sheet: string, address: string) => {
    void guarded('inspect', () => host.selectCell(sheet, address));
  };

  const busy = work !== null;
  const analysis = inspection?.analysis ?? null;
  const hasTable = Boolean(analysis?.table);
  const workLabel = work === null ? '' : work === 'inspect' && !inspection ? t('ui.loading') : t(`ui.working.${work === 'preview' ? 'preview' : work}`);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider} lang={locale}>
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
          {result && <ResultBar result={result} onDismiss={() => setResult(null)} />}
          <YearPanel
            preview={yearPreview}
            written={yearWritten}
            busy={busy}
            onWrite={(force) => void writeYear(force)}
            onCancel={() => setYearPreview(null)}
            onUndo={() => void undoYear()}
          />
          {inspection && (
            <>
              <TableCard inspection={inspection} />
              <Divider />
              <FindingsPanel sheetName={inspection.sheetName} findings={inspection.analysis.findings} onSelect={select} />
              {hasTable && analysis && (
                <>
                  <Divider />
                  <FlagsPanel sheetName={inspection.sheetName} analysis={analysis} onSelect={select} context={periodContext} />
                  <Divider />
                  <NoticePanel
                    lines={noticeLines(analysis)}
                    onCopied={(ok) => setResult(ok ? { intent: 'success', text: t('ui.notice.copied') } : { intent: 'warning', text: t('ui.notice.copyFailed') })}
                  />
                </>
              )}
              <Divider />
              <Suspense fallback={null}>
                <SettingsPanel settings={inspection.settings} busy={busy} onSave={(s) => void saveSettings(s)} />
              </Suspense>
            </>
          )}
        </main>
        {/* Once loaded the dialog stays mounted and closes through its `open` prop: unmounting it
            while open would leave Fluent's aria-hidden on the pane, hiding it from screen readers. */}
        {dialogLoaded && (
          <Suspense fallback={null}>
            <PreviewDialog preview={preview} onConfirm={() => void confirmPreview()} onCancel={() => setPreview(null)} />
          </Suspense>
        )}
      </LocaleProvider>
    </FluentProvider>
  );
}
