/**
 * The "Communities" tab: each Louvain community with its colour, size, label ("Diffusion · Subject"),
 * shares, distinctive terms and central papers. A click brushes its papers; communities of fewer
 * than `minListed` papers are listed compactly under a disclosure.
 */
import type { ClusterLabel } from '../graph/clusters/labels';
import { h } from './dom';

export interface CommunityListOptions {
  minListed: number;
  /** Brushes `nodes` (`community`: the community they are). */
  onBrush(label: string, nodes: string[], community?: number): void;
  /** What the graph's nodes are called, for a count: "3 papers", "1 node" (`nodeNoun` of the graph's meta). */
  noun: (n: number) => string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function communityName(community: number): string {
  return `Community ${community + 1}`;
}

/** The brush label of a community: "Community 1 · Diffusion · Face". */
export function communityBrushLabel(c: ClusterLabel): string {
  return `${communityName(c.community)} · ${c.label}`;
}

function swatch(color: string): HTMLElement {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.background = color;
  return el;
}

function communityButton(c: ClusterLabel, o: CommunityListOptions): HTMLButtonElement {
  const label = communityBrushLabel(c);
  const shares = [
    c.primary ? `${c.primary.label} ${percent(c.primary.share)}` : '',
    c.secondary.map((t) => `${t.label} ${percent(t.share)}`).join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
  const button = h(
    'button',
    {
      type: 'button',
      class: 'community',
      'aria-pressed': 'false',
      'data-brush': label,
      'data-community': c.community,
    },
    swatch(c.color),
    h(
      'span',
      { class: 'community-body' },
      h(
        'span',
        { class: 'community-head' },
        h('span', { class: 'community-name', text: communityName(c.community) }),
        h('span', { class: 'community-label', text: c.label }),
        h('span', { class: 'community-size', text: `${c.size} ${o.noun(c.size)}` }),
      ),
      h('span', { class: 'community-line muted', text: shares }),
      c.terms.length > 0
        ? h('span', { class: 'community-line community-terms', text: c.terms.map((t) => t.term).join(' · ') })
        : null,
      c.papers.length > 0
        ? h('span', {
            class: 'community-line muted',
            text: `Central (PageRank): ${c.papers.map((p) => p.label).join(', ')}`,
          })
        : null,
    ),
  );
  button.addEventListener('click', () => o.onBrush(label, c.nodes, c.community));
  return button;
}

function smallButton(c: ClusterLabel, o: CommunityListOptions): HTMLButtonElement {
  const label = communityBrushLabel(c);
  const terms = c.terms
    .slice(0, 2)
    .map((t) => t.term)
    .join(' · ');
  const button = h(
    'button',
    {
      type: 'button',
      class: 'community community-small',
      'aria-pressed': 'false',
      'data-brush': label,
      'data-community': c.community,
      title: c.papers.map((p) => p.label).join(', '),
    },
    swatch(c.color),
    h('span', { class: 'community-name', text: communityName(c.community) }),
    h('span', { class: 'community-label', text: terms || c.label }),
    h('span', { class: 'community-size', text: String(c.size) }),
  );
  button.addEventListener('click', () => o.onBrush(label, c.nodes, c.community));
  return button;
}

export function renderCommunityList(labels: ClusterLabel[], o: CommunityListOptions): HTMLElement {
  const big = labels
    .filter((c) => c.size >= o.minListed)
    .sort((a, b) => b.size - a.size || a.community - b.community);
  const small = labels
    .filter((c) => c.size < o.minListed)
    .sort((a, b) => b.size - a.size || a.community - b.community);
  const list = h(
    'ul',
    { class: 'community-list', 'aria-label': 'Communities' },
    ...big.map((c) => h('li', {}, communityButton(c, o))),
  );
  const wrap = h('div', { class: 'communities' }, list);
  if (small.length > 0) {
    const sizes = small.map((c) => c.size);
    const range =
      Math.min(...sizes) === Math.max(...sizes)
        ? `${sizes[0]}`
        : `${Math.min(...sizes)}–${Math.max(...sizes)}`;
    wrap.append(
      h(
        'details',
        { class: 'community-more' },
        h('summary', {
          text: `${small.length} smaller communities (${range} ${o.noun(Math.max(...sizes))} each)`,
        }),
        h('ul', { class: 'community-list compact' }, ...small.map((c) => h('li', {}, smallButton(c, o)))),
      ),
    );
  }
  return wrap;
}
