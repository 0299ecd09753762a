/**
 * Merges the edge records of every source (one record = one source's statement about one ordered
 * pair) into one edge per ordered pair: the strongest kind wins, every kind and provenance is kept.
 */
import { EDGE_KINDS, PROVENANCE_SOURCES, kindRank } from '../../model/edge';
import type { Edge, EdgeKind, EdgeRecord, Provenance } from '../../model/edge';
import type { Located } from '../../model/dataset';
import type { EdgeAttributes } from '../../model/graph-file';
import { compareIds } from '../join';
import { stableStringify } from '../stable-json';

/** A record is a survey-repository mention when a code README of another survey/list gives it. */
export function isSurveyMention(p: Provenance): boolean {
  return p.source === 'code-readme' && p.surveyRepo;
}

function sourceRank(p: Provenance): number {
  return PROVENANCE_SOURCES.indexOf(p.source);
}

/** Provenance entries in a stable order (by source, then content), identical entries once. */
export function orderProvenance(list: Provenance[]): Provenance[] {
  const keyed = list.map((p) => ({ p, key: stableStringify(p), rank: sourceRank(p) }));
  keyed.sort((a, b) => a.rank - b.rank || compareIds(a.key, b.key));
  const out: Provenance[] = [];
  let last: string | undefined;
  for (const k of keyed) {
    if (k.key !== last) out.push(k.p);
    last = k.key;
  }
  return out;
}

/** An edge of an ordered pair with its merged attributes, ready to add to a graph. */
export interface MergedEdge {
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** Shared one-kind lists: most pairs have a single record, and nothing mutates these. */
const SINGLE_KIND = Object.fromEntries(EDGE_KINDS.map((k) => [k, [k]])) as Record<EdgeKind, EdgeKind[]>;

/** Attributes with keys in sorted order (kind, kinds, note, provenance, surveyOnly): see serialize.ts. */
function attributes(
  kind: EdgeKind,
  kinds: EdgeKind[],
  note: string | undefined,
  provenance: Provenance[],
  surveyOnly: boolean,
): EdgeAttributes {
  return note === undefined
    ? { kind, kinds, provenance, surveyOnly }
    : { kind, kinds, note, provenance, surveyOnly };
}

function mergeGroup(records: EdgeRecord[]): MergedEdge {
  const first = records[0] as EdgeRecord;
  const { source, target } = first;
  if (records.length === 1) {
    const p = first.provenance;
    return {
      source,
      target,
      attributes: attributes(first.kind, SINGLE_KIND[first.kind], first.note, [p], isSurveyMention(p)),
    };
  }
  const kindSet = new Set<EdgeKind>(records.map((r) => r.kind));
  const kinds = EDGE_KINDS.filter((k) => kindSet.has(k));
  const notes = [...new Set(records.flatMap((r) => (r.note === undefined ? [] : [r.note])))].sort(compareIds);
  return {
    source,
    target,
    attributes: attributes(
      kinds.reduce((a, b) => (kindRank(b) < kindRank(a) ? b : a)),
      kinds,
      notes.length > 0 ? notes.join('; ') : undefined,
      orderProvenance(records.map((r) => r.provenance)),
      records.every((r) => isSurveyMention(r.provenance)),
    ),
  };
}

/** The merged edges as the model's `Edge` (source and target inside). */
export function toEdge(e: MergedEdge): Edge {
  return { source: e.source, target: e.target, ...e.attributes };
}

/**
 * Rank of every id in code-unit order. The build passes the papers' ranks; by default the ranks of
 * the records' endpoints.
 */
export function idRanks(ids: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(ids)].sort(compareIds);
  return new Map(sorted.map((id, i) => [id, i]));
}

/**
 * Record indices ordered by pair key (source rank * n + target rank), ties by index: a counting
 * sort on the source rank (O(m)), then each source's few records sorted by key.
 */
function sortByPairKey(keys: Float64Array, n: number): Uint32Array {
  const m = keys.length;
  const starts = new Uint32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const s = Math.floor((keys[i] as number) / n) + 1;
    starts[s] = (starts[s] as number) + 1;
  }
  for (let s = 0; s < n; s++) starts[s + 1] = (starts[s + 1] as number) + (starts[s] as number);
  const next = starts.slice(0, n);
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    const s = Math.floor((keys[i] as number) / n);
    order[next[s] as number] = i;
    next[s] = (next[s] as number) + 1;
  }
  const byKey = (a: number, b: number) => (keys[a] as number) - (keys[b] as number) || a - b;
  for (let s = 0; s < n; s++) {
    const lo = starts[s] as number;
    const hi = starts[s + 1] as number;
    if (hi - lo > 1) order.subarray(lo, hi).sort(byKey);
  }
  return order;
}

/**
 * One edge per ordered pair, sorted by source then target (code-unit order). Assumes validated
 * records. Pairs are grouped by sorting numeric pair keys, which stays fast at 10^6 records.
 */
export function mergeEdges(records: Located<EdgeRecord>[], ranks?: Map<string, number>): MergedEdge[] {
  const rank = ranks ?? idRanks(records.flatMap((r) => [r.value.source, r.value.target]));
  const n = rank.size;
  const m = records.length;
  const keys = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const r = (records[i] as Located<EdgeRecord>).value;
    const s = rank.get(r.source);
    const t = rank.get(r.target);
    if (s === undefined || t === undefined)
      throw new Error(`mergeEdges: unranked endpoint of ${r.source} -> ${r.target}`);
    keys[i] = s * n + t;
  }
  const order = sortByPairKey(keys, n);
  const edges: MergedEdge[] = [];
  let i = 0;
  while (i < m) {
    const key = keys[order[i] as number];
    let j = i + 1;
    while (j < m && keys[order[j] as number] === key) j++;
    const group: EdgeRecord[] = [];
    for (let k = i; k < j; k++) group.push((records[order[k] as number] as Located<EdgeRecord>).value);
    edges.push(mergeGroup(group));
    i = j;
  }
  return edges;
}
