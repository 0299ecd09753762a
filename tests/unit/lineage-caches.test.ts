/** The selection's lineage and comparison in the render caches and reducers, on the small fixture graph. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphFile } from '../../src/graph/load';
import { lineageMemo } from '../../src/graph/lineage/memo';
import { neighbourhood } from '../../src/graph/neighbourhood';
import { compareLineage } from '../../src/graph/lineage/compare';
import { buildCaches, updateCaches } from '../../src/render/caches';
import { createNodeReducer } from '../../src/render/reducers';
import { themeFor } from '../../src/render/theme';
import { setFilters } from '../../src/state/filters';
import { compareWith, setLineageDepth, toggleLineageKind } from '../../src/state/lineage';
import { hover, initialViewState, select } from '../../src/state/view';
import { EDGE_KINDS } from '../../src/model';

const { graph, meta } = parseGraphFile(
  JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
  'small.json',
);
const s0 = initialViewState(meta);
const theme = themeFor(false);
const TI = '2208.01618';
const DB = '2208.12242';
const CD = '2212.04488';
const ELITE = '2302.13848';
const IPA = '2308.06721';
const INSTANTID = '2401.07519';
const HYPER = '2307.06949';
const KOSMOS = '2310.02992';
const UNLABELLED = 'unlabelled-method';
const PTI = '2106.05744';

const color = (state: typeof s0, id: string) => {
  const caches = buildCaches(graph, meta, state);
  return createNodeReducer(
    () => caches,
    () => theme,
  )(id, { ...graph.getNodeAttributes(id) }).color;
};

describe('lineage in the caches', () => {
  it('depth 1 over every kind is exactly the one-hop selection', () => {
    let s = setLineageDepth(select(s0, DB), 1);
    for (const k of EDGE_KINDS) s = toggleLineageKind(s, k, true);
    const hood = buildCaches(graph, meta, s).focus!.hood;
    const visible = buildCaches(graph, meta, s).visibility.edges;
    expect(hood).toEqual(neighbourhood(graph, DB, (e) => visible.has(e)));
  });

  it('follows the depth and kinds: ancestors blue, descendants green, the rest not highlighted', () => {
    const s1 = setLineageDepth(select(s0, IPA), 1);
    const h1 = buildCaches(graph, meta, s1).focus!.hood;
    expect([...h1.outNodes].sort()).toEqual([DB, ELITE].sort());
    expect([...h1.inNodes].sort()).toEqual([INSTANTID, KOSMOS, UNLABELLED].sort());
    const s2 = setLineageDepth(s1, 2);
    const h2 = buildCaches(graph, meta, s2).focus!.hood;
    expect([...h2.outNodes].sort()).toEqual([TI, DB, ELITE].sort());
    expect(h2.outEdges.has(`${ELITE}->${TI}`)).toBe(true);
    expect(color(s2, TI)).toBe(theme.references);
    expect(color(s2, INSTANTID)).toBe(theme.citations);
    expect(color(s2, IPA)).toBe(theme.selected);
    // DreamBooth's out-edges are a "compares" and a "mentions": no ancestors until those kinds are followed
    const db = select(s0, DB);
    expect(buildCaches(graph, meta, db).focus!.hood.outNodes.size).toBe(0);
    const withMentions = toggleLineageKind(db, 'mentions', true);
    expect([...buildCaches(graph, meta, withMentions).focus!.hood.outNodes]).toEqual([
      PTI,
      '2102.02766',
      '1904.03189',
    ]);
    // hidden edges are not followed
    const filtered = setFilters(s2, { years: [2023, 2025] });
    expect(buildCaches(graph, meta, filtered).focus!.hood.outNodes).toEqual(new Set([ELITE]));
  });

  it('a settings change refreshes the old and new lineage nodes only; hovering elsewhere shows one hop', () => {
    const s1 = setLineageDepth(select(s0, IPA), 1);
    const c1 = buildCaches(graph, meta, s1);
    const s2 = setLineageDepth(s1, 'all');
    const r = updateCaches(c1, graph, meta, s1, s2);
    expect(r.refresh).toBe('focus');
    expect(new Set(r.nodes)).toEqual(r.caches.focus!.hood.nodes);
    expect(r.caches.focus!.hood.nodes.has(TI)).toBe(true);
    const h = hover(s2, PTI);
    expect(updateCaches(r.caches, graph, meta, s2, h).caches.focus).toMatchObject({
      mode: 'hover',
      compare: null,
    });
  });

  it('one memo per app: the same lineage object for the same inputs', () => {
    const memo = lineageMemo(graph);
    const s = select(s0, IPA);
    expect(memo.lineage(IPA, s.lineage, s.filters)).toBe(memo.lineage(IPA, s.lineage, s.filters));
    expect(memo.lineage('nope', s.lineage, s.filters)).toBeNull();
  });
});

describe('comparison', () => {
  it('a path when one descends from the other, drawn instead of the lineage', () => {
    const c = compareLineage(graph, INSTANTID, DB);
    expect(c.path).toEqual({
      relation: 'ancestor',
      nodes: [INSTANTID, IPA, DB],
      edges: [`${INSTANTID}->${IPA}`, `${IPA}->${DB}`],
    });
    const s = compareWith(select(s0, INSTANTID), DB);
    const focus = buildCaches(graph, meta, s).focus!;
    expect(focus.compare).toEqual({ other: DB, lcas: new Set() });
    expect(focus.hood.nodes).toEqual(new Set([INSTANTID, IPA, DB]));
    expect(color(s, DB)).toBe(theme.selected);
    expect(color(s, IPA)).toBe(theme.references);
    // the other way round the path runs through descendants
    const back = compareWith(select(s0, DB), INSTANTID);
    expect(color(back, IPA)).toBe(theme.citations);
  });

  it('otherwise the lowest common ancestors and the paths up to them', () => {
    const c = compareLineage(graph, ELITE, CD);
    expect(c.path).toBeNull();
    expect(c.lcas).toEqual([TI, DB]);
    expect(compareLineage(graph, INSTANTID, HYPER).lcas).toEqual([DB]);
    const s = compareWith(select(s0, ELITE), CD);
    expect(color(s, TI)).toBe(theme.commonAncestor);
    expect(color(s, CD)).toBe(theme.selected);
    expect(buildCaches(graph, meta, s).focus!.hood.outEdges).toEqual(
      new Set([`${ELITE}->${TI}`, `${CD}->${TI}`, `${ELITE}->${DB}`, `${CD}->${DB}`]),
    );
  });
});
