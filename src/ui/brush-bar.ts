/**
 * The brush bar over the canvas: what is brushed, how many of its papers the filters show, and
 * "Clear". Escape clears the brush too, once no paper is selected (the first Escape drops the selection).
 */
import { clearBrush } from '../state/brush';
import type { ViewState } from '../state/types';
import { nodeNoun } from '../model';
import type { MountPanel } from './context';
import { h } from './dom';

export const mountBrushBar: MountPanel = (container, ctx) => {
  const { store } = ctx;
  const text = h('span', { class: 'brush-text' });
  const clear = h('button', { type: 'button', class: 'btn brush-clear', text: 'Clear' });
  const bar = h(
    'div',
    { class: 'brush-bar', role: 'status', 'aria-label': 'Brushed papers', hidden: true },
    text,
    clear,
  );
  container.append(bar);

  const render = (s: ViewState) => {
    bar.hidden = s.brush === null;
    if (s.brush === null) {
      text.textContent = '';
      return;
    }
    const visible = ctx.visibility(s.filters).nodes;
    const shown = s.brush.nodes.filter((n) => visible.has(n)).length;
    const hidden = s.brush.nodes.length - shown;
    text.replaceChildren(
      h('strong', { text: s.brush.label }),
      ` · ${s.brush.nodes.length.toLocaleString('en')} ${nodeNoun(ctx.meta, s.brush.nodes.length)}${hidden > 0 ? ` (${hidden.toLocaleString('en')} hidden by filters)` : ''}`,
    );
  };
  render(store.get());
  clear.addEventListener('click', () => store.update(clearBrush));
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const s = store.get();
    if (s.selected === null && s.brush !== null) store.update(clearBrush);
  };
  document.addEventListener('keydown', onKey);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.brush !== prev.brush || s.filters !== prev.filters) render(s);
  });
  return () => {
    unsubscribe();
    document.removeEventListener('keydown', onKey);
    container.replaceChildren();
  };
};
