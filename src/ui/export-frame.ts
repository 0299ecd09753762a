/**
 * What the frame of an exported image says: the dataset as title, what the colours and sizes mean
 * and how much is shown, the legend of the visible categories, the selection's keys, the link kinds
 * and a caption (dataset, build, date, filters).
 */
import { legendEntries } from '../graph/categories';
import type { Visibility } from '../graph/filters';
import { neighbourhood } from '../graph/neighbourhood';
import type { AtlasGraph } from '../graph/types';
import { nodeNoun, type EdgeKind, type GraphMeta } from '../model';
import type { RenderTheme } from '../render/theme';
import type { ViewState } from '../state/types';
import type { FrameContent, LinkKey } from '../export/frame';
import { filtersSummary } from '../export/summary';
import { playheadLabel } from '../state/playback';
import { colorByLabel, sizeByLabel } from './controls';
import { OUTSIDE_LABEL } from './legend-outside';

const LINK_LABELS: Array<[EdgeKind[], string]> = [
  [['builds-on'], 'builds on'],
  [['cites'], 'cites'],
  [['compares', 'mentions'], 'compares / mentions'],
];

/** The local calendar day, YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function frameContent(
  graph: AtlasGraph,
  meta: GraphMeta,
  state: ViewState,
  visibility: Visibility,
  categories: Map<string, string>,
  theme: RenderTheme,
  date: Date,
): FrameContent {
  const plural = (n: number, one: string, many: string) =>
    `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const dim = colorByLabel(meta, state.colorBy);
  const shown = `${visibility.nodes.size.toLocaleString('en')} ${nodeNoun(meta, visibility.nodes.size)} of ${graph.order.toLocaleString('en')}, ${plural(visibility.edges.size, 'link', 'links')} of ${graph.size.toLocaleString('en')}`;
  const subtitle = `Colour: ${dim} · Size: ${sizeByLabel(meta, state.sizeBy)} · ${shown}`;
  const entries = legendEntries(graph, meta, state.colorBy, categories, visibility.nodes)
    .filter((e) => e.count > 0 && (state.isolated === null || e.id === state.isolated))
    .map((e) => ({ label: e.label, color: e.color, count: e.count }));

  let selection: FrameContent['selection'] = null;
  const sel = state.selected;
  if (sel !== null && graph.hasNode(sel) && visibility.nodes.has(sel)) {
    const hood = neighbourhood(graph, sel, (edge) => visibility.edges.has(edge));
    selection = {
      heading: `Selected: ${graph.getNodeAttribute(sel, 'label')}`,
      items: [
        { label: 'cites / builds on', color: theme.references, count: hood.outNodes.size },
        { label: 'cited by / built on by', color: theme.citations, count: hood.inNodes.size },
      ],
    };
  }
  const links: LinkKey[] = LINK_LABELS.filter(([kinds]) =>
    kinds.some((k) => state.filters.edgeKinds.includes(k)),
  ).map(([kinds, label]) => ({
    label,
    color: theme.edges[kinds[0]!].color,
    width: theme.edges[kinds[0]!].size,
  }));
  const caption = [
    // playback: the month shown comes first (a video's frames differ there)
    ...(state.filters.playhead ? [playheadLabel(state.filters.playhead)] : []),
    meta.dataset.name,
    `build ${meta.inputsHash.slice(0, 8)}`,
    isoDay(date),
    `filters: ${filtersSummary(state.filters, meta)}`,
    ...(state.isolated !== null ? [`only ${entries[0]?.label ?? state.isolated} highlighted`] : []),
    'Lineage Atlas',
  ].join(' · ');
  // works outside the list (drawn as rings): keyed as in the legend, with how many are shown
  let outside = 0;
  let shownOutside = 0;
  graph.forEachNode((node, a) => {
    if (!a.outside) return;
    outside += 1;
    if (visibility.nodes.has(node)) shownOutside += 1;
  });
  return {
    title: meta.dataset.name,
    subtitle,
    legendHeading: dim,
    legend: entries,
    selection,
    links,
    caption,
    outside: outside > 0 ? { label: OUTSIDE_LABEL, count: shownOutside } : null,
  };
}
