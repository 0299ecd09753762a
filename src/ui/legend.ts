/**
 * The legend: the categories of the current colour-by with their visible counts. Each entry is a
 * button: clicking isolates the category (the others fade), clicking again restores. Categories that
 * belong to a parent (per-family inversion methods, …) are grouped under the parent's label.
 */
import { legendEntries, type LegendEntry } from '../graph/categories';
import { shownEdgeKinds } from '../graph/facets';
import { groupByParent, PARENT_SEPARATOR, type CategoryParent } from '../graph/category-groups';
import { yieldToBrowser } from '../render/slices';
import { toggleIsolate } from '../state/view';
import type { Store } from '../state/store';
import type { ViewState } from '../state/types';
import type { MountPanel } from './context';
import { colorByLabel } from './controls';
import { h } from './dom';
import { uniqueId } from './panel-dom';
import { mountSelectionKey } from './legend-selection';
import { mountOutsideKey } from './legend-outside';
import { mountLibraryKey } from './legend-library';

function swatch(color: string): HTMLElement {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.background = color;
  return el;
}

export const mountLegend: MountPanel = (container, ctx) => {
  const { graph, meta, store } = ctx;
  const heading = h('h2', { class: 'panel-title', id: 'legend-title', text: 'Legend' });
  const subtitle = h('p', { class: 'legend-dimension muted small' });
  const body = h('div', { class: 'legend-body' });
  const groupId = uniqueId('legend-group');
  const restore = h('button', { type: 'button', class: 'link-btn small', text: 'Show all', hidden: true });
  const key = (kind: string, text: string) =>
    h(
      'span',
      { class: 'edge-key-item' },
      h('span', { class: `edge-key ${kind}`, 'aria-hidden': 'true' }),
      text,
    );
  // a graph file's: the kinds it has (`links` drawn as citations are)
  const kinds = meta.file
    ? h(
        'p',
        { class: 'legend-edges muted small' },
        ...shownEdgeKinds(meta.counts.byKind, true).map((k) =>
          k === 'links' ? key('cites', 'links') : key(k, k.replace('-', ' ')),
        ),
      )
    : h(
        'p',
        { class: 'legend-edges muted small' },
        key('builds-on', 'builds on'),
        key('cites', 'cites'),
        key('mentions', 'compares / mentions'),
      );
  const region = h(
    'section',
    { class: 'legend', role: 'region', 'aria-labelledby': 'legend-title' },
    heading,
    subtitle,
    body,
    restore,
    kinds,
  );
  container.append(region);
  const unmountSelectionKey = mountSelectionKey(region, ctx);
  const unmountOutsideKey = mountOutsideKey(region, kinds, ctx);
  const unmountLibraryKey = mountLibraryKey(region, ctx);

  let visible = ctx.visibility(store.get().filters).nodes;

  const render = (s: ViewState) => {
    subtitle.textContent = colorByLabel(meta, s.colorBy);
    const entries = legendEntries(graph, meta, s.colorBy, ctx.categories(s.colorBy), visible);
    const groups = groupByParent(meta.taxonomy, s.colorBy, entries);
    const entryList = (items: LegendEntry[], parent: CategoryParent | null, extra = '') =>
      h(
        'ul',
        { class: `legend-list${extra}` },
        ...items.map((e) => h('li', {}, entryButton(e, parent, s, store))),
      );
    // a parent's heading over its categories; what has no parent (e.g. "Unknown") after, set apart
    body.replaceChildren(
      ...groups.map((g, i) => {
        if (!g.parent) return entryList(g.items, null, groups.length > 1 ? ' legend-rest' : '');
        const id = `${groupId}-${i}`;
        return h(
          'div',
          { class: 'legend-group', role: 'group', 'aria-labelledby': id },
          h('h3', { class: 'legend-group-title', id, text: g.parent.label }),
          entryList(g.items, g.parent),
        );
      }),
    );
    restore.hidden = s.isolated === null;
  };
  restore.addEventListener('click', () =>
    store.update((s) => (s.isolated === null ? s : toggleIsolate(s, s.isolated))),
  );
  // the entries in a task after the app's mount: at 10⁵ papers, their categories and counts are
  // walks of every paper, 45-85 ms of the mount's task (measured)
  let stopped = false;
  void yieldToBrowser().then(() => {
    if (!stopped) render(store.get());
  });

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.filters !== prev.filters) visible = ctx.visibility(s.filters).nodes;
    if (s.colorBy !== prev.colorBy || s.filters !== prev.filters || s.isolated !== prev.isolated) {
      // keep keyboard focus on the entry that was activated
      const focused = (document.activeElement as HTMLElement | null)?.dataset?.category;
      render(s);
      if (focused !== undefined)
        body.querySelector<HTMLButtonElement>(`[data-category="${CSS.escape(focused)}"]`)?.focus();
    }
  });
  return () => {
    stopped = true;
    unsubscribe();
    unmountSelectionKey();
    unmountOutsideKey();
    unmountLibraryKey();
    container.replaceChildren();
  };
};

function entryButton(
  e: LegendEntry,
  parent: CategoryParent | null,
  s: ViewState,
  store: Store<ViewState>,
): HTMLButtonElement {
  const pressed = s.isolated === e.id;
  const name = parent ? `${parent.label}${PARENT_SEPARATOR}${e.label}` : e.label;
  const button = h(
    'button',
    {
      type: 'button',
      class: `legend-entry${s.isolated !== null && !pressed ? ' dimmed' : ''}${e.count === 0 ? ' empty' : ''}`,
      'aria-pressed': String(pressed),
      'data-category': e.id,
      title: pressed ? 'Show all categories' : `Show only ${name}`,
    },
    swatch(e.color),
    h('span', { class: 'legend-label', text: e.label }),
    h('span', { class: 'legend-count', text: String(e.count) }),
  );
  button.addEventListener('click', () => store.update((st) => toggleIsolate(st, e.id)));
  return button;
}
