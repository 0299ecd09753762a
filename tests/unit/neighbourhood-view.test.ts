import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { neighbourhood } from '../../src/graph/neighbourhood';
import { parseGraphFile } from '../../src/graph/load';
import {
  clearSelection,
  hover,
  initialViewState,
  select,
  setColorBy,
  setLabelDensity,
  setSizeBy,
  toggleIsolate,
} from '../../src/state/view';

const loaded = () =>
  parseGraphFile(JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')), 'small.json');

describe('neighbourhood', () => {
  it('splits references (out) from citations (in)', () => {
    const { graph } = loaded();
    // IP-Adapter cites ELITE and DreamBooth; InstantID, Kosmos-G and the unlabelled paper cite it
    const h = neighbourhood(graph, '2308.06721');
    expect([...h.outNodes].sort()).toEqual(['2208.12242', '2302.13848']);
    expect([...h.inNodes].sort()).toEqual(['2310.02992', '2401.07519', 'unlabelled-method']);
    expect(h.nodes.size).toBe(6);
    expect(h.nodes.has('2308.06721')).toBe(true);
    expect(h.outEdges).toEqual(new Set(['2308.06721->2302.13848', '2308.06721->2208.12242']));
    expect(h.inEdges.size).toBe(3);
  });

  it('follows only the edges the predicate accepts', () => {
    const { graph } = loaded();
    const h = neighbourhood(graph, '2401.07519', (e) => !graph.getEdgeAttribute(e, 'surveyOnly'));
    expect(h.outNodes.has('2106.05744')).toBe(false);
    expect(neighbourhood(graph, '2401.07519').outNodes.has('2106.05744')).toBe(true);
  });

  it('throws on an unknown node', () => {
    expect(() => neighbourhood(loaded().graph, 'nope')).toThrow(/no node "nope"/);
  });
});

describe('view producers', () => {
  const s0 = initialViewState(loaded().meta);

  it('starts with family colours, citation sizes, default filters and no focus', () => {
    expect(s0).toMatchObject({
      colorBy: 'family',
      sizeBy: 'citations',
      isolated: null,
      hovered: null,
      selected: null,
    });
    expect(s0.filters.showSurveyMentions).toBe(false);
    expect(JSON.parse(JSON.stringify(s0))).toEqual(s0); // serialisable
  });

  it('returns the same state when nothing changes', () => {
    expect(setColorBy(s0, 'family')).toBe(s0);
    expect(setSizeBy(s0, 'citations')).toBe(s0);
    expect(hover(s0, null)).toBe(s0);
    expect(select(s0, null)).toBe(s0);
    expect(clearSelection(s0)).toBe(s0);
    expect(setLabelDensity(s0, s0.labelDensity)).toBe(s0);
  });

  it('changing colour-by drops the isolated category', () => {
    const isolated = toggleIsolate(s0, 'gan');
    expect(isolated.isolated).toBe('gan');
    expect(toggleIsolate(isolated, 'gan').isolated).toBeNull();
    expect(toggleIsolate(isolated, 'ar').isolated).toBe('ar');
    const byYear = setColorBy(isolated, 'year');
    expect(byYear).toMatchObject({ colorBy: 'year', isolated: null });
  });

  it('hover, select and clear', () => {
    const s = select(hover(s0, 'a'), 'b');
    expect(s).toMatchObject({ hovered: 'a', selected: 'b' });
    expect(clearSelection(s)).toMatchObject({ hovered: null, selected: null });
    expect(s0.hovered).toBeNull(); // producers never mutate
  });

  it('clamps label density', () => {
    expect(setLabelDensity(s0, 3).labelDensity).toBe(1);
    expect(setLabelDensity(s0, -1).labelDensity).toBe(0);
    expect(setLabelDensity(s0, Number.NaN).labelDensity).toBe(0.5);
  });
});
