import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useT } from '../locale';

export interface ConfirmRequest {
  title: string;
  body: string;
  /** The confirming button's label: it names what is being accepted (e.g. the number of errors). */
  confirm: string;
}

/**
 * A deliberate yes/no before doing something over a sheet with errors. The safe choice
 * (取消) is the default button and takes the initial focus; the confirming one says what it accepts.
 */
export function ConfirmDialog(props: { request: ConfirmRequest | null; onAnswer: (yes: boolean) => void }) {
  const t = useT();
  const { request } = props;
  return (
    <Dialog open={request !== null} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : props.onAnswer(false))}>
      <DialogSurface aria-describedby="confirm-body" data-testid="confirm-dialog">
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent>
            <MessageBar intent="warning">
              <MessageBarBody id="confirm-body">{request?.body}</MessageBarBody>
            </MessageBar>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onAnswer(false)} data-testid="confirm-cancel">
              {t('ui.confirm.cancel')}
            </Button>
            <Button appearance="secondary" onClick={() => props.onAnswer(true)} data-testid="confirm-ok">
              {request?.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
