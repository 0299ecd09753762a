/**
 * What every foreign reader does once it has its nodes and edges: refuse a duplicate node id, an
 * edge whose end names no node and a graph without nodes (each error naming file, line when known,
 * and the record), then tidy the edges for a simple graph: self-loops are left out and parallel
 * edges merged (same source → target, or the same two nodes in either direction for undirected
 * edges; the first edge's attributes are kept and weights — `weight` and a numeric `weight` attribute —
 * added, as Gephi merges them, an edge without a weight counting as 1, GEXF's default weight), each
 * counted in a warning sentence.
 */
import { DataError } from '../model/errors';
import type { ForeignAttribute, ForeignEdge, ForeignFormat, ForeignGraph, ForeignNode } from './types';

/** Where a record sits in its file, for messages: `node "a"`, `edge 3 (a → b)`, and its line. */
export interface Located {
  record: string;
  line?: number;
}

export interface DraftGraph {
  format: ForeignFormat;
  file: string;
  name?: string;
  directed: boolean;
  nodeAttributes: ForeignAttribute[];
  nodes: { node: ForeignNode; at: Located }[];
  edges: { edge: ForeignEdge; at: Located }[];
  warnings: string[];
}

/** "1 self-loop", "3 self-loops". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Edge attributes an edge's label is read from; `relation` is the app's own export's (GEXF reserves `kind`). */
const EDGE_LABEL_NAMES = ['label', 'kind', 'relation', 'type'];

/** Fills what a reader leaves to the attributes: a node's x/y from numeric `x` and `y`, an edge's label and weight. */
function derive(draft: DraftGraph): void {
  for (const { node } of draft.nodes) {
    const { x, y } = node.attributes;
    if (node.x === undefined && node.y === undefined && typeof x === 'number' && typeof y === 'number') {
      node.x = x;
      node.y = y;
    }
  }
  for (const { edge } of draft.edges) {
    if (edge.label === undefined) {
      for (const name of EDGE_LABEL_NAMES) {
        const v = edge.attributes[name];
        if (typeof v === 'string' && v !== '') {
          edge.label = v;
          break;
        }
      }
    }
    const w = edge.attributes.weight;
    if (edge.weight === undefined && typeof w === 'number') edge.weight = w;
  }
}

/** The finished graph; throws DataError for a duplicate node, a dangling edge end or no nodes at all. */
export function assemble(draft: DraftGraph): ForeignGraph {
  const { file } = draft;
  if (draft.nodes.length === 0) throw new DataError({ file }, 'the graph has no nodes');
  const seen = new Map<string, Located>();
  for (const { node, at } of draft.nodes) {
    const first = seen.get(node.key);
    if (first !== undefined) {
      const where = first.line !== undefined ? ` (line ${first.line})` : '';
      throw new DataError(
        { file, line: at.line, record: at.record },
        `duplicate node id: the same id as the node${where} before it`,
      );
    }
    seen.set(node.key, at);
  }
  derive(draft);
  const kept = new Map<string, ForeignEdge>();
  let loops = 0;
  let merged = 0;
  for (const { edge, at } of draft.edges) {
    for (const end of ['source', 'target'] as const) {
      if (!seen.has(edge[end])) {
        throw new DataError(
          { file, line: at.line, record: at.record, field: end },
          `names no node: there is no node with id ${JSON.stringify(edge[end])}`,
        );
      }
    }
    if (edge.source === edge.target) {
      loops++;
      continue;
    }
    const [a, b] =
      edge.directed || edge.source < edge.target ? [edge.source, edge.target] : [edge.target, edge.source];
    const pair = `${edge.directed ? 'd' : 'u'}\u0000${a}\u0000${b}`;
    const first = kept.get(pair);
    if (first === undefined) {
      kept.set(pair, edge);
      continue;
    }
    merged++;
    if (first.weight !== undefined || edge.weight !== undefined)
      first.weight = (first.weight ?? 1) + (edge.weight ?? 1);
    const w = [first.attributes.weight, edge.attributes.weight];
    if (w.some((v) => typeof v === 'number') && w.every((v) => v === undefined || typeof v === 'number'))
      first.attributes.weight = ((w[0] as number | undefined) ?? 1) + ((w[1] as number | undefined) ?? 1);
  }
  const warnings = [...draft.warnings];
  if (loops > 0) warnings.push(`${count(loops, 'self-loop')} (an edge from a node to itself) left out.`);
  if (merged > 0)
    warnings.push(
      `${count(merged, 'parallel edge')} (between the same two nodes, same direction) merged into the first one; weights added (1 for an edge without one).`,
    );
  return {
    format: draft.format,
    file,
    ...(draft.name !== undefined && draft.name !== '' ? { name: draft.name } : {}),
    directed: draft.directed,
    nodeAttributes: draft.nodeAttributes,
    nodes: draft.nodes.map((n) => n.node),
    edges: [...kept.values()],
    warnings,
  };
}
