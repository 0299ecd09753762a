/**
 * The legend's selection key: while a paper is selected, a small block under the legend says what the
 * graph's highlight colours mean (ancestors blue, descendants green, the rest dimmed; while comparing,
 * the lowest common ancestors too). Appended to the legend region; it owns its own subscription.
 */
import { currentTheme } from '../render/theme';
import type { ViewState } from '../state/types';
import type { AppContext } from './context';
import { h } from './dom';
import './lineage.css';

function row(color: string, text: string, extraClass = ''): HTMLElement {
  const sw = h('span', { class: `swatch${extraClass}`, 'aria-hidden': 'true' });
  sw.style.background = color;
  return h('li', { class: 'legend-selection-row' }, sw, h('span', { text }));
}

function depthText(s: ViewState): string {
  const kinds = s.lineage.kinds.map((k) => (k === 'builds-on' ? 'builds on' : k)).join(', ') || 'no links';
  return s.lineage.depth === 'all'
    ? `every generation, following ${kinds}`
    : `${s.lineage.depth} step${s.lineage.depth === 1 ? '' : 's'}, following ${kinds}`;
}

/** Appends the key to `parent`; returns its cleanup. */
export function mountSelectionKey(parent: HTMLElement, ctx: AppContext): () => void {
  const title = h('h3', { class: 'legend-selection-title', text: 'Selection' });
  const list = h('ul', { class: 'legend-selection-list' });
  const block = h(
    'div',
    { class: 'legend-selection', 'data-testid': 'selection-key', hidden: true },
    title,
    list,
  );
  parent.append(block);

  const render = (s: ViewState) => {
    block.hidden = s.selected === null;
    if (s.selected === null) return;
    const t = currentTheme(window);
    const rows: HTMLElement[] = [];
    const c =
      s.compareWith === null || ctx.lineages === null
        ? null
        : ctx.lineages.compare(s.selected, s.compareWith, s.lineage, s.filters);
    if (ctx.lineages === null) {
      // an undirected graph: the selection shows its neighbours, no lineage
      title.textContent = 'Selection';
      rows.push(row(t.references, 'Blue: linked with it'), row(t.fadedNode, 'Dimmed: not linked with it'));
    } else if (c) {
      title.textContent = 'Comparison';
      rows.push(row(t.selected, 'Outlined: the two papers compared', ' is-outlined'));
      if (c.path?.relation === 'descendant') rows.push(row(t.citations, 'Green: the papers between them'));
      else if (c.path) rows.push(row(t.references, 'Blue: the papers between them'));
      else if (c.lcas.length > 0) {
        rows.push(
          row(t.commonAncestor, 'Purple: where the two diverged (lowest common ancestors)'),
          row(t.references, 'Blue: the papers on the way up to them'),
        );
      }
      rows.push(row(t.fadedNode, 'Dimmed: off the comparison'));
    } else {
      title.textContent = 'Selection';
      rows.push(
        row(t.references, 'Blue: ancestors (what it builds on)'),
        row(t.citations, 'Green: descendants (what builds on it)'),
        row(t.fadedNode, `Dimmed: outside its lineage (${depthText(s)})`),
      );
    }
    list.replaceChildren(...rows);
  };
  render(ctx.store.get());
  const unsubscribe = ctx.store.subscribe((s, prev) => {
    if (
      s.selected !== prev.selected ||
      s.compareWith !== prev.compareWith ||
      s.lineage !== prev.lineage ||
      s.filters !== prev.filters
    )
      render(s);
  });
  return () => {
    unsubscribe();
    block.remove();
  };
}
