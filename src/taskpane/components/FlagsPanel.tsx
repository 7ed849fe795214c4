import { Badge, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Analysis, PeriodContext } from '../../core';
import { flagLabel } from '../../i18n';
import { flagLists } from '../logic';
import { useLocale, useT } from '../locale';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  flag: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  label: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  units: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  unit: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
});

/** 零报送 / 基础数量不足 / 质量待提高 with their units; a unit selects its name cell. */
export function FlagsPanel(props: {
  sheetName: string;
  analysis: Analysis;
  onSelect: (sheet: string, address: string) => void;
  /** #14 year: each unit's rank movement against the previous period, when that sheet is in the workbook. */
  context?: PeriodContext | null;
}) {
  const moved = (name: string) => {
    const text = props.context?.units.get(name)?.text;
    return text ? <span data-testid="movement">{` ${text}`}</span> : null;
  };
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  return (
    <section className={styles.root} aria-labelledby="flags-heading" data-testid="flags">
      <Subtitle2 id="flags-heading">{t('ui.flags.heading')}</Subtitle2>
      {flagLists(props.analysis).map((list) => (
        <div key={list.code} className={styles.flag} data-testid={`flag-${list.code}`}>
          <span className={styles.label}>
            {flagLabel(list.code, locale)}
            <Badge appearance="tint" color={list.units.length ? 'warning' : 'subtle'}>
              {t('ui.flags.unitCount', { n: list.units.length })}
            </Badge>
          </span>
          {list.units.length === 0 ? (
            <Text>{t('ui.flags.none')}</Text>
          ) : (
            <div className={styles.units}>
              {list.units.map((u, i) =>
                u.address ? (
                  <button
                    key={i}
                    type="button"
                    className={styles.unit}
                    title={`${u.category} · ${u.address}`}
                    onClick={() => props.onSelect(props.sheetName, u.address!)}
                  >
                    {u.name}
                    {moved(u.name)}
                  </button>
                ) : (
                  <Text key={i}>
                    {u.name}
                    {moved(u.name)}
                  </Text>
                ),
              )}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
