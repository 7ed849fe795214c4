/** The command dialog: shows the lines passed in the URL fragment, as text only. */
import { decodeDialogPayload } from './payload';

function render(): void {
  const payload = decodeDialogPayload(window.location.hash);
  const title = document.getElementById('title');
  const list = document.getElementById('lines');
  const close = document.getElementById('close');
  if (!title || !list || !close) return;
  title.textContent = payload?.title ?? '政务信息考评助手';
  for (const line of payload?.lines ?? []) {
    const item = document.createElement('li');
    item.textContent = line; // cell text is never parsed as HTML
    list.appendChild(item);
  }
  close.textContent = payload?.close ?? '关闭';
  close.addEventListener('click', () => {
    try {
      Office.context.ui.messageParent('close');
    } catch {
      window.close();
    }
  });
}

if (typeof Office !== 'undefined') void Office.onReady(render);
else render();
