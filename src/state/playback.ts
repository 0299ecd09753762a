/**
 * Playback producers: the playhead (a month, `filters.playhead`, so everything that follows the
 * filters — the view, the legend's counts, the exports — follows it) and the speed in months per
 * second. Pure; the same state comes back when nothing changes. Playing itself (the clock) is in
 * the UI (ui/playback-controls.ts): it only moves the playhead.
 */
import { fromMonthIndex, monthIndex } from '../graph/playback';
import type { Playhead, ViewState } from './types';

/** Speeds offered, months per second. */
export const PLAY_SPEEDS = [1, 2, 3, 6, 12, 24] as const;
export const DEFAULT_PLAY_SPEED = 6;
export const MIN_PLAY_SPEED = 0.25;
export const MAX_PLAY_SPEED = 120;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "March 2021". */
export function playheadLabel(p: Playhead): string {
  return `${MONTHS[p.month - 1] ?? '?'} ${p.year}`;
}

/** "2021-03", as the link writes it. */
export function playheadKey(p: Playhead): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

function samePlayhead(a: Playhead | null | undefined, b: Playhead | null | undefined): boolean {
  return (a ?? null) === (b ?? null) || (!!a && !!b && a.year === b.year && a.month === b.month);
}

/**
 * Moves the playhead to a month (a month index is rounded down; `range` clamps it), or ends
 * playback with null. No playhead is stored as no field, so the filters stay canonical.
 */
export function setPlayhead(
  state: ViewState,
  at: Playhead | number | null,
  range?: readonly [number, number] | null,
): ViewState {
  let next: Playhead | null = null;
  if (at !== null) {
    let index = typeof at === 'number' ? Math.floor(at) : monthIndex(at);
    if (!Number.isFinite(index)) return state;
    if (range) index = Math.min(range[1], Math.max(range[0], index));
    next = fromMonthIndex(index);
  }
  if (samePlayhead(state.filters.playhead, next)) return state;
  const { playhead: _old, ...rest } = state.filters;
  return { ...state, filters: next ? { ...rest, playhead: next } : rest };
}

/** One month on or back (`delta` ±1), within `range`; from no playhead, the range's first month. */
export function stepPlayhead(state: ViewState, delta: number, range: readonly [number, number]): ViewState {
  const current = state.filters.playhead;
  if (!current) return setPlayhead(state, range[0], range);
  return setPlayhead(state, monthIndex(current) + Math.trunc(delta), range);
}

/** The speed, clamped to [MIN_PLAY_SPEED, MAX_PLAY_SPEED]; bad input keeps the state. */
export function setPlaySpeed(state: ViewState, speed: number): ViewState {
  if (!Number.isFinite(speed) || speed <= 0) return state;
  const value = Math.min(MAX_PLAY_SPEED, Math.max(MIN_PLAY_SPEED, speed));
  return state.playSpeed === value ? state : { ...state, playSpeed: value };
}

/** Months the playhead moves in `ms` milliseconds at `speed` months per second. */
export function monthsIn(speed: number, ms: number): number {
  return (speed * ms) / 1000;
}

/** How long a sweep over `range` (month indices, inclusive) lasts at `speed`, in seconds. */
export function sweepSeconds(range: readonly [number, number], speed: number): number {
  return (range[1] - range[0]) / speed;
}
