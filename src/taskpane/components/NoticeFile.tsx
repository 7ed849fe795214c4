/**
 * #13 ledger: beside the notice panel, how to add a ledger when there is none, and the button
 * that saves the notice as a Word file in 公文 layout. The docx writer loads on first use (it
 * is large and most visits only read). The file is offered as a download: the browser demo and
 * Excel on the web save it like any download (see README, "The notice as a Word file").
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { hasErrors, scoreAttachment, type Analysis } from '../../core';
import { t as translate } from '../../i18n';
import { useT } from '../locale';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The notice of an analysis as .docx bytes, with the warning line when the sheet has errors. */
export async function noticeDocxOf(analysis: Analysis): Promise<Uint8Array> {
  const { noticeDocx } = await import('../../docx/notice');
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  // The document is Chinese whatever the pane's language: the warning is too.
  const warning = hasErrors(analysis.findings) ? translate('ui.notice.docxWarning', 'zh-CN', { errors }) : null;
  return noticeDocx(analysis.notice!, analysis.scored ? scoreAttachment(analysis.scored) : null, { warning });
}

/** Offer bytes as a file download (an object URL and a download link, then let go of both). */
export function downloadFile(bytes: Uint8Array, fileName: string, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type SaveFile = (bytes: Uint8Array, fileName: string) => void;

/**
 * Saving a Word file from the pane (the quarterly notice, the annual one): busy while the docx
 * writer runs, then the sentence that says what happened, in the pane's language.
 */
export function useDocxSave(save?: SaveFile): { busy: boolean; run: (fileName: string, make: () => Promise<Uint8Array>) => Promise<{ ok: boolean; text: string }> } {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async (fileName: string, make: () => Promise<Uint8Array>) => {
    setBusy(true);
    try {
      (save ?? ((bytes: Uint8Array, name: string) => downloadFile(bytes, name, DOCX_MIME)))(await make(), fileName);
      return { ok: true, text: t('ui.notice.savedDocx', { file: fileName }) };
    } catch (error) {
      return { ok: false, text: t('ui.notice.saveDocxFailed', { reason: error instanceof Error ? error.message : String(error) }) };
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

export function noticeFileName(analysis: Analysis): string {
  return `${analysis.notice?.title ?? '通报'}.docx`.replace(/[\\/:*?"<>|]/g, '_');
}

export function NoticeFile(props: { analysis: Analysis; onResult: (ok: boolean, text: string) => void; save?: SaveFile }) {
  const styles = useStyles();
  const t = useT();
  const docx = useDocxSave(props.save);
  const { analysis } = props;
  if (!analysis.notice) return null;
  return (
    <section className={styles.root} data-testid="notice-file">
      {!analysis.ledger?.ledger && <Caption1 data-testid="ledger-hint">{t('ui.ledger.hint')}</Caption1>}
      <Button
        icon={<DocumentArrowDown20Regular />}
        disabled={docx.busy}
        data-testid="save-docx"
        onClick={async () => {
          const done = await docx.run(noticeFileName(analysis), () => noticeDocxOf(analysis));
          props.onResult(done.ok, done.text);
        }}
      >
        {t('ui.notice.saveDocx')}
      </Button>
    </section>
  );
}
