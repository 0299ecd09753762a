/**
 * Playback beside the year brush: Play / Pause, a month back and on, a slider to scrub, the speed
 * (months per second) and the month shown; and, over the canvas, a caption naming the month.
 *
 * The sweep runs from the first dated paper to the last (within the year filter). Everything on
 * screen follows the playhead through the filters (`filters.playhead`): the view in either layout,
 * the legend's and header's counts, the exports. The clock lives here and only moves the playhead,
 * once per month reached, so a frame without a new month costs nothing.
 */
import { fromMonthIndex, monthIndex, sweepRange } from '../graph/playback';
import { nodeNoun } from '../model';
import {
  MAX_PLAY_SPEED,
  MIN_PLAY_SPEED,
  monthsIn,
  PLAY_SPEEDS,
  playheadLabel,
  setPlayhead,
  setPlaySpeed,
  stepPlayhead,
} from '../state/playback';
import type { ViewState } from '../state/types';
import type { AppContext, MountPanel } from './context';
import { h } from './dom';
import './playback.css';

const speedText = (speed: number) => `${speed} month${speed === 1 ? '' : 's'}/s`;

/**
 * Mounts the controls into `container` (the year filter's group); returns the cleanup. `months`:
 * the graph's `datedMonths` (the filters count them before they mount).
 */
export function mountPlayback(container: HTMLElement, ctx: AppContext, months: number[]): () => void {
  const { store } = ctx;
  const win = container.ownerDocument.defaultView ?? window;
  // the dated papers' months: all a sweep's range needs (the papers' order is the filters' to make)
  const order = { nodeMonths: months };
  if (order.nodeMonths.length === 0) return () => {};

  const play = h('button', {
    type: 'button',
    class: 'btn la-play',
    'aria-label': 'Play',
    title: 'Play the papers in order of date',
    text: '▶',
  });
  const back = h('button', {
    type: 'button',
    class: 'btn la-step',
    'aria-label': 'Back one month',
    title: 'Back one month',
    text: '‹',
  });
  const on = h('button', {
    type: 'button',
    class: 'btn la-step',
    'aria-label': 'Forward one month',
    title: 'Forward one month',
    text: '›',
  });
  const slider = h('input', { type: 'range', class: 'la-scrub', 'aria-label': 'Playback month', step: 1 });
  const speed = h('select', { class: 'la-speed', 'aria-label': 'Speed (months per second)' });
  const date = h('span', { class: 'la-playback-date', 'data-testid': 'playback-date' });
  const end = h('button', {
    type: 'button',
    class: 'la-link-button la-playback-end',
    text: 'End playback',
    title: 'Show every paper again',
  });
  const group = h(
    'div',
    { class: 'la-playback', role: 'group', 'aria-label': 'Playback' },
    h('div', { class: 'la-playback-row' }, play, back, on, slider),
    h(
      'div',
      { class: 'la-playback-row' },
      h('label', { class: 'la-speed-label' }, 'Speed ', speed),
      date,
      end,
    ),
  );
  container.append(group);

  let range: [number, number] | null = null;
  let rangeYears: ViewState['filters']['years'] | undefined;
  const currentRange = (s: ViewState) => {
    if (rangeYears !== s.filters.years) {
      rangeYears = s.filters.years;
      range = sweepRange(order, s.filters.years);
    }
    return range;
  };

  // ── the clock ──
  let playing = false;
  let frame = 0;
  let last = 0;
  /** The playhead as a fractional month index while playing. */
  let position = 0;
  const stop = () => {
    playing = false;
    win.cancelAnimationFrame(frame);
    frame = 0;
    render(store.get());
  };
  const tick = (now: number) => {
    frame = 0;
    if (!playing) return;
    const s = store.get();
    const r = currentRange(s);
    if (!r) return stop();
    // someone else moved the playhead (the slider, a link): go on from there
    const shown = s.filters.playhead ? monthIndex(s.filters.playhead) : null;
    if (shown !== Math.floor(position)) position = shown ?? r[0];
    // (a frame long delayed, e.g. a hidden tab, counts as at most a second)
    position += monthsIn(s.playSpeed, Math.min(1000, now - last));
    last = now;
    const done = position >= r[1];
    store.update((st) => setPlayhead(st, done ? r[1] : position, r));
    if (done) stop();
    else frame = win.requestAnimationFrame(tick);
  };
  const start = () => {
    const s = store.get();
    const r = currentRange(s);
    if (!r) return;
    const at = s.filters.playhead ? monthIndex(s.filters.playhead) : null;
    // from the start, unless paused half-way
    position = at === null || at >= r[1] ? r[0] : at;
    store.update((st) => setPlayhead(st, position, r));
    playing = true;
    last = win.performance.now();
    frame = win.requestAnimationFrame(tick);
    render(store.get());
  };

  const render = (s: ViewState) => {
    const r = currentRange(s);
    const p = s.filters.playhead ?? null;
    group.classList.toggle('is-active', p !== null);
    play.textContent = playing ? '❚❚' : '▶';
    play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    play.title = playing ? 'Pause' : 'Play the papers in order of date';
    play.disabled = back.disabled = on.disabled = slider.disabled = r === null;
    if (r) {
      slider.min = String(r[0]);
      slider.max = String(r[1]);
      slider.value = String(p ? monthIndex(p) : r[1]);
      const first = fromMonthIndex(r[0]);
      const lastMonth = fromMonthIndex(r[1]);
      slider.setAttribute(
        'aria-valuetext',
        p ? playheadLabel(p) : `every month, ${playheadLabel(first)} to ${playheadLabel(lastMonth)}`,
      );
    }
    date.textContent = p ? playheadLabel(p) : 'All dates';
    end.hidden = p === null;
    const speeds = [...new Set<number>([...PLAY_SPEEDS, s.playSpeed])].sort((a, b) => a - b);
    if (speed.options.length !== speeds.length || speed.value !== String(s.playSpeed)) {
      speed.replaceChildren(...speeds.map((v) => h('option', { value: v, text: speedText(v) })));
      speed.value = String(s.playSpeed);
    }
  };

  play.addEventListener('click', () => (playing ? stop() : start()));
  const step = (delta: number) => {
    const r = currentRange(store.get());
    if (!r) return;
    if (playing) stop();
    store.update((s) => stepPlayhead(s, delta, r));
  };
  back.addEventListener('click', () => step(-1));
  on.addEventListener('click', () => step(1));
  slider.addEventListener('input', () => {
    const r = currentRange(store.get());
    if (r) store.update((s) => setPlayhead(s, slider.valueAsNumber, r));
  });
  speed.addEventListener('change', () => {
    const v = Number(speed.value);
    if (v >= MIN_PLAY_SPEED && v <= MAX_PLAY_SPEED) store.update((s) => setPlaySpeed(s, v));
  });
  end.addEventListener('click', () => {
    if (playing) stop();
    store.update((s) => setPlayhead(s, null));
  });

  render(store.get());
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.filters !== prev.filters || s.playSpeed !== prev.playSpeed) render(s);
  });
  return () => {
    playing = false;
    win.cancelAnimationFrame(frame);
    unsubscribe();
    group.remove();
  };
}

/** The caption over the canvas while playing back: the month and how many papers and links show. */
export const mountPlaybackCaption: MountPanel = (container, ctx) => {
  const { store, meta } = ctx;
  const month = h('strong', { class: 'la-caption-month' });
  const counts = h('span', { class: 'la-caption-counts' });
  const caption = h(
    'div',
    { class: 'la-playback-caption', 'data-testid': 'playback-caption', hidden: true },
    month,
    counts,
  );
  container.append(caption);
  const render = (s: ViewState) => {
    const p = s.filters.playhead;
    caption.hidden = !p;
    if (!p) return;
    const v = ctx.visibility(s.filters);
    month.textContent = playheadLabel(p);
    counts.textContent = ` · ${v.nodes.size.toLocaleString('en')} ${nodeNoun(meta, v.nodes.size)}, ${v.edges.size.toLocaleString('en')} link${v.edges.size === 1 ? '' : 's'}`;
  };
  render(store.get());
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.filters !== prev.filters) render(s);
  });
  return () => {
    unsubscribe();
    container.replaceChildren();
  };
};
