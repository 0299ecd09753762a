/**
 * The selection of scripts/sql/select/*.sql written again in plain TypeScript, over works held in
 * memory: the reference the SQL is checked against (tests/unit/snapshot), and the definition in
 * words. Pure.
 *
 * - References to a merged work point at the work it was merged into; a reference to a work the
 *   snapshot does not hold (deleted) leads nowhere. Self-references and repeats are dropped.
 * - Seeds match works by OpenAlex id (through merges), DOI or arXiv id.
 * - Each hop takes the frontier (the works the previous hop added; the seeds for hop 1). Each
 *   frontier work's candidates are its references and its citers that the snapshot holds and the
 *   set does not yet have. They are ranked by their links to the set so far (how many of its
 *   works they cite or are cited by: "citations within the set"), then by `cited_by_count`, then by id; each frontier work adds
 *   at most `cap` of them, and one that had more is reported as a cap hit.
 * - A topic selection takes every work with one of the topics among its topics.
 * - The edges are the references between selected works.
 */

export interface SelectionWork {
  id: number;
  doi: string | null;
  arxiv: string | null;
  citedByCount: number;
  references: readonly number[];
  topicIds: readonly number[];
}

export interface SelectionSeed {
  seed: string;
  workId: number | null;
  doi: string | null;
  arxiv: string | null;
}

export interface CapHit {
  hop: number;
  via: number;
  candidates: number;
}

export interface Selection {
  /** Work → the hop that added it (0: seed or topic). */
  selected: Map<number, number>;
  capHits: CapHit[];
  /** Seeds no work matched. */
  unmatched: string[];
}

export interface SelectionIndex {
  works: Map<number, SelectionWork>;
  /** Distinct (citing, cited) pairs after merges, between any works (the cited one may be absent). */
  refs: [number, number][];
  merged: Map<number, number>;
}

export function selectionIndex(
  works: readonly SelectionWork[],
  merged: ReadonlyMap<number, number>,
): SelectionIndex {
  const byId = new Map(works.map((w) => [w.id, w]));
  const seen = new Set<string>();
  const refs: [number, number][] = [];
  for (const w of works) {
    for (const r of w.references) {
      const cited = merged.get(r) ?? r;
      const key = `${w.id}>${cited}`;
      if (cited === w.id || seen.has(key)) continue;
      seen.add(key);
      refs.push([w.id, cited]);
    }
  }
  return { works: byId, refs, merged: new Map(merged) };
}

function matchSeeds(
  index: SelectionIndex,
  seeds: readonly SelectionSeed[],
): { ids: Set<number>; unmatched: string[] } {
  const byDoi = new Map<string, number[]>();
  const byArxiv = new Map<string, number[]>();
  for (const w of index.works.values()) {
    if (w.doi) byDoi.set(w.doi, [...(byDoi.get(w.doi) ?? []), w.id]);
    if (w.arxiv) byArxiv.set(w.arxiv, [...(byArxiv.get(w.arxiv) ?? []), w.id]);
  }
  const ids = new Set<number>();
  const unmatched: string[] = [];
  for (const s of seeds) {
    const found: number[] = [];
    if (s.workId !== null) {
      const id = index.merged.get(s.workId) ?? s.workId;
      if (index.works.has(id)) found.push(id);
    }
    if (s.doi) found.push(...(byDoi.get(s.doi) ?? []));
    if (s.arxiv) found.push(...(byArxiv.get(s.arxiv) ?? []));
    if (found.length === 0) unmatched.push(s.seed);
    for (const id of found) ids.add(id);
  }
  return { ids, unmatched };
}

/** The seeds' citation neighbourhood, `hops` hops out, each work adding at most `cap` works a hop. */
export function selectNeighbourhood(
  index: SelectionIndex,
  seeds: readonly SelectionSeed[],
  options: { hops: number; cap: number },
): Selection {
  const { ids, unmatched } = matchSeeds(index, seeds);
  const selected = new Map<number, number>([...ids].map((id) => [id, 0]));
  const capHits: CapHit[] = [];
  const out = new Map<number, number[]>();
  const inn = new Map<number, number[]>();
  for (const [a, b] of index.refs) {
    out.set(a, [...(out.get(a) ?? []), b]);
    inn.set(b, [...(inn.get(b) ?? []), a]);
  }
  for (let hop = 1; hop <= options.hops; hop++) {
    const frontier = [...selected].filter(([, h]) => h === hop - 1).map(([id]) => id);
    const inSet = (id: number): number =>
      (out.get(id) ?? []).filter((x) => selected.has(x)).length +
      (inn.get(id) ?? []).filter((x) => selected.has(x)).length;
    const added = new Set<number>();
    for (const via of frontier) {
      const candidates = [...new Set([...(out.get(via) ?? []), ...(inn.get(via) ?? [])])].filter(
        (id) => index.works.has(id) && !selected.has(id),
      );
      const ranked = candidates
        .map((id) => ({ id, links: inSet(id), cited: index.works.get(id)?.citedByCount ?? 0 }))
        .sort((a, b) => b.links - a.links || b.cited - a.cited || a.id - b.id);
      if (ranked.length > options.cap) capHits.push({ hop, via, candidates: ranked.length });
      for (const c of ranked.slice(0, options.cap)) added.add(c.id);
    }
    for (const id of added) selected.set(id, hop);
  }
  return { selected, capHits, unmatched };
}

/** Every work with one of the topics. */
export function selectTopics(index: SelectionIndex, topicIds: readonly number[]): Selection {
  const wanted = new Set(topicIds);
  const selected = new Map<number, number>();
  for (const w of index.works.values()) if (w.topicIds.some((t) => wanted.has(t))) selected.set(w.id, 0);
  return { selected, capHits: [], unmatched: [] };
}

/** The references between selected works, as (citing, cited) pairs. */
export function selectedEdges(
  index: SelectionIndex,
  selected: ReadonlyMap<number, number>,
): [number, number][] {
  return index.refs.filter(([a, b]) => selected.has(a) && selected.has(b));
}
