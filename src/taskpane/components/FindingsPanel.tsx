import {
  Badge,
  Caption1,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding, Severity } from '../../core';
import { formatFinding } from '../../i18n';
import { findingTarget, groupFindings, listedFindings, staleUnits } from '../logic';
import { useLocale, useT } from '../locale';
import { Fold } from './Fold';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    border: 'none',
    background: 'none',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  static: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, overflowWrap: 'anywhere' },
  badge: { marginLeft: tokens.spacingHorizontalS },
});

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/**
 * Findings grouped by severity, errors first; clicking one selects its cell. Totals and ranks
 * that differ from the recalculation are one line at the top of the warnings (one Tab stop,
 * not one per cell), saying that 重新计算排名 updates them.
 */
export function FindingsPanel(props: { sheetName: string; findings: readonly Finding[]; onSelect: (sheet: string, address: string) => void }) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const stale = staleUnits(props.findings);
  const groups = groupFindings(listedFindings(props.findings));
  if (stale > 0 && !groups.some((g) => g.severity === 'warning')) {
    groups.splice(groups.findIndex((g) => g.severity === 'info') === -1 ? groups.length : groups.findIndex((g) => g.severity === 'info'), 0, { severity: 'warning', findings: [] });
  }
  return (
    <section className={styles.root} aria-labelledby="findings-heading" data-testid="findings">
      <Subtitle2 id="findings-heading">{t('ui.findings.heading')}</Subtitle2>
      {groups.length === 0 ? (
        <Text>{t('ui.findings.none')}</Text>
      ) : (
        <>
          <Caption1>{t('ui.findings.selectHint')}</Caption1>
          {/* Keyed by the groups present: a group that appears after an edit (new errors) opens, not hidden folded. */}
          <div key={groups.map((g) => g.severity).join()}>
            {groups.map((group) => {
              const staleLine = group.severity === 'warning' && stale > 0;
              return (
                <Fold
                  key={group.severity}
                  defaultOpen={group.severity !== 'info'}
                  header={
                    <>
                      {t(`severity.${group.severity}`)}
                      <Badge className={styles.badge} appearance="filled" color={BADGE[group.severity]}>
                        {t('ui.findings.count', { n: group.findings.length + (staleLine ? 1 : 0) })}
                      </Badge>
                    </>
                  }
                >
                  <ul className={styles.list}>
                    {staleLine && (
                      <li>
                        <div className={styles.static} data-testid="stale-line">{t('ui.findings.stale', { n: stale })}</div>
                      </li>
                    )}
                    {group.findings.map((f, i) => {
                      const target = findingTarget(props.sheetName, f);
                      const text = formatFinding(f, locale);
                      return (
                        <li key={i}>
                          {target ? (
                            <button
                              type="button"
                              className={styles.item}
                              data-testid="finding"
                              data-cell={target.address}
                              data-severity={f.severity}
                              onClick={() => props.onSelect(target.sheet, target.address)}
                            >
                              {text}
                            </button>
                          ) : (
                            <div className={styles.static} data-testid="finding" data-severity={f.severity}>{text}</div>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </Fold>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
