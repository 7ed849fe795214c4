import { Button, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useT } from '../locale';
import { ResultBar, type ResultMessage } from './ResultBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  lines: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    userSelect: 'text',
  },
});

/** Copy text to the clipboard: the async API where allowed, else a selected textarea. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Office's web views often refuse the async clipboard; fall through to the old way.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

/**
 * The whole notice draft (as the summary sheet has it) and 复制通报文字. While the sheet has
 * errors a warning stands above the text and copying takes a confirmation naming their number;
 * the copy's result shows here, next to the button.
 */
export function NoticePanel(props: {
  lines: readonly string[];
  errors: number;
  confirm: (errors: number) => Promise<boolean>;
  onCopied: (ok: boolean) => void;
  result: ResultMessage | null;
  onDismissResult: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const pre = useRef<HTMLPreElement>(null);
  const text = props.lines.join('\n');
  const copy = async () => {
    if (props.errors > 0 && !(await props.confirm(props.errors))) return;
    const ok = await copyText(text);
    if (!ok && pre.current) {
      // Leave the text selected so Ctrl+C works.
      const range = document.createRange();
      range.selectNodeContents(pre.current);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    }
    props.onCopied(ok);
  };
  return (
    <section className={styles.root} aria-labelledby="notice-heading" data-testid="notice">
      <Subtitle2 id="notice-heading">{t('ui.notice.heading')}</Subtitle2>
      {props.lines.length === 0 ? (
        <Text>{t('ui.notice.none')}</Text>
      ) : (
        <>
          {props.errors > 0 && (
            <MessageBar intent="error" data-testid="notice-errors">
              <MessageBarBody>{t('ui.notice.errors', { n: props.errors })}</MessageBarBody>
            </MessageBar>
          )}
          <pre ref={pre} className={styles.lines} data-testid="notice-lines">{text}</pre>
          <div>
            <Button icon={<Copy20Regular />} onClick={() => void copy()}>
              {t('ui.notice.copy')}
            </Button>
          </div>
          {props.result && <ResultBar result={props.result} onDismiss={props.onDismissResult} testId="notice-result" />}
        </>
      )}
    </section>
  );
}
