/**
 * The drawer's linked papers ("Linked papers" region, after the Lineage region): the selected paper's
 * neighbours grouped by direction and edge kind, each a button that selects that paper, with where
 * the link comes from. Links the filters hide are listed after the shown ones, marked. Re-rendered
 * only when the selection or the filters change.
 */
import {
  groupHeading,
  groupNeighbours,
  type NeighbourEntry,
  type NeighbourGroup,
} from '../graph/paper-neighbours';
import { select } from '../state/view';
import type { MountPanel } from './context';
import {
  formatProvenances,
  neighbourSectionTexts,
  shortProvenance,
  type NeighbourSectionText,
} from './details-text';
import { button, el } from './panel-dom';
import './panels.css';

/** Entries shown per group before a "Show all" button. */
const GROUP_LIMIT = 12;

export const mountNeighbours: MountPanel = (container, ctx) => {
  const region = el('section', { className: 'la-linked' });
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Linked papers');
  container.append(region);

  const choose = (id: string) => {
    // the clicked button is replaced by the new paper's view: keep keyboard focus in the drawer, on
    // the new paper's details
    const drawer = region.closest<HTMLElement>('.drawer');
    const hadFocus = !!drawer && drawer.contains(document.activeElement);
    ctx.store.update((s) => select(s, id));
    ctx.view.focusNode(id);
    if (hadFocus) drawer.querySelector<HTMLElement>('.la-details')?.focus({ preventScroll: true });
  };

  function render(): void {
    const id = ctx.store.get().selected;
    if (!id || !ctx.graph.hasNode(id)) {
      region.hidden = true;
      region.replaceChildren();
      return;
    }
    region.hidden = false;
    const neighbours = groupNeighbours(ctx.graph, id, ctx.visibility(ctx.store.get().filters));
    const texts = neighbourSectionTexts(ctx.meta.file !== undefined, ctx.undirected);
    region.replaceChildren(neighbourSection(texts.out, 'out', neighbours.out, neighbours.outCount, choose));
    if (texts.in) region.append(neighbourSection(texts.in, 'in', neighbours.in, neighbours.inCount, choose));
  }

  const unsubscribe = ctx.store.subscribe((state, previous) => {
    if (state.selected !== previous.selected || (state.filters !== previous.filters && state.selected))
      render();
  });
  render();
  return () => {
    unsubscribe();
    region.remove();
  };
};

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
