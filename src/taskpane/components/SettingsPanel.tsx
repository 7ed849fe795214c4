import { Button, Field, Radio, RadioGroup, SpinButton, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { TOP_N_LIMITS } from '../../core/rules';
import type { ScorecardSettings } from '../../host/port';
import { useT } from '../locale';
import { ResultBar, type ResultMessage } from './ResultBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** The bounds the core holds top N to (core/rules), so the field offers nothing the core refuses. */
export const TOP_N_MIN = TOP_N_LIMITS.min;
export const TOP_N_MAX = TOP_N_LIMITS.max;

export function clampTopN(n: number): number {
  if (!Number.isFinite(n)) return 3;
  return Math.min(TOP_N_MAX, Math.max(TOP_N_MIN, Math.round(n)));
}

/** Rank mode, top N, flag column and 写入公式; saved into the workbook by the host. */
export function SettingsPanel(props: {
  settings: ScorecardSettings;
  busy: boolean;
  onSave: (s: ScorecardSettings) => void;
  /** The save's result, shown under the button that caused it. */
  result: ResultMessage | null;
  onDismissResult: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const [draft, setDraft] = useState(props.settings);
  useEffect(() => setDraft(props.settings), [props.settings]);
  const changed =
    draft.rankMode !== props.settings.rankMode ||
    draft.topN !== props.settings.topN ||
    draft.flagColumn !== props.settings.flagColumn ||
    (draft.writeFormulas === true) !== (props.settings.writeFormulas === true);
  return (
    <section className={styles.root} aria-labelledby="settings-heading" data-testid="settings">
      <Subtitle2 id="settings-heading">{t('ui.settings.heading')}</Subtitle2>
      <Field label={t('ui.settings.rankMode')}>
        <RadioGroup
          value={draft.rankMode}
          onChange={(_, data) => setDraft({ ...draft, rankMode: data.value === 'dense' ? 'dense' : 'competition' })}
        >
          <Radio value="competition" label={t('ui.settings.competition')} />
          <Radio value="dense" label={t('ui.settings.dense')} />
        </RadioGroup>
      </Field>
      <Field label={t('ui.settings.topN')}>
        <SpinButton
          value={draft.topN}
          min={TOP_N_MIN}
          max={TOP_N_MAX}
          onChange={(_, data) => {
            const raw = data.value ?? Number(data.displayValue);
            if (raw !== undefined && raw !== null && !Number.isNaN(raw)) setDraft({ ...draft, topN: clampTopN(raw) });
          }}
        />
      </Field>
      <Switch
        checked={draft.flagColumn}
        label={t('ui.settings.flagColumn')}
        onChange={(_, data) => setDraft({ ...draft, flagColumn: data.checked })}
      />
      <Field hint={t('ui.settings.writeFormulasHint')}>
        <Switch
          checked={draft.writeFormulas === true}
          label={t('ui.settings.writeFormulas')}
          onChange={(_, data) => setDraft({ ...draft, writeFormulas: data.checked })}
        />
      </Field>
      <div>
        {/* aria-disabled rather than disabled when there is nothing to save: after a save the
            button keeps the focus the user gave it. */}
        <Button disabledFocusable={props.busy || !changed} onClick={() => props.onSave(draft)}>
          {t('ui.settings.save')}
        </Button>
      </div>
      {props.result && <ResultBar result={props.result} onDismiss={props.onDismissResult} testId="settings-result" />}
    </section>
  );
}
