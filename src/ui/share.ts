/**
 * "Copy link" (header): copies the link to the current view. The Clipboard API when the page may
 * use it, else the older copy command on a hidden text field, else the link is shown selected for
 * the reader to copy. A short status says what happened.
 */
import type { MountPanel } from './context';
import { h } from './dom';

function copyWithCommand(doc: Document, text: string): boolean {
  const field = h('textarea', { readonly: true, 'aria-hidden': 'true' });
  field.value = text;
  field.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  doc.body.append(field);
  field.select();
  let ok = false;
  try {
    ok = doc.execCommand('copy');
  } catch {
    ok = false;
  }
  field.remove();
  return ok;
}

export const mountShare: MountPanel = (container, ctx) => {
  const button = h('button', { type: 'button', class: 'btn', text: 'Copy link' });
  const status = h('span', { class: 'share-status muted small', role: 'status' });
  const manual = h('input', {
    type: 'text',
    class: 'share-url',
    readonly: true,
    'aria-label': 'Link to this view',
    hidden: true,
  });
  container.append(button, status, manual);
  if (ctx.view.shareUrl() === null) {
    button.disabled = true;
    button.title = 'A graph opened from a file has no link; export it to share it';
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const say = (text: string) => {
    status.textContent = text;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      status.textContent = '';
      timer = null;
    }, 4000);
  };

  button.addEventListener('click', async () => {
    const url = ctx.view.shareUrl();
    if (url === null) return;
    manual.hidden = true;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      say('Link copied');
      return;
    } catch {
      // fall through to the older ways
    }
    if (copyWithCommand(document, url)) {
      say('Link copied');
      return;
    }
    manual.value = url;
    manual.hidden = false;
    manual.focus();
    manual.select();
    say('Copy the selected link');
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    container.replaceChildren();
  };
};
