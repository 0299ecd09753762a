/**
 * GraphML reader: the text of a file → ForeignGraph. Pure; runs in the browser on a File's text.
 *
 * - `<key id for attr.name attr.type>` with an optional `<default>`: `for` node, edge, graph or all
 *   (all when absent); `attr.type` boolean / int / long / float / double / string (string when
 *   absent; an unknown type is read as string, with a warning); a key without `attr.name` is
 *   named by its id, as networkx does. Values are read as their declared type: a `<data>` that is
 *   not one is an error naming the line, the node or edge and the attribute. Defaults fill what a
 *   node or edge leaves out. A string key whose `<desc>` declares a list (`list of strings
 *   separated by "; "`, as the app's export writes it; ./lists) holds lists: each value is split
 *   into its items.
 * - The first `<graph>`: `edgedefault` (directed or undirected; undirected when absent, as networkx
 *   reads it); its own `<data>` named `name`, `title` or `label` (or a short `description`) gives
 *   the graph's name.
 * - `<node id>` with `<data key>`; `<edge source target directed id>` with `<data key>`.
 * - Left out, with a warning: yEd graphics (keys with `yfiles.type` and their `y:` elements),
 *   graphs nested in nodes, ports, hyperedges, further top-level graphs.
 */
import { DataError, type DataErrorLocation } from '../model/errors';
import { assemble, count, type DraftGraph } from './assemble';
import type {
  ForeignAttribute,
  ForeignAttributeType,
  ForeignEdge,
  ForeignGraph,
  ForeignValue,
} from './types';
import { graphmlListSeparator, splitList } from './lists';
import { coerce, graphmlType, isShort, NOT_A_VALUE, putValue } from './values';
import { attr, children, edgeEnds, parseXml, textOf, type XmlDocument, type XmlElement } from './xml';

interface Key {
  name: string;
  domain: string;
  type: ForeignAttributeType;
  /** The separator of a key declared as a list (its `<desc>`); null for a single value. */
  separator: string | null;
  default?: ForeignValue;
}

/** A `<data>` or `<default>` text as its key reads it: a list's items, else the key's type. */
function readValue(
  raw: string,
  key: Pick<Key, 'type' | 'separator'>,
  at: DataErrorLocation,
): ForeignValue | typeof NOT_A_VALUE {
  return key.separator !== null ? splitList(raw, key.separator) : coerce(raw, key.type, at);
}

interface Keys {
  byId: Map<string, Key>;
  /** Keys read only for their graphics (yEd): their data is skipped. */
  graphics: Set<string>;
  nodeAttributes: ForeignAttribute[];
}

interface Tally {
  nonFinite: number;
  graphics: number;
  nested: number;
  ports: number;
}

function readKeys(doc: XmlDocument, warnings: string[]): Keys {
  const keys: Keys = { byId: new Map(), graphics: new Set(), nodeAttributes: [] };
  const unknownTypes = new Set<string>();
  for (const el of children(doc.root, 'key')) {
    const line = doc.lineOf(el);
    const id = attr(el, 'id');
    if (id === undefined || id === '')
      throw new DataError({ file: doc.file, line, record: 'key', field: 'id' }, 'missing');
    if (keys.byId.has(id) || keys.graphics.has(id))
      throw new DataError(
        { file: doc.file, line, record: `key ${JSON.stringify(id)}`, field: 'id' },
        'declared twice',
      );
    const name = attr(el, 'attr.name');
    if (name === undefined && attr(el, 'yfiles.type') !== undefined) {
      keys.graphics.add(id);
      continue;
    }
    const declared = attr(el, 'attr.type');
    let type = graphmlType(declared);
    if (type === null) {
      unknownTypes.add(String(declared));
      type = 'string';
    }
    const desc = children(el, 'desc')[0];
    const separator = type === 'string' && desc !== undefined ? graphmlListSeparator(textOf(desc)) : null;
    const key: Key = { name: name || id, domain: attr(el, 'for') ?? 'all', type, separator };
    const def = children(el, 'default')[0];
    if (def !== undefined) {
      const at = {
        file: doc.file,
        line: doc.lineOf(def),
        record: `key ${JSON.stringify(id)}`,
        field: 'default',
      };
      const v = readValue(textOf(def), key, at);
      if (v !== NOT_A_VALUE) key.default = v;
    }
    keys.byId.set(id, key);
    if (key.domain === 'node' || key.domain === 'all')
      keys.nodeAttributes.push(
        separator !== null ? { name: key.name, type, list: true } : { name: key.name, type },
      );
  }
  if (unknownTypes.size > 0)
    warnings.push(
      `Unknown attr.type ${[...unknownTypes].map((t) => JSON.stringify(t)).join(', ')} read as text.`,
    );
  return keys;
}

/** The `<data>` of an element, typed by their keys, with the defaults of `domain` filled in. */
function readData(
  doc: XmlDocument,
  el: XmlElement,
  keys: Keys,
  domain: 'node' | 'edge' | 'graph',
  record: string,
  tally: Tally,
): Record<string, ForeignValue> {
  const out: Record<string, ForeignValue> = {};
  for (const d of children(el, 'data')) {
    const line = doc.lineOf(d);
    const id = attr(d, 'key');
    if (id === undefined)
      throw new DataError({ file: doc.file, line, record, field: 'data' }, 'has no "key"');
    if (keys.graphics.has(id)) {
      tally.graphics++;
      continue;
    }
    const key = keys.byId.get(id);
    if (key === undefined)
      throw new DataError(
        { file: doc.file, line, record, field: 'data' },
        `"key" names no declared <key>: ${JSON.stringify(id)}`,
      );
    const v = readValue(textOf(d), key, { file: doc.file, line, record, field: key.name });
    if (v === NOT_A_VALUE) tally.nonFinite++;
    else putValue(out, key.name, v);
  }
  for (const key of keys.byId.values()) {
    if (
      key.default !== undefined &&
      (key.domain === domain || key.domain === 'all') &&
      !Object.hasOwn(out, key.name)
    )
      putValue(out, key.name, Array.isArray(key.default) ? [...key.default] : key.default);
  }
  return out;
}

function edgeDefault(doc: XmlDocument, graph: XmlElement): boolean {
  const raw = attr(graph, 'edgedefault');
  if (raw === undefined || raw === 'undirected') return false;
  if (raw === 'directed') return true;
  throw new DataError(
    { file: doc.file, line: doc.lineOf(graph), record: 'graph', field: 'edgedefault' },
    `${JSON.stringify(raw)} is not directed or undirected`,
  );
}

function directedOf(doc: XmlDocument, el: XmlElement, record: string, fallback: boolean): boolean {
  const raw = attr(el, 'directed');
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new DataError(
    { file: doc.file, line: doc.lineOf(el), record, field: 'directed' },
    `${JSON.stringify(raw)} is not true or false`,
  );
}

function readNodes(doc: XmlDocument, graph: XmlElement, keys: Keys, tally: Tally): DraftGraph['nodes'] {
  const out: DraftGraph['nodes'] = [];
  children(graph, 'node').forEach((el, i) => {
    const line = doc.lineOf(el);
    const id = attr(el, 'id');
    if (id === undefined || id === '')
      throw new DataError({ file: doc.file, line, record: `node ${i + 1}`, field: 'id' }, 'missing');
    const record = `node ${JSON.stringify(id)}`;
    if (children(el, 'graph').length > 0) tally.nested++;
    tally.ports += children(el, 'port').length;
    out.push({
      node: { key: id, attributes: readData(doc, el, keys, 'node', record, tally) },
      at: { record, line },
    });
  });
  return out;
}

function readEdges(
  doc: XmlDocument,
  graph: XmlElement,
  keys: Keys,
  directed: boolean,
  tally: Tally,
): DraftGraph['edges'] {
  const out: DraftGraph['edges'] = [];
  children(graph, 'edge').forEach((el, i) => {
    const line = doc.lineOf(el);
    const id = attr(el, 'id');
    const record = id !== undefined ? `edge ${JSON.stringify(id)}` : `edge ${i + 1}`;
    const { source, target } = edgeEnds(doc, el, line, record);
    const edge: ForeignEdge = {
      source,
      target,
      directed: directedOf(doc, el, record, directed),
      attributes: readData(doc, el, keys, 'edge', record, tally),
    };
    out.push({ edge, at: { record, line } });
  });
  return out;
}

function graphName(data: Record<string, ForeignValue>): string | undefined {
  for (const k of ['name', 'title', 'label', 'description']) {
    const v = data[k];
    if (typeof v === 'string' && v !== '' && (k !== 'description' || isShort(v))) return v;
  }
  return undefined;
}

/** The graph of a GraphML file; throws DataError (file, line, record, field) on a file it cannot read. */
export function readGraphml(text: string, file: string): ForeignGraph {
  const doc = parseXml(text, file, 'graphml', 'GraphML');
  const warnings: string[] = [];
  const keys = readKeys(doc, warnings);
  const graphs = children(doc.root, 'graph');
  const graph = graphs[0];
  if (graph === undefined)
    throw new DataError({ file, line: doc.lineOf(doc.root) }, 'no <graph> element in <graphml>');
  if (graphs.length > 1)
    warnings.push(`${count(graphs.length - 1, 'further <graph> element')} ignored: only the first is read.`);
  const tally: Tally = { nonFinite: 0, graphics: 0, nested: 0, ports: 0 };
  const directed = edgeDefault(doc, graph);
  const graphData = readData(doc, graph, keys, 'graph', 'graph', tally);
  const nodes = readNodes(doc, graph, keys, tally);
  const edges = readEdges(doc, graph, keys, directed, tally);
  const hyperedges = children(graph, 'hyperedge').length;
  if (tally.nonFinite > 0)
    warnings.push(`${count(tally.nonFinite, 'value')} not a finite number (NaN or infinity) left out.`);
  if (tally.graphics > 0) warnings.push(`yEd graphics (${count(tally.graphics, 'data element')}) ignored.`);
  if (tally.nested > 0)
    warnings.push(
      `${count(tally.nested, 'graph')} nested in nodes ignored: only the top-level graph is read.`,
    );
  if (tally.ports > 0) warnings.push(`${count(tally.ports, 'port')} ignored: edges are read between nodes.`);
  if (hyperedges > 0) warnings.push(`${count(hyperedges, 'hyperedge')} ignored.`);
  return assemble({
    format: 'graphml',
    file,
    name: graphName(graphData),
    directed,
    nodeAttributes: keys.nodeAttributes,
    nodes,
    edges,
    warnings,
  });
}
