import { describe, expect, it } from 'vitest';
import type { GraphMeta } from '../../src/model';
import {
  defaultFilters,
  isDefaultFilters,
  resetFilters,
  setMinDegree,
  setShowSurveyMentions,
  setYearRange,
  toggleCategory,
  toggleEdgeKind,
  toggleUnlabelled,
} from '../../src/state/filters';
import type { ViewState } from '../../src/state/types';
import { initialViewState } from '../../src/state/view';

const cats = (ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase(), color: '#000000' }));
const meta = {
  counts: { papers: 2, edges: 1, byKind: {}, byFamily: {} },
  years: [2016, 2025],
  taxonomy: {
    unknownColor: '#bbbbbb',
    dimensions: [
      { id: 'family', label: 'Family', categories: cats(['diffusion', 'gan', 'ar', 'survey']) },
      { id: 'task', label: 'Task', categories: cats(['subject', 'face', 'style']) },
      { id: 'venue-type', label: 'Venue type', categories: cats(['journal', 'conference']) },
    ],
  },
} as unknown as GraphMeta;
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

  it('toggleCategory hides one category, and showing it again drops the dimension filter', () => {
    const tog = (s: ViewState, dim: string, id: string, on?: boolean) => toggleCategory(s, meta, dim, id, on);
    const s = tog(base, 'family', 'gan');
    expect(s.filters.categories).toEqual({ family: ['diffusion', 'ar', 'survey'] });
    expect(tog(s, 'family', 'gan').filters.categories).toEqual({});
    expect(tog(base, 'family', 'gan', true)).toBe(base);
    expect(tog(tog(s, 'family', 'ar'), 'family', 'diffusion', false).filters.categories).toEqual({
      family: ['survey'],
    });
    expect(s.selected).toBe('x');
  });

  it('toggleCategory works over any dimension of the taxonomy, keeping the taxonomy order of dimensions', () => {
    const tog = (s: ViewState, dim: string, id: string, on?: boolean) => toggleCategory(s, meta, dim, id, on);
    const s = tog(tog(base, 'venue-type', 'journal', false), 'task', 'face', false);
    expect(s.filters.categories).toEqual({ task: ['subject', 'style'], 'venue-type': ['conference'] });
    expect(Object.keys(s.filters.categories)).toEqual(['task', 'venue-type']);
    // unknown dimensions and categories change nothing
    expect(tog(base, 'modality', 'image', false)).toBe(base);
    expect(tog(base, 'task', 'unicorn', false)).toBe(base);
  });

  it('toggleUnlabelled hides and shows the unlabelled papers of a dimension, in the taxonomy order', () => {
    const s1 = toggleUnlabelled(base, meta, 'venue-type', false);
    expect(s1.filters.unlabelled).toEqual(['venue-type']);
    const s2 = toggleUnlabelled(s1, meta, 'family');
    expect(s2.filters.unlabelled).toEqual(['family', 'venue-type']);
    expect(toggleUnlabelled(s2, meta, 'family', false)).toBe(s2);
    expect(toggleUnlabelled(s2, meta, 'nope', false)).toBe(s2);
    expect(
      toggleUnlabelled(toggleUnlabelled(s2, meta, 'family', true), meta, 'venue-type').filters.unlabelled,
    ).toEqual([]);
    expect(isDefaultFilters(s1.filters, meta)).toBe(false);
    expect(resetFilters(s2, meta).filters.unlabelled).toEqual([]);
  });

  it('toggleEdgeKind keeps the canonical kind order', () => {
    const s = toggleEdgeKind(base, 'cites');
    expect(s.filters.edgeKinds).toEqual(['builds-on', 'compares', 'mentions', 'links']);
    expect(toggleEdgeKind(s, 'cites').filters.edgeKinds).toEqual([
      'builds-on',
      'cites',
      'compares',
      'mentions',
      'links',
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
    const changed = setMinDegree(
      toggleCategory(setYearRange(base, [2020, 2021], BOUNDS), meta, 'family', 'gan'),
      2,
    );
    expect(isDefaultFilters(changed.filters, meta)).toBe(false);
    const reset = resetFilters(changed, meta);
    expect(reset.filters).toEqual(defaultFilters(meta));
    expect(resetFilters(reset, meta)).toBe(reset);
  });
});
