/**
 * What the timeline draws around the papers, kept in step with the camera: a year axis along the
 * top (a tick per year, month ticks and names when zoomed in, labels left out where they would
 * crowd), faint year gridlines and band stripes under the graph, and each band's name on the left,
 * sticky while the band is in view and kept clear of floating panels (the legend). Plain DOM (the
 * text is real text), placed after each sigma render; the elements are made once per layout and
 * only moved per frame.
 */
import type Sigma from 'sigma';
import { timelineX, type TimelineResult } from '../graph/timeline';
import type { EdgeAttributes, NodeAttributes } from '../model';
import './timeline-overlay.css';

/** Height of the axis strip, px; the timeline's camera keeps the papers below it. */
export const AXIS_HEIGHT = 28;
/** Width left free for the band names, px. */
export const BAND_LABEL_WIDTH = 160;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Where the labels of consecutive spans (years, months) go, given each span's start and end on a
 * screen `width` wide: centred on the span, but kept inside its visible part (at its left when the
 * span runs off the left edge), `minGap` apart at least; a label that does not fit in its span's
 * visible part is left out (null).
 */
export function placeSpanLabels(
  spans: Array<[number, number]>,
  width: number,
  labelWidth: number,
  minGap = 8,
): Array<number | null> {
  const half = labelWidth / 2 + minGap / 2;
  return spans.map(([start, end]) => {
    const from = Math.max(start, 0) + half;
    const to = Math.min(end, width) - half;
    if (from > to) return null;
    return start < 0 ? from : Math.min(Math.max((start + end) / 2, from), to);
  });
}

export interface TimelineOverlayOptions {
  /** Screen rectangles (page coordinates) the band names keep clear of, e.g. the floating legend. */
  avoid?: () => DOMRect[];
}

export interface TimelineOverlay {
  /** Shows a layout (null forgets it); band colours come from the legend. */
  set(layout: TimelineResult | null, colors: Map<string, string>): void;
  /** Shows or hides the overlay without forgetting the layout (hidden while papers move). */
  setVisible(visible: boolean): void;
  /** Re-places everything for the current camera; call after each render. */
  draw(sigma: Sigma<NodeAttributes, EdgeAttributes>): void;
  cleanup(): void;
}

interface Year {
  tick: HTMLElement;
  grid: HTMLElement;
  label: HTMLElement;
}

interface Month {
  tick: HTMLElement;
  label: HTMLElement;
}

interface Band {
  stripe: HTMLElement;
  label: HTMLElement;
  width: number;
}

export function createTimelineOverlay(
  container: HTMLElement,
  options: TimelineOverlayOptions = {},
): TimelineOverlay {
  const doc = container.ownerDocument;
  const el = (tag: string, cls: string, text?: string) => {
    const e = doc.createElement(tag);
    e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  // under the WebGL canvases: stripes and gridlines; above them: the axis and the band names
  const under = el('div', 'timeline-under');
  const over = el('div', 'timeline-over');
  const axis = el('div', 'timeline-axis');
  axis.setAttribute('role', 'group');
  axis.setAttribute('aria-label', 'Publication year');
  const bandNames = el('div', 'timeline-bands');
  bandNames.setAttribute('role', 'list');
  bandNames.setAttribute('aria-label', 'Timeline bands');
  over.append(axis, bandNames);
  container.prepend(under);
  container.append(over);

  let layout: TimelineResult | null = null;
  let visible = false;
  /** Camera and size of the last placement: hovering re-renders sigma without moving anything. */
  let placedFor = '';
  let years: Year[] = [];
  let months: Month[] = [];
  let bands: Band[] = [];

  const sync = () => {
    const shown = visible && layout !== null;
    under.classList.toggle('shown', shown);
    over.classList.toggle('shown', shown);
  };

  const placeBandNames = (sigma: Sigma<NodeAttributes, EdgeAttributes>, height: number) => {
    const box = container.getBoundingClientRect();
    const avoid = (options.avoid?.() ?? [])
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({
        left: r.left - box.left,
        right: r.right - box.left,
        top: r.top - box.top,
        bottom: r.bottom - box.top,
      }));
    layout!.bands.forEach((band, b) => {
      const entry = bands[b]!;
      const { stripe, label } = entry;
      const top = sigma.graphToViewport({ x: 0, y: band.top }).y;
      const bottom = sigma.graphToViewport({ x: 0, y: band.bottom }).y;
      const shown = bottom > AXIS_HEIGHT && top < height;
      stripe.hidden = label.hidden = !shown;
      if (!shown) return;
      stripe.style.transform = `translateY(${top}px)`;
      stripe.style.height = `${bottom - top}px`;
      // at the band's top, below the axis while the band is in view, right of anything it must avoid
      const labelHeight = 20;
      const y = Math.max(top + 4, Math.min(Math.max(top + 4, AXIS_HEIGHT + 4), bottom - labelHeight - 2));
      if (entry.width === 0) entry.width = label.offsetWidth;
      let x = 8;
      for (const r of avoid) {
        if (y < r.bottom && y + labelHeight > r.top && x < r.right && x + entry.width > r.left)
          x = r.right + 8;
      }
      label.style.transform = `translate(${x}px, ${y}px)`;
    });
  };

  return {
    set(next, colors) {
      layout = next;
      placedFor = '';
      under.replaceChildren();
      axis.replaceChildren();
      bandNames.replaceChildren();
      years = [];
      months = [];
      bands = [];
      if (!next) return sync();
      for (const band of next.bands) {
        const color = colors.get(band.id) ?? 'transparent';
        const stripe = el('div', 'timeline-stripe');
        stripe.style.setProperty('--band-color', color);
        const swatch = el('span', 'swatch');
        swatch.setAttribute('aria-hidden', 'true');
        swatch.style.background = color;
        const label = el('div', `timeline-band-label${band.count === 0 ? ' empty' : ''}`);
        label.setAttribute('role', 'listitem');
        label.title = `${band.label}: ${band.count} ${band.count === 1 ? 'paper' : 'papers'}`;
        label.append(
          swatch,
          el('span', 'timeline-band-name', band.label),
          el('span', 'timeline-band-count', String(band.count)),
        );
        under.append(stripe);
        bandNames.append(label);
        bands.push({ stripe, label, width: 0 });
      }
      for (let year = next.firstYear; year <= next.lastYear + 1; year++) {
        const grid = el('div', 'timeline-grid');
        const tick = el('div', 'timeline-tick');
        const label = el('div', 'timeline-year', year <= next.lastYear ? String(year) : '');
        under.append(grid);
        axis.append(tick, label);
        years.push({ tick, grid, label });
        if (year > next.lastYear) continue;
        for (const name of MONTHS) {
          const m = { tick: el('div', 'timeline-month'), label: el('div', 'timeline-month-name', name) };
          axis.append(m.tick, m.label);
          months.push(m);
        }
      }
      sync();
    },
    setVisible(v) {
      visible = v;
      placedFor = '';
      sync();
    },
    draw(sigma) {
      // a renderer made after a lost WebGL context appends new canvases: stay under and over them
      if (container.firstElementChild !== under) container.prepend(under);
      if (container.lastElementChild !== over) container.append(over);
      if (!layout || !visible) return;
      const { width, height } = sigma.getDimensions();
      const { x, y, ratio, angle } = sigma.getCamera().getState();
      const key = `${x},${y},${ratio},${angle},${width},${height}`;
      if (key === placedFor) return;
      placedFor = key;
      const t = layout;
      const xAt = (year: number, month: number | null = null) =>
        sigma.graphToViewport({ x: timelineX(t, year, month), y: 0 }).x;
      const starts = years.map((_y, i) => xAt(t.firstYear + i, 1));
      const spans = starts.slice(0, -1).map((s, i): [number, number] => [s, starts[i + 1]!]);
      const centres = placeSpanLabels(spans, width, 30, 4);
      years.forEach(({ tick, grid, label }, i) => {
        const x = starts[i]!;
        tick.hidden = grid.hidden = x < -1 || x > width + 1;
        if (!tick.hidden) tick.style.transform = grid.style.transform = `translateX(${x}px)`;
        const centre = centres[i] ?? null;
        label.hidden = centre === null;
        if (centre !== null) label.style.transform = `translateX(${centre}px) translateX(-50%)`;
      });
      // month ticks in years wider than 120 px, their names in years wider than 12 names
      spans.forEach(([start, end], i) => {
        const span = end - start;
        const monthSpans = MONTHS.map((_m, k): [number, number] => [
          start + (k / 12) * span,
          start + ((k + 1) / 12) * span,
        ]);
        const names = span >= 12 * 34 ? placeSpanLabels(monthSpans, width, 26, 4) : [];
        monthSpans.forEach(([x], k) => {
          const m = months[i * 12 + k]!;
          m.tick.hidden = k === 0 || span < 120 || x < 0 || x > width;
          if (!m.tick.hidden) m.tick.style.transform = `translateX(${x}px)`;
          const centre = names[k] ?? null;
          // the year's own label, when shown, stays above its month names
          m.label.hidden = centre === null || (centres[i] != null && Math.abs(centre - centres[i]!) < 34);
          if (!m.label.hidden) m.label.style.transform = `translateX(${centre}px) translateX(-50%)`;
        });
      });
      placeBandNames(sigma, height);
    },
    cleanup() {
      under.remove();
      over.remove();
    },
  };
}
