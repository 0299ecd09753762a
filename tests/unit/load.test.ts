import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchGraphFile, graphUrlFromQuery, GraphLoadError, parseGraphFile } from '../../src/graph/load';

const small = () => JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8'));

describe('parseGraphFile', () => {
  it('builds the graph and metadata of a valid file', () => {
    const { graph, meta } = parseGraphFile(small(), 'small.json');
    expect(graph.order).toBe(16);
    expect(graph.size).toBe(24);
    expect(graph.type).toBe('directed');
    expect(graph.getNodeAttribute('2208.12242', 'name')).toBe('DreamBooth');
    expect(graph.getEdgeAttribute('2212.04488->2208.12242', 'kind')).toBe('builds-on');
    expect(meta.dataset.name).toMatch(/small/);
  });

  it('rejects a file of another format, naming the file and the field', () => {
    const json = { ...small(), format: 'something-else' };
    expect(() => parseGraphFile(json, 'g.json')).toThrow(
      /^g\.json: field "format": is not a Lineage Atlas graph file/,
    );
  });

  it('rejects another format version and says how to fix it', () => {
    const json = { ...small(), version: 1 };
    expect(() => parseGraphFile(json, 'g.json')).toThrow(/unsupported format version 1.*npm run build:graph/);
  });

  it('rejects non-objects', () => {
    expect(() => parseGraphFile([1, 2], 'g.json')).toThrow(GraphLoadError);
    expect(() => parseGraphFile(null, 'g.json')).toThrow(/expected a JSON object/);
  });

  it('names the node and the field of an invalid node', () => {
    const json = small();
    delete json.graph.nodes[3].attributes.year;
    expect(() => parseGraphFile(json, 'g.json')).toThrow(
      /g\.json: node "2302\.13848": field "attributes\.year"/,
    );
  });

  it('names a nested field', () => {
    const json = small();
    json.graph.nodes[0].attributes.colors.family = 42;
    expect(() => parseGraphFile(json, 'g.json')).toThrow(/field "attributes\.colors\.family"/);
  });

  it('rejects edges to unknown nodes, duplicate keys and invalid metadata', () => {
    const unknown = small();
    unknown.graph.edges[0].target = 'nope';
    expect(() => parseGraphFile(unknown, 'g.json')).toThrow(
      /edge "2208\.12242->2208\.01618": field "target": unknown node "nope"/,
    );
    const dup = small();
    dup.graph.nodes.push(dup.graph.nodes[0]);
    expect(() => parseGraphFile(dup, 'g.json')).toThrow(
      /node "2208\.01618": field "key": duplicate node key/,
    );
    const meta = small();
    delete meta.meta.taxonomy;
    expect(() => parseGraphFile(meta, 'g.json')).toThrow(/g\.json: meta: field "taxonomy"/);
  });

  it('rejects an undirected or multi graph', () => {
    const json = small();
    json.graph.options.type = 'undirected';
    expect(() => parseGraphFile(json, 'g.json')).toThrow(/directed simple graph/);
  });
});

describe('graphUrlFromQuery', () => {
  const page = 'http://localhost:5173/atlas/index.html';
  it('defaults to graph.json next to the page', () => {
    expect(graphUrlFromQuery('', page)).toBe('http://localhost:5173/atlas/graph.json');
  });
  it('resolves a relative path', () => {
    expect(graphUrlFromQuery('?graph=fixtures/graphs/small.json', page)).toBe(
      'http://localhost:5173/atlas/fixtures/graphs/small.json',
    );
    expect(graphUrlFromQuery('?graph=/fixtures/x.json', page)).toBe('http://localhost:5173/fixtures/x.json');
  });
  it('refuses URLs and other origins', () => {
    expect(() => graphUrlFromQuery('?graph=https://evil.example/g.json', page)).toThrow(/relative path/);
    expect(() => graphUrlFromQuery('?graph=//evil.example/g.json', page)).toThrow(/relative path/);
    expect(() => graphUrlFromQuery('?graph=javascript:alert(1)', page)).toThrow(/relative path/);
    expect(() => graphUrlFromQuery('?graph=data:application/json,{}', page)).toThrow(/relative path/);
  });
});

describe('fetchGraphFile', () => {
  const respond = (body: string, status = 200, statusText = 'OK') =>
    (async () => new Response(body, { status, statusText })) as unknown as typeof fetch;

  it('loads a valid file', async () => {
    const text = readFileSync('tests/fixtures/graphs/small.json', 'utf8');
    const { graph } = await fetchGraphFile('http://x/graphs/small.json', respond(text));
    expect(graph.order).toBe(16);
  });
  it('explains a missing file', async () => {
    await expect(
      fetchGraphFile('http://x/graph.json', respond('not found', 404, 'Not Found')),
    ).rejects.toThrow(
      /Could not load the graph file "graph\.json": the server answered 404 Not Found\. Build it with `npm run build:graph`\./,
    );
  });
  it('explains a file that is not JSON', async () => {
    const text = readFileSync('tests/fixtures/graphs/broken.json', 'utf8');
    await expect(fetchGraphFile('http://x/broken.json', respond(text))).rejects.toThrow(
      /The graph file "broken\.json" is not valid JSON/,
    );
  });
  it('explains a network failure', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(fetchGraphFile('http://x/graph.json', failing)).rejects.toThrow(
      /Could not download the graph file "graph\.json": Failed to fetch/,
    );
  });
});
