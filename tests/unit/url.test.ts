import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGraphFile } from '../../src/graph/load';
import { colorByChoices, dimension, EDGE_KINDS, SIZE_BY } from '../../src/model';
import { canonicalCategories, toggleEdgeKind } from '../../src/state/filters';
import { LAYOUT_MODES, LINEAGE_DEPTHS, type ViewState } from '../../src/state/types';
import {
  PARAM_CODECS,
  applyViewPatch,
  queryToView,
  readCamera,
  viewFromQuery,
  viewToQuery,
  writeCamera,
  type CameraView,
} from '../../src/state/url';
import { initialViewState } from '../../src/state/view';
import { PLAY_SPEEDS, setPlayhead, setPlaySpeed } from '../../src/state/playback';

const { graph, meta } = parseGraphFile(
  JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
  'small.json',
);
const ctx = { meta, hasNode: (id: string) => graph.hasNode(id) };
const s0 = initialViewState(meta);
const read = (q: string) => queryToView(new URLSearchParams(q), ctx);
const COLOR_BY = colorByChoices(meta);
const FAMILIES = dimension(meta.taxonomy, 'family')!.categories.map((c) => c.id);
const TASKS = dimension(meta.taxonomy, 'task')!.categories.map((c) => c.id);
const roundTrip = (s: ViewState, cam: CameraView | null = null) =>
  viewFromQuery(s0, new URLSearchParams(viewToQuery(s, cam, ctx)), ctx);

/** A canonical sub-list of `all` (in `all`'s order), null for "all". */
function subList<T extends string>(all: readonly T[]) {
  return fc.subarray([...all]).map((xs) => (xs.length === all.length ? null : xs));
}

/** Any view state the producers can make on the small fixture (hover aside). */
const viewArb: fc.Arbitrary<ViewState> = fc
  .record({
    colorBy: fc.constantFrom(...COLOR_BY),
    sizeBy: fc.constantFrom(...SIZE_BY),
    years: fc.option(
      fc
        .tuple(fc.integer({ min: 2019, max: 2025 }), fc.integer({ min: 2019, max: 2025 }))
        .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number])
        .filter(([a, b]) => !(a === 2019 && b === 2025)),
    ),
    families: subList(FAMILIES),
    tasks: subList(TASKS),
    // the panel offers a paper dataset every kind but a graph file's `links`, which stays on
    unlabelled: fc.subarray(meta.taxonomy.dimensions.map((d) => d.id)),
    edgeKinds: fc.subarray(EDGE_KINDS.filter((k) => k !== 'links')).map((xs) => [...xs, 'links' as const]),
    showSurveyMentions: fc.boolean(),
    minDegree: fc.nat(20),
    selected: fc.option(fc.constantFrom(...graph.nodes())),
    labelDensity: fc.integer({ min: 0, max: 20 }).map((n) => n / 20),
    depth: fc.constantFrom(...LINEAGE_DEPTHS),
    kinds: fc.subarray([...EDGE_KINDS]),
    compare: fc.option(fc.constantFrom(...graph.nodes())),
    layout: fc.constantFrom(...LAYOUT_MODES),
    playhead: fc.option(
      fc.record({ year: fc.integer({ min: 2019, max: 2025 }), month: fc.integer({ min: 1, max: 12 }) }),
    ),
    playSpeed: fc.constantFrom(...PLAY_SPEEDS, 0.25, 1.5, 120),
  })
  .map((r) => ({
    ...s0,
    colorBy: r.colorBy,
    sizeBy: r.sizeBy,
    selected: r.selected,
    labelDensity: r.labelDensity,
    lineage: { depth: r.depth, kinds: r.kinds },
    compareWith: r.selected !== null && r.compare !== r.selected ? r.compare : null,
    layout: r.layout,
    playSpeed: r.playSpeed,
    isolated: r.colorBy === 'family' ? 'gan' : null,
    filters: {
      years: r.years,
      categories: canonicalCategories(meta, {
        ...(r.families ? { family: r.families } : {}),
        ...(r.tasks ? { task: r.tasks } : {}),
      }),
      unlabelled: r.unlabelled,
      edgeKinds: r.edgeKinds,
      showSurveyMentions: r.showSurveyMentions,
      minDegree: r.minDegree,
      ...(r.playhead ? { playhead: r.playhead } : {}),
    },
  }));

describe('viewToQuery', () => {
  it('writes nothing for the default view, and keeps reserved parameters first', () => {
    expect(viewToQuery(s0, null, ctx)).toBe('');
    expect(viewToQuery(s0, null, ctx, [['graph', 'fixtures/graphs/small.json']])).toBe(
      'graph=fixtures/graphs/small.json',
    );
  });

  it('is short and readable', () => {
    const s: ViewState = {
      ...s0,
      colorBy: 'method',
      sizeBy: 'pagerank',
      filters: { ...s0.filters, years: [2022, 2024], categories: { family: ['diffusion', 'gan'] } },
      selected: '2208.12242',
      labelDensity: 0.7,
    };
    expect(viewToQuery(s, { x: 0.1, y: 0.2, ratio: 1.5, angle: 0 }, ctx)).toBe(
      'color=method&size=pagerank&years=2022-2024&f.family=diffusion,gan&sel=2208.12242&labels=0.7&cam=0.1,0.2,1.5',
    );
  });

  it('writes an empty list as an empty value (nothing shown), not as "all"', () => {
    const s = { ...s0, filters: { ...s0.filters, categories: { family: [] } } };
    expect(viewToQuery(s, null, ctx)).toBe('f.family=');
    expect(roundTrip(s).state.filters.categories).toEqual({ family: [] });
  });

  it('lists the edge kinds shown among those the panel offers, never a kind the graph cannot have', () => {
    const s = toggleEdgeKind(s0, 'mentions', false);
    expect(viewToQuery(s, null, ctx)).toBe('edges=builds-on,cites,compares');
    expect(roundTrip(s).state.filters.edgeKinds).toEqual(s.filters.edgeKinds);
    expect(viewToQuery(toggleEdgeKind(s, 'mentions', true), null, ctx)).toBe('');
  });

  it('lists the dimensions whose unlabelled papers are hidden, in the taxonomy order, and refuses others', () => {
    const s = { ...s0, filters: { ...s0.filters, unlabelled: ['space', 'method'] } };
    expect(viewToQuery(s, null, ctx)).toBe('nolabel=space,method');
    expect(
      viewFromQuery(s0, new URLSearchParams('nolabel=method,space'), ctx).state.filters.unlabelled,
    ).toEqual(['space', 'method']);
    expect(viewFromQuery(s0, new URLSearchParams('nolabel=colour'), ctx).problems.join()).toContain(
      'the graph has no dimension "colour"',
    );
  });

  it('names a brushed community and the open Clusters column, and restores them through the app', () => {
    const brushed = {
      ...s0,
      clusters: true,
      brush: { label: 'Community 2 · GAN', nodes: ['a', 'b'], community: 1 },
    };
    expect(viewToQuery(brushed, null, ctx)).toBe('community=2&clusters=1');
    // a brush of a cell or a grid square is not a community: not in the link
    expect(viewToQuery({ ...s0, brush: { label: 'Cell', nodes: ['a'] } }, null, ctx)).toBe('');
    const withBrushes = {
      ...ctx,
      communityBrush: (c: number) =>
        c === 1 ? { label: 'Community 2 · GAN', nodes: ['a', 'b'], community: 1 } : null,
    };
    const read = viewFromQuery(s0, new URLSearchParams('community=2&clusters=1'), withBrushes);
    expect(read.state).toMatchObject({
      clusters: true,
      brush: { label: 'Community 2 · GAN', nodes: ['a', 'b'], community: 1 },
    });
    const bad = viewFromQuery(s0, new URLSearchParams('community=9&clusters=yes'), withBrushes);
    expect(bad.problems.join(' ')).toContain('the graph has no community 9');
    expect(bad.problems.join(' ')).toContain('expected 1 (open) or 0');
    // without the app's help (no community brushes), the parameter is ignored and said so
    expect(viewFromQuery(s0, new URLSearchParams('community=2'), ctx).ignored).toEqual(['community=2']);
  });

  it('escapes what must be escaped in ids', () => {
    const q = viewToQuery(s0, null, ctx, [['graph', 'a b&c=d.json']]);
    expect(new URLSearchParams(q).get('graph')).toBe('a b&c=d.json');
  });
});

describe('queryToView', () => {
  it('reads the example of the issue', () => {
    const r = read(
      'color=method&size=pagerank&years=2022-2024&families=gan,diffusion&sel=2208.12242&labels=0.7&cam=0.1,0.2,1.5',
    );
    expect(r.problems).toEqual([]);
    expect(r.patch).toEqual({
      colorBy: 'method',
      sizeBy: 'pagerank',
      filters: { years: [2022, 2024], categories: { family: ['diffusion', 'gan'] } },
      selected: '2208.12242',
      labelDensity: 0.7,
    });
    expect(r.camera).toEqual({ x: 0.1, y: 0.2, ratio: 1.5, angle: 0 });
  });

  it('reads a category filter per dimension (f.<dimension>), and the older families= / tasks=', () => {
    const r = read('f.task=face,subject&f.family=gan');
    expect(r.problems).toEqual([]);
    expect(r.patch.filters?.categories).toEqual({ family: ['gan'], task: ['subject', 'face'] });
    expect(read('tasks=face&families=gan').patch.filters?.categories).toEqual({
      family: ['gan'],
      task: ['face'],
    });
    const bad = read('f.modality=image&f.family=gan,unicorn&f.=x');
    expect(bad.patch.filters?.categories).toBeUndefined();
    expect(bad.problems).toEqual([
      'f.modality "image": the graph has no dimension "modality"',
      'f.family "gan,unicorn": unknown value "unicorn"',
      'f. "x": the graph has no dimension ""',
    ]);
  });

  it('names unknown and malformed parameters and ignores only them', () => {
    const r = read(
      'color=rainbow&years=20x1&families=gan,unicorn&sel=nope&labels=2&cam=1,2&foo=1&size=uniform&degree=-1&iso=zzz',
    );
    expect(r.patch).toEqual({ sizeBy: 'uniform' });
    expect(r.camera).toBeNull();
    expect(r.problems).toEqual([
      'unknown parameter "foo"',
      'color "rainbow": expected one of family, task, space, method, scheme, year, community',
      'years "20x1": expected a year range like 2022-2024',
      'families "gan,unicorn": unknown value "unicorn"',
      'degree "-1": expected a whole number ≥ 0',
      'sel "nope": no paper with this id',
      'labels "2": expected a number from 0 to 1',
      'iso "zzz": not a category of the colour-by dimension',
      'cam "1,2": expected x,y,zoom like 0.5,0.5,1',
    ]);
    expect(r.ignored).toEqual([
      'foo',
      'color=rainbow',
      'years=20x1',
      'families=gan,unicorn',
      'degree=-1',
      'sel=nope',
      'labels=2',
      'iso=zzz',
      'cam=1,2',
    ]);
  });

  it('clamps a year range to the graph and treats the full range as no filter', () => {
    expect(read('years=2010-2022').patch.filters?.years).toEqual([2019, 2022]);
    expect(read('years=2019-2025').patch.filters?.years).toBeNull();
    expect(read('years=2023').patch.filters?.years).toEqual([2023, 2023]);
    expect(read('years=1990-2000').problems).toEqual([
      'years "1990-2000": outside the graph\'s years 2019-2025',
    ]);
  });

  it('keeps ?graph= and says when a parameter is repeated', () => {
    expect(read('graph=x.json').problems).toEqual([]);
    expect(read('color=year&color=task').patch.colorBy).toBe('year');
    expect(read('color=year&color=task').problems).toEqual([
      'color: given more than once (the first one is used)',
    ]);
  });

  it('checks an isolated category against the colour-by of the same link', () => {
    expect(read('iso=gan').patch.isolated).toBe('gan');
    expect(read('color=year&iso=2023').patch.isolated).toBe('2023');
    expect(read('color=year&iso=gan').problems).toHaveLength(1);
  });
});

describe('lineage, comparison and layout', () => {
  it('writes and reads the lineage depth, the kinds followed, the compared paper and the timeline', () => {
    const [a, b] = graph.nodes() as [string, string];
    const state: ViewState = {
      ...s0,
      selected: a,
      compareWith: b,
      lineage: { depth: 'all', kinds: ['cites', 'compares'] },
      layout: 'timeline',
    };
    const q = viewToQuery(state, null, ctx);
    expect(q).toBe(`sel=${a}&vs=${b}&depth=all&follow=cites,compares&layout=timeline`);
    const r = read(q);
    expect(r.problems).toEqual([]);
    expect(applyViewPatch(s0, r.patch)).toEqual(state);
  });

  it('keeps the default kinds when only the depth is given, and the default depth when only kinds are', () => {
    expect(applyViewPatch(s0, read('depth=1').patch).lineage).toEqual({ depth: 1, kinds: s0.lineage.kinds });
    expect(applyViewPatch(s0, read('follow=mentions').patch).lineage).toEqual({
      depth: s0.lineage.depth,
      kinds: ['mentions'],
    });
  });

  it('ignores a bad depth, an unknown kind, a layout it does not know, and a comparison without a selection', () => {
    const [a] = graph.nodes() as [string];
    const r = read(`depth=7&follow=cites,likes&layout=spiral&vs=${a}`);
    expect(r.ignored).toEqual(['depth=7', 'follow=cites,likes', 'layout=spiral', `vs=${a}`]);
    expect(r.patch).toEqual({});
  });
});

describe('camera', () => {
  it('rounds to 4 decimals and writes the angle only when rotated', () => {
    expect(writeCamera({ x: 0.123456, y: -0, ratio: 1, angle: 0 })).toBe('0.1235,0,1');
    expect(writeCamera({ x: 0.5, y: 0.5, ratio: 0.25, angle: 1.5 })).toBe('0.5,0.5,0.25,1.5');
    expect(readCamera('0.5,0.5,0')).toBe('zoom out of range');
    expect(readCamera('NaN,1,1')).toMatch(/expected/);
  });
});

describe('round trip (property)', () => {
  it('any view and camera survive viewToQuery → queryToView', () => {
    const camArb = fc.record({
      x: fc.double({ min: -2, max: 2, noNaN: true }),
      y: fc.double({ min: -2, max: 2, noNaN: true }),
      ratio: fc.double({ min: 0.01, max: 50, noNaN: true }),
      angle: fc.constant(0),
    });
    fc.assert(
      fc.property(viewArb, fc.option(camArb), (state, cam) => {
        const r = roundTrip(state, cam);
        expect(r.problems).toEqual([]);
        expect(r.state).toEqual(state);
        if (cam) {
          expect(r.camera!.x).toBeCloseTo(cam.x, 4);
          expect(r.camera!.y).toBeCloseTo(cam.y, 4);
          expect(Math.abs(r.camera!.ratio - cam.ratio)).toBeLessThanOrEqual(0.00005 + 1e-12);
        } else expect(r.camera).toBeNull();
        // writing the read view again gives the same text
        expect(viewToQuery(r.state, r.camera, ctx)).toBe(viewToQuery(state, r.camera, ctx));
      }),
      { numRuns: 300 },
    );
  });
});

describe('playback in the link', () => {
  it('writes the playhead as play=YYYY-MM and the speed, and reads them back', () => {
    const s = setPlaySpeed(setPlayhead(s0, { year: 2021, month: 3 }), 12);
    expect(viewToQuery(s, null, ctx)).toBe('play=2021-03&speed=12');
    const r = roundTrip(s);
    expect(r.problems).toEqual([]);
    expect(r.state.filters.playhead).toEqual({ year: 2021, month: 3 });
    expect(r.state.playSpeed).toBe(12);
    expect(r.state).toEqual(s);
    // no playback, default speed: nothing written
    expect(viewToQuery(setPlayhead(s, null), null, ctx)).toBe('speed=12');
  });

  it('ignores a malformed month, a month outside the graph, and a bad speed', () => {
    expect(read('play=2021-13').problems).toEqual(['play "2021-13": expected a month like 2021-03']);
    expect(read('play=2021-3').patch).toEqual({});
    expect(read('play=1999-01').problems).toEqual(['play "1999-01": expected a month of 2019 to 2025']);
    expect(read('speed=0').problems).toEqual(['speed "0": expected months per second from 0.25 to 120']);
    expect(read('speed=fast').patch).toEqual({});
    expect(read('play=2025-12&speed=0.5').patch).toEqual({
      filters: { playhead: { year: 2025, month: 12 } },
      playSpeed: 0.5,
    });
  });
});

describe('hostile queries (fuzz)', () => {
  const names = fc.constantFrom(...PARAM_CODECS.map((c) => c.param), 'cam', 'graph', 'x', '');
  const values = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      ',',
      '2022-',
      '1e400',
      '-0',
      '0.5,0.5,1,2,3',
      'gan,,gan',
      '%',
      '__proto__',
      'constructor',
    ),
  );
  it('never throws, and always yields a valid view', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(names, values), { maxLength: 8 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const r = viewFromQuery(s0, params, ctx);
        const s = r.state;
        expect(COLOR_BY).toContain(s.colorBy);
        expect(SIZE_BY).toContain(s.sizeBy);
        expect(s.labelDensity).toBeGreaterThanOrEqual(0);
        expect(s.labelDensity).toBeLessThanOrEqual(1);
        expect(Number.isInteger(s.filters.minDegree) && s.filters.minDegree >= 0).toBe(true);
        if (s.selected !== null) expect(graph.hasNode(s.selected)).toBe(true);
        if (s.filters.years) expect(s.filters.years[0]).toBeLessThanOrEqual(s.filters.years[1]);
        for (const f of s.filters.categories.family ?? []) expect(FAMILIES).toContain(f);
        for (const k of s.filters.edgeKinds) expect(EDGE_KINDS).toContain(k);
        if (r.camera)
          expect(Number.isFinite(r.camera.x + r.camera.y + r.camera.ratio + r.camera.angle)).toBe(true);
        // what was read writes back without problems
        expect(roundTrip(s, r.camera).problems).toEqual([]);
        expect(Object.keys(s).sort()).toEqual(Object.keys(s0).sort());
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary query strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => void read(q)),
      { numRuns: 500 },
    );
  });
});

describe('applyViewPatch', () => {
  it('merges filters field by field', () => {
    const s = applyViewPatch(s0, { filters: { minDegree: 2 } });
    expect(s.filters).toEqual({ ...s0.filters, minDegree: 2 });
    expect(applyViewPatch(s0, {})).toEqual(s0);
  });
});
