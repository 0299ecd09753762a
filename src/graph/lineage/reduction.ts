/**
 * Transitive reduction of a set of edges: drops an edge u → v when v is also reachable from u by a
 * longer path, so a lineage drawing shows only the direct steps.
 *
 * Cycles: the reduction is computed on the condensation (each strongly connected component, i.e.
 * each citation cycle, contracted to one node). Edges inside a cycle are all kept (no edge of a cycle
 * is implied by the others in a way that removing it would keep the cycle's meaning); an edge between
 * two components is dropped when the condensation reaches its target component by a path of two or
 * more steps. Several edges joining the same two components are all kept or all dropped together.
 * On acyclic input this is the usual (unique) transitive reduction.
 */
import { stronglyConnected } from './scc';
import type { AtlasGraph } from '../types';

/** The edges (keys of `graph`) of `edges` that the transitive reduction keeps. */
export function transitiveReduction(graph: AtlasGraph, edges: Iterable<string>): Set<string> {
  const list: string[] = [];
  const succ = new Map<string, Set<string>>();
  const nodes: string[] = [];
  const addNode = (n: string) => {
    if (!succ.has(n)) {
      succ.set(n, new Set());
      nodes.push(n);
    }
  };
  for (const e of edges) {
    if (!graph.hasEdge(e)) throw new Error(`transitiveReduction: no edge "${String(e)}" in the graph`);
    const s = graph.source(e);
    const t = graph.target(e);
    addNode(s);
    addNode(t);
    succ.get(s)!.add(t);
    list.push(e);
  }
  const { component, count } = stronglyConnected(nodes, (n) => succ.get(n)!);
  // condensation: component → successor components
  const csucc: Array<Set<number>> = Array.from({ length: count }, () => new Set());
  for (const [s, ts] of succ) {
    const cs = component.get(s)!;
    for (const t of ts) {
      const ct = component.get(t)!;
      if (ct !== cs) csucc[cs]!.add(ct);
    }
  }
  // For each component c and each direct successor d: d is redundant when some other successor of c
  // reaches d. Components are numbered sinks first, so a component's successors have smaller numbers.
  const redundant: Array<Set<number>> = Array.from({ length: count }, () => new Set());
  const reach: Array<Set<number> | null> = Array.from({ length: count }, () => null);
  const reachable = (c: number): Set<number> => {
    const known = reach[c];
    if (known) return known;
    const out = new Set<number>();
    for (const d of csucc[c]!) {
      out.add(d);
      for (const x of reachable(d)) out.add(x);
    }
    reach[c] = out;
    return out;
  };
  // evaluate sinks first so the recursion above is at most one level deep
  for (let c = 0; c < count; c++) reachable(c);
  for (let c = 0; c < count; c++) {
    for (const d of csucc[c]!) {
      for (const other of csucc[c]!) {
        if (other !== d && reach[other]!.has(d)) {
          redundant[c]!.add(d);
          break;
        }
      }
    }
  }
  const kept = new Set<string>();
  for (const e of list) {
    const cs = component.get(graph.source(e))!;
    const ct = component.get(graph.target(e))!;
    if (cs === ct || !redundant[cs]!.has(ct)) kept.add(e);
  }
  return kept;
}
