/** The seeds of "Similar to these": Shift-click producers and how selection and clearing treat them. */
import { describe, expect, it } from 'vitest';
import { clearSeeds, toggleSeed } from '../../src/state/seeds';
import { clearSelection, initialViewState, select } from '../../src/state/view';
import { testMeta } from './support/taxonomy-meta';

const base = () => initialViewState(testMeta());

describe('seeds', () => {
  it('starts from the selection, adds and removes papers, keeps a seed selected', () => {
    let s = select(base(), 'a');
    s = toggleSeed(s, 'b');
    expect(s.seeds).toEqual(['a', 'b']);
    expect(s.selected).toBe('a');
    s = toggleSeed(s, 'a');
    expect(s.seeds).toEqual(['b']);
    expect(s.selected).toBe('b');
    s = toggleSeed(s, 'b');
    expect(s.seeds).toEqual([]);
    expect(s.selected).toBe('b');
  });

  it('a first Shift-click with nothing selected selects the paper', () => {
    const s = toggleSeed(base(), 'x');
    expect(s).toMatchObject({ seeds: ['x'], selected: 'x' });
  });

  it('choosing a seed keeps the set; choosing another paper, clearing or clearSeeds drops it', () => {
    const s = toggleSeed(toggleSeed(base(), 'a'), 'b');
    expect(select(s, 'b').seeds).toEqual(['a', 'b']);
    expect(select(s, 'c').seeds).toEqual([]);
    expect(clearSelection(s).seeds).toEqual([]);
    expect(clearSeeds(s)).toMatchObject({ seeds: [], selected: 'a' });
    const none = base();
    expect(clearSeeds(none)).toBe(none);
  });
});
