/**
 * A taxonomy without `family` and `task` dimensions: its papers need neither field, and the build,
 * the loader and the view work from the dimensions it has (the vision fixture stripped of them).
 */
import { describe, expect, it } from 'vitest';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../../src/graph/build/build';
import { clusterLabels } from '../../../src/graph/clusters/labels';
import { parseGraphFile } from '../../../src/graph/load';
import { serializeGraphFile } from '../../../src/graph/serialize';
import { colorByChoices, type Dataset } from '../../../src/model';
import { initialViewState } from '../../../src/state/view';
import { datasetProblems } from '../../../src/graph/build/validate';

function withoutFamilyAndTask(): Dataset {
  const ds = readGraphData('tests/fixtures/graph-data/vision');
  ds.taxonomy.value.dimensions = ds.taxonomy.value.dimensions.filter(
    (d) => d.id !== 'family' && d.id !== 'task',
  );
  for (const rec of ds.papers) {
    delete rec.value.family;
    delete rec.value.tasks;
  }
  return ds;
}

describe('a taxonomy without family and task', () => {
  it('validates papers that have neither, builds, and loads back', () => {
    const ds = withoutFamilyAndTask();
    expect(datasetProblems(ds)).toEqual([]);
    const { graph, meta } = buildGraph(ds, { layoutIterations: 20 });
    expect(graph.order).toBe(8);
    graph.forEachNode((_n, a) => {
      expect(a.family).toBeUndefined();
      expect(a.tasks).toBeUndefined();
    });
    expect(meta.counts.byFamily).toEqual({});
    expect(colorByChoices(meta)).toEqual(['venue-type', 'venue', 'modality', 'year', 'community']);
    expect(initialViewState(meta).colorBy).toBe('venue-type');
    const back = parseGraphFile(JSON.parse(serializeGraphFile(graph, meta)), 'vision.json');
    expect(back.meta).toEqual(meta);
    // communities are labelled by its own first dimensions
    for (const l of clusterLabels(graph, meta)) expect(l.label).not.toMatch(/undefined/);
  });
});
