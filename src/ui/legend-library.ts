/**
 * The legend's "In my library" key: the ring the reader's library papers carry and how many of them
 * the filters show. Hidden while no library is open. Appended to the legend region.
 */
import { currentTheme } from '../render/theme';
import type { ViewState } from '../state/types';
import type { AppContext } from './context';
import { h } from './dom';
import './library.css';

/** Appends the key to `parent`; returns its cleanup. */
export function mountLibraryKey(parent: HTMLElement, ctx: AppContext): () => void {
  const ring = h('span', { class: 'ring-swatch', 'aria-hidden': 'true' });
  const count = h('span', { class: 'legend-count' });
  const row = h(
    'p',
    { class: 'legend-library', 'data-testid': 'legend-library', hidden: true },
    ring,
    h('span', { text: 'In my library' }),
    count,
  );
  parent.append(row);
  const render = (s: ViewState) => {
    row.hidden = s.library === null;
    if (s.library === null) return;
    ring.style.color = currentTheme(window).library;
    const visible = ctx.visibility(s.filters).nodes;
    count.textContent = String(s.library.nodes.filter((n) => visible.has(n)).length);
  };
  render(ctx.store.get());
  const unsubscribe = ctx.store.subscribe((s, prev) => {
    if (s.library !== prev.library || s.filters !== prev.filters) render(s);
  });
  return () => {
    unsubscribe();
    row.remove();
  };
}
