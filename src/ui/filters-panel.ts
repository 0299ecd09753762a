/**
 * The "Filters" region: year range (histogram + brush, or the "From year" / "To year" inputs), the
 * categories of every taxonomy dimension the graph's meta defines (one group each), edge kinds, survey
 * mentions, minimum degree, the visible counts and "Reset filters".
 * Reads the store, calls the filter producers; the renderer hides what computeVisibility drops.
 */
import { facetSteps, shownEdgeKinds, type Facets } from '../graph/facets';
import { datedMonthsSteps } from '../graph/playback';
import { runStepsSliced, type SliceOptions, type Steps } from '../graph/steps';
import type { AtlasGraph } from '../graph/types';
import { UNKNOWN_CATEGORY, UNKNOWN_LABEL } from '../graph/categories';
import { qualifiedCategoryLabel } from '../graph/category-groups';
import { nodeNoun, type EdgeKind, type Taxonomy } from '../model';
import {
  isDefaultFilters,
  resetFilters,
  setMinDegree,
  setShowSurveyMentions,
  setYearRange,
  toggleCategory,
  toggleUnlabelled,
  toggleEdgeKind,
} from '../state/filters';
import type { Filters } from '../state/types';
import type { AppContext, MountPanel } from './context';
import { button, checkbox, el, uniqueId } from './panel-dom';
import { createYearBrush } from './year-brush';
import { mountPlayback } from './playback-controls';
import './panels.css';

const EDGE_KIND_LABELS: Record<EdgeKind, string> = {
  'builds-on': 'Builds on',
  cites: 'Cites',
  compares: 'Compares',
  mentions: 'Mentions',
  links: 'Links (file)',
};

/** What the panel counts over the whole graph before it mounts: its facets and the dated months. */
export interface FilterCounts {
  facets: Facets;
  /** The dated papers' months, earliest first (the playback's range). */
  months: number[];
}

function* countSteps(graph: AtlasGraph, taxonomy: Taxonomy): Steps<FilterCounts> {
  const facets = yield* facetSteps(graph, taxonomy);
  const months = yield* datedMonthsSteps(graph);
  return { facets, months };
}

/**
 * The panel, its counts made first in slices of `slices` (a walk of every paper and link: about
 * 0.1 s in one task at 10⁵ papers), so that mounting it never holds the page for long.
 */
export async function countedFilters(ctx: AppContext, slices: SliceOptions): Promise<MountPanel> {
  const counts = await runStepsSliced(countSteps(ctx.graph, ctx.meta.taxonomy), slices);
  return (container, c) => mountCountedFilters(container, c, counts);
}

function mountCountedFilters(container: HTMLElement, ctx: AppContext, filterCounts: FilterCounts) {
  const { graph, meta, store } = ctx;
  const { facets } = filterCounts;
  const bounds = facets.yearBounds;
  const cleanups: (() => void)[] = [];
  const listen = <K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ) => {
    target.addEventListener(type, fn);
    cleanups.push(() => target.removeEventListener(type, fn));
  };
  const update = (producer: Parameters<typeof store.update>[0]) => store.update(producer);

  const region = el('section', { className: 'la-filters' });
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Filters');
  const head = el('div', { className: 'la-filters-head' });
  const heading = el('h2', { className: 'la-panel-heading', text: 'Filters' });
  const reset = button('Reset filters', 'la-link-button');
  head.append(heading, reset);
  const counts = el('p', { className: 'la-filter-counts' });
  counts.setAttribute('role', 'status');
  region.append(head, counts);

  // ── years ──
  const yearGroup = fieldset('Years');
  const readout = el('span', { className: 'la-year-readout' });
  const allYears = button('All years', 'la-link-button');
  const yearHead = el('div', { className: 'la-year-head' });
  yearHead.append(readout, allYears);
  const histogram = el('div', { className: 'la-year-chart' });
  const fromInput = yearInput('From year');
  const toInput = yearInput('To year');
  const yearInputs = el('div', { className: 'la-year-inputs' });
  yearInputs.append(fromInput.label, toInput.label);
  yearGroup.append(yearHead, histogram, yearInputs);
  // a graph without years (a file that gives none) has no year filter
  if (facets.years.length > 0) region.append(yearGroup);
  const yearBrush = createYearBrush(histogram, {
    bins: facets.years,
    onChange: (range) => update((s) => setYearRange(s, range, bounds)),
  });
  cleanups.push(() => yearBrush.destroy());
  // playback (Play, step, scrub, speed) beside the year brush
  if (facets.years.length > 0) cleanups.push(mountPlayback(yearGroup, ctx, filterCounts.months));
  function yearInput(text: string) {
    const label = el('label', { className: 'la-number' });
    const input = el('input');
    Object.assign(input, { type: 'number', min: String(bounds[0]), max: String(bounds[1]), step: '1' });
    label.append(el('span', { text }), input);
    return { label, input };
  }
  const onYearInput = () => {
    const a = fromInput.input.valueAsNumber;
    const b = toInput.input.valueAsNumber;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return;
    update((s) => setYearRange(s, [a, b], bounds));
  };
  listen(fromInput.input, 'change', onYearInput);
  listen(toInput.input, 'change', onYearInput);
  listen(allYears, 'click', () => update((s) => setYearRange(s, null, bounds)));

  // ── categories: one group per taxonomy dimension, its categories that some paper has ──
  const categoryBoxes: { dim: string; id: string; input: HTMLInputElement }[] = [];
  for (const dim of meta.taxonomy.dimensions) {
    const counts = facets.categories[dim.id] ?? {};
    const present = dim.categories.filter((c) => (counts[c.id] ?? 0) > 0);
    if (present.length === 0) continue;
    const group = fieldset(dim.label);
    // the papers without a label in the dimension get a checkbox of their own, last
    const unlabelled = counts[UNKNOWN_CATEGORY] ?? 0;
    const boxes = [
      ...present.map((c) => ({
        id: c.id,
        label: qualifiedCategoryLabel(meta.taxonomy, dim.id, c.id),
        color: c.color,
      })),
      ...(unlabelled > 0
        ? [{ id: UNKNOWN_CATEGORY, label: UNKNOWN_LABEL, color: meta.taxonomy.unknownColor }]
        : []),
    ];
    for (const cat of boxes) {
      const box = checkbox(cat.label, counts[cat.id] ?? 0);
      const swatch = el('span', { className: 'la-swatch' });
      swatch.style.background = cat.color;
      box.label.insertBefore(swatch, box.label.children[1] ?? null);
      listen(box.input, 'change', () =>
        update((s) =>
          cat.id === UNKNOWN_CATEGORY
            ? toggleUnlabelled(s, meta, dim.id, box.input.checked)
            : toggleCategory(s, meta, dim.id, cat.id, box.input.checked),
        ),
      );
      group.append(box.label);
      categoryBoxes.push({ dim: dim.id, id: cat.id, input: box.input });
    }
    region.append(group);
  }

  // ── edges and degree ──
  const edgeGroup = fieldset('Edges');
  const kindBoxes = shownEdgeKinds(facets.edgeKinds, meta.file !== undefined).map((kind) => {
    const box = checkbox(EDGE_KIND_LABELS[kind], facets.edgeKinds[kind]);
    box.label.insertBefore(
      el('span', { className: `la-edge-swatch la-edge-${kind}` }),
      box.label.children[1] ?? null,
    );
    listen(box.input, 'change', () => update((s) => toggleEdgeKind(s, kind, box.input.checked)));
    edgeGroup.append(box.label);
    return { id: kind, input: box.input };
  });
  const survey = checkbox(
    "Show mentions from other surveys' repositories",
    facets.surveyOnly,
    'la-check la-check-wide',
  );
  listen(survey.input, 'change', () => update((s) => setShowSurveyMentions(s, survey.input.checked)));
  const degreeLabel = el('label', { className: 'la-number la-degree' });
  const degree = el('input');
  Object.assign(degree, {
    type: 'number',
    min: '0',
    max: String(facets.maxDegree),
    step: '1',
    id: uniqueId('min-degree'),
  });
  degreeLabel.append(el('span', { text: 'Minimum degree' }), degree);
  listen(degree, 'input', () => {
    if (degree.value !== '') update((s) => setMinDegree(s, degree.valueAsNumber));
  });
  listen(degree, 'change', () =>
    update((s) => setMinDegree(s, degree.value === '' ? 0 : degree.valueAsNumber)),
  );
  // other surveys' mentions are a paper dataset's matter
  if (!meta.file) edgeGroup.append(survey.label);
  edgeGroup.append(degreeLabel);
  region.append(edgeGroup);
  container.append(region);

  listen(reset, 'click', () => update((s) => resetFilters(s, meta)));

  // ── state → controls ──
  const totalEdges = graph.size;
  const totalPapers = graph.order;
  function render(filters: Filters, previous: Filters | null): void {
    const vis = ctx.visibility(filters);
    const n = (x: number) => x.toLocaleString('en');
    counts.textContent = `${n(vis.nodes.size)} of ${n(totalPapers)} ${nodeNoun(meta, totalPapers)}, ${n(vis.edges.size)} of ${n(totalEdges)} edges visible`;
    reset.disabled = isDefaultFilters(filters, meta);
    const years = filters.years;
    readout.textContent = years
      ? years[0] === years[1]
        ? `${years[0]}`
        : `${years[0]} – ${years[1]}`
      : `All years (${bounds[0]} – ${bounds[1]})`;
    // invisible rather than removed, so the row does not jump while brushing
    allYears.style.visibility = years === null ? 'hidden' : 'visible';
    if (!previous || previous.years !== years) yearBrush.set(years);
    const [from, to] = years ?? bounds;
    if (document.activeElement !== fromInput.input) fromInput.input.value = String(from);
    if (document.activeElement !== toInput.input) toInput.input.value = String(to);
    for (const b of categoryBoxes) {
      b.input.checked =
        b.id === UNKNOWN_CATEGORY
          ? !filters.unlabelled.includes(b.dim)
          : (filters.categories[b.dim]?.includes(b.id) ?? true);
    }
    for (const b of kindBoxes) b.input.checked = filters.edgeKinds.includes(b.id);
    survey.input.checked = filters.showSurveyMentions;
    if (document.activeElement !== degree || degree.valueAsNumber !== filters.minDegree) {
      degree.value = String(filters.minDegree);
    }
  }
  render(store.get().filters, null);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) render(state.filters, previous.filters);
  });

  return () => {
    unsubscribe();
    for (const cleanup of cleanups) cleanup();
    region.remove();
  };
}

function fieldset(legend: string): HTMLFieldSetElement {
  const set = el('fieldset', { className: 'la-fieldset' });
  set.append(el('legend', { text: legend }));
  return set;
}
