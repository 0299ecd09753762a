/**
 * A dataset whose dimensions this project has never seen (tests/fixtures/graph-data/vision: venue
 * type, venue under its venue type, modality, and its own architectures and tasks) builds with the
 * build CLI, unchanged code, into the committed fixture graph the end-to-end tests open.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeFacets } from '../../../src/graph/facets';
import { computeVisibility } from '../../../src/graph/filters';
import { parseGraphFile } from '../../../src/graph/load';
import { colorByChoices } from '../../../src/model';
import { toggleCategory } from '../../../src/state/filters';
import { initialViewState } from '../../../src/state/view';
import { removeTempDirs, tempDir } from './support';

const DATA = 'tests/fixtures/graph-data/vision';
const COMMITTED = 'tests/fixtures/vision/vision.json';

afterAll(removeTempDirs);

describe('a dataset with new dimensions', () => {
  const out = join(tempDir('atlas-vision-'), 'vision.json');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-graph.ts', '--data', DATA, '--out', out],
    { encoding: 'utf8', timeout: 60_000 },
  );

  it('builds with npm run build:graph into the committed fixture graph, byte for byte', () => {
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('colours by, counts and filters over its own dimensions', () => {
    const { graph, meta } = parseGraphFile(JSON.parse(readFileSync(out, 'utf8')), 'vision.json');
    expect(colorByChoices(meta)).toEqual([
      'venue-type',
      'venue',
      'modality',
      'family',
      'task',
      'year',
      'community',
    ]);
    // each paper has the colour of its first category in every dimension, the default colour by the first dimension
    const a = graph.getNodeAttributes('1701.00003');
    expect(a.colors).toMatchObject({
      'venue-type': '#e69f00',
      venue: '#cc79a7',
      modality: '#332288',
      family: '#882255',
      task: '#ddcc77',
    });
    expect(a.color).toBe('#e69f00');
    const facets = computeFacets(graph, meta.taxonomy);
    expect(facets.categories['modality']).toEqual({ image: 7, text: 3, audio: 3, unknown: 0 });
    expect(facets.categories['venue-type']).toEqual({ journal: 2, conference: 4, preprint: 2, unknown: 0 });
    const s0 = initialViewState(meta);
    expect(s0.colorBy).toBe('venue-type');
    const noAudio = toggleCategory(s0, meta, 'modality', 'audio', false);
    expect(computeVisibility(graph, noAudio.filters).nodes.size).toBe(7);
    const textOnly = toggleCategory(noAudio, meta, 'modality', 'image', false);
    expect(textOnly.filters.categories).toEqual({ modality: ['text'] });
    expect([...computeVisibility(graph, textOnly.filters).nodes].sort()).toEqual([
      '1801.00004',
      '2101.00007',
      '2201.00008',
    ]);
  });
});
