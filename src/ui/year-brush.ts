/**
 * A year histogram (SVG) with a d3 brush that snaps to whole years (every year it touches). Dragging reports the range while
 * it moves; a click without a drag clears it (all years). `set` moves the brush from outside (inputs, reset)
 * without echoing a change.
 */
import { brushX, scaleLinear, select, type BrushBehavior } from 'd3';
import type { YearBin } from '../graph/facets';

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 260;
const HEIGHT = 78;
const MARGIN = { left: 6, right: 6, top: 6, bottom: 20 };

export interface YearBrush {
  /** Show a range (null: no brush, every year highlighted). */
  set(range: readonly [number, number] | null): void;
  destroy(): void;
}

export interface YearBrushOptions {
  bins: YearBin[];
  /** Called while dragging (coalesced per frame) and at the end; null = all years. */
  onChange(range: [number, number] | null): void;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Years to label: every 1, 2, 5 or 10 years (so labels never collide), plus the first and last when there is room. */
export function tickYears(first: number, last: number): number[] {
  const span = last - first + 1;
  const step = span <= 6 ? 1 : span <= 12 ? 2 : span <= 30 ? 5 : 10;
  const ticks: number[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) ticks.push(y);
  if ((ticks[0] ?? Infinity) - first >= step) ticks.unshift(first);
  if (last - (ticks[ticks.length - 1] ?? -Infinity) >= step) ticks.push(last);
  return ticks;
}

export function createYearBrush(container: HTMLElement, options: YearBrushOptions): YearBrush {
  const bins = options.bins;
  const first = bins[0]?.year ?? 0;
  const last = bins[bins.length - 1]?.year ?? 0;
  const x = scaleLinear()
    .domain([first, last + 1])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const barBottom = HEIGHT - MARGIN.bottom;
  const barHeight = (count: number) =>
    count === 0 ? 0 : Math.max(2, (count / maxCount) * (barBottom - MARGIN.top));

  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'la-year-histogram', role: 'img' });
  svg.setAttribute('aria-label', `Papers per year, ${first} to ${last}; drag to choose a year range`);
  const bars = svgEl('g', { class: 'la-year-bars' });
  const rects = bins.map((bin) => {
    const h = barHeight(bin.count);
    const rect = svgEl('rect', {
      x: x(bin.year) + 0.75,
      width: Math.max(1, x(bin.year + 1) - x(bin.year) - 1.5),
      y: barBottom - h,
      height: h,
      rx: 1.5,
    });
    const title = svgEl('title');
    title.textContent = `${bin.year}: ${bin.count} paper${bin.count === 1 ? '' : 's'}`;
    rect.append(title);
    bars.append(rect);
    return rect;
  });
  const axis = svgEl('g', { class: 'la-year-axis' });
  axis.append(
    svgEl('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: barBottom + 0.5, y2: barBottom + 0.5 }),
  );
  for (const year of tickYears(first, last)) {
    const label = svgEl('text', { x: x(year + 0.5), y: HEIGHT - 5, 'text-anchor': 'middle' });
    label.textContent = String(year);
    axis.append(label);
  }
  const brushLayer = svgEl('g', { class: 'la-year-brush' });
  svg.append(bars, axis, brushLayer);
  container.append(svg);

  const highlight = (range: readonly [number, number] | null) => {
    bins.forEach((bin, i) => {
      const inside = !range || (bin.year >= range[0] && bin.year <= range[1]);
      rects[i]?.classList.toggle('is-out', !inside);
    });
  };

  /** Every year whose bar the selection touches. */
  const snap = (px: [number, number]): [number, number] => {
    const a = Math.max(first, Math.min(last, Math.floor(x.invert(px[0]) + 1e-6)));
    const b = Math.max(a, Math.min(last, Math.ceil(x.invert(px[1]) - 1e-6) - 1));
    return [a, b];
  };

  let pending: [number, number] | null | undefined;
  let frame = 0;
  const emit = (range: [number, number] | null, now: boolean) => {
    pending = range;
    if (now) {
      cancelAnimationFrame(frame);
      frame = 0;
      options.onChange(range);
      pending = undefined;
      return;
    }
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (pending !== undefined) options.onChange(pending);
      pending = undefined;
    });
  };

  const layer = select(brushLayer);
  let dragging = false;
  const brush: BrushBehavior<unknown> = brushX()
    .extent([
      [MARGIN.left, MARGIN.top - 2],
      [WIDTH - MARGIN.right, barBottom],
    ])
    .on('start', (event: { sourceEvent: unknown }) => {
      if (event.sourceEvent) dragging = true;
    })
    .on('brush', (event: { selection: [number, number] | null; sourceEvent: unknown }) => {
      if (!event.sourceEvent || !event.selection) return;
      const range = snap(event.selection);
      highlight(range);
      emit(range, false);
    })
    .on('end', (event: { selection: [number, number] | null; sourceEvent: unknown }) => {
      if (!event.sourceEvent) return;
      dragging = false;
      if (!event.selection) {
        highlight(null);
        emit(null, true);
        return;
      }
      const range = snap(event.selection);
      layer.call(brush.move, [x(range[0]), x(range[1] + 1)]);
      highlight(range);
      emit(range, true);
    });
  layer.call(brush);

  return {
    set(range) {
      if (dragging) return;
      highlight(range);
      layer.call(brush.move, range ? [x(range[0]), x(range[1] + 1)] : null);
    },
    destroy() {
      cancelAnimationFrame(frame);
      layer.on('.brush', null);
      brush.on('start', null).on('brush', null).on('end', null);
      svg.remove();
    },
  };
}
