import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowSync20Regular,
  ArrowUndo20Regular,
  CheckmarkCircle20Regular,
  Eraser20Regular,
  CalendarLtr20Regular,
  TableSimple20Regular,
} from '@fluentui/react-icons';
import { useT } from '../locale';

export type ActionName = 'check' | 'recalc' | 'summary' | 'undo' | 'clearFlags' | 'year';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function ActionBar(props: {
  busy: boolean;
  hasTable: boolean;
  canUndo: boolean;
  /** #14 year: the workbook holds more than one sheet that could be a period. */
  canYear?: boolean;
  onAction: (action: ActionName) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const { busy, hasTable, canUndo, onAction } = props;
  // While busy the buttons are aria-disabled but stay focusable: the pressed one keeps the focus.
  return (
    <div className={styles.bar} role="toolbar" aria-label={t('ui.actions.label')}>
      <Button icon={<CheckmarkCircle20Regular />} disabledFocusable={busy} onClick={() => onAction('check')}>
        {t('ui.action.check')}
      </Button>
      <Button appearance="primary" icon={<ArrowSync20Regular />} disabled={!hasTable} disabledFocusable={busy && hasTable} onClick={() => onAction('recalc')}>
        {t('ui.action.recalc')}
      </Button>
      <Button icon={<TableSimple20Regular />} disabled={!hasTable} disabledFocusable={busy && hasTable} onClick={() => onAction('summary')}>
        {t('ui.action.summary')}
      </Button>
      <Button icon={<ArrowUndo20Regular />} disabled={!canUndo} disabledFocusable={busy && canUndo} onClick={() => onAction('undo')}>
        {t('ui.action.undo')}
      </Button>
      <Button icon={<Eraser20Regular />} disabled={!hasTable} disabledFocusable={busy && hasTable} onClick={() => onAction('clearFlags')}>
        {t('ui.action.clearFlags')}
      </Button>
      {props.canYear && (
        <Button icon={<CalendarLtr20Regular />} disabled={busy} onClick={() => onAction('year')} data-testid="action-year">
          {t('ui.action.year')}
        </Button>
      )}
    </div>
  );
}
