import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RecalcPreview } from '../../excel/contract';
import { previewView } from '../logic';
import { useT } from '../locale';

const MAX_ROWS = 50;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  scroller: { maxHeight: '50vh', overflowY: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, overflowWrap: 'anywhere' },
  moved: { fontWeight: tokens.fontWeightSemibold },
});

/** Confirmation before a recalculation writes: cell count and every unit whose total or rank moves. */
export function PreviewDialog(props: { preview: RecalcPreview | null; onConfirm: () => void; onCancel: () => void }) {
  const styles = useStyles();
  const t = useT();
  const { preview } = props;
  const view = preview ? previewView(preview) : null;
  const arrow = (before: string, after: string) => `${before === '' ? t('ui.preview.blank') : before} → ${after}`;
  return (
    <Dialog open={preview !== null} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : props.onCancel())}>
      <DialogSurface aria-describedby="preview-summary" data-testid="preview-dialog">
        <DialogBody>
          <DialogTitle>{t('ui.preview.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {view && (
              <>
                {view.errors > 0 && (
                  <MessageBar intent="error">
                    <MessageBarBody>{t('ui.preview.errors', { n: view.errors })}</MessageBarBody>
                  </MessageBar>
                )}
                <Text id="preview-summary">
                  {view.cells === 0
                    ? t('ui.preview.noChange')
                    : t('ui.preview.cells', { sheet: view.sheetName, n: view.cells, flags: view.writesFlags ? t('ui.preview.cellsFlags') : '' })}
                </Text>
                {view.changes.length > 0 && (
                  <>
                    <Text>{t('ui.preview.changes', { n: view.changes.length })}</Text>
                    <div className={styles.scroller}>
                      <table className={styles.table} data-testid="preview-changes">
                        <thead>
                          <tr>
                            <th className={styles.th}>{t('ui.preview.unit')}</th>
                            <th className={styles.th}>{t('ui.preview.total')}</th>
                            <th className={styles.th}>{t('ui.preview.rank')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {view.changes.slice(0, MAX_ROWS).map((c, i) => (
                            <tr key={i}>
                              <td className={styles.td}>{c.unit}</td>
                              <td className={styles.td}>{arrow(c.totalBefore, c.totalAfter)}</td>
                              <td className={styles.td}>{arrow(c.rankBefore, c.rankAfter)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                      {view.changes.length > MAX_ROWS && <Text>{t('ui.preview.more', { n: view.changes.length - MAX_ROWS })}</Text>}
                    </div>
                  </>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onCancel}>
              {t('ui.preview.cancel')}
            </Button>
            <Button appearance="primary" disabled={!view || view.errors > 0 || view.cells === 0} onClick={props.onConfirm}>
              {t('ui.preview.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
