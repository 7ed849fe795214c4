import { Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useT } from '../locale';

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

export function NoticePanel(props: { lines: readonly string[]; onCopied: (ok: boolean) => void }) {
  const styles = useStyles();
  const t = useT();
  const pre = useRef<HTMLPreElement>(null);
  const text = props.lines.join('\n');
  return (
    <section className={styles.root} aria-labelledby="notice-heading" data-testid="notice">
      <Subtitle2 id="notice-heading">{t('ui.notice.heading')}</Subtitle2>
      {props.lines.length === 0 ? (
        <Text>{t('ui.notice.none')}</Text>
      ) : (
        <>
          <pre ref={pre} className={styles.lines} data-testid="notice-lines">{text}</pre>
          <div>
            <Button
              icon={<Copy20Regular />}
              onClick={async () => {
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
              }}
            >
              {t('ui.notice.copy')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
