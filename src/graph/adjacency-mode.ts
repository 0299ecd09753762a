/**
 * A faster way for big graphs to take their edges.
 *
 * graphology keeps each node's neighbours in plain objects keyed by the neighbour's key (the node
 * data's `in` and `out` objects, filled by each added edge). V8 gives an object that takes its keys
 * one by one a hidden class per key sequence; since nearly every node has its own neighbours, a
 * graph of 3×10⁵ edges makes about as many hidden classes, and adding its edges spends most of its
 * time in `EdgeData.attach` and the garbage collector. An object in dictionary mode (a hash table)
 * takes a new key without a new hidden class; V8 turns an object into one when a property other
 * than its last is deleted. `npm run bench:load` shows the difference: at 10⁵ papers and 3×10⁵
 * links, the compact form's assembly takes a fifth less time and the JSON file's a tenth less on an
 * idle machine (more on a busy one, where the hidden classes' garbage costs more), for about 10 %
 * more heap (153 MB against 139 for the bare graph).
 *
 * This is a speed-up only: the graph reads the same either way. It reaches into graphology's
 * internals (`graph._nodes`, a Map of node data), so it checks their shape first and does nothing
 * when they are not as expected (another graphology version).
 */
import type Graph from 'graphology';
import { runSteps, STEP_ITEMS, type Steps } from './steps';

const ADJACENCY_FIELDS = ['in', 'out', 'undirected'] as const;
// two keys no node key can be mistaken for while they exist (added and deleted at once)
const FIRST = '\u0000adjacency-mode-a';
const SECOND = '\u0000adjacency-mode-b';

function toDictionaryMode(o: Record<string, unknown>): void {
  o[FIRST] = 0;
  o[SECOND] = 0;
  // deleting a property other than the last added one is what turns the object into a dictionary
  delete o[FIRST];
  delete o[SECOND];
}

function isEmptyObject(o: unknown): o is Record<string, unknown> {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  for (const _ in o) return false;
  return true;
}

/**
 * Puts the still empty neighbour objects of `graph`'s nodes in dictionary mode, to be called after
 * the nodes are added and before the edges are. Returns how many objects it changed: 0 when the
 * graph's internals are not graphology's as this module knows them, or when every node already
 * has edges.
 */
export function adjacencyInDictionaryMode(graph: Graph): number {
  return runSteps(adjacencyInDictionaryModeSteps(graph));
}

/** Nodes handled between two steps of `adjacencyInDictionaryModeSteps` (each is lighter work). */
const STEP_NODES = 2 * STEP_ITEMS;

/** `adjacencyInDictionaryMode` in steps (see graph/steps.ts). */
export function* adjacencyInDictionaryModeSteps(graph: Graph): Steps<number> {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return 0;
  let changed = 0;
  let seen = 0;
  for (const data of nodes.values() as IterableIterator<unknown>) {
    if (typeof data !== 'object' || data === null) return changed;
    for (const field of ADJACENCY_FIELDS) {
      const o = (data as Record<string, unknown>)[field];
      if (!isEmptyObject(o)) continue;
      toDictionaryMode(o);
      changed++;
    }
    if (++seen % STEP_NODES === 0) yield;
  }
  return changed;
}
