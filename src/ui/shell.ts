/**
 * The app's frame, before any panel: header (title, counts, a slot for controls, the Clusters button),
 * the sidebar's slots, the stage with the graph's container and the legend dock, the drawer and the
 * analysis column. Built on the first frame (the boot path draws the graph into it before the panels'
 * code has loaded) or by `mountApp`; it holds no behaviour.
 */
import type { GraphMeta } from '../model/graph-file';
import { h } from './dom';
import type { PanelSlot } from './panels';

export interface Shell {
  shell: HTMLElement;
  toggle: HTMLButtonElement;
  counts: HTMLElement;
  headerSlot: HTMLElement;
  analysisToggle: HTMLButtonElement;
  slots: Record<PanelSlot, HTMLElement>;
  /** The graph's container. */
  canvas: HTMLElement;
  /** The graphics-context notice. */
  notice: HTMLElement;
  legendDock: HTMLElement;
  stage: HTMLElement;
  closeDrawer: HTMLButtonElement;
  drawer: HTMLElement;
  analysis: HTMLElement;
}

/** Builds the frame into `root`, replacing what it held. */
export function createShell(root: HTMLElement, meta: Pick<GraphMeta, 'dataset'>): Shell {
  const toggle = h('button', {
    type: 'button',
    class: 'icon-btn',
    'aria-controls': 'sidebar',
    'aria-expanded': 'true',
    'aria-label': 'Hide sidebar',
    text: '☰',
  });
  const counts = h('p', { class: 'counts', 'data-testid': 'counts', 'aria-live': 'polite' });
  const headerSlot = h('div', { class: 'header-slot' });
  const analysisToggle = h('button', {
    type: 'button',
    class: 'btn analysis-toggle',
    'aria-controls': 'analysis',
    'aria-expanded': 'false',
    text: 'Clusters',
  });
  const header = h(
    'header',
    { class: 'app-header' },
    toggle,
    h('h1', { class: 'title', text: meta.dataset.name }),
    counts,
    headerSlot,
    analysisToggle,
  );
  const slots: Record<PanelSlot, HTMLElement> = {
    header: headerSlot,
    search: h('div', { class: 'slot slot-search' }),
    controls: h('div', { class: 'slot slot-controls' }),
    filters: h('div', { class: 'slot slot-filters' }),
    legend: h('div', { class: 'slot slot-legend' }),
    details: h('div', { class: 'slot slot-details' }),
    analysis: h('div', { class: 'slot slot-analysis' }),
    overlay: h('div', { class: 'slot slot-overlay' }),
  };
  const sidebar = h(
    'aside',
    { id: 'sidebar', class: 'sidebar', 'aria-label': 'Explorer controls' },
    slots.search,
    slots.controls,
    slots.filters,
  );
  const canvas = h('div', { class: 'graph', id: 'graph', 'aria-label': 'Citation graph', role: 'img' });
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });
  const legendDock = h('div', { class: 'legend-dock' }, slots.legend);
  const stage = h(
    'main',
    { class: 'stage' },
    canvas,
    legendDock,
    h('div', { class: 'stage-overlay' }, slots.overlay),
    notice,
  );
  const closeDrawer = h('button', {
    type: 'button',
    class: 'icon-btn drawer-close',
    'aria-label': 'Close details',
    text: '✕',
  });
  const drawer = h(
    'aside',
    { class: 'drawer', 'aria-label': 'Selection', hidden: true },
    closeDrawer,
    slots.details,
  );
  const analysis = h(
    'aside',
    { id: 'analysis', class: 'analysis', 'aria-label': 'Clusters and taxonomy', hidden: true },
    slots.analysis,
  );
  const shell = h(
    'div',
    { class: 'app' },
    header,
    h('div', { class: 'body' }, sidebar, stage, analysis, drawer),
  );
  root.replaceChildren(shell);
  return {
    shell,
    toggle,
    counts,
    headerSlot,
    analysisToggle,
    slots,
    canvas,
    notice,
    legendDock,
    stage,
    closeDrawer,
    drawer,
    analysis,
  };
}
