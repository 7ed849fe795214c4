import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Inspection } from '../../host/port';
import { formatFinding } from '../../i18n';
import { ledgerOverview, tableOverview } from '../logic';
import { useLocale, useT } from '../locale';
import { Fold } from './Fold';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  rules: { color: tokens.colorNeutralForeground2 },
  none: { color: tokens.colorPaletteRedForeground1 },
});

/** The detected table (sheet, period, categories, rules), foldable; or why none was found. */
export function TableCard({ inspection }: { inspection: Inspection }) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const overview = tableOverview(inspection);
  const colon = t('sep.colon');
  if (!overview) {
    // On the add-in's own summary sheet there is nothing wrong: a neutral note says where to go.
    if (inspection.analysis.findings.some((f) => f.code === 'SUMMARY_SHEET')) {
      return (
        <section className={styles.root} aria-labelledby="table-heading" data-testid="table-none">
          <Subtitle2 id="table-heading">{t('ui.table.sheet')}{colon}{inspection.sheetName}</Subtitle2>
          <MessageBar intent="info" data-testid="own-summary">
            <MessageBarBody>{t('ui.findings.ownSummary')}</MessageBarBody>
          </MessageBar>
        </section>
      );
    }
    const reasons = inspection.analysis.findings.filter((f) => f.severity === 'error');
    return (
      <section className={styles.root} aria-labelledby="table-heading" data-testid="table-none">
        <Subtitle2 id="table-heading" className={styles.none}>{t('ui.table.none')}</Subtitle2>
        <Text>{t('ui.table.sheet')}{colon}{inspection.sheetName}</Text>
        {reasons.map((f, i) => (
          <Text key={i}>{formatFinding(f, locale)}</Text>
        ))}
        <Caption1>{t('ui.table.noneHint')}</Caption1>
      </section>
    );
  }
  const rankLabel = t(`ui.rules.rankMode.${overview.rankMode}`);
  return (
    <section className={styles.root} aria-labelledby="table-heading" data-testid="table-card">
      <Fold defaultOpen iconAt="end" aria-label={t('ui.table.fold')} testId="table-fold" header={<Subtitle2 id="table-heading">{t('ui.table.heading')}</Subtitle2>}>
        <dl className={styles.facts}>
          <dt className={styles.term}>{t('ui.table.sheet')}</dt>
          <dd className={styles.detail} data-testid="table-sheet">{overview.sheetName}</dd>
          <dt className={styles.term}>{t('ui.table.period')}</dt>
          <dd className={styles.detail}>{overview.period ?? t('ui.table.periodUnknown')}</dd>
          <dt className={styles.term}>{t('ui.table.categories')}</dt>
          <dd className={styles.detail}>
            <ul className={styles.list}>
              {overview.categories.map((c, i) => (
                <li key={i}>
                  {c.name}{colon}{t('ui.table.units', { n: c.units })}
                  <span className={styles.rules}>
                    {t('sep.dot')}
                    {c.baseCap === null ? t('ui.rules.noCap') : t('ui.rules.baseCap', { cap: c.baseCap })}
                    {c.bonusCap === null ? '' : `${t('sep.dot')}${t('ui.rules.bonusCap', { cap: c.bonusCap })}`}
                  </span>
                </li>
              ))}
            </ul>
          </dd>
          <dt className={styles.term}>{t('ui.rules.heading')}</dt>
          <dd className={styles.detail}>
            {overview.baseStep !== null && overview.adoptionStep !== null
              ? t('ui.rules.steps', { base: overview.baseStep, adoption: overview.adoptionStep })
              : t('ui.rules.noSteps')}
            {t('sep.list')}
            {t('ui.rules.topN', { n: overview.topN })}
            {t('sep.list')}
            {rankLabel}
          </dd>
          <LedgerFacts inspection={inspection} />
        </dl>
      </Fold>
    </section>
  );
}

/** #13 ledger: which ledger and roster were found (rows, period, names the roster does not know). */
function LedgerFacts({ inspection }: { inspection: Inspection }) {
  const styles = useStyles();
  const t = useT();
  const o = ledgerOverview(inspection.analysis);
  if (!o) return null;
  return (
    <>
      <dt className={styles.term}>{t('ui.ledger.ledger')}</dt>
      <dd className={styles.detail} data-testid="table-ledger">
        {o.ledger
          ? [
              t('ui.ledger.found', { sheet: o.ledger.sheet, rows: o.ledger.rows, counted: o.ledger.counted }),
              o.period ? t('ui.ledger.period', { start: o.period.start, end: o.period.end }) : t('ui.ledger.noPeriod'),
              o.ledger.outside > 0 ? t('ui.ledger.outside', { n: o.ledger.outside }) : '',
              o.ledger.unknown.length > 0 ? t('ui.ledger.unknown', { names: o.ledger.unknown.join(t('sep.names')) }) : '',
              o.points ? t('ui.ledger.points') : '',
            ]
              .filter(Boolean)
              .join(t('sep.list'))
          : t('ui.ledger.none')}
      </dd>
      <dt className={styles.term}>{t('ui.ledger.roster')}</dt>
      <dd className={styles.detail} data-testid="table-roster">
        {o.roster ? t('ui.ledger.rosterSheet', { sheet: o.roster }) : t('ui.ledger.rosterTable')}
      </dd>
    </>
  );
}
