/**
 * Loading the graph file: checks the format and version, validates every node and edge against the
 * model's schemas, and builds the graphology graph. Errors name the file, the record and the field.
 * Pure except `fetchGraphFile`, which takes the fetch function it uses (the browser's by default).
 *
 * Two forms of the same content:
 * - the build's graph file (public/graph.json, and JSON exports made before graphology's form):
 *   `{format, version, meta, graph: {options, attributes, nodes, edges}}`;
 * - the JSON export (src/export/json.ts): graphology's serialisation at the top level, `{options,
 *   attributes: {format, version, meta, …}, nodes, edges}`.
 */
import Graph from 'graphology';
import { adjacencyInDictionaryMode } from './adjacency-mode';
import type { z } from 'zod';
import {
  DataError,
  EdgeAttributesSchema,
  GRAPH_FILE_FORMAT,
  GRAPH_FILE_VERSION,
  GraphMetaSchema,
  NodeAttributesSchema,
  type EdgeAttributes,
  type NodeAttributes,
} from '../model';
import type { AtlasGraph, LoadedGraph } from './types';
import { fileName } from './binary/format';

/** The graph file could not be fetched, read or validated; `message` says which file and why. */
export class GraphLoadError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.name = 'GraphLoadError';
    this.file = file;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function issueText(error: z.ZodError): { field: string | undefined; problem: string } {
  const issue = error.issues[0];
  if (!issue) return { field: undefined, problem: 'invalid' };
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return { field, problem: issue.message };
}

function fail(file: string, record: string | undefined, field: string | undefined, problem: string): never {
  const loc = { file, ...(record ? { record } : {}), ...(field ? { field } : {}) };
  throw new GraphLoadError(file, new DataError(loc, problem).message);
}

/** Whether a parsed JSON value is graphology's serialisation carrying a Lineage Atlas graph (the JSON export). */
function isGraphologyForm(json: Record<string, unknown>): boolean {
  return (
    json.format === undefined && isObject(json.attributes) && json.attributes.format === GRAPH_FILE_FORMAT
  );
}

/** Whether a parsed JSON value says it is a Lineage Atlas graph file, in either form (valid or not). */
export function isAtlasGraphFile(json: unknown): boolean {
  return isObject(json) && (json.format === GRAPH_FILE_FORMAT || isGraphologyForm(json));
}

/** The node list of a Lineage Atlas graph file in either form, if it has one (to count before loading). */
export function atlasGraphNodes(json: unknown): unknown[] | undefined {
  if (!isObject(json)) return undefined;
  const nodes = isGraphologyForm(json) ? json.nodes : isObject(json.graph) ? json.graph.nodes : undefined;
  return Array.isArray(nodes) ? nodes : undefined;
}

/** Validates a parsed graph file, in either form, and builds the graph. Throws `GraphLoadError` naming what is wrong. */
export function parseGraphFile(json: unknown, file = 'graph.json'): LoadedGraph {
  if (!isObject(json)) fail(file, undefined, undefined, 'is not a graph file: expected a JSON object');
  if (isGraphologyForm(json)) return parseEnvelope(graphologyEnvelope(json), file, '');
  return parseEnvelope(json, file, 'graph.');
}

/** The graph-file envelope of graphology's form: the dataset from the graph attributes, the rest as the graph. */
function graphologyEnvelope(json: Record<string, unknown>): Record<string, unknown> {
  const { format, version, meta, ...attributes } = json.attributes as Record<string, unknown>;
  return { format, version, meta, graph: { ...json, attributes } };
}

/** Loads the envelope `{format, version, meta, graph}`; `at` prefixes the graph's fields in messages ("graph." or ""). */
function parseEnvelope(json: Record<string, unknown>, file: string, at: string): LoadedGraph {
  if (json.format !== GRAPH_FILE_FORMAT) {
    fail(
      file,
      undefined,
      'format',
      `is not a Lineage Atlas graph file: expected "${GRAPH_FILE_FORMAT}", got ${JSON.stringify(json.format) ?? 'nothing'}`,
    );
  }
  if (json.version !== GRAPH_FILE_VERSION) {
    fail(
      file,
      undefined,
      'version',
      `unsupported format version ${JSON.stringify(json.version) ?? '(missing)'}: this explorer reads version ${GRAPH_FILE_VERSION}; rebuild the graph with \`npm run build:graph\``,
    );
  }
  const meta = GraphMetaSchema.safeParse(json.meta);
  if (!meta.success) {
    const { field, problem } = issueText(meta.error);
    fail(file, at === '' ? 'attributes.meta' : 'meta', field, problem);
  }
  const body = json.graph;
  if (!isObject(body)) fail(file, undefined, 'graph', "missing: expected graphology's serialised graph");
  const options = body.options;
  if (!isObject(options) || options.type !== 'directed' || options.multi !== false) {
    fail(
      file,
      undefined,
      `${at}options`,
      'expected a directed simple graph ({ type: "directed", multi: false })',
    );
  }
  if (!Array.isArray(body.nodes)) fail(file, undefined, `${at}nodes`, 'expected an array');
  if (!Array.isArray(body.edges)) fail(file, undefined, `${at}edges`, 'expected an array');

  const graph: AtlasGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  body.nodes.forEach((node: unknown, i: number) => {
    const key = isObject(node) && typeof node.key === 'string' && node.key.length > 0 ? node.key : null;
    if (!isObject(node) || key === null)
      fail(file, `${at}nodes[${i}]`, 'key', 'expected a non-empty string key');
    if (graph.hasNode(key)) fail(file, `node "${key}"`, 'key', 'duplicate node key');
    const attrs = NodeAttributesSchema.safeParse(node.attributes);
    if (!attrs.success) {
      const { field, problem } = issueText(attrs.error);
      fail(file, `node "${key}"`, field ? `attributes.${field}` : 'attributes', problem);
    }
    graph.addNode(key, attrs.data);
  });
  adjacencyInDictionaryMode(graph);
  body.edges.forEach((edge: unknown, i: number) => {
    if (!isObject(edge)) fail(file, `${at}edges[${i}]`, undefined, 'expected an object');
    const { source, target } = edge;
    const key = typeof edge.key === 'string' && edge.key.length > 0 ? edge.key : null;
    const record = `edge ${key !== null ? `"${key}"` : `${at}edges[${i}]`}`;
    if (key === null) fail(file, record, 'key', 'expected a non-empty string key');
    if (typeof source !== 'string' || !graph.hasNode(source))
      fail(file, record, 'source', `unknown node ${JSON.stringify(source)}`);
    if (typeof target !== 'string' || !graph.hasNode(target))
      fail(file, record, 'target', `unknown node ${JSON.stringify(target)}`);
    if (source === target) fail(file, record, 'target', 'self-loops are not allowed');
    if (graph.hasEdge(key)) fail(file, record, 'key', 'duplicate edge key');
    if (graph.hasEdge(source, target))
      fail(file, record, undefined, `a second edge from "${source}" to "${target}"`);
    const attrs = EdgeAttributesSchema.safeParse(edge.attributes);
    if (!attrs.success) {
      const { field, problem } = issueText(attrs.error);
      fail(file, record, field ? `attributes.${field}` : 'attributes', problem);
    }
    graph.addDirectedEdgeWithKey(key, source, target, attrs.data);
  });
  return { graph, meta: meta.data };
}

/**
 * Resolves the graph file to load from the page's query string: `?graph=<path>` names a relative,
 * same-origin path (e.g. `fixtures/graphs/small.json`); the default is `graph.json`.
 */
export function graphUrlFromQuery(search: string, pageUrl: string): string {
  const param = new URLSearchParams(search).get('graph');
  if (param === null || param === '') return new URL('graph.json', pageUrl).href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(param) || param.startsWith('//') || param.startsWith('\\')) {
    throw new GraphLoadError(
      param,
      `The graph parameter "${param}" must be a relative path on this site, not a URL.`,
    );
  }
  const url = new URL(param, pageUrl);
  if (url.origin !== new URL(pageUrl).origin) {
    throw new GraphLoadError(param, `The graph parameter "${param}" must stay on this site.`);
  }
  return url.href;
}

/** Fetches, parses and validates a graph file; every failure becomes a `GraphLoadError` with a clear message. */
export async function fetchGraphFile(url: string, fetchFn: typeof fetch = fetch): Promise<LoadedGraph> {
  const name = fileName(url);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (e) {
    throw new GraphLoadError(
      name,
      `Could not download the graph file "${name}": ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!response.ok) {
    const hint = response.status === 404 ? ' Build it with `npm run build:graph`.' : '';
    throw new GraphLoadError(
      name,
      `Could not load the graph file "${name}": the server answered ${response.status} ${response.statusText}.${hint}`.replace(
        / \./,
        '.',
      ),
    );
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new GraphLoadError(
      name,
      `The graph file "${name}" is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return parseGraphFile(json, name);
}
