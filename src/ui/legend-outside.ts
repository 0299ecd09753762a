/**
 * The legend's "Outside the list" entry, for a graph built with `build:graph --expand`: a ring like the
 * one the graph draws them with, and how many of those works the filters show. They have no taxonomy
 * labels, so a dimension's colouring counts them under "Unknown / not labelled" as well. Absent when
 * the graph has none. It owns its own subscription.
 */
import type { AppContext } from './context';
import { h } from './dom';

export const OUTSIDE_LABEL = 'Outside the list';
const OUTSIDE_TITLE =
  'Works the list does not include, added because papers of the list cite them; drawn as rings';

/** Inserts the entry into `parent` before `before`; returns its cleanup (a no-op when the graph has none). */
export function mountOutsideKey(parent: HTMLElement, before: Node | null, ctx: AppContext): () => void {
  const ids = ctx.graph.filterNodes((_n, a) => a.outside === true);
  if (ids.length === 0) return () => {};
  const ring = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  Object.assign(ring.style, {
    background: 'transparent',
    border: '3px solid var(--muted)',
    boxSizing: 'border-box',
  });
  const count = h('span', { class: 'legend-count' });
  const row = h(
    'div',
    { class: 'legend-outside', 'data-testid': 'legend-outside', title: OUTSIDE_TITLE },
    ring,
    h('span', { class: 'legend-label', text: OUTSIDE_LABEL }),
    count,
  );
  Object.assign(row.style, {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    padding: '4px 4px 2px',
    marginTop: '4px',
    borderTop: '1px solid var(--border)',
    fontSize: '13px',
  });
  parent.insertBefore(row, before);

  const render = (filters = ctx.store.get().filters) => {
    const visible = ctx.visibility(filters).nodes;
    count.textContent = String(ids.filter((id) => visible.has(id)).length);
  };
  render();
  const unsubscribe = ctx.store.subscribe((s, prev) => {
    if (s.filters !== prev.filters) render(s.filters);
  });
  return () => {
    unsubscribe();
    row.remove();
  };
}
