/**
 * The legend: the categories of the current colour-by with their visible counts. Each entry is a
 * button: clicking isolates the category (the others fade), clicking again restores.
 */
import { categoryMap, legendEntries } from '../graph/categories';
import { toggleIsolate } from '../state/view';
import type { ViewState } from '../state/types';
import type { MountPanel } from './context';
import { colorByLabel } from './controls';
import { h } from './dom';

function swatch(color: string): HTMLElement {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.background = color;
  return el;
}

export const mountLegend: MountPanel = (container, ctx) => {
  const { graph, meta, store } = ctx;
  const heading = h('h2', { class: 'panel-title', id: 'legend-title', text: 'Legend' });
  const subtitle = h('p', { class: 'legend-dimension muted small' });
  const list = h('ul', { class: 'legend-list' });
  const restore = h('button', { type: 'button', class: 'link-btn small', text: 'Show all', hidden: true });
  const key = (kind: string, text: string) =>
    h('span', { class: 'edge-key-item' }, h('span', { class: `edge-key ${kind}`, 'aria-hidden': 'true' }), text);
  const kinds = h('p', { class: 'legend-edges muted small' }, key('builds-on', 'builds on'), key('cites', 'cites'), key('mentions', 'compares / mentions'));
  const region = h('section', { class: 'legend', role: 'region', 'aria-labelledby': 'legend-title' }, heading, subtitle, list, restore, kinds);
  container.append(region);

  let categories = categoryMap(graph, store.get().colorBy);
  let visible = ctx.visibility(store.get().filters).nodes;

  const render = (s: ViewState) => {
    subtitle.textContent = colorByLabel(meta, s.colorBy);
    const entries = legendEntries(graph, meta, s.colorBy, categories, visible);
    list.replaceChildren(
      ...entries.map((e) => {
        const pressed = s.isolated === e.id;
        const button = h(
          'button',
          {
            type: 'button',
            class: `legend-entry${s.isolated !== null && !pressed ? ' dimmed' : ''}${e.count === 0 ? ' empty' : ''}`,
            'aria-pressed': String(pressed),
            'data-category': e.id,
            title: pressed ? 'Show all categories' : `Show only ${e.label}`,
          },
          swatch(e.color),
          h('span', { class: 'legend-label', text: e.label }),
          h('span', { class: 'legend-count', text: String(e.count) }),
        );
        button.addEventListener('click', () => store.update((st) => toggleIsolate(st, e.id)));
        return h('li', {}, button);
      }),
    );
    restore.hidden = s.isolated === null;
  };
  restore.addEventListener('click', () => store.update((s) => (s.isolated === null ? s : toggleIsolate(s, s.isolated))));
  render(store.get());

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.colorBy !== prev.colorBy) categories = categoryMap(graph, s.colorBy);
    if (s.filters !== prev.filters) visible = ctx.visibility(s.filters).nodes;
    if (s.colorBy !== prev.colorBy || s.filters !== prev.filters || s.isolated !== prev.isolated) {
      // keep keyboard focus on the entry that was activated
      const focused = (document.activeElement as HTMLElement | null)?.dataset?.category;
      render(s);
      if (focused !== undefined) list.querySelector<HTMLButtonElement>(`[data-category="${CSS.escape(focused)}"]`)?.focus();
    }
  });
  return () => {
    unsubscribe();
    container.replaceChildren();
  };
};
