/**
 * The app's exports reopened in the app (Open file: src/foreign/open.ts), as a user would after a
 * round trip: the link kinds come back from `relation` (GEXF, GraphML, and a file whose edges carry
 * `relation` by hand), a list (tasks) is a dimension whose categories are its items, and the JSON
 * export restores the whole Lineage Atlas view.
 */
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../../src/export/gexf';
import { toGraphml } from '../../../src/export/graphml';
import { toJson } from '../../../src/export/json';
import { openGraphText } from '../../../src/foreign/open';
import type { LoadedGraph } from '../../../src/graph/types';
import { allInput, load, REAL } from '../export/support';

const real = load(REAL);

/** The kind of every link, by its two ends. */
function kinds(loaded: LoadedGraph): Map<string, string> {
  return new Map(loaded.graph.mapEdges((_e, a, s, t) => [`${s}->${t}`, a.kind] as const));
}

describe("the app's exports reopened in the app", () => {
  for (const [format, write] of [
    ['gexf', toGexf],
    ['graphml', toGraphml],
  ] as const) {
    it(`${format}: keeps every link's kind, read from its relation`, () => {
      const text = write(allInput(real));
      expect(text).not.toMatch(/(for|attr\.name)="kind"/);
      const opened = openGraphText(text, `export.${format}`);
      expect(opened.format).toBe(format);
      expect(kinds(opened.loaded)).toEqual(kinds(real));
      expect(opened.loaded.meta.counts.byKind).toEqual(real.meta.counts.byKind);
    });

    it(`${format}: offers each task as a category of its own, a paper in each of its tasks`, () => {
      const opened = openGraphText(write(allInput(real)), `export.${format}`);
      const tasks = opened.loaded.meta.taxonomy.dimensions.find((d) => d.label === 'tasks');
      expect(tasks, 'a tasks dimension').toBeDefined();
      const labels = tasks!.categories.map((c) => c.label);
      expect(labels).toEqual(expect.arrayContaining(['face', 'multi-concept', 'subject']));
      expect(labels.some((l) => l.includes(';') || l.startsWith('['))).toBe(false);
      const realTasks = new Set(real.graph.mapNodes((_n, a) => a.tasks ?? []).flat());
      expect(new Set(labels)).toEqual(realTasks);
      const id = (label: string) => tasks!.categories.find((c) => c.label === label)!.id;
      real.graph.forEachNode((key, a) => {
        const got = opened.loaded.graph.getNodeAttribute(key, 'dimensions')?.[tasks!.id] ?? [];
        expect(new Set(got), key).toEqual(new Set((a.tasks ?? []).map(id)));
      });
      // a paper in face and multi-concept, shown in the details with both
      const both = real.graph.findNode(
        (_n, a) => !!a.tasks?.includes('face') && a.tasks.includes('multi-concept'),
      );
      expect(both).toBeDefined();
      const dims = opened.loaded.graph.getNodeAttribute(both!, 'dimensions')?.[tasks!.id];
      expect(dims).toEqual(expect.arrayContaining([id('face'), id('multi-concept')]));
      expect(opened.loaded.graph.getNodeAttribute(both!, 'attributes')?.tasks).toBe(
        real.graph.getNodeAttribute(both!, 'tasks')!.join('; '),
      );
    });
  }

  it('reads the kinds of a file whose edges carry relation, written by hand', () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="edge"><attribute id="r" title="relation" type="string"/></attributes>
    <nodes><node id="a" label="A"/><node id="b" label="B"/><node id="c" label="C"/></nodes>
    <edges>
      <edge source="b" target="a"><attvalues><attvalue for="r" value="builds-on"/></attvalues></edge>
      <edge source="c" target="a"><attvalues><attvalue for="r" value="cites"/></attvalues></edge>
      <edge source="c" target="b"/>
    </edges>
  </graph>
</gexf>`;
    const opened = openGraphText(gexf, 'relations.gexf');
    expect(kinds(opened.loaded)).toEqual(
      new Map([
        ['b->a', 'builds-on'],
        ['c->a', 'cites'],
        ['c->b', 'links'],
      ]),
    );
  });

  it('json: restores the whole view (taxonomy, colours, measures) and every attribute', () => {
    const text = toJson(allInput(real));
    const opened = openGraphText(text, 'export.json');
    expect(opened.format).toBe('atlas');
    expect(opened.loaded.meta).toEqual(real.meta);
    expect(opened.loaded.meta.taxonomy.dimensions.map((d) => d.id)).toEqual(
      real.meta.taxonomy.dimensions.map((d) => d.id),
    );
    expect(opened.loaded.graph.order).toBe(real.graph.order);
    expect(kinds(opened.loaded)).toEqual(kinds(real));
    const key = real.graph.nodes()[0]!;
    expect(opened.loaded.graph.getNodeAttributes(key)).toEqual(real.graph.getNodeAttributes(key));
  });

  it('gexf: a reopened export exported again still declares its lists, and reopens the same', () => {
    const first = openGraphText(toGexf(allInput(real)), 'export.gexf').loaded;
    const again = toGexf(allInput(first));
    expect(again).toContain('<attribute id="tasks" title="tasks" type="liststring"/>');
    // a text attribute stays text
    expect(again).toContain('<attribute id="family" title="family" type="string"/>');
    const second = openGraphText(again, 'export-again.gexf').loaded;
    const dim = (l: LoadedGraph) => l.meta.taxonomy.dimensions.find((d) => d.label === 'tasks')!;
    expect(
      dim(second)
        .categories.map((c) => c.label)
        .sort(),
    ).toEqual(
      dim(first)
        .categories.map((c) => c.label)
        .sort(),
    );
    first.graph.forEachNode((key, a) => {
      const b = second.graph.getNodeAttributes(key);
      expect(b.attributes?.tasks, key).toBe(a.attributes?.tasks);
      expect(b.dimensions?.[dim(second).id], key).toEqual(a.dimensions?.[dim(first).id]);
    });
    expect(kinds(second)).toEqual(kinds(real));
  });
});
