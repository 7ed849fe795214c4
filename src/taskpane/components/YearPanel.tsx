/**
 * #14 year: the 年度汇总 preview (periods, each category's units with their year total, rank and
 * movement, the annual notice lines, the year's problems), its write and its undo, and the annual
 * notice saved as a Word file like the quarterly one (NoticeFile). Cell text is rendered by React
 * as text, never as HTML.
 */
import { DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { Button, Checkbox, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatCents, movementText, yearAttachment, type Year } from '../../core';
import type { YearPreview } from '../../host/port';
import { formatFinding, flagLabel, t as translate } from '../../i18n';
import { useLocale, useT } from '../locale';
import { useDocxSave } from './NoticeFile';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  lines: { margin: 0, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', userSelect: 'text' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Units shown per category in the pane; the sheet holds them all. */
const SHOWN = 10;

/** The annual notice and the year's table (附件) as .docx bytes; with errors, the warning line first. */
export async function yearDocxOf(year: Year): Promise<Uint8Array> {
  const { noticeDocx } = await import('../../docx/notice');
  const errors = year.findings.filter((f) => f.severity === 'error').length;
  // The document is Chinese whatever the pane's language: the warning is too.
  const warning = errors > 0 ? translate('ui.year.docxWarning', 'zh-CN', { errors }) : null;
  return noticeDocx(year.annual, yearAttachment(year), { warning });
}

export function yearDocxName(year: Year): string {
  return `${year.annual.title}.docx`.replace(/[\\/:*?"<>|]/g, '_');
}

export function YearPanel(props: {
  preview: YearPreview | null;
  /** The sheet the product last wrote, so it can be undone. */
  written: string | null;
  busy: boolean;
  onWrite: (force: boolean) => void;
  onCancel: () => void;
  onUndo: () => void;
  /** Where the Word file goes (default: a browser download). */
  save?: (bytes: Uint8Array, fileName: string) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const [confirmed, setConfirmed] = useState(false);
  const docx = useDocxSave(props.save);
  const [saved, setSaved] = useState<string | null>(null);
  const { preview, written, busy } = props;
  if (!preview && !written) return null;
  const problems = preview ? preview.year.findings.filter((f) => f.severity !== 'info') : [];
  return (
    <section className={styles.root} aria-labelledby="year-heading" data-testid="year-panel">
      <Subtitle2 id="year-heading">{t('ui.year.heading')}</Subtitle2>
      {preview && (
        <>
          <Text data-testid="year-periods">{t('ui.year.periods', { n: preview.year.periods.length, periods: preview.year.periods.map((p) => p.label).join(t('sep.names')) })}</Text>
          {preview.year.categories.map((c) => (
            <Table key={c.name} size="extra-small" aria-label={c.name} data-testid="year-category">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('ui.year.col.rank')}</TableHeaderCell>
                  <TableHeaderCell>{c.name}</TableHeaderCell>
                  <TableHeaderCell>{t('ui.year.col.total')}</TableHeaderCell>
                  <TableHeaderCell>{t('ui.year.col.movement')}</TableHeaderCell>
                  <TableHeaderCell>{t('ui.year.col.flags')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.units.slice(0, SHOWN).map((u) => (
                  <TableRow key={u.name} data-testid="year-unit">
                    <TableCell>{u.rank}</TableCell>
                    <TableCell>{u.name}</TableCell>
                    <TableCell>{formatCents(u.totalCents)}</TableCell>
                    <TableCell data-testid="year-movement">{movementText(u)}</TableCell>
                    <TableCell>{u.flags.map((f) => flagLabel(f, locale)).join(t('sep.names'))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ))}
          <Text weight="semibold">{t('ui.year.notice')}</Text>
          <pre className={styles.lines} data-testid="year-notice">
            {preview.year.notice.join('\n')}
          </pre>
          <div className={styles.buttons}>
            <Button
              icon={<DocumentArrowDown20Regular />}
              disabled={docx.busy}
              data-testid="year-save-docx"
              onClick={async () => {
                const year = preview.year;
                setSaved((await docx.run(yearDocxName(year), () => yearDocxOf(year))).text);
              }}
            >
              {t('ui.notice.saveDocx')}
            </Button>
            {saved && <Text data-testid="year-docx-result">{saved}</Text>}
          </div>
          {problems.length > 0 && (
            <ul className={styles.problems} data-testid="year-problems">
              {problems.map((f, i) => (
                <li key={i}>{formatFinding(f, locale)}</li>
              ))}
            </ul>
          )}
          {preview.year.blocked && (
            <Checkbox checked={confirmed} onChange={(_e, d) => setConfirmed(d.checked === true)} label={t('ui.year.confirmErrors')} data-testid="year-confirm" />
          )}
          <Text>{t(preview.replaces ? 'ui.year.willReplace' : 'ui.year.willAdd', { sheet: preview.sheetName })}</Text>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || (preview.year.blocked && !confirmed)} onClick={() => props.onWrite(preview.year.blocked && confirmed)} data-testid="year-write">
              {t('ui.year.write')}
            </Button>
            <Button disabled={busy} onClick={props.onCancel}>
              {t('ui.year.cancel')}
            </Button>
          </div>
        </>
      )}
      {!preview && written && (
        <div className={styles.buttons}>
          <Text>{t('ui.result.year', { sheet: written })}</Text>
          <Button disabled={busy} onClick={props.onUndo} data-testid="year-undo">
            {t('ui.year.undo')}
          </Button>
        </div>
      )}
    </section>
  );
}
