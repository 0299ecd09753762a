/**
 * GEXF reader (1.1, 1.2draft as networkx writes it, 1.3 as Gephi writes it): the text of a file →
 * ForeignGraph. Pure; runs in the browser on the text of a File.
 *
 * - `<graph defaultedgetype>` (directed / undirected / mutual; undirected when absent, as the
 *   schema says); `name`, else the `<meta>` title, else a short `<meta>` description (one line, at most
 *   80 characters) as the graph's name.
 * - `<attributes class="node|edge">`: `<attribute id title type>` with an optional `<default>`;
 *   types as ./values `gexfType` maps them. Values (`<attvalue for value>`, `id` instead of `for`
 *   in GEXF 1.1) are read as their declared type; a value that is not one is an error naming the
 *   line, the node or edge and the attribute. Defaults fill what a node or edge leaves out. A list
 *   type (`liststring`, `listinteger`…) gives lists: each value split into its items as text
 *   (`[a, b]` in 1.3, `a|b` in 1.2; ./lists).
 * - Nodes: `id` (required), `label`; viz (`viz:` or any prefix): `color` (r g b [a], or `hex` in
 *   1.3) → `#rrggbb`, `size value`, `position x y`. Edges: `source`, `target`, `type`
 *   (directed / undirected / mutual, mutual read as undirected), `label`, `weight`, attvalues.
 * - Dynamic graphs: an attvalue's `start`/`end` and `<spells>` are ignored; when a node holds
 *   several values of one attribute over time, the first is kept (counted in a warning).
 * - Hierarchies are not read, with a warning: nodes nested in a node are left out, and a node's
 *   parent links (`pid`, `<parents>`) ignored. An empty `label` is no label.
 */
import { DataError, type DataErrorLocation } from '../model/errors';
import { assemble, count, type DraftGraph, type Located } from './assemble';
import type {
  ForeignAttribute,
  ForeignAttributeType,
  ForeignEdge,
  ForeignGraph,
  ForeignNode,
  ForeignValue,
} from './types';
import {
  channel,
  coerce,
  finiteNumber,
  gexfType,
  hexColor,
  isShort,
  NOT_A_VALUE,
  putValue,
  rgbColor,
} from './values';
import { parseGexfList } from './lists';
import { attr, child, children, edgeEnds, parseXml, textOf, type XmlDocument, type XmlElement } from './xml';

interface Declared {
  name: string;
  type: ForeignAttributeType;
  /** A list type: values are split into their items. */
  list: boolean;
  default?: ForeignValue;
}

/** A value's text as its declaration reads it: a list's items, else the declared type (NOT_A_VALUE for NaN…). */
function readValue(
  raw: string,
  decl: Pick<Declared, 'type' | 'list'>,
  at: DataErrorLocation,
): ForeignValue | typeof NOT_A_VALUE {
  return decl.list ? parseGexfList(raw) : coerce(raw, decl.type, at);
}

type Declarations = Map<string, Declared>;

/** Counts of what was read but left out, turned into warnings at the end. */
interface Tally {
  nonFinite: number;
  dynamic: number;
  nested: number;
  parents: number;
}

function edgeType(raw: string | undefined, at: DataErrorLocation, fallback: boolean): boolean {
  switch (raw) {
    case undefined:
      return fallback;
    case 'directed':
      return true;
    case 'undirected':
    case 'mutual':
      return false;
    default:
      throw new DataError(at, `${JSON.stringify(raw)} is not an edge type (directed, undirected or mutual)`);
  }
}

function declarations(
  doc: XmlDocument,
  graph: XmlElement,
  cls: 'node' | 'edge',
): { byId: Declarations; list: ForeignAttribute[] } {
  const byId: Declarations = new Map();
  const attributes: ForeignAttribute[] = [];
  const names = new Set<string>();
  for (const block of children(graph, 'attributes')) {
    if ((attr(block, 'class') ?? 'node') !== cls) continue;
    for (const a of children(block, 'attribute')) {
      const line = doc.lineOf(a);
      const id = attr(a, 'id');
      if (id === undefined || id === '')
        throw new DataError({ file: doc.file, line, record: `${cls} attribute`, field: 'id' }, 'missing');
      const title = attr(a, 'title') || id;
      // two declarations with one title stay apart: the second is named "title (id)"
      const name = names.has(title) ? `${title} (${id})` : title;
      names.add(name);
      const declared = attr(a, 'type');
      const list = declared !== undefined && /^list/i.test(declared);
      const type = list ? 'string' : gexfType(declared);
      const decl: Declared = { name, type, list };
      const def = child(a, 'default');
      if (def !== undefined) {
        const at = {
          file: doc.file,
          line: doc.lineOf(def),
          record: `${cls} attribute "${id}"`,
          field: 'default',
        };
        const v = readValue(textOf(def), decl, at);
        if (v !== NOT_A_VALUE) decl.default = v;
      }
      byId.set(id, decl);
      attributes.push(list ? { name, type, list: true } : { name, type });
    }
  }
  return { byId, list: attributes };
}

function attvalues(
  doc: XmlDocument,
  el: XmlElement,
  decls: Declarations,
  record: string,
  tally: Tally,
): Record<string, ForeignValue> {
  const out: Record<string, ForeignValue> = {};
  const read = new Set<string>();
  for (const block of children(el, 'attvalues')) {
    for (const av of children(block, 'attvalue')) {
      const line = doc.lineOf(av);
      const id = attr(av, 'for') ?? attr(av, 'id');
      if (id === undefined)
        throw new DataError({ file: doc.file, line, record, field: 'attvalue' }, 'has no "for"');
      const decl = decls.get(id);
      if (decl === undefined)
        throw new DataError(
          { file: doc.file, line, record, field: 'attvalue' },
          `"for" names no declared attribute: ${JSON.stringify(id)}`,
        );
      if (read.has(id)) {
        tally.dynamic++;
        continue;
      }
      read.add(id);
      const raw = attr(av, 'value');
      if (raw === undefined)
        throw new DataError({ file: doc.file, line, record, field: decl.name }, 'attvalue has no "value"');
      const v = readValue(raw, decl, { file: doc.file, line, record, field: decl.name });
      if (v === NOT_A_VALUE) tally.nonFinite++;
      else putValue(out, decl.name, v);
    }
  }
  for (const [id, decl] of decls) {
    if (!read.has(id) && decl.default !== undefined)
      putValue(out, decl.name, Array.isArray(decl.default) ? [...decl.default] : decl.default);
  }
  return out;
}

function viz(doc: XmlDocument, el: XmlElement, node: ForeignNode, record: string): void {
  const color = child(el, 'color');
  if (color !== undefined) {
    const at = { file: doc.file, line: doc.lineOf(color), record, field: 'viz:color' };
    const hex = attr(color, 'hex');
    if (hex !== undefined) {
      const c = hexColor(hex);
      if (c === null) throw new DataError(at, `${JSON.stringify(hex)} is not a hex colour`);
      node.color = c;
    } else {
      const [r, g, b] = (['r', 'g', 'b'] as const).map((ch) =>
        channel(attr(color, ch) ?? '', { ...at, field: `viz:color ${ch}` }),
      );
      node.color = rgbColor(r as number, g as number, b as number);
    }
  }
  const size = child(el, 'size');
  const sizeValue = size !== undefined ? attr(size, 'value') : undefined;
  if (size !== undefined && sizeValue !== undefined)
    node.size = finiteNumber(sizeValue, {
      file: doc.file,
      line: doc.lineOf(size),
      record,
      field: 'viz:size',
    });
  const pos = child(el, 'position');
  if (pos !== undefined) {
    const at = { file: doc.file, line: doc.lineOf(pos), record };
    node.x = finiteNumber(attr(pos, 'x') ?? '0', { ...at, field: 'viz:position x' });
    node.y = finiteNumber(attr(pos, 'y') ?? '0', { ...at, field: 'viz:position y' });
  }
}

function readNodes(
  doc: XmlDocument,
  graph: XmlElement,
  decls: Declarations,
  tally: Tally,
): DraftGraph['nodes'] {
  const out: DraftGraph['nodes'] = [];
  let index = 0;
  for (const block of children(graph, 'nodes')) {
    for (const el of children(block, 'node')) {
      index++;
      const line = doc.lineOf(el);
      const id = attr(el, 'id');
      if (id === undefined || id === '')
        throw new DataError({ file: doc.file, line, record: `node ${index}`, field: 'id' }, 'missing');
      const record = `node ${JSON.stringify(id)}`;
      const node: ForeignNode = { key: id, attributes: attvalues(doc, el, decls, record, tally) };
      const label = attr(el, 'label');
      if (label !== undefined && label !== '') node.label = label;
      viz(doc, el, node, record);
      if (children(el, 'nodes').length > 0) tally.nested++;
      if (attr(el, 'pid') !== undefined || children(el, 'parents').length > 0) tally.parents++;
      const at: Located = { record, line };
      out.push({ node, at });
    }
  }
  return out;
}

function readEdges(
  doc: XmlDocument,
  graph: XmlElement,
  decls: Declarations,
  directed: boolean,
  tally: Tally,
): DraftGraph['edges'] {
  const out: DraftGraph['edges'] = [];
  let index = 0;
  for (const block of children(graph, 'edges')) {
    for (const el of children(block, 'edge')) {
      index++;
      const line = doc.lineOf(el);
      const id = attr(el, 'id');
      const record = id !== undefined ? `edge ${JSON.stringify(id)}` : `edge ${index}`;
      const { source, target } = edgeEnds(doc, el, line, record);
      const edge: ForeignEdge = {
        source,
        target,
        directed: edgeType(attr(el, 'type'), { file: doc.file, line, record, field: 'type' }, directed),
        attributes: attvalues(doc, el, decls, record, tally),
      };
      const label = attr(el, 'label') ?? attr(el, 'kind');
      if (label !== undefined && label !== '') edge.label = label;
      const weight = attr(el, 'weight');
      if (weight !== undefined)
        edge.weight = finiteNumber(weight, { file: doc.file, line, record, field: 'weight' });
      out.push({ edge, at: { record, line } });
    }
  }
  return out;
}

function graphName(root: XmlElement, graph: XmlElement): string | undefined {
  const meta = child(root, 'meta');
  const title = meta && textOf(child(meta, 'title') ?? {});
  const description = meta && textOf(child(meta, 'description') ?? {});
  return attr(graph, 'name') || title || (description && isShort(description) ? description : undefined);
}

/** The graph of a GEXF file; throws DataError (file, line, record, field) on a file it cannot read. */
export function readGexf(text: string, file: string): ForeignGraph {
  const doc = parseXml(text, file, 'gexf', 'GEXF');
  const graphs = children(doc.root, 'graph');
  const graph = graphs[0];
  if (graph === undefined)
    throw new DataError({ file, line: doc.lineOf(doc.root) }, 'no <graph> element in <gexf>');
  const warnings: string[] = [];
  if (graphs.length > 1)
    warnings.push(`${count(graphs.length - 1, 'further <graph> element')} ignored: only the first is read.`);
  const line = doc.lineOf(graph);
  const directed = edgeType(
    attr(graph, 'defaultedgetype'),
    { file, line, record: 'graph', field: 'defaultedgetype' },
    false,
  );
  const nodeDecls = declarations(doc, graph, 'node');
  const edgeDecls = declarations(doc, graph, 'edge');
  const tally: Tally = { nonFinite: 0, dynamic: 0, nested: 0, parents: 0 };
  const nodes = readNodes(doc, graph, nodeDecls.byId, tally);
  const edges = readEdges(doc, graph, edgeDecls.byId, directed, tally);
  if (tally.nonFinite > 0)
    warnings.push(`${count(tally.nonFinite, 'value')} not a finite number (NaN or infinity) left out.`);
  if (tally.dynamic > 0)
    warnings.push(
      `${count(tally.dynamic, 'later value')} of dynamic attributes ignored: the first value of each is kept.`,
    );
  if (tally.nested > 0)
    warnings.push(
      `${count(tally.nested, 'node')} with nested nodes (a hierarchy): the nested nodes are not read.`,
    );
  if (tally.parents > 0)
    warnings.push(
      `${count(tally.parents, 'parent link')} (pid or <parents>) ignored: the hierarchy is read flat.`,
    );
  return assemble({
    format: 'gexf',
    file,
    name: graphName(doc.root, graph),
    directed,
    nodeAttributes: nodeDecls.list,
    nodes,
    edges,
    warnings,
  });
}
