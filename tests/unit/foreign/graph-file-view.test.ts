/**
 * What the explorer's core makes of a graph opened from a file (karate.gexf: undirected, no years,
 * its own measures; citations.graphml: directed, with years): colourings, measures, links, the view
 * codec, neighbourhoods and the drawer's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorByChoices, nodeNoun, sizeByChoices } from '../../../src/model';
import { convertForeignGraph } from '../../../src/foreign/convert';
import { readForeignGraph } from '../../../src/foreign/read';
import { computeFacets, shownEdgeKinds } from '../../../src/graph/facets';
import { neighbourhood } from '../../../src/graph/neighbourhood';
import { groupHeading, groupNeighbours } from '../../../src/graph/paper-neighbours';
import { clusterLabels } from '../../../src/graph/clusters/labels';
import { lineage } from '../../../src/graph/lineage/lineage';
import { lineageViewModel } from '../../../src/graph/lineage/view-model';
import { viewFromQuery, viewToQuery } from '../../../src/state/url';
import { initialViewState } from '../../../src/state/view';
import { fileAttributeRows, neighbourSectionTexts, venueYear } from '../../../src/ui/details-text';
import { sizeByLabel } from '../../../src/ui/controls';

const DIR = join(__dirname, '../../fixtures/foreign');
const open = (name: string) =>
  convertForeignGraph(readForeignGraph(readFileSync(join(DIR, name), 'utf8'), name));
const karate = open('karate.gexf');
const citations = open('citations.graphml');

describe('a graph file in the explorer', () => {
  it('names its nodes nodes, its measures by their attribute names and in-set counts Links', () => {
    expect(nodeNoun(karate.meta, 34)).toBe('nodes');
    expect(nodeNoun(karate.meta, 1)).toBe('node');
    expect(nodeNoun({}, 2)).toBe('papers');
    expect(karate.meta.file).toMatchObject({ name: 'karate.gexf', format: 'gexf' });
    expect(karate.meta.file!.attributes.map((a) => `${a.name}:${a.type}`)).toEqual([
      'club:string',
      'degree:integer',
      'centrality:float',
    ]);
    expect(sizeByChoices(karate.meta).map((m) => sizeByLabel(karate.meta, m))).toEqual([
      'Links',
      'PageRank',
      'Uniform',
      'Size in file',
      'degree',
      'centrality',
    ]);
    expect(sizeByLabel(citations.meta, 'citations')).toBe('In-set citations');
  });

  it('offers year colouring, the year filter and the timeline only when it has years', () => {
    expect(colorByChoices(karate.meta)).toEqual(['color-in-file', 'club', 'community']);
    expect(colorByChoices(citations.meta)).toContain('year');
    expect(computeFacets(karate.graph, karate.meta.taxonomy).years).toEqual([]);
    expect(computeFacets(citations.graph, citations.meta.taxonomy).years.map((b) => b.year)).toEqual([
      2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
  });

  it('shows only the edge kinds it has', () => {
    expect(shownEdgeKinds(karate.meta.counts.byKind, true)).toEqual(['links']);
    expect(shownEdgeKinds(citations.meta.counts.byKind, true)).toEqual(['builds-on', 'cites']);
    expect(shownEdgeKinds(citations.meta.counts.byKind)).toEqual([
      'builds-on',
      'cites',
      'compares',
      'mentions',
    ]);
  });

  it('reads and writes its own measures and dimensions in the link, and refuses years and the timeline without years', () => {
    const ctx = { meta: karate.meta, hasNode: (id: string) => karate.graph.hasNode(id) };
    const initial = initialViewState(karate.meta);
    const read = viewFromQuery(
      initial,
      new URLSearchParams('size=degree&color=club&f.club=Officer&sel=33'),
      ctx,
    );
    expect(read.ignored).toEqual([]);
    expect(read.state).toMatchObject({
      sizeBy: 'degree',
      colorBy: 'club',
      selected: '33',
      filters: { categories: { club: ['officer'] } },
    });
    expect(viewToQuery(read.state, null, ctx)).toBe('color=club&size=degree&f.club=officer&sel=33');
    const bad = viewFromQuery(
      initial,
      new URLSearchParams('years=2020-2021&layout=timeline&color=year&size=score'),
      ctx,
    );
    expect(bad.ignored.map((p) => p.split('=')[0]).sort()).toEqual(['color', 'layout', 'size', 'years']);
    expect(bad.problems.join(' ')).toContain('the graph has no years');
  });

  it('treats an undirected link alike from both ends', () => {
    const hood = neighbourhood(karate.graph, '33');
    expect(hood.inNodes.size).toBe(0);
    expect(hood.outNodes.size).toBe(17);
    const groups = groupNeighbours(karate.graph, '33');
    expect(groups.in).toEqual([]);
    expect(
      groups.out.map((g) => [groupHeading(g.direction, g.kind, g.undirected), g.entries.length]),
    ).toEqual([['Linked with', 17]]);
    expect(neighbourSectionTexts(true, true)).toMatchObject({ out: { heading: 'Linked with' }, in: null });
    expect(neighbourSectionTexts(true, false)).toMatchObject({
      out: { heading: 'Links to' },
      in: { heading: 'Linked from' },
    });
    expect(neighbourSectionTexts(false, false).out.heading).toBe('Cites / builds on');
  });

  it('labels communities by its own dimensions', () => {
    const labels = clusterLabels(karate.graph, karate.meta);
    expect(labels.length).toBe(karate.meta.communities.length);
    for (const l of labels) {
      expect(l.primary?.label).toMatch(/^#[0-9a-f]{6}$/); // the first dimension: the file's colours
      expect(['Mr. Hi', 'Officer']).toContain(l.secondary[0]!.label);
    }
  });

  it('lays a lineage out in time when its papers have years', () => {
    const l = lineage(citations.graph, 'p12');
    const model = lineageViewModel(citations.graph, l);
    expect(model.axis).toBe('time');
    expect(model.nodes.find((n) => n.id === 'p01')!.time).toBeCloseTo(2014.5);
  });

  it('lists a node attributes for the drawer, and no venue or year line without them', () => {
    const a = karate.graph.getNodeAttributes('33');
    expect(fileAttributeRows(a)).toEqual([
      { name: 'id', value: '33' },
      { name: 'club', value: 'Officer' },
      { name: 'degree', value: '17' },
      { name: 'centrality', value: '0.5152' },
    ]);
    expect(venueYear(a)).toBe('');
    expect(
      fileAttributeRows(citations.graph.getNodeAttributes('p05')).find((r) => r.name === 'has_code'),
    ).toEqual({ name: 'has_code', value: 'yes' });
  });
});

describe('a graph without links', () => {
  it('opens sized uniformly with denser labels, and the link leaves those defaults out', () => {
    const g = readForeignGraph(
      JSON.stringify({
        directed: true,
        nodes: [
          { id: 'a', group: 'x' },
          { id: 'b', group: 'x' },
          { id: 'c', group: 'y' },
        ],
        links: [],
      }),
      'bare.json',
    );
    const { graph, meta } = convertForeignGraph(g);
    const s = initialViewState(meta);
    expect(s.sizeBy).toBe('uniform');
    expect(s.labelDensity).toBe(0.8);
    const ctx = { meta, hasNode: (id: string) => graph.hasNode(id) };
    expect(viewToQuery(s, null, ctx)).toBe('');
    expect(viewToQuery({ ...s, sizeBy: 'citations' }, null, ctx)).toBe('size=citations');
    // a graph with links keeps the usual defaults
    expect(initialViewState(karate.meta)).toMatchObject({ sizeBy: 'citations', labelDensity: 0.5 });
  });
});
