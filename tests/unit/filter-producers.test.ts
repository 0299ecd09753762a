import { describe, expect, it } from 'vitest';
import type { GraphMeta } from '../../src/model';
import {
  defaultFilters,
  isDefaultFilters,
  resetFilters,
  setMinDegree,
  setShowSurveyMentions,
  setYearRange,
  toggleEdgeKind,
  toggleFamily,
  toggleTask,
} from '../../src/state/filters';
import type { ViewState } from '../../src/state/types';
import { initialViewState } from '../../src/state/view';

const meta = { years: [2016, 2025] } as unknown as GraphMeta;
const base: ViewState = { ...initialViewState(meta), selected: 'x' };
const BOUNDS: [number, number] = [2016, 2025];

describe('filter producers', () => {
  it('setYearRange clamps, rounds, orders, and stores the full range as null', () => {
    expect(setYearRange(base, [2019.6, 2018.2], BOUNDS).filters.years).toEqual([2018, 2020]);
    expect(setYearRange(base, [1990, 2100], BOUNDS)).toBe(base);
    const s = setYearRange(base, [2020, 2030], BOUNDS);
    expect(s.filters.years).toEqual([2020, 2025]);
    expect(setYearRange(s, [2020, 2025], BOUNDS)).toBe(s);
    expect(setYearRange(s, null, BOUNDS).filters.years).toBeNull();
    expect(setYearRange(base, [NaN, 2017], BOUNDS).filters.years).toEqual([2016, 2017]);
  });

  it('toggleFamily hides one family, and showing it again restores null', () => {
    const s = toggleFamily(base, 'gan');
    expect(s.filters.families).toEqual(['diffusion', 'ar', 'survey']);
    expect(toggleFamily(s, 'gan').filters.families).toBeNull();
    expect(toggleFamily(base, 'gan', true)).toBe(base);
    expect(toggleFamily(toggleFamily(s, 'ar'), 'diffusion', false).filters.families).toEqual(['survey']);
    expect(s.selected).toBe('x');
  });

  it('toggleTask works like toggleFamily', () => {
    const s = toggleTask(base, 'face', false);
    expect(s.filters.tasks).not.toContain('face');
    expect(s.filters.tasks).toContain('subject');
    expect(toggleTask(s, 'face').filters.tasks).toBeNull();
  });

  it('toggleEdgeKind keeps the canonical kind order', () => {
    const s = toggleEdgeKind(base, 'cites');
    expect(s.filters.edgeKinds).toEqual(['builds-on', 'compares', 'mentions']);
    expect(toggleEdgeKind(s, 'cites').filters.edgeKinds).toEqual([
      'builds-on',
      'cites',
      'compares',
      'mentions',
    ]);
  });

  it('setMinDegree takes whole numbers ≥ 0 and setShowSurveyMentions a flag', () => {
    expect(setMinDegree(base, 3.7).filters.minDegree).toBe(3);
    expect(setMinDegree(base, -2)).toBe(base);
    expect(setMinDegree(base, NaN)).toBe(base);
    expect(setShowSurveyMentions(base, true).filters.showSurveyMentions).toBe(true);
    expect(setShowSurveyMentions(base, false)).toBe(base);
  });

  it('resetFilters restores the defaults and is a no-op on them', () => {
    const changed = setMinDegree(toggleFamily(setYearRange(base, [2020, 2021], BOUNDS), 'gan'), 2);
    expect(isDefaultFilters(changed.filters, meta)).toBe(false);
    const reset = resetFilters(changed, meta);
    expect(reset.filters).toEqual(defaultFilters(meta));
    expect(resetFilters(reset, meta)).toBe(reset);
  });
});
