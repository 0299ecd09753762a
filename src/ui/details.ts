/**
 * The "Paper details" drawer's first region ("Node details" for a graph opened from a file: the
 * graph's node noun): the selected paper's facts, links, taxonomy labels with
 * their evidence, its attributes in a graph file, online counts and abstract. The Lineage region and
 * the linked papers (neighbours-panel.ts) follow it. The shell's drawer around it owns closing (its
 * "Close details" button and Escape clear the selection). Re-rendered only when the selection or the
 * filters change.
 */
import type { Visibility } from '../graph/filters';
import { groupNeighbours, type NeighbourGroup } from '../graph/paper-neighbours';
import { nodeNoun } from '../model';
import type { AppContext, MountPanel } from './context';
import {
  fileAttributeRows,
  onlineRows,
  outsideReason,
  paperLinks,
  taxonomyRows,
  venueYear,
} from './details-text';
import { button, el } from './panel-dom';
import './panels.css';

export const mountDetails: MountPanel = (container, ctx) => {
  const noun = nodeNoun(ctx.meta, 1);
  const heading = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} details`;
  const region = el('section', { className: 'la-details' });
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', heading);
  region.tabIndex = -1;
  const kicker = el('p', { className: 'la-details-kicker', text: heading });
  kicker.setAttribute('aria-hidden', 'true');
  const body = el('div', { className: 'la-details-body' });
  region.append(kicker, body);
  container.append(region);

  const currentVisibility = (): Visibility => ctx.visibility(ctx.store.get().filters);

  function render(): void {
    const id = ctx.store.get().selected;
    region.classList.toggle('is-empty', !id || !ctx.graph.hasNode(id));
    if (!id || !ctx.graph.hasNode(id)) {
      body.replaceChildren(
        el('p', { className: 'la-muted', text: `Select a ${noun} on the graph or search for one.` }),
      );
      return;
    }
    body.replaceChildren(...paperView(ctx, id, currentVisibility()));
  }

  const unsubscribe = ctx.store.subscribe((state, previous) => {
    if (state.selected !== previous.selected) {
      render();
      scrollToTop(region);
    } else if (state.filters !== previous.filters && state.selected) {
      render();
    }
  });
  render();

  return () => {
    unsubscribe();
    region.remove();
  };
};

/** Scrolls the drawer (the nearest scrolling ancestor) back to the top for a new paper. */
function scrollToTop(node: HTMLElement): void {
  for (let n = node.parentElement; n; n = n.parentElement) {
    if (n.scrollHeight > n.clientHeight && getComputedStyle(n).overflowY !== 'visible') {
      n.scrollTop = 0;
      return;
    }
  }
}

function paperView(ctx: AppContext, id: string, visibility: Visibility): HTMLElement[] {
  const a = ctx.graph.getNodeAttributes(id);
  const out: HTMLElement[] = [];
  const title = el('h2', { className: 'la-details-title', text: a.title });
  out.push(title);
  const facts = el('p', { className: 'la-details-facts' });
  if (a.name)
    facts.append(
      el('strong', { className: 'la-details-name', text: a.name }),
      document.createTextNode(' · '),
    );
  // a work outside the list: its year only (the references give no venue, and its arXiv month is unknown)
  const when = a.outside ? (a.year !== null ? String(a.year) : '') : venueYear(a);
  facts.append(el('span', { className: 'la-details-venue', text: when }));
  if (!visibility.nodes.has(id))
    facts.append(el('span', { className: 'la-tag la-tag-hidden', text: 'hidden by filters' }));
  out.push(facts);
  const reason = outsideReason(a);
  if (reason) {
    const p = el('p', { className: 'la-details-outside', text: reason });
    p.title = 'Not in the list: added to the graph because papers of the list cite it (build:graph --expand)';
    out.push(p);
  }
  if (a.authors.length > 0)
    out.push(el('p', { className: 'la-details-authors', text: a.authors.join(', ') }));

  const actions = el('div', { className: 'la-details-actions' });
  const links = paperLinks(a);
  if (links.length > 0) {
    const nav = el('nav', { className: 'la-details-links' });
    nav.setAttribute('aria-label', 'Links');
    for (const link of links) {
      const anchor = el('a', { text: link.label, title: link.url });
      anchor.href = link.url;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
      nav.append(anchor);
    }
    actions.append(nav);
  }
  const centre = button('Centre on graph', 'la-link-button la-centre');
  centre.addEventListener('click', () => ctx.view.focusNode(id));
  actions.append(centre);
  out.push(actions);

  const dl = el('dl', { className: 'la-details-taxonomy' });
  for (const row of taxonomyRows(ctx.meta, a)) {
    const dd = el('dd');
    dd.append(el('span', { text: row.value }));
    if (row.evidence) {
      const tag = el('span', {
        className: row.evidence.confirmed ? 'la-evidence is-confirmed' : 'la-evidence is-inferred',
        text: row.evidence.label,
        title: row.evidence.detail,
      });
      dd.append(' ', tag);
      if (row.evidence.detail && !row.evidence.confirmed) {
        dd.append(el('span', { className: 'la-evidence-detail', text: row.evidence.detail }));
      }
    }
    dl.append(el('dt', { text: row.name }), dd);
  }
  out.push(dl);

  const fileRows = fileAttributeRows(a);
  if (fileRows.length > 0) {
    const attrs = el('dl', { className: 'la-details-taxonomy la-details-attributes' });
    attrs.setAttribute('aria-label', 'Attributes in the file');
    for (const row of fileRows) attrs.append(el('dt', { text: row.name }), el('dd', { text: row.value }));
    out.push(el('h3', { className: 'la-details-subhead', text: 'Attributes in the file' }), attrs);
  }

  const neighbours = groupNeighbours(ctx.graph, id, visibility);
  // in-set links as the citation counts count them: survey-repository mentions aside
  const linked = (groups: NeighbourGroup[]) =>
    groups.reduce((n, g) => n + g.entries.filter((e) => !e.surveyOnly).length, 0);
  const online = onlineRows(a, { out: linked(neighbours.out), in: linked(neighbours.in) });
  if (online.length > 0) {
    const counts = el('dl', { className: 'la-details-taxonomy la-details-online' });
    counts.setAttribute('aria-label', 'Online counts');
    for (const row of online) counts.append(el('dt', { text: row.name }), el('dd', { text: row.value }));
    out.push(counts);
  }
  if (a.abstract) {
    const abstract = el('details', { className: 'la-details-abstract' });
    abstract.append(el('summary', { text: 'Abstract' }), el('p', { text: a.abstract }));
    out.push(abstract);
  }
  return out;
}
