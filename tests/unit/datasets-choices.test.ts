/** The explorer's side of datasets.json: where it is, fetching it without failing, the switcher's choices and URLs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  datasetChoices,
  datasetsUrlFor,
  fetchDatasetsList,
  graphParamFor,
  pageUrlForGraph,
} from '../../src/graph/datasets';
import { parseDatasetsFile } from '../../src/data/datasets-list';
import type { DatasetsFile, GraphMeta } from '../../src/model';

const page = 'http://localhost:5173/atlas/';
const FIXTURE = readFileSync('tests/fixtures/datasets/datasets.json', 'utf8');
const list = parseDatasetsFile(FIXTURE, 'datasets.json');
const meta = (name: string, papers: number) =>
  ({ dataset: { name }, counts: { papers } }) as unknown as GraphMeta;

describe('datasets.json next to the graph', () => {
  it("is looked for in the graph file's directory", () => {
    expect(datasetsUrlFor('http://localhost:5173/atlas/graph.json')).toBe(
      'http://localhost:5173/atlas/datasets.json',
    );
    expect(datasetsUrlFor('http://h/fixtures/datasets/alpha.json?x=1')).toBe(
      'http://h/fixtures/datasets/datasets.json',
    );
  });

  const respond = (body: string, status = 200, statusText = 'OK') =>
    (async () => new Response(body, { status, statusText })) as unknown as typeof fetch;

  it('is optional: a 404 gives no list and no problem', async () => {
    await expect(
      fetchDatasetsList('http://h/datasets.json', respond('not found', 404, 'Not Found')),
    ).resolves.toEqual({ list: null, problem: null });
  });

  it('turns a malformed list, another status or a network error into a problem, never a rejection', async () => {
    const bad = await fetchDatasetsList(
      'http://h/d/datasets.json',
      respond(FIXTURE.replace('"papers": 16', '"papers": "16"')),
    );
    expect(bad.list).toBeNull();
    expect(bad.problem).toMatch(
      /^No dataset switcher: \/d\/datasets\.json: entry "alpha\.json": field "papers": /,
    );
    const err = await fetchDatasetsList(
      'http://h/datasets.json',
      respond('oops', 500, 'Internal Server Error'),
    );
    expect(err).toEqual({
      list: null,
      problem: 'No dataset switcher: /datasets.json answered 500 Internal Server Error',
    });
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(fetchDatasetsList('http://h/datasets.json', failing)).resolves.toEqual({
      list: null,
      problem: 'No dataset switcher: Failed to fetch',
    });
  });

  it('reads a valid list', async () => {
    const r = await fetchDatasetsList('http://h/datasets.json', respond(FIXTURE));
    expect(r.problem).toBeNull();
    expect(Object.keys(r.list!.datasets)).toEqual(['alpha.json', 'beta.json']);
  });
});

describe('switcher URLs', () => {
  it('names the graph relative to the page when it is below it, else by its absolute path', () => {
    expect(graphParamFor(`${page}graph.json`, page)).toBe('graph.json');
    expect(graphParamFor(`${page}fixtures/datasets/beta.json`, `${page}?graph=x.json#view`)).toBe(
      'fixtures/datasets/beta.json',
    );
    expect(graphParamFor('http://localhost:5173/other/g.json', page)).toBe('/other/g.json');
  });

  it('keeps only ?graph= and drops every other parameter and the hash', () => {
    expect(
      pageUrlForGraph(
        `${page}fixtures/datasets/beta.json`,
        `${page}?graph=fixtures/datasets/alpha.json&color=year&selected=x#camera`,
      ),
    ).toBe(`${page}?graph=fixtures/datasets/beta.json`);
    expect(pageUrlForGraph(`${page}my%20data%26more.json`, page)).toBe(`${page}?graph=my%20data%26more.json`);
  });
});

describe('datasetChoices', () => {
  const datasetsUrl = `${page}fixtures/datasets/datasets.json`;
  const alpha = `${page}fixtures/datasets/alpha.json`;

  it('lists every dataset by name and paper count, the open one current, linking to ?graph=FILE', () => {
    expect(
      datasetChoices(
        list,
        datasetsUrl,
        alpha,
        `${page}?graph=fixtures/datasets/alpha.json&color=year`,
        meta('Alpha: personalization', 16),
      ),
    ).toEqual([
      {
        label: 'Alpha: personalization (16 papers)',
        href: `${page}?graph=fixtures/datasets/alpha.json`,
        current: true,
      },
      {
        label: 'Beta: GAN inversion (5 papers)',
        href: `${page}?graph=fixtures/datasets/beta.json`,
        current: false,
      },
    ]);
  });

  it('offers nothing with no list or a single dataset', () => {
    expect(datasetChoices(null, datasetsUrl, alpha, page, meta('A', 1))).toBeNull();
    const one: DatasetsFile = { ...list, datasets: { 'alpha.json': list.datasets['alpha.json']! } };
    expect(datasetChoices(one, datasetsUrl, alpha, page, meta('A', 1))).toBeNull();
  });

  it('adds the open graph first, from its own metadata, when the list does not name it', () => {
    const one: DatasetsFile = { ...list, datasets: { 'beta.json': list.datasets['beta.json']! } };
    const choices = datasetChoices(one, datasetsUrl, `${alpha}?v=2`, page, meta('Unlisted', 1));
    expect(choices?.map((c) => [c.label, c.current])).toEqual([
      ['Unlisted (1 paper)', true],
      ['Beta: GAN inversion (5 papers)', false],
    ]);
  });
});
