/**
 * "Communities of the similarity map", at the top of the Clusters column while the Similarity
 * layout is on: Louvain communities of the top-10 similarity graph (the graph the map is laid out
 * on; see src/graph/similar/graph.ts), largest first, each named by its most cited papers; a click
 * picks its papers out in the graph (the brush), a second click lets go. The column's citation
 * communities follow below, as always. Computed on first show (the scores load then).
 */
import { nodeNoun } from '../model';
import { similarityEdgesInSlices } from '../render/similar-layout';
import { toggleBrush } from '../state/brush';
import type { ViewState } from '../state/types';
import type { MountPanel } from './context';
import { h } from './dom';
import './clusters.css';

/** Communities listed in full; the rest are counted. */
const LISTED = 12;

export const mountSimilarClusters: MountPanel = (container, ctx) => {
  const { graph, meta, store } = ctx;
  const noun = (n: number) => nodeNoun(meta, n);
  const list = h('ul', { class: 'community-list', 'aria-label': 'Similarity communities' });
  const note = h('p', {
    class: 'muted small',
    role: 'status',
    text: 'Finding the communities of the similarity map…',
  });
  const region = h(
    'section',
    {
      class: 'clusters similar-clusters',
      role: 'region',
      'aria-label': 'Communities of the similarity map',
      hidden: true,
    },
    h('h2', { class: 'panel-title', text: 'Communities of the similarity map' }),
    note,
    list,
  );
  container.append(region);
  let built: Promise<void> | null = null;
  let disposed = false;

  const build = () =>
    (built ??= (async () => {
      const { similarityGraph, similarityCommunities } = await import('../graph/similar/graph');
      const edges = await similarityEdgesInSlices(
        graph,
        (share) =>
          (note.textContent = `Finding the communities of the similarity map… ${Math.round(share * 100)}%`),
        () => disposed,
      );
      if (edges === null || disposed) return;
      const communities = similarityCommunities(graph, similarityGraph(graph, edges));
      const alone = graph.order - communities.reduce((n, c) => n + c.nodes.length, 0);
      note.textContent = `${communities.length.toLocaleString('en')} Louvain communities of the similarity graph (each ${noun(1)} linked to its 10 most similar, by shared references and co-citations)${alone > 0 ? `; ${alone.toLocaleString('en')} ${noun(alone)} without a similar ${noun(1)} left out` : ''}. Click one to pick out its ${noun(2)}.`;
      const items = communities.slice(0, LISTED).map((c) => {
        const label = `Similarity community ${c.id + 1}`;
        const names = c.nodes.slice(0, 3).map((n) => graph.getNodeAttribute(n, 'label'));
        const button = h(
          'button',
          { type: 'button', class: 'community', 'aria-pressed': 'false', 'data-brush': label },
          h(
            'span',
            { class: 'community-body' },
            h(
              'span',
              { class: 'community-head' },
              h('span', { class: 'community-name', text: label }),
              h('span', { class: 'community-size', text: `${c.nodes.length} ${noun(c.nodes.length)}` }),
            ),
            h('span', { class: 'community-line muted', text: `Most cited: ${names.join(', ')}` }),
          ),
        );
        button.addEventListener('click', () => store.update((s) => toggleBrush(s, label, c.nodes)));
        return h('li', {}, button);
      });
      list.replaceChildren(...items);
      if (communities.length > LISTED)
        list.append(
          h('li', { class: 'muted small', text: `and ${communities.length - LISTED} smaller communities` }),
        );
      sync(store.get());
    })().catch((e: unknown) => {
      note.textContent = `The communities could not be computed: ${e instanceof Error ? e.message : String(e)}`;
    }));

  const sync = (s: ViewState) => {
    for (const b of list.querySelectorAll<HTMLButtonElement>('button[data-brush]'))
      b.setAttribute('aria-pressed', String(s.brush?.label === b.dataset.brush));
  };
  const show = (s: ViewState) => {
    const on = s.layout === 'similarity' && s.clusters;
    region.hidden = !on;
    if (on) void build();
  };
  show(store.get());
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.layout !== prev.layout || s.clusters !== prev.clusters) show(s);
    if (s.brush !== prev.brush) sync(s);
  });
  return () => {
    disposed = true;
    unsubscribe();
    region.remove();
  };
};
