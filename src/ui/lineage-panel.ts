/**
 * The drawer's "Lineage" region: how many ancestors and descendants the selection has at the chosen
 * depth and edge kinds (the same lineage the graph highlights), the year-layered lineage view (with
 * "Show all links" and an enlarged view), and "Compare with…": the next paper chosen is compared
 * with the selection (lineage path, else lowest common ancestors), listed here and drawn on the graph.
 */
import type { Lineage } from '../graph/lineage/lineage';
import type { Comparison } from '../graph/lineage/compare';
import { shownEdgeKinds } from '../graph/facets';
import { lineageViewModel } from '../graph/lineage/view-model';
import { nodeNoun, type EdgeKind } from '../model';
import { currentTheme } from '../render/theme';
import { endComparison, setLineageDepth, startPicking, toggleLineageKind } from '../state/lineage';
import { LINEAGE_DEPTHS, type ViewState } from '../state/types';
import { select } from '../state/view';
import type { AppContext, MountPanel } from './context';
import { drawLineageView } from './lineage-view';
import { button, checkbox, el, uniqueId } from './panel-dom';
import './panels.css';
import './lineage.css';

const KIND_LABEL: Record<EdgeKind, string> = {
  'builds-on': 'builds on',
  cites: 'cites',
  compares: 'compares',
  mentions: 'mentions',
  links: 'links',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function paperName(ctx: AppContext, id: string): string {
  return ctx.graph.hasNode(id) ? ctx.graph.getNodeAttribute(id, 'label') : id;
}

export const mountLineage: MountPanel = (container, ctx) => {
  // an undirected graph has no lineage: nothing to show
  if (ctx.lineages === null) return () => {};
  const lineages = ctx.lineages;
  const { store } = ctx;
  const region = el('section', { className: 'la-lineage' });
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Lineage');
  const heading = el('h3', { className: 'la-lineage-heading', text: 'Lineage' });
  const counts = el('p', { className: 'la-lineage-counts' });
  counts.setAttribute('aria-live', 'polite');

  // depth: a radio group shown as a segmented control
  const depthName = uniqueId('lineage-depth');
  const depth = el('fieldset', { className: 'la-lineage-depth' });
  depth.setAttribute('role', 'radiogroup');
  depth.setAttribute('aria-label', 'Depth');
  depth.append(el('legend', { text: 'Depth' }));
  const depthInputs = LINEAGE_DEPTHS.map((d) => {
    const label = el('label', { className: 'la-segment' });
    const input = el('input');
    input.type = 'radio';
    input.name = depthName;
    input.value = String(d);
    label.append(input, el('span', { text: d === 'all' ? 'All' : String(d) }));
    input.addEventListener('change', () => {
      if (input.checked) store.update((s) => setLineageDepth(s, d));
    });
    depth.append(label);
    return { d, input };
  });

  const kinds = el('fieldset', { className: 'la-fieldset la-columns la-lineage-kinds' });
  kinds.append(el('legend', { text: 'Follow links' }));
  const kindInputs = shownEdgeKinds(ctx.meta.counts.byKind, ctx.meta.file !== undefined).map((k) => {
    const { label, input } = checkbox(KIND_LABEL[k], null);
    label.insertBefore(el('span', { className: `la-edge-swatch la-edge-${k}` }), label.lastChild);
    input.addEventListener('change', () => store.update((s) => toggleLineageKind(s, k, input.checked)));
    kinds.append(label);
    return { k, input };
  });

  const controls = el('div', { className: 'la-lineage-controls' });
  controls.append(depth, kinds);

  // the view
  const viewHost = el('div', { className: 'la-lineage-view' });
  const viewNote = el('p', { className: 'la-lineage-note' });
  const showAll = checkbox('Show all links', null, 'la-check la-lineage-showall');
  const expand = button('Expand', 'la-link-button la-lineage-expand');
  expand.setAttribute('aria-haspopup', 'dialog');
  const viewFoot = el('div', { className: 'la-lineage-foot' });
  viewFoot.append(showAll.label, expand);

  // comparison
  const compare = el('div', { className: 'la-compare' });

  region.append(heading, counts, controls, viewHost, viewFoot, viewNote, compare);
  container.append(region);

  // the enlarged view
  const dialog = el('dialog', { className: 'la-lineage-dialog' });
  const dialogTitle = el('h2', { className: 'la-lineage-dialog-title' });
  dialogTitle.id = uniqueId('lineage-dialog-title');
  dialog.setAttribute('aria-labelledby', dialogTitle.id);
  const dialogClose = button('Close', 'la-button');
  const dialogHead = el('div', { className: 'la-lineage-dialog-head' });
  dialogHead.append(dialogTitle, dialogClose);
  const dialogView = el('div', { className: 'la-lineage-dialog-view' });
  dialog.append(dialogHead, dialogView);
  document.body.append(dialog);

  // choosing a paper here re-renders the drawer for it (the details scroll back to the top): keep
  // this region where it was on screen, so one can walk a lineage click after click
  const choose = (id: string) => {
    const scroller = scrollingAncestor(region);
    const before = region.getBoundingClientRect().top;
    store.update((s) => select(s, id));
    if (scroller) scroller.scrollTop += region.getBoundingClientRect().top - before;
    ctx.view.focusNode(id);
  };

  const currentLineage = (s: ViewState): Lineage | null =>
    s.selected === null ? null : lineages.lineage(s.selected, s.lineage, s.filters);

  function drawView(
    host: HTMLElement,
    s: ViewState,
    l: Lineage,
    width: number,
    maxHeight: number,
    labels: number,
  ): void {
    const model = lineageViewModel(ctx.graph, l, { showAll: showAll.input.checked });
    const svg = drawLineageView({
      graph: ctx.graph,
      meta: ctx.meta,
      colorBy: s.colorBy,
      model,
      theme: currentTheme(window),
      width,
      maxHeight,
      labels,
      onChoose: (id) => {
        if (dialog.open) dialog.close();
        choose(id);
      },
    });
    host.replaceChildren(svg);
    if (host === viewHost) {
      const hidden = model.allEdges - model.edges.length;
      const parts = [
        showAll.input.checked || hidden === 0
          ? `${plural(model.edges.length, 'link')}`
          : `${model.edges.length} of ${plural(model.allEdges, 'link')}: ${hidden} implied by longer paths hidden`,
      ];
      if (model.omitted > 0)
        parts.push(
          `the ${model.nodes.length} most cited of ${model.nodes.length + model.omitted} ${nodeNoun(ctx.meta, 2)}`,
        );
      viewNote.textContent = `${parts.join(' · ')}. Older papers on the left; hover a paper to name it, click to select it.`;
    }
  }

  function renderView(): void {
    const s = store.get();
    const l = currentLineage(s);
    if (!l || l.ancestors.size + l.descendants.size === 0) {
      viewHost.replaceChildren();
      viewFoot.hidden = true;
      viewNote.textContent = '';
      return;
    }
    viewFoot.hidden = false;
    const width = viewHost.clientWidth;
    if (width > 0) drawView(viewHost, s, l, width, 320, 10);
    if (dialog.open) renderDialog();
  }

  function renderDialog(): void {
    const s = store.get();
    const l = currentLineage(s);
    if (!l || s.selected === null) {
      dialog.close();
      return;
    }
    dialogTitle.textContent = `Lineage of ${paperName(ctx, s.selected)}`;
    const width = Math.max(320, Math.min(window.innerWidth - 80, 1400));
    drawView(dialogView, s, l, width, window.innerHeight - 140, 40);
  }

  function renderCompare(s: ViewState): void {
    compare.replaceChildren();
    if (s.selected === null) return;
    if (s.picking) {
      const msg = el('p', {
        className: 'la-compare-status',
        text: 'Choose a paper to compare with: search for it, or click it on the graph.',
      });
      msg.setAttribute('role', 'status');
      const cancel = button('Cancel', 'la-button');
      cancel.addEventListener('click', () => store.update(endComparison));
      compare.append(msg, cancel);
      return;
    }
    if (s.compareWith === null) {
      const start = button('Compare with…', 'la-button');
      start.title = 'Then choose another paper: its lineage path to this one, or where the two diverged';
      start.addEventListener('click', () => store.update(startPicking));
      compare.append(start);
      return;
    }
    const c = lineages.compare(s.selected, s.compareWith, s.lineage, s.filters);
    const title = el('h4', { className: 'la-compare-heading' });
    title.append('Compared with ', el('strong', { text: paperName(ctx, s.compareWith) }));
    compare.append(title);
    if (c) compare.append(...comparisonView(ctx, c, choose));
    const clear = button('Clear comparison', 'la-button');
    clear.addEventListener('click', () => store.update(endComparison));
    compare.append(clear);
  }

  function render(): void {
    const s = store.get();
    const l = currentLineage(s);
    region.hidden = l === null;
    if (!l) return;
    counts.textContent = `${plural(l.ancestors.size, 'ancestor')} · ${plural(l.descendants.size, 'descendant')}`;
    for (const { d, input } of depthInputs) input.checked = s.lineage.depth === d;
    for (const { k, input } of kindInputs) input.checked = s.lineage.kinds.includes(k);
    renderView();
    renderCompare(s);
  }

  showAll.input.addEventListener('change', renderView);
  expand.addEventListener('click', () => {
    dialog.showModal();
    renderDialog();
    dialogClose.focus();
  });
  dialogClose.addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    // closes the enlarged view only: the app's Escape would end the comparison or the selection
    e.preventDefault();
    e.stopPropagation();
    dialog.close();
    expand.focus();
  });

  let width = 0;
  const resize = new ResizeObserver(() => {
    if (viewHost.clientWidth !== width) {
      width = viewHost.clientWidth;
      renderView();
    }
  });
  resize.observe(viewHost);

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.selected !== prev.selected ||
      s.lineage !== prev.lineage ||
      s.filters !== prev.filters ||
      s.colorBy !== prev.colorBy ||
      s.compareWith !== prev.compareWith ||
      s.picking !== prev.picking
    ) {
      render();
    }
  });
  render();

  return () => {
    unsubscribe();
    resize.disconnect();
    dialog.remove();
    region.remove();
  };
};

function scrollingAncestor(node: HTMLElement): HTMLElement | null {
  for (let n = node.parentElement; n; n = n.parentElement) {
    const overflow = getComputedStyle(n).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return n;
  }
  return null;
}

function paperButton(
  ctx: AppContext,
  id: string,
  choose: (id: string) => void,
  className = '',
): HTMLLIElement {
  const li = el('li', { className: `la-neighbour ${className}`.trim() });
  const b = button('', 'la-neighbour-button');
  const a = ctx.graph.getNodeAttributes(id);
  b.append(
    el('span', { className: 'la-neighbour-label', text: a.label }),
    el('span', { className: 'la-neighbour-year', text: a.year !== null ? String(a.year) : '' }),
  );
  b.title = a.title;
  b.addEventListener('click', () => choose(id));
  li.append(b);
  return li;
}

function comparisonView(ctx: AppContext, c: Comparison, choose: (id: string) => void): HTMLElement[] {
  const name = (id: string) => paperName(ctx, id);
  if (c.path) {
    const steps = c.path.edges.length;
    const [young, old] = [c.path.nodes[0]!, c.path.nodes[c.path.nodes.length - 1]!];
    const text = `${name(young)} descends from ${name(old)} in ${plural(steps, 'step')}:`;
    const list = el('ol', { className: 'la-neighbour-list la-compare-path' });
    list.setAttribute('aria-label', 'Lineage path');
    c.path.nodes.forEach((id, i) =>
      list.append(paperButton(ctx, id, choose, i === 0 || i === c.path!.nodes.length - 1 ? 'is-end' : '')),
    );
    return [el('p', { className: 'la-compare-text', text }), list];
  }
  if (c.lcas.length === 0) {
    return [
      el('p', {
        className: 'la-compare-text',
        text: 'Neither descends from the other, and they share no ancestor over the links followed.',
      }),
    ];
  }
  const text = `Neither descends from the other. Where they diverged: ${c.lcas.length === 1 ? 'their lowest common ancestor' : `their ${c.lcas.length} lowest common ancestors`}.`;
  const list = el('ul', { className: 'la-neighbour-list la-compare-lcas' });
  list.setAttribute('aria-label', 'Lowest common ancestors');
  for (const id of c.lcas) list.append(paperButton(ctx, id, choose, 'is-lca'));
  return [el('p', { className: 'la-compare-text', text }), list];
}
