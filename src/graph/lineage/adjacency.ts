/**
 * A compact adjacency index of the graph for lineage walks: nodes and edges numbered, out- and
 * in-adjacency in typed arrays (CSR), and each edge's kinds as a bit mask. Built once per graph
 * (O(nodes + edges)); walks over it touch no strings until they report their answer, which is what
 * keeps a whole-graph lineage of a 10^4-paper graph within a few milliseconds.
 * The graph's structure must not change after the index is built (`lineage` checks the counts).
 */
import { EDGE_KINDS } from '../../model/vocab';
import type { EdgeKind } from '../../model/edge';
import type { AtlasGraph } from '../types';

export interface LineageIndex {
  graph: AtlasGraph;
  nodes: string[];
  indexOf: Map<string, number>;
  edges: string[];
  /** Bit `1 << EDGE_KINDS.indexOf(k)` for the edge's kind and every one of its kinds. */
  kindMask: Uint8Array;
  /** Out-adjacency of node i: positions outStart[i] .. outStart[i + 1] of outEdge / outNode. */
  outStart: Int32Array;
  outEdge: Int32Array;
  outNode: Int32Array;
  inStart: Int32Array;
  inEdge: Int32Array;
  inNode: Int32Array;
  /** 1 for the edges of `set`, by edge number; remembers the last set asked for (by identity). */
  maskOf(set: ReadonlySet<string>): Uint8Array;
}

export function kindBits(kinds: Iterable<EdgeKind>): number {
  let bits = 0;
  for (const k of kinds) bits |= 1 << EDGE_KINDS.indexOf(k);
  return bits;
}

export function lineageIndex(graph: AtlasGraph): LineageIndex {
  const nodes = graph.nodes();
  const indexOf = new Map<string, number>();
  nodes.forEach((n, i) => indexOf.set(n, i));
  const n = nodes.length;
  const m = graph.size;
  const edges: string[] = new Array<string>(m);
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const kindMask = new Uint8Array(m);
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  let i = 0;
  graph.forEachEdge((edge, a, s, t) => {
    edges[i] = edge;
    const si = indexOf.get(s)!;
    const ti = indexOf.get(t)!;
    src[i] = si;
    dst[i] = ti;
    kindMask[i] = kindBits(a.kinds) | kindBits([a.kind]);
    outStart[si + 1]! += 1;
    inStart[ti + 1]! += 1;
    i++;
  });
  for (let k = 0; k < n; k++) {
    outStart[k + 1]! += outStart[k]!;
    inStart[k + 1]! += inStart[k]!;
  }
  const outEdge = new Int32Array(m);
  const outNode = new Int32Array(m);
  const inEdge = new Int32Array(m);
  const inNode = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const s = src[e]!;
    const t = dst[e]!;
    const o = outFill[s]!++;
    outEdge[o] = e;
    outNode[o] = t;
    const p = inFill[t]!++;
    inEdge[p] = e;
    inNode[p] = s;
  }
  let last: { set: ReadonlySet<string>; mask: Uint8Array } | null = null;
  const maskOf = (set: ReadonlySet<string>): Uint8Array => {
    if (last?.set !== set) {
      const mask = new Uint8Array(m);
      for (let e = 0; e < m; e++) if (set.has(edges[e]!)) mask[e] = 1;
      last = { set, mask };
    }
    return last.mask;
  };
  return {
    graph,
    nodes,
    indexOf,
    edges,
    kindMask,
    outStart,
    outEdge,
    outNode,
    inStart,
    inEdge,
    inNode,
    maskOf,
  };
}
