/**
 * The year-layered lineage view (d3, SVG): the selection's ancestors and descendants with publication
 * time on x, columns ordered against crossings (src/graph/lineage/layout.ts), edges styled by kind
 * like the graph's, nodes in the current colour-by colour ringed blue (ancestor) or green
 * (descendant). The most cited papers are labelled; hovering any paper names it; clicking or Enter
 * chooses it. Text goes in as text only.
 */
import { axisBottom, scaleLinear, select } from 'd3';
import { layeredLayout } from '../graph/lineage/layout';
import type { LineageViewModel, LineageViewNode } from '../graph/lineage/view-model';
import type { ColorBy, EdgeKind, GraphMeta } from '../model';
import type { AtlasGraph } from '../graph/types';
import type { RenderTheme } from '../render/theme';

export interface LineageViewParams {
  graph: AtlasGraph;
  meta: GraphMeta;
  colorBy: ColorBy;
  model: LineageViewModel;
  theme: RenderTheme;
  width: number;
  /** The drawing is at most this tall (rows get closer together, down to a minimum). */
  maxHeight: number;
  /** How many of the most cited papers carry a permanent label (the selection always does). */
  labels: number;
  onChoose(id: string): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const DASH: Record<EdgeKind, string | null> = {
  'builds-on': null,
  cites: null,
  compares: '2 2',
  mentions: '5 3',
  links: null,
};
const LABEL_FONT_PX = 12;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The paper nearest to `from` in a direction (distance across the direction counts double). */
export function nearestInDirection(
  pos: ReadonlyMap<string, { x: number; y: number }>,
  from: string,
  [dx, dy]: [number, number],
): string | null {
  const a = pos.get(from);
  if (!a) return null;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, b] of pos) {
    const along = (b.x - a.x) * dx + (b.y - a.y) * dy;
    if (id === from || along <= 0.5) continue;
    const across = Math.abs((b.x - a.x) * dy) + Math.abs((b.y - a.y) * dx);
    const score = along + 2 * across;
    if (score < bestScore || (score === bestScore && best !== null && id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

function textWidth(text: string): number {
  return text.length * LABEL_FONT_PX * 0.6;
}

function shorten(text: string, max = 22): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Draws the view into a new <svg>, returned for the caller to place. */
export function drawLineageView(p: LineageViewParams): SVGSVGElement {
  const { model, theme, width } = p;
  const layout = layeredLayout(
    model.nodes.map((n) => ({ id: n.id, time: n.time })),
    model.edges,
    // a column per ~16 px of width: finer time steps when the view is wide
    { maxLayers: Math.max(8, Math.min(72, Math.floor(width / 16))) },
  );
  const margin = { top: 14, right: 14, bottom: 24, left: 14 };
  const rows = Math.max(1, layout.maxRows);
  const rowGap = Math.max(7, Math.min(26, (p.maxHeight - margin.top - margin.bottom) / rows));
  const height = Math.max(110, Math.round(rows * rowGap + margin.top + margin.bottom));
  const [t0, t1] = layout.extent;
  const lo = Math.floor(t0);
  const hi = Math.max(Math.ceil(t1), lo + 1);
  const x = scaleLinear()
    .domain([lo, hi])
    .range([margin.left, width - margin.right]);
  const midY = margin.top + (height - margin.top - margin.bottom) / 2;
  const pos = new Map<string, { x: number; y: number }>();
  for (const [id, q] of layout.positions) pos.set(id, { x: x(q.x), y: midY + q.y * rowGap });

  const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('class', 'la-lineage-svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'group');
  svg.attr('aria-label', `Lineage over time: ${model.nodes.length} papers, ${model.edges.length} links`);

  // years: faint gridlines and an axis
  const years: number[] = [];
  const generations = model.axis === 'generation';
  const step = generations ? 1 : Math.max(1, Math.ceil((hi - lo) / Math.max(1, Math.floor(width / 52))));
  for (let y = lo; y <= hi; y += step) years.push(y);
  svg
    .append('g')
    .attr('class', 'la-lineage-grid')
    .selectAll('line')
    .data(years)
    .join('line')
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', margin.top - 6)
    .attr('y2', height - margin.bottom);
  svg
    .append('g')
    .attr('class', 'la-lineage-axis')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(years)
        .tickFormat((d) => (generations ? generationTick(Number(d)) : String(d)))
        .tickSizeOuter(0),
    );

  const maxCit = Math.max(1, ...model.nodes.map((n) => n.citations));
  const radius = (n: LineageViewNode) =>
    n.role === 'selected' ? 7 : 2.6 + 4.4 * Math.sqrt(n.citations / maxCit);

  // edges: from the citing paper to the cited one, a horizontal S-curve
  svg
    .append('g')
    .attr('class', 'la-lineage-edges')
    .selectAll('path')
    .data(model.edges)
    .join('path')
    .attr('class', (e) => `la-lineage-edge kind-${e.kind}`)
    .attr('data-source', (e) => e.source)
    .attr('data-target', (e) => e.target)
    .attr('d', (e) => {
      const a = pos.get(e.source)!;
      const b = pos.get(e.target)!;
      const mx = (a.x + b.x) / 2;
      return `M${a.x},${a.y}C${mx},${a.y} ${mx},${b.y} ${b.x},${b.y}`;
    })
    .attr('fill', 'none')
    .attr('stroke', (e) => theme.edges[e.kind].color)
    .attr('stroke-width', (e) => Math.max(1, theme.edges[e.kind].size * 0.85))
    .attr('stroke-dasharray', (e) => DASH[e.kind]);

  const colorOf = (id: string) =>
    p.graph.getNodeAttribute(id, 'colors')[p.colorBy] ?? p.meta.taxonomy.unknownColor;
  const ring = (n: LineageViewNode) =>
    n.role === 'selected' ? theme.selected : n.role === 'ancestor' ? theme.references : theme.citations;
  // draw the small ones first so the big ones stay on top
  const order = [...model.nodes].sort((a, b) => radius(a) - radius(b));
  const nodes = svg
    .append('g')
    .attr('class', 'la-lineage-nodes')
    .selectAll('g')
    .data(order)
    .join('g')
    .attr('class', (n) => `la-lineage-node role-${n.role}`)
    .attr('data-id', (n) => n.id)
    .attr('transform', (n) => `translate(${pos.get(n.id)!.x},${pos.get(n.id)!.y})`)
    .attr('role', 'button')
    // one tab stop for the whole view (the selection); arrow keys move between papers
    .attr('tabindex', (n) => (n.role === 'selected' ? 0 : -1))
    .attr(
      'aria-label',
      (n) => `${n.label}${yearNote(n)}, ${n.role === 'selected' ? 'the selected paper' : n.role}`,
    );
  nodes.append('title').text((n) => `${n.title}${yearNote(n)}`);
  nodes
    .append('circle')
    .attr('r', (n) => radius(n))
    .attr('fill', (n) => colorOf(n.id))
    .attr('stroke', ring)
    .attr('stroke-width', (n) => (n.role === 'selected' ? 2.5 : 1.6));

  // permanent labels: the selection, then the most cited, skipping overlaps
  const labelled = [...model.nodes]
    .filter((n) => n.role !== 'selected')
    .sort((a, b) => b.citations - a.citations || (a.id < b.id ? -1 : 1))
    .slice(0, p.labels);
  const selected = model.nodes.find((n) => n.role === 'selected');
  if (selected) labelled.unshift(selected);
  const boxes: Array<{ x0: number; x1: number; y0: number; y1: number }> = [];
  const labelLayer = svg.append('g').attr('class', 'la-lineage-labels').attr('aria-hidden', 'true');
  for (const n of labelled) {
    const q = pos.get(n.id)!;
    const text = shorten(n.label);
    const w = textWidth(text);
    const r = radius(n);
    // to the right of the disc, else to its left; skipped when both overlap a label already placed
    const candidates = [
      { anchor: 'start', x: q.x + r + 3, x0: q.x + r + 3 },
      { anchor: 'end', x: q.x - r - 3, x0: q.x - r - 3 - w },
    ].filter((c) => c.x0 >= 2 && c.x0 + w <= width - 2);
    const free = candidates.find((c) => {
      const box = { x0: c.x0, x1: c.x0 + w, y0: q.y - 8, y1: q.y + 6 };
      return !boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1);
    });
    const place = free ?? (n.role === 'selected' ? candidates[0] : undefined);
    if (!place) continue;
    boxes.push({ x0: place.x0, x1: place.x0 + w, y0: q.y - 8, y1: q.y + 6 });
    labelLayer
      .append('text')
      .attr('class', n.role === 'selected' ? 'la-lineage-label is-selected' : 'la-lineage-label')
      .attr('data-id', n.id)
      .attr('x', place.x)
      .attr('y', q.y + 4)
      .attr('text-anchor', place.anchor)
      .text(text);
  }

  // the hover label names any paper under the pointer or keyboard focus
  const hoverLabel = svg
    .append('g')
    .attr('class', 'la-lineage-hover')
    .attr('aria-hidden', 'true')
    .style('display', 'none');
  const hoverBox = hoverLabel.append('rect').attr('rx', 4);
  const hoverText = hoverLabel.append('text');
  const showHover = (n: LineageViewNode) => {
    const q = pos.get(n.id)!;
    const text = n.year !== null ? `${shorten(n.label, 40)} · ${n.year}` : shorten(n.label, 40);
    const w = textWidth(text) + 10;
    const left = Math.min(Math.max(2, q.x - w / 2), width - w - 2);
    const top = q.y - radius(n) - 24 < 0 ? q.y + radius(n) + 4 : q.y - radius(n) - 24;
    hoverBox.attr('x', left).attr('y', top).attr('width', w).attr('height', 19);
    hoverText
      .attr('x', left + 5)
      .attr('y', top + 14)
      .text(text);
    hoverLabel.style('display', null).attr('data-id', n.id);
  };
  const hideHover = () => hoverLabel.style('display', 'none');
  nodes
    .on('pointerenter', (_e, n) => showHover(n))
    .on('pointerleave', hideHover)
    .on('focus', (_e, n) => showHover(n))
    .on('blur', hideHover)
    .on('click', (_e, n) => p.onChoose(n.id))
    .on('keydown', (e: KeyboardEvent, n) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        p.onChoose(n.id);
        return;
      }
      const dir = ARROWS[e.key];
      if (!dir) return;
      e.preventDefault();
      const next = nearestInDirection(pos, n.id, dir);
      if (!next) return;
      const from = e.currentTarget as SVGGElement;
      const to = from.parentNode?.querySelector<SVGGElement>(`g[data-id="${CSS.escape(next)}"]`);
      if (!to) return;
      from.setAttribute('tabindex', '-1');
      to.setAttribute('tabindex', '0');
      to.focus();
    });
  return svg.node()!;
}

/** " (2022)" after a paper's name, or nothing when it has no year. */
function yearNote(n: LineageViewNode): string {
  return n.year !== null ? ` (${n.year})` : '';
}

/** A tick of the generation axis: steps from the selection, ancestors negative ("−2", "0", "+1"). */
function generationTick(d: number): string {
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0';
}
