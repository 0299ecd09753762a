/**
 * Graph JSON reader: the text (or the parsed value) of a JSON file → ForeignGraph. Two shapes:
 *
 * - graphology's serialisation (`graph.export()`): `{options?: {type}, attributes?, nodes: [{key,
 *   attributes?}], edges: [{key?, source, target, undirected?, attributes?}]}`; `options.type`
 *   undirected makes every edge undirected, else an edge is directed unless `undirected: true`.
 * - networkx's node-link data (`nx.node_link_data`, also d3's force layout shape): `{directed,
 *   multigraph, graph, nodes: [{id, ...}], links | edges: [{source, target, ...}]}`; every other key
 *   of a node or link is an attribute (a multigraph's link `key` is not). Undirected when `directed`
 *   is absent.
 *
 * JSON declares no types: an attribute is typed by the values it holds over all nodes (or edges):
 * all integers → integer, all numbers → float, all booleans → boolean, anything else → string
 * (numbers and booleans then written as text). `null` is no value. An attribute holding lists of
 * strings, numbers or booleans is a list attribute (its items as text; a single value there is a
 * list of one), as tasks are in the app's own graphs. Objects, and lists holding objects or lists,
 * are left out, with a warning naming the attribute.
 * A Lineage Atlas graph file (`format: "lineage-atlas/graph"`, at the top or, in a JSON export, in
 * the graph attributes) is not read here: the app's own loader restores its whole view.
 */
import { isAtlasGraphFile } from '../graph/load';
import { DataError } from '../model/errors';
import { assemble, type DraftGraph } from './assemble';
import type {
  ForeignAttribute,
  ForeignAttributeType,
  ForeignEdge,
  ForeignGraph,
  ForeignValue,
} from './types';
import { jsonErrorOffset, lineColumn } from './json-syntax';
import { putValue } from './values';
import { stripBom } from './xml';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where the text breaks the JSON grammar (line, and what is there), if the locator can tell. */
function whereBroken(text: string): { line: number; what: string } | undefined {
  try {
    const offset = jsonErrorOffset(text);
    if (offset === null) return undefined;
    const { line, column } = lineColumn(text, offset);
    const c = text[offset];
    return {
      line,
      what:
        c === undefined ? 'the text ends too early' : `unexpected ${JSON.stringify(c)} at column ${column}`,
    };
  } catch {
    return undefined; // nesting deeper than the stack: no position, the parser's message stays
  }
}

function parseJson(source: string, file: string): unknown {
  const text = stripBom(source);
  try {
    return JSON.parse(text);
  } catch (e) {
    const where = whereBroken(text);
    const brief = e instanceof Error ? e.message.split('\n')[0]?.slice(0, 120) : String(e);
    const hint = /\b(NaN|-?Infinity)\b/.test(text)
      ? " (NaN and Infinity are not JSON; Python's json module writes them unless allow_nan=False)"
      : '';
    throw new DataError({ file, line: where?.line }, `not valid JSON: ${where?.what ?? brief}${hint}`);
  }
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Types attributes by the values they hold; remembers which held lists, and which objects. */
class AttributeTyper {
  private readonly kinds = new Map<string, Set<'integer' | 'float' | 'boolean' | 'string'>>();
  private readonly lists = new Set<string>();
  readonly nested = new Map<string, number>();

  see(attrs: Json): void {
    for (const [name, v] of Object.entries(attrs)) {
      if (v === null || v === undefined) continue;
      if (Array.isArray(v) && v.every((item) => item === null || isScalar(item))) {
        this.lists.add(name);
        if (!this.kinds.has(name)) this.kinds.set(name, new Set());
        continue;
      }
      if (typeof v === 'object') {
        this.nested.set(name, (this.nested.get(name) ?? 0) + 1);
        continue;
      }
      let kinds = this.kinds.get(name);
      if (kinds === undefined) this.kinds.set(name, (kinds = new Set()));
      if (typeof v === 'number') kinds.add(Number.isInteger(v) ? 'integer' : 'float');
      else if (typeof v === 'boolean') kinds.add('boolean');
      else kinds.add('string');
    }
  }

  types(): ForeignAttribute[] {
    return [...this.kinds].map(([name, kinds]): ForeignAttribute => {
      if (this.lists.has(name)) return { name, type: 'string', list: true };
      let type: ForeignAttributeType = 'string';
      if (kinds.size === 1) type = [...kinds][0] as ForeignAttributeType;
      else if (kinds.size === 2 && kinds.has('integer') && kinds.has('float')) type = 'float';
      return { name, type };
    });
  }
}

function typedValues(attrs: Json, types: Map<string, ForeignAttribute>): Record<string, ForeignValue> {
  const out: Record<string, ForeignValue> = {};
  for (const [name, v] of Object.entries(attrs)) {
    const attr = types.get(name);
    if (attr === undefined || v === null) continue;
    if (attr.list) {
      const items: unknown[] = Array.isArray(v) ? v : [v];
      putValue(out, name, items.filter(isScalar).map(String));
    } else if (typeof v === 'object') continue;
    else if (attr.type === 'string') putValue(out, name, String(v));
    else if (typeof v === 'number' || typeof v === 'boolean') putValue(out, name, v);
  }
  return out;
}

function id(v: unknown, file: string, record: string, field: string): string {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new DataError(
    { file, record, field },
    v === undefined ? 'missing' : `${JSON.stringify(v)} is not a string or number id`,
  );
}

interface RawRecord {
  key: string;
  record: string;
  attrs: Json;
}
interface RawEdge {
  source: string;
  target: string;
  directed: boolean;
  record: string;
  attrs: Json;
}
interface Shape {
  directed: boolean;
  name: unknown;
  nodes: RawRecord[];
  edges: RawEdge[];
}

function list(value: Json, key: string, file: string): unknown[] {
  const v = value[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new DataError({ file, field: key }, 'is not a list');
  return v;
}

function entry(v: unknown, file: string, record: string): Json {
  if (!isObject(v)) throw new DataError({ file, record }, 'is not an object');
  return v;
}

function graphology(value: Json, file: string): Shape {
  const options = isObject(value.options) ? value.options : {};
  const undirectedGraph = options.type === 'undirected';
  const nodes = list(value, 'nodes', file).map((raw, i): RawRecord => {
    const n = entry(raw, file, `node ${i + 1}`);
    const key = id(n.key, file, `node ${i + 1}`, 'key');
    const attrs =
      n.attributes === undefined ? {} : entry(n.attributes, file, `node ${JSON.stringify(key)} attributes`);
    return { key, record: `node ${JSON.stringify(key)}`, attrs };
  });
  const edges = list(value, 'edges', file).map((raw, i): RawEdge => {
    const e = entry(raw, file, `edge ${i + 1}`);
    const record =
      e.key !== undefined && e.key !== null ? `edge ${JSON.stringify(String(e.key))}` : `edge ${i + 1}`;
    const attrs = e.attributes === undefined ? {} : entry(e.attributes, file, `${record} attributes`);
    return {
      source: id(e.source, file, record, 'source'),
      target: id(e.target, file, record, 'target'),
      directed: !undirectedGraph && e.undirected !== true,
      record,
      attrs,
    };
  });
  const attrs = isObject(value.attributes) ? value.attributes : {};
  return { directed: !undirectedGraph, name: attrs.name ?? attrs.title, nodes, edges };
}

function nodeLink(value: Json, file: string): Shape {
  const directed = value.directed === true;
  const dropKey = value.multigraph === true;
  const nodes = list(value, 'nodes', file).map((raw, i): RawRecord => {
    const { id: rawId, ...attrs } = entry(raw, file, `node ${i + 1}`);
    const key = id(rawId, file, `node ${i + 1}`, 'id');
    return { key, record: `node ${JSON.stringify(key)}`, attrs };
  });
  const linksKey = value.links !== undefined ? 'links' : 'edges';
  const edges = list(value, linksKey, file).map((raw, i): RawEdge => {
    const { source, target, ...attrs } = entry(
      raw,
      file,
      `${linksKey === 'links' ? 'link' : 'edge'} ${i + 1}`,
    );
    if (dropKey) delete attrs.key;
    const record = `${linksKey === 'links' ? 'link' : 'edge'} ${i + 1}`;
    return {
      source: id(source, file, record, 'source'),
      target: id(target, file, record, 'target'),
      directed,
      record,
      attrs,
    };
  });
  const graph = isObject(value.graph) ? value.graph : {};
  return { directed, name: graph.name, nodes, edges };
}

function shapeOf(value: unknown, file: string): Shape {
  if (!isObject(value))
    throw new DataError({ file }, 'not a graph: a graph JSON file holds an object with a "nodes" list');
  if (isAtlasGraphFile(value))
    throw new DataError(
      { file, field: value.format !== undefined ? 'format' : 'attributes.format' },
      "a Lineage Atlas graph file: it opens with the app's own loader, not as a foreign graph",
    );
  if (!Array.isArray(value.nodes))
    throw new DataError(
      { file, field: 'nodes' },
      'missing: neither graphology\'s serialisation nor networkx node-link JSON (both hold a "nodes" list)',
    );
  const first = value.nodes.find(isObject);
  const looksNodeLink =
    typeof value.directed === 'boolean' ||
    'multigraph' in value ||
    Array.isArray(value.links) ||
    (first !== undefined && 'id' in first);
  if (first !== undefined && 'key' in first && !('id' in first)) return graphology(value, file);
  if (looksNodeLink) return nodeLink(value, file);
  if (first === undefined) return graphology(value, file);
  throw new DataError(
    { file, record: 'node 1' },
    'has neither "key" (graphology) nor "id" (networkx node-link): not a graph JSON format this app reads',
  );
}

function nestedWarning(kind: string, nested: Map<string, number>): string[] {
  if (nested.size === 0) return [];
  const names = [...nested.keys()].map((n) => JSON.stringify(n)).join(', ');
  return [
    `${kind} ${nested.size === 1 ? 'attribute' : 'attributes'} ${names} ${nested.size === 1 ? 'holds' : 'hold'} objects or nested lists: left out.`,
  ];
}

/** The graph of a graphology or networkx node-link JSON file (its text, or the parsed value). */
export function readGraphJson(input: unknown, file: string): ForeignGraph {
  const value = typeof input === 'string' ? parseJson(input, file) : input;
  const shape = shapeOf(value, file);
  const nodeTyper = new AttributeTyper();
  for (const n of shape.nodes) nodeTyper.see(n.attrs);
  const edgeTyper = new AttributeTyper();
  for (const e of shape.edges) edgeTyper.see(e.attrs);
  const nodeAttributes = nodeTyper.types();
  const nodeTypes = new Map(nodeAttributes.map((a) => [a.name, a]));
  const edgeTypes = new Map(edgeTyper.types().map((a) => [a.name, a]));
  const nodes: DraftGraph['nodes'] = shape.nodes.map((n) => ({
    node: { key: n.key, attributes: typedValues(n.attrs, nodeTypes) },
    at: { record: n.record },
  }));
  const edges: DraftGraph['edges'] = shape.edges.map((e) => {
    const edge: ForeignEdge = {
      source: e.source,
      target: e.target,
      directed: e.directed,
      attributes: typedValues(e.attrs, edgeTypes),
    };
    return { edge, at: { record: e.record } };
  });
  return assemble({
    format: 'json',
    file,
    name: typeof shape.name === 'string' ? shape.name : undefined,
    directed: shape.directed,
    nodeAttributes,
    nodes,
    edges,
    warnings: [...nestedWarning('Node', nodeTyper.nested), ...nestedWarning('Edge', edgeTyper.nested)],
  });
}
