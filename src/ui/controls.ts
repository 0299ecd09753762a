/**
 * "Color by" / "Size by" selects, the label density slider, the Force / Timeline layout choice and
 * the force layout's Start / Stop buttons.
 */
import {
  colorByChoices,
  sizeByChoices,
  dimension,
  type BuiltInSizeBy,
  type ColorBy,
  type ComputedColorBy,
  type GraphMeta,
  type SizeBy,
} from '../model';
import { LAYOUT_MODES, type LayoutMode } from '../state/types';
import { setColorBy, setLabelDensity, setLayout, setSizeBy } from '../state/view';
import type { MountPanel } from './context';
import { h } from './dom';

/** Names of the computed colourings; the taxonomy names its own dimensions. */
const COLOR_LABELS: Record<ComputedColorBy, string> = {
  year: 'Year',
  community: 'Community (Louvain)',
};

const SIZE_LABELS: Record<BuiltInSizeBy, string> = {
  citations: 'In-set citations',
  pagerank: 'PageRank',
  uniform: 'Uniform',
};

/**
 * The display name of a size-by measure: a built-in one's, or the graph's own measure's label. In a
 * graph file's graph, whose links are not citations, `citations` counts links.
 */
export function sizeByLabel(meta: Pick<GraphMeta, 'measures' | 'counts'>, sizeBy: SizeBy): string {
  if (sizeBy === 'citations' && (meta.counts.byKind.links ?? 0) > 0) return 'Links';
  return SIZE_LABELS[sizeBy as BuiltInSizeBy] ?? meta.measures?.find((m) => m.id === sizeBy)?.label ?? sizeBy;
}

/** The display name of a colour-by dimension: the taxonomy's label when it has one. */
export function colorByLabel(meta: GraphMeta, colorBy: ColorBy): string {
  if (colorBy === 'year' || colorBy === 'community') return COLOR_LABELS[colorBy];
  return dimension(meta.taxonomy, colorBy)?.label ?? colorBy;
}

const LAYOUT_LABELS: Record<LayoutMode, string> = {
  force: 'Force',
  timeline: 'Timeline',
  similarity: 'Similarity',
};

/** A radio group as a segmented control: one labelled radio per value. */
function radios<T extends string>(name: string, label: string, values: readonly T[], text: (v: T) => string) {
  const inputs = new Map<T, HTMLInputElement>();
  const options = values.map((v) => {
    const input = h('input', { type: 'radio', name, value: v, id: `${name}-${v}` });
    inputs.set(v, input);
    return h('label', { class: 'segment', for: `${name}-${v}` }, input, h('span', { text: text(v) }));
  });
  const legend = h('legend', { class: 'field-label', text: label });
  const wrap = h(
    'fieldset',
    { class: 'field segmented', role: 'radiogroup', 'aria-label': label },
    legend,
    h('div', { class: 'segments' }, ...options),
  );
  return { wrap, inputs };
}

function select<T extends string>(id: string, label: string, values: readonly T[], text: (v: T) => string) {
  const el = h('select', { id });
  for (const v of values) el.append(h('option', { value: v, text: text(v) }));
  const wrap = h('div', { class: 'field' }, h('label', { for: id, text: label }), el);
  return { wrap, el };
}

export const mountControls: MountPanel = (container, ctx) => {
  const { store, meta } = ctx;
  const color = select('color-by', 'Color by', colorByChoices(meta), (v) => colorByLabel(meta, v));
  const size = select('size-by', 'Size by', sizeByChoices(meta), (v) => sizeByLabel(meta, v));
  const layoutMode = radios('layout-mode', 'Layout', LAYOUT_MODES, (v) => LAYOUT_LABELS[v]);
  layoutMode.inputs.get('similarity')!.parentElement!.title =
    'Places papers by shared references and co-citations (ForceAtlas2 on each paper’s 10 most similar)';
  const density = h('input', { id: 'label-density', type: 'range', min: 0, max: 1, step: 0.05 });
  const start = h('button', {
    type: 'button',
    class: 'btn',
    text: 'Start layout',
    title: 'Run ForceAtlas2 on the force layout (leaves the timeline first)',
  });
  const stop = h('button', { type: 'button', class: 'btn', text: 'Stop layout' });
  const layoutStatus = h('span', { class: 'muted small', role: 'status' });
  // the timeline places papers by date: a graph without years has none
  const timelineInput = layoutMode.inputs.get('timeline')!;
  if (meta.years === null) {
    timelineInput.disabled = true;
    timelineInput.parentElement!.title = 'The graph has no years';
  }

  container.append(
    h('h2', { class: 'panel-title', text: 'View' }),
    color.wrap,
    size.wrap,
    h('div', { class: 'field' }, h('label', { for: 'label-density', text: 'Label density' }), density),
    layoutMode.wrap,
    h(
      'div',
      { class: 'field' },
      h('span', { class: 'field-label', text: 'Force layout' }),
      h('div', { class: 'row' }, start, stop, layoutStatus),
    ),
  );

  const sync = () => {
    const s = store.get();
    color.el.value = s.colorBy;
    size.el.value = s.sizeBy;
    density.value = String(s.labelDensity);
    for (const [mode, input] of layoutMode.inputs) input.checked = s.layout === mode;
  };
  const syncLayout = (running: boolean) => {
    start.disabled = running;
    stop.disabled = !running;
    layoutStatus.textContent = running ? 'running…' : '';
  };
  sync();
  syncLayout(ctx.view.layout.isRunning());

  color.el.addEventListener('change', () => store.update((s) => setColorBy(s, color.el.value as ColorBy)));
  size.el.addEventListener('change', () => store.update((s) => setSizeBy(s, size.el.value as SizeBy)));
  density.addEventListener('input', () => store.update((s) => setLabelDensity(s, Number(density.value))));
  for (const [mode, input] of layoutMode.inputs) {
    input.addEventListener('change', () => {
      if (input.checked) store.update((s) => setLayout(s, mode));
    });
  }
  start.addEventListener('click', () => ctx.view.layout.start());
  stop.addEventListener('click', () => ctx.view.layout.stop());

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.colorBy !== prev.colorBy ||
      s.sizeBy !== prev.sizeBy ||
      s.labelDensity !== prev.labelDensity ||
      s.layout !== prev.layout
    )
      sync();
  });
  const unlayout = ctx.view.layout.onChange(syncLayout);
  return () => {
    unsubscribe();
    unlayout();
    container.replaceChildren();
  };
};
