/**
 * The playback's URL parameters: `play=2021-03` (the playhead: where playback starts when the link
 * is opened) and `speed=6` (months per second). See url.ts for the table they join.
 */
import { DEFAULT_PLAY_SPEED, MAX_PLAY_SPEED, MIN_PLAY_SPEED, playheadKey } from './playback';
import type { ParamCodec } from './url-codec';

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const NUMBER = /^\d+(\.\d+)?$/;

export const PLAYBACK_CODECS: readonly ParamCodec[] = [
  {
    param: 'play',
    write: (s) => (s.filters.playhead ? playheadKey(s.filters.playhead) : null),
    read(v, { meta }) {
      const m = MONTH_KEY.exec(v);
      const year = Number(m?.[1]);
      const month = Number(m?.[2]);
      if (!m || month < 1 || month > 12) return 'expected a month like 2021-03';
      if (meta.years === null) return 'the graph has no dates to play';
      if (year < meta.years[0] || year > meta.years[1])
        return `expected a month of ${meta.years[0]} to ${meta.years[1]}`;
      return { filters: { playhead: { year, month } } };
    },
  },
  {
    param: 'speed',
    write: (s) => (s.playSpeed === DEFAULT_PLAY_SPEED ? null : String(s.playSpeed)),
    read(v) {
      const speed = Number(v);
      if (!NUMBER.test(v) || speed < MIN_PLAY_SPEED || speed > MAX_PLAY_SPEED)
        return `expected months per second from ${MIN_PLAY_SPEED} to ${MAX_PLAY_SPEED}`;
      return { playSpeed: speed };
    },
  },
];
