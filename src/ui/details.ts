/**
 * The "Paper details" drawer: the selected paper's facts, links, taxonomy labels with their evidence,
 * and its neighbours grouped by direction and edge kind (each a button that selects that paper).
 * The shell's drawer around it owns closing (its "Close details" button and Escape clear the selection).
 * Re-rendered only when the selection or the filters change.
 */
import type { Visibility } from '../graph/filters';
import {
  groupHeading,
  groupNeighbours,
  type NeighbourEntry,
  type NeighbourGroup,
} from '../graph/paper-neighbours';
import { select } from '../state/view';
import type { AppContext, MountPanel } from './context';
import {
  fileAttributeRows,
  formatProvenances,
  neighbourSectionTexts,
  type NeighbourSectionText,
  onlineRows,
  paperLinks,
  shortProvenance,
  taxonomyRows,
  venueYear,
} from './details-text';
import { button, el } from './panel-dom';
import './panels.css';

/** Entries shown per group before a "Show all" button. */
const GROUP_LIMIT = 12;

export const mountDetails: MountPanel = (container, ctx) => {
  const region = el('section', { className: 'la-details' });
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Paper details');
  region.tabIndex = -1;
  const kicker = el('p', { className: 'la-details-kicker', text: 'Paper details' });
  kicker.setAttribute('aria-hidden', 'true');
  const body = el('div', { className: 'la-details-body' });
  region.append(kicker, body);
  container.append(region);

  const currentVisibility = (): Visibility => ctx.visibility(ctx.store.get().filters);

  const choose = (id: string) => {
    // the clicked button is replaced by the new paper's view: keep keyboard focus in the drawer
    const hadFocus = region.contains(document.activeElement);
    ctx.store.update((s) => select(s, id));
    ctx.view.focusNode(id);
    if (hadFocus) region.focus({ preventScroll: true });
  };

  function render(): void {
    const id = ctx.store.get().selected;
    region.classList.toggle('is-empty', !id || !ctx.graph.hasNode(id));
    if (!id || !ctx.graph.hasNode(id)) {
      body.replaceChildren(
        el('p', { className: 'la-muted', text: 'Select a paper on the graph or search for one.' }),
      );
      return;
    }
    body.replaceChildren(...paperView(ctx, id, currentVisibility(), choose));
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

function paperView(
  ctx: AppContext,
  id: string,
  visibility: Visibility,
  choose: (id: string) => void,
): HTMLElement[] {
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
  facts.append(el('span', { className: 'la-details-venue', text: venueYear(a) }));
  if (!visibility.nodes.has(id))
    facts.append(el('span', { className: 'la-tag la-tag-hidden', text: 'hidden by filters' }));
  out.push(facts);
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
  const texts = neighbourSectionTexts(ctx.meta.file !== undefined, ctx.undirected);
  out.push(neighbourSection(texts.out, 'out', neighbours.out, neighbours.outCount, choose));
  if (texts.in) out.push(neighbourSection(texts.in, 'in', neighbours.in, neighbours.inCount, choose));
  return out;
}

function neighbourSection(
  text: NeighbourSectionText,
  direction: 'out' | 'in',
  groups: NeighbourGroup[],
  count: number,
  choose: (id: string) => void,
): HTMLElement {
  const section = el('section', { className: `la-neighbours la-neighbours-${direction}` });
  const h = el('h3', { className: 'la-neighbours-heading' });
  h.append(el('span', { text: text.heading }), el('span', { className: 'la-count', text: String(count) }));
  section.append(h);
  if (count > 0) section.append(el('p', { className: 'la-provenance-note', text: text.note }));
  if (groups.length === 0) {
    section.append(el('p', { className: 'la-muted', text: text.empty }));
    return section;
  }
  for (const group of groups) {
    const title = groupHeading(direction, group.kind, group.undirected);
    const gh = el('h4', { className: 'la-group-heading' });
    gh.append(
      el('span', { text: title }),
      el('span', { className: 'la-count', text: String(group.entries.length) }),
    );
    const list = el('ul', { className: 'la-neighbour-list' });
    list.setAttribute('aria-label', title);
    const fill = (limit: number) =>
      list.replaceChildren(...group.entries.slice(0, limit).map((entry) => neighbourItem(entry, choose)));
    fill(GROUP_LIMIT);
    section.append(gh, list);
    if (group.entries.length > GROUP_LIMIT) {
      const more = button(`Show all ${group.entries.length}`, 'la-link-button');
      more.addEventListener('click', () => {
        fill(Infinity);
        more.remove();
      });
      section.append(more);
    }
  }
  return section;
}

function neighbourItem(entry: NeighbourEntry, choose: (id: string) => void): HTMLLIElement {
  const li = el('li', { className: entry.hidden ? 'la-neighbour is-filtered' : 'la-neighbour' });
  const b = button('', 'la-neighbour-button');
  b.append(
    el('span', { className: 'la-neighbour-label', text: entry.label }),
    el('span', { className: 'la-neighbour-year', text: entry.year !== null ? String(entry.year) : '' }),
  );
  if (entry.hidden) {
    b.append(
      el('span', {
        className: 'la-tag la-tag-hidden',
        text: entry.hidden === 'paper' ? 'hidden' : 'edge hidden',
      }),
    );
  }
  b.title = `${entry.title}\n${formatProvenances(entry.provenance)}`;
  b.addEventListener('click', () => choose(entry.id));
  li.append(b);
  // full-text references are the common case (said once per section); other sources are spelled out
  const sources = entry.provenance.some((p) => p.source !== 'fulltext-references')
    ? shortProvenance(entry.provenance)
    : '';
  const kinds = entry.kinds.length > 1 ? `also ${entry.kinds.slice(1).join(', ')}` : '';
  const note = [sources, kinds].filter(Boolean).join(' · ');
  if (note) li.append(el('span', { className: 'la-provenance', text: note }));
  return li;
}
