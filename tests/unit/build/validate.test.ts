import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/build/build';
import { datasetProblems, validateDataset } from '../../../src/graph/build/validate';
import { DataErrors } from '../../../src/model';
import type { Dataset } from '../../../src/model';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { clone, copySmallDir, readSmall, removeTempDirs, SMALL_DIR } from './support';

const PAPERS = `${SMALL_DIR}/papers.yaml`;
const LABELS = `${SMALL_DIR}/labels.yaml`;
const FULLTEXT = `${SMALL_DIR}/edges/fulltext-references.tsv`;
const TAXONOMY = `${SMALL_DIR}/taxonomy.yaml`;

afterAll(removeTempDirs);

function messages(ds: Dataset): string[] {
  return datasetProblems(ds).map((e) => e.message);
}

describe('validateDataset', () => {
  it('accepts the consistent fixture', () => {
    expect(datasetProblems(readSmall())).toEqual([]);
  });

  it('reports a duplicate paper id at the second record, naming the first', () => {
    const ds = clone(readSmall());
    const copy = clone(ds.papers[0]!);
    copy.line = 77;
    ds.papers.push(copy);
    expect(messages(ds)).toEqual([
      `${PAPERS}:77: paper 2001.00001: field "id": duplicate paper id "2001.00001" (first defined at ${PAPERS}:2)`,
    ]);
  });

  it('reports dangling edge endpoints and self-loops with the edge file line', () => {
    const ds = clone(readSmall());
    const e = ds.edges.find((r) => r.file === FULLTEXT && r.line === 3)!;
    e.value.target = '9999.99999';
    const loop = ds.edges.find((r) => r.file === FULLTEXT && r.line === 2)!;
    loop.value.source = '2101.00002';
    expect(messages(ds)).toEqual([
      `${FULLTEXT}:2: edge 2101.00002 -> 2101.00002: field "target": self-loop: a paper cannot cite itself`,
      `${FULLTEXT}:3: edge 2203.00004 -> 9999.99999: field "target": dangling endpoint: no paper "9999.99999"`,
    ]);
  });

  it('reports labels of an unknown paper and taxonomy values the taxonomy does not define', () => {
    const ds = clone(readSmall());
    const gamma = ds.labels.find((l) => l.value.id === '2102.00003')!;
    gamma.value.taxonomy.space = { value: 'dm.nowhere', evidence: 'inferred' };
    gamma.value.taxonomy.method = { value: 'gan.optimization', evidence: 'survey-figure' };
    gamma.value.taxonomy.secondarySpaces = ['dm.textual', 'dm.imaginary'];
    const alpha = ds.labels.find((l) => l.value.id === '2001.00001')!;
    alpha.value.taxonomy.subspace = { value: 'full', evidence: 'inferred' };
    const delta = ds.labels.find((l) => l.value.id === '2203.00004')!;
    delta.value.id = '2203.99999';
    expect(messages(ds)).toEqual([
      `${LABELS}:2: labels of 2001.00001: field "taxonomy.subspace.value": "full" is not a sub-space of space "gan.style"`,
      `${LABELS}:12: labels of 2102.00003: field "taxonomy.space.value": unknown space "dm.nowhere" (not a category of the taxonomy)`,
      `${LABELS}:12: labels of 2102.00003: field "taxonomy.method.value": unknown method "gan.optimization" (not a category of the taxonomy)`,
      `${LABELS}:12: labels of 2102.00003: field "taxonomy.secondarySpaces[1]": unknown space "dm.imaginary" (not a category of the taxonomy)`,
      `${LABELS}:29: labels of 2203.99999: field "id": labels for unknown paper "2203.99999"`,
    ]);
  });

  it('reports a sub-space given without a space, and duplicate labels', () => {
    const ds = clone(readSmall());
    const alpha = ds.labels.find((l) => l.value.id === '2001.00001')!;
    delete alpha.value.taxonomy.space;
    const again = clone(ds.labels.find((l) => l.value.id === '2203.00004')!);
    again.line = 40;
    ds.labels.push(again);
    expect(messages(ds)).toEqual([
      `${LABELS}:2: labels of 2001.00001: field "taxonomy.subspace.value": sub-space "W" is given without a space`,
      `${LABELS}:40: labels of 2203.00004: field "id": duplicate labels for paper "2203.00004" (first given at ${LABELS}:29)`,
    ]);
  });

  it('reports families and tasks missing from the taxonomy, and duplicate category ids', () => {
    const ds = clone(readSmall());
    const dims = ds.taxonomy.value.dimensions;
    const family = dims.find((d) => d.id === 'family')!;
    family.categories = family.categories.filter((c) => c.id !== 'ar');
    const task = dims.find((d) => d.id === 'task')!;
    task.categories = task.categories.filter((c) => c.id !== 'style');
    const space = dims.find((d) => d.id === 'space')!;
    space.categories.push(clone(space.categories[1]!));
    expect(messages(ds)).toEqual([
      `${TAXONOMY}:1: dimension space: field "categories[3].id": duplicate category id "dm.textual"`,
      `${PAPERS}:44: paper 2203.00004: field "tasks[0]": unknown task "style" (not a category of the taxonomy)`,
      `${PAPERS}:57: paper 2204.00005: field "family": unknown family "ar" (not a category of the taxonomy)`,
    ]);
  });

  it('reserves the category id "unknown" for the papers without a label', () => {
    const ds = clone(readSmall());
    const scheme = ds.taxonomy.value.dimensions.find((d) => d.id === 'scheme')!;
    scheme.categories.push({ ...clone(scheme.categories[0]!), id: 'unknown' });
    expect(messages(ds)).toContain(
      `${TAXONOMY}:1: dimension scheme: field "categories[${scheme.categories.length - 1}].id": "unknown" stands for the papers without a label; name the category otherwise`,
    );
  });

  it('names the line of the dimension or category in taxonomy.yaml', () => {
    const dir = copySmallDir();
    const file = join(dir, 'taxonomy.yaml');
    const text = readFileSync(file, 'utf8');
    // the space category dm.textual (line 53) names a family that is not one; the method dimension (line 64) a parent that is not a dimension
    writeFileSync(
      file,
      text
        .replace(/(- id: dm\.textual\n[\s\S]*?parent: )diffusion/, '$1nowhere')
        .replace(/(- id: method\n[\s\S]*?parent: )family/, '$1families'),
    );
    const problems = datasetProblems(readGraphData(dir)).map((e) => e.message.replace(dir, 'DIR'));
    expect(problems).toEqual([
      'DIR/taxonomy.yaml:53: category dm.textual: field "dimensions[2].categories[1].parent": unknown family "nowhere" (not a category of the parent dimension)',
      'DIR/taxonomy.yaml:64: dimension method: field "dimensions[3].parent": parent "families" is not a dimension of the taxonomy',
    ]);
  });

  it('checks categories of further dimensions and the parents declared by the taxonomy', () => {
    const ds = clone(readSmall());
    const dims = ds.taxonomy.value.dimensions;
    dims.push({
      id: 'modality',
      label: 'Modality',
      categories: [{ id: 'image', label: 'Image', color: '#0072b2' }],
    });
    dims.push({ id: 'year', label: 'Year', categories: [{ id: 'y', label: 'Y', color: '#0072b2' }] });
    dims.push({
      id: 'venue-type',
      label: 'Venue type',
      parent: 'nowhere',
      categories: [{ id: 'journal', label: 'Journal', color: '#0072b2' }],
    });
    dims.push({
      id: 'sub',
      label: 'Sub',
      parent: 'modality',
      categories: [{ id: 'photo', label: 'Photo', color: '#0072b2', parent: 'video' }],
    });
    dims.push({
      id: 'orphan',
      label: 'Orphan',
      categories: [{ id: 'o', label: 'O', color: '#0072b2', parent: 'image' }],
    });
    ds.papers[0]!.value.dimensions = { modality: ['image', 'audio'], colour: ['red'], task: ['subject'] };
    expect(messages(ds)).toEqual([
      `${TAXONOMY}:1: dimension year: field "dimensions[6].id": "year" is a colouring the build computes; name the dimension otherwise`,
      `${TAXONOMY}:1: dimension venue-type: field "dimensions[7].parent": parent "nowhere" is not a dimension of the taxonomy`,
      `${TAXONOMY}:1: category photo: field "dimensions[8].categories[0].parent": unknown modality "video" (not a category of the parent dimension)`,
      `${TAXONOMY}:1: category o: field "dimensions[9].categories[0].parent": "image" is given but dimension "orphan" declares no parent dimension`,
      `${PAPERS}:2: paper 2001.00001: field "dimensions.modality[1]": unknown modality "audio" (not a category of the taxonomy)`,
      `${PAPERS}:2: paper 2001.00001: field "dimensions.colour[0]": "red" is given but the taxonomy has no "colour" dimension`,
      `${PAPERS}:2: paper 2001.00001: field "dimensions.task": "task" categories go in the paper's own field (tasks), not under dimensions`,
    ]);
  });

  it('collects every problem, caps a flood, and makes the build throw them all as DataErrors', () => {
    const ds = clone(readSmall());
    for (const e of ds.edges) e.value.target = 'nowhere';
    const n = ds.edges.length;
    expect(datasetProblems(ds)).toHaveLength(n);
    const capped = datasetProblems(ds, { maxErrors: 3 });
    expect(capped).toHaveLength(4);
    expect(capped[3]?.message).toContain(`${n - 3} more problem(s) not listed`);
    expect(() => validateDataset(ds)).toThrow(DataErrors);
    try {
      buildGraph(ds);
      expect.unreachable('buildGraph accepted dangling edges');
    } catch (e) {
      expect(e).toBeInstanceOf(DataErrors);
      expect((e as DataErrors).errors).toHaveLength(n);
      expect((e as DataErrors).errors[0]?.location).toMatchObject({
        file: expect.stringContaining('edges/'),
        field: 'target',
      });
    }
  });
});
