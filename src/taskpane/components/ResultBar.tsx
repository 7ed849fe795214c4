import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useT } from '../locale';

export interface ResultMessage {
  intent: 'success' | 'error' | 'warning' | 'info';
  text: string;
  detail?: string;
}

const useStyles = makeStyles({ detail: { display: 'block', opacity: 0.8 } });

export function ResultBar(props: { result: ResultMessage; onDismiss: () => void; testId?: string }) {
  const styles = useStyles();
  const t = useT();
  const { result } = props;
  return (
    <MessageBar intent={result.intent} data-testid={props.testId ?? 'result'} role={result.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {result.text}
        {result.detail && <span className={styles.detail}>{result.detail}</span>}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" aria-label={t('ui.dismiss')} icon={<Dismiss20Regular />} onClick={props.onDismiss} />}
      />
    </MessageBar>
  );
}
