/**
 * A foldable section: a header button (aria-expanded, aria-controls) and the panel it shows.
 * The pane's findings groups and table card fold with this instead of Fluent's Accordion, whose
 * motion and arrow-key mover made up a tenth of the pane's first-screen script (#11 item 9);
 * each fold is its own Tab stop, as the Accordion's headers were.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    minHeight: '44px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  end: { justifyContent: 'space-between' },
  title: { display: 'flex', alignItems: 'center', flexGrow: 1 },
  icon: { flexShrink: 0, color: tokens.colorNeutralForeground2 },
  panel: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}` },
});

export function Fold(props: {
  header: ReactNode;
  defaultOpen: boolean;
  children: ReactNode;
  /** Where the chevron sits: before the header (a list of groups) or after it (a card). */
  iconAt?: 'start' | 'end';
  'aria-label'?: string;
  testId?: string;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(props.defaultOpen);
  const panelId = useId();
  const icon = open ? <ChevronDown20Regular className={styles.icon} /> : <ChevronRight20Regular className={styles.icon} />;
  const end = props.iconAt === 'end';
  return (
    <div>
      <button
        type="button"
        className={end ? `${styles.header} ${styles.end}` : styles.header}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={props['aria-label']}
        data-testid={props.testId}
        onClick={() => setOpen((o) => !o)}
      >
        {!end && icon}
        <span className={styles.title}>{props.header}</span>
        {end && icon}
      </button>
      {/* Folded content leaves the page, as the Accordion's did: it is neither read nor tabbed to. */}
      <div id={panelId} className={styles.panel} hidden={!open}>
        {open && props.children}
      </div>
    </div>
  );
}
