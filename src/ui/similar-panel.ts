/**
 * The drawer's "Similar papers" region: the selection's ten most similar papers (bibliographic
 * coupling, co-citation and, with abstracts, text; see src/graph/similar) with their reasons, each
 * one a button that selects it, lit in the graph while pointed at, with "Compare" (the lineage
 * comparison). Papers already in the selection's lineage at the current depth are marked, so the
 * new ones stand out. With several papers picked (Shift-click, Shift+Enter in search), it lists
 * them and ranks the rest by their mean similarity to the set ("Similar to these").
 *
 * The scoring code is loaded, and its index built, the first time the drawer shows a paper.
 */
import type { SimilarityIndex, SimilarPaper } from '../graph/similar';
import type { Lineage } from '../graph/lineage/lineage';
import { compareWith } from '../state/lineage';
import { clearSeeds, toggleSeed } from '../state/seeds';
import type { ViewState } from '../state/types';
import { hover, select } from '../state/view';
import type { MountPanel } from './context';
import { button, el } from './panel-dom';
import './panels.css';
import './similar.css';

type SimilarModule = typeof import('../graph/similar');

/** Papers listed (one paper, or a set of seeds). */
const LIMIT = 10;

export const mountSimilar: MountPanel = (container, ctx) => {
  const { store, graph } = ctx;
  const region = el('section', { className: 'la-similar' });
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Similar papers');
  region.hidden = true;
  const heading = el('h3', { className: 'la-similar-heading', text: 'Similar papers' });
  const seedsBox = el('div', { className: 'la-similar-seeds' });
  const status = el('p', { className: 'la-similar-status la-muted' });
  status.setAttribute('role', 'status');
  const list = el('ol', { className: 'la-neighbour-list la-similar-list' });
  const hint = el('p', {
    className: 'la-similar-hint la-muted',
    text: 'Shared references, co-citations (and abstracts, when fetched). Shift-click papers in the graph, or Shift+Enter in search, to rank by similarity to several.',
  });
  region.append(heading, seedsBox, status, list, hint);
  container.append(region);

  let mod: SimilarModule | null = null;
  let loading: Promise<void> | null = null;
  let index: SimilarityIndex | null = null;
  let failed: string | null = null;
  /** The seeds "Similar to these" was asked for (by identity); null while listing the selection's. */
  let setAskedFor: string[] | null = null;
  const cache = new Map<string, SimilarPaper[]>();
  let disposed = false;

  const load = (): Promise<void> =>
    (loading ??= import('../graph/similar').then(
      (m) => {
        mod = m;
      },
      (e: unknown) => {
        failed = e instanceof Error ? e.message : String(e);
      },
    ));

  const getIndex = (m: SimilarModule): SimilarityIndex =>
    (index ??= m.similarityIndex(graph, { ...(ctx.lineages ? { lineage: ctx.lineages.index() } : {}) }));

  /** The paper this list lights in the graph (store.hovered), if any. */
  let lit: string | null = null;
  const unlight = () => {
    const id = lit;
    lit = null;
    if (id !== null) store.update((s) => (s.hovered === id ? hover(s, null) : s));
  };

  const choose = (id: string) => {
    store.update((s) => select(s, id));
    ctx.view.focusNode(id);
  };

  const lineageOf = (s: ViewState): Lineage | null =>
    s.selected && ctx.lineages ? ctx.lineages.lineage(s.selected, s.lineage, s.filters) : null;

  function row(p: SimilarPaper, lineage: Lineage | null, m: SimilarModule): HTMLLIElement {
    const a = graph.getNodeAttributes(p.node);
    const li = el('li', { className: 'la-neighbour la-similar-row' });
    li.dataset.node = p.node;
    const pick = button('', 'la-neighbour-button');
    pick.append(
      el('span', { className: 'la-neighbour-label', text: a.label }),
      el('span', { className: 'la-neighbour-year', text: a.year !== null ? String(a.year) : '' }),
    );
    pick.title = `${a.title}\nSimilarity ${p.score.toFixed(2)}`;
    pick.addEventListener('click', () => choose(p.node));
    const reasons = el('p', { className: 'la-similar-reasons', text: m.similarityReasons(p).join(' · ') });
    const meta = el('div', { className: 'la-similar-meta' });
    const kin = lineage?.ancestors.has(p.node)
      ? 'ancestor'
      : lineage?.descendants.has(p.node)
        ? 'descendant'
        : null;
    if (kin) {
      li.classList.add('is-lineage');
      meta.append(
        el('span', {
          className: `la-tag la-similar-kin is-${kin}`,
          text: `in lineage: ${kin}`,
          title: 'Already in the selection’s lineage at the current depth',
        }),
      );
    } else {
      li.classList.add('is-new');
      meta.append(
        el('span', {
          className: 'la-tag la-similar-kin is-new',
          text: 'not in lineage',
          title: 'Neither an ancestor nor a descendant at the current depth',
        }),
      );
    }
    const compare = button('Compare', 'la-link-button la-similar-compare');
    compare.title = 'Compare with the selection: lineage path, or where the two diverged';
    compare.addEventListener('click', () => store.update((s) => compareWith(s, p.node)));
    meta.append(compare);
    li.append(pick, reasons, meta);
    // lit in the graph while pointed at (its neighbourhood, as a hover on the graph shows it); on a
    // real move only, not when the list shifts under a resting pointer
    li.addEventListener('pointermove', () => {
      if (store.get().hovered === p.node) return;
      lit = p.node;
      store.update((s) => hover(s, p.node));
    });
    li.addEventListener('pointerleave', unlight);
    return li;
  }

  function renderSeeds(s: ViewState): void {
    seedsBox.replaceChildren();
    if (s.seeds.length === 0) return;
    const title = el('h4', { className: 'la-similar-subhead', text: `Picked papers (${s.seeds.length})` });
    const ul = el('ul', { className: 'la-neighbour-list la-similar-seed-list' });
    ul.setAttribute('aria-label', 'Picked papers');
    for (const id of s.seeds) {
      if (!graph.hasNode(id)) continue;
      const a = graph.getNodeAttributes(id);
      const li = el('li', {
        className: `la-neighbour la-similar-seed${id === s.selected ? ' is-selected' : ''}`,
      });
      const b = button('', 'la-neighbour-button');
      b.append(
        el('span', { className: 'la-neighbour-label', text: a.label }),
        el('span', { className: 'la-neighbour-year', text: a.year !== null ? String(a.year) : '' }),
      );
      b.title = a.title;
      b.addEventListener('click', () => choose(id));
      const remove = button('✕', 'la-link-button la-similar-remove');
      remove.setAttribute('aria-label', `Remove ${a.label} from the picked papers`);
      remove.addEventListener('click', () => store.update((st) => toggleSeed(st, id)));
      li.append(b, remove);
      ul.append(li);
    }
    const run = button('Similar to these', 'la-button la-similar-run');
    run.disabled = s.seeds.length < 2;
    run.title =
      s.seeds.length < 2
        ? 'Shift-click at least one more paper'
        : 'Rank the other papers by their mean similarity to these';
    run.addEventListener('click', () => {
      setAskedFor = store.get().seeds;
      render();
    });
    const clear = button('Clear picked', 'la-button la-similar-clear');
    clear.addEventListener('click', () => store.update(clearSeeds));
    const actions = el('div', { className: 'la-similar-actions' });
    actions.append(run, clear);
    seedsBox.append(title, ul, actions);
  }

  function render(): void {
    const s = store.get();
    if (disposed) return;
    // the rows are replaced: a row lit under the pointer gets no pointerleave (after this update)
    if (lit !== null) queueMicrotask(unlight);
    if (s.selected === null || !graph.hasNode(s.selected)) {
      region.hidden = true;
      list.replaceChildren();
      return;
    }
    region.hidden = false;
    if (setAskedFor !== s.seeds) setAskedFor = null;
    renderSeeds(s);
    if (failed) {
      status.textContent = `Similar papers could not be loaded: ${failed}`;
      return;
    }
    if (!mod) {
      status.textContent = 'Finding similar papers…';
      list.replaceChildren();
      void load().then(() => {
        if (!disposed) render();
      });
      return;
    }
    const m = mod;
    const ix = getIndex(m);
    const forSet = setAskedFor !== null && setAskedFor.length >= 2;
    let results: SimilarPaper[];
    if (forSet) {
      results = m.similarToSet(graph, s.seeds, { index: ix, limit: LIMIT });
    } else {
      const hit = cache.get(s.selected);
      results = hit ?? m.similarPapers(graph, s.selected, { index: ix, limit: LIMIT });
      if (!hit) cache.set(s.selected, results);
    }
    heading.textContent = forSet ? `Similar to these ${s.seeds.length} papers` : 'Similar papers';
    const lineage = forSet ? null : lineageOf(s);
    list.setAttribute('aria-label', forSet ? 'Similar to the picked papers' : 'Similar papers');
    list.replaceChildren(...results.map((p) => row(p, lineage, m)));
    const fresh = lineage
      ? results.filter((p) => !lineage.ancestors.has(p.node) && !lineage.descendants.has(p.node)).length
      : null;
    status.textContent =
      results.length === 0
        ? forSet
          ? 'No paper shares references or citers with these.'
          : 'No paper shares references or citers with this one.'
        : fresh !== null
          ? `${fresh} of ${results.length} not in its lineage at this depth.`
          : '';
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.selected !== prev.selected ||
      s.seeds !== prev.seeds ||
      s.lineage !== prev.lineage ||
      s.filters !== prev.filters
    )
      render();
  });
  render();

  return () => {
    disposed = true;
    unsubscribe();
    unlight();
    region.remove();
  };
};
