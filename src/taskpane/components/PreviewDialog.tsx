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
import type { RecalcPreview } from '../../host/port';
import { previewView, type PreviewView } from '../logic';
import { useT } from '../locale';

const MAX_ROWS = 50;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  scroller: { maxHeight: '50vh', overflowY: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, overflowWrap: 'anywhere' },
  moved: { fontWeight: tokens.fontWeightSemibold },
  category: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS}`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
});

/** The first `max` changed units, keeping their category groups (and each group's full count). */
function shown(groups: PreviewView['groups'], max: number): Array<PreviewView['groups'][number] & { total: number }> {
  const out: Array<PreviewView['groups'][number] & { total: number }> = [];
  let left = max;
  for (const g of groups) {
    if (left <= 0) break;
    out.push({ category: g.category, changes: g.changes.slice(0, left), total: g.changes.length });
    left -= g.changes.length;
  }
  return out;
}

/** Confirmation before a recalculation writes: cell count and, by category, every unit whose total or rank moves. */
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
                {view.units > 0 && (
                  <>
                    <Text>{t('ui.preview.changes', { n: view.units })}</Text>
                    <div className={styles.scroller}>
                      <table className={styles.table} data-testid="preview-changes">
                        <thead>
                          <tr>
                            <th className={styles.th}>{t('ui.preview.unit')}</th>
                            <th className={styles.th}>{t('ui.preview.total')}</th>
                            <th className={styles.th}>{t('ui.preview.rank')}</th>
                          </tr>
                        </thead>
                        {shown(view.groups, MAX_ROWS).map((group) => (
                          <tbody key={group.category} data-testid="preview-category">
                            <tr>
                              <th className={styles.category} colSpan={3} scope="colgroup">
                                {t('ui.preview.category', { category: group.category, n: group.total })}
                              </th>
                            </tr>
                            {group.changes.map((c, i) => (
                              <tr key={i}>
                                <td className={styles.td}>{c.unit}</td>
                                <td className={styles.td}>{arrow(c.totalBefore, c.totalAfter)}</td>
                                <td className={styles.td}>{arrow(c.rankBefore, c.rankAfter)}</td>
                              </tr>
                            ))}
                          </tbody>
                        ))}
                      </table>
                      {view.units > MAX_ROWS && <Text>{t('ui.preview.more', { n: view.units - MAX_ROWS })}</Text>}
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
