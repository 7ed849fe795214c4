import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { UserMessage } from '../../host/port';
import { useT } from '../locale';

/** #11 old Office: what this Excel leaves out, each line naming the Office that has it. */
export function OfficeLimits(props: { limits: readonly UserMessage[] }) {
  const t = useT();
  if (!props.limits.length) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="office-limits">
      <MessageBarBody>
        <MessageBarTitle>{t('ui.office.limits')}</MessageBarTitle>
        <ul>
          {props.limits.map((m) => (
            <li key={m.key}>{t(m.key, m.params)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
