/**
 * One OpenAlex work as the snapshot holds it, reduced to the fields the import uses. Pure.
 *
 * The snapshot's works are the API's Work objects, one per line of gzipped JSON Lines
 * (https://developers.openalex.org/download/snapshot-format;
 * https://docs.openalex.org/api-entities/works/work-object). A work's `id` is
 * "https://openalex.org/W…", `doi` "https://doi.org/…", `referenced_works` the ids it cites;
 * `authorships[].author.display_name`, `primary_location` and `locations[]` with
 * `landing_page_url`, `pdf_url` and `source.display_name`; `topics[]` with `subfield`, `field` and
 * `domain` (https://docs.openalex.org/api-entities/topics/topic-object), highest score first, the
 * first being the work's `primary_topic`; `concepts[]` with `level` on older records.
 * Works carry no arXiv id: a preprint shows through its locations (arxiv.org pages) or its DataCite
 * DOI 10.48550/arxiv.<id>.
 */
import { isNewStyleArxivId } from '../model/arxiv-id';
import { arxivFromDoi, arxivFromUrl, normalizeDoi } from '../online/ids';

/** An entity of the topic tree: its number (of "…/fields/17") and its name. */
export interface TopicNode {
  id: number;
  label: string;
}

/** A work's topic with its parent chain, topic → subfield → field → domain. */
export interface WorkTopic extends TopicNode {
  subfield: TopicNode;
  field: TopicNode;
  domain: TopicNode | null;
}

/** A concept of an older record (level 0 is the broadest). */
export interface WorkConcept extends TopicNode {
  level: number;
  score: number;
}

export interface SnapshotWork {
  /** The number of the OpenAlex id ("https://openalex.org/W2741809807" → 2741809807). */
  id: number;
  /** Lowercase DOI without resolver prefix. */
  doi: string | null;
  /** The arXiv id (without version) found through the DOI or the locations, see arxivOfWork. */
  arxiv: string | null;
  title: string | null;
  /** "YYYY-MM-DD" as the snapshot gives it. */
  publicationDate: string | null;
  publicationYear: number | null;
  authors: string[];
  /** The primary location's source name ("Nature", "arXiv (Cornell University)"). */
  venue: string | null;
  /** The first PDF link among the primary location and the locations. */
  pdfUrl: string | null;
  citedByCount: number;
  /** Numbers of the referenced works, in record order, without repeats. */
  references: number[];
  /** In record order (highest score first); those with their whole chain. */
  topics: WorkTopic[];
  /** The numbers of every topic the record lists (what a topic selection matches). */
  topicIds: number[];
  concepts: WorkConcept[];
  updatedDate: string | null;
}

/** Why a line of the snapshot is not a work. */
export type BadWorkReason = 'invalid JSON' | 'not a JSON object' | 'no id' | 'id is not an OpenAlex work id';

const WORK_ID = /^(?:https?:\/\/openalex\.org\/)?W(\d{1,18})$/i;

/** "https://openalex.org/W123" or "W123" → 123; null when it is not a work id. */
export function workNumber(raw: unknown): number | null {
  if (typeof raw !== 'string') return null;
  const m = WORK_ID.exec(raw.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/** The trailing number of a topic-tree id: "https://openalex.org/T10001" → 10001, ".../fields/17" → 17, 17 → 17. */
export function entityNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : null;
  if (typeof raw !== 'string') return null;
  const m = /(\d{1,18})$/.exec(raw.trim());
  return m ? Number(m[1]) : null;
}

interface LocationLike {
  landing_page_url?: unknown;
  pdf_url?: unknown;
}

/**
 * A work's arXiv id: from its DataCite DOI 10.48550/arxiv.<id> first, else from the first
 * arxiv.org landing page or PDF link among the primary location and then the locations, in order.
 * Only new-style ids (2208.12242), the form the project's paper ids take.
 */
export function arxivOfWork(doi: string | null, locations: readonly LocationLike[]): string | null {
  const fromDoi = arxivFromDoi(doi);
  if (fromDoi && isNewStyleArxivId(fromDoi)) return fromDoi;
  for (const loc of locations) {
    for (const url of [loc.landing_page_url, loc.pdf_url]) {
      const id = arxivFromUrl(url);
      if (id && isNewStyleArxivId(id)) return id;
    }
  }
  return null;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown): string | null {
  return typeof x === 'string' && x.trim() !== '' ? x : null;
}

function node(x: unknown): TopicNode | null {
  if (!isRecord(x)) return null;
  const id = entityNumber(x.id);
  const label = str(x.display_name);
  return id !== null && label !== null ? { id, label: label.trim() } : null;
}

function topicOf(x: unknown): WorkTopic | null {
  if (!isRecord(x)) return null;
  const t = node(x);
  const subfield = node(x.subfield);
  const field = node(x.field);
  if (!t || !subfield || !field) return null;
  return { ...t, subfield, field, domain: node(x.domain) };
}

function conceptOf(x: unknown): WorkConcept | null {
  if (!isRecord(x)) return null;
  const c = node(x);
  if (!c || typeof x.level !== 'number') return null;
  return { ...c, level: x.level, score: typeof x.score === 'number' ? x.score : 0 };
}

/** The primary location first, then the other locations. */
function locationsOf(raw: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (isRecord(raw.primary_location)) out.push(raw.primary_location);
  if (Array.isArray(raw.locations)) for (const l of raw.locations) if (isRecord(l)) out.push(l);
  return out;
}

/** A parsed Work object → the import's reduced work, or why it is not one. */
export function snapshotWork(raw: unknown): SnapshotWork | { bad: BadWorkReason } {
  if (!isRecord(raw)) return { bad: 'not a JSON object' };
  if (raw.id === undefined || raw.id === null) return { bad: 'no id' };
  const id = workNumber(raw.id);
  if (id === null) return { bad: 'id is not an OpenAlex work id' };
  const doi = typeof raw.doi === 'string' ? normalizeDoi(raw.doi) : null;
  const locations = locationsOf(raw);
  const references: number[] = [];
  if (Array.isArray(raw.referenced_works)) {
    const seen = new Set<number>();
    for (const r of raw.referenced_works) {
      const n = workNumber(r);
      if (n !== null && !seen.has(n)) {
        seen.add(n);
        references.push(n);
      }
    }
  }
  const authors: string[] = [];
  if (Array.isArray(raw.authorships)) {
    for (const a of raw.authorships) {
      const name = isRecord(a) && isRecord(a.author) ? str(a.author.display_name) : null;
      if (name) authors.push(name.trim());
    }
  }
  const primary = isRecord(raw.primary_location) ? raw.primary_location : null;
  const venue = primary && isRecord(primary.source) ? str(primary.source.display_name) : null;
  const pdfUrl = locations.map((l) => str(l.pdf_url)).find((u) => u !== null) ?? null;
  const rawTopics: unknown[] = Array.isArray(raw.topics) ? raw.topics : [];
  const topics = rawTopics.map(topicOf).filter((t) => t !== null);
  const topicIds = rawTopics.map((t) => (isRecord(t) ? entityNumber(t.id) : null)).filter((n) => n !== null);
  const concepts = Array.isArray(raw.concepts) ? raw.concepts.map(conceptOf).filter((c) => c !== null) : [];
  return {
    id,
    doi,
    arxiv: arxivOfWork(doi, locations),
    title: str(raw.title) ?? str(raw.display_name),
    publicationDate: str(raw.publication_date),
    publicationYear: typeof raw.publication_year === 'number' ? raw.publication_year : null,
    authors,
    venue: venue?.trim() ?? null,
    pdfUrl,
    citedByCount: typeof raw.cited_by_count === 'number' ? raw.cited_by_count : 0,
    references,
    topics,
    topicIds,
    concepts,
    updatedDate: str(raw.updated_date),
  };
}

/** One line of JSON Lines → a work or why it is not one. */
export function parseWorkLine(line: string): SnapshotWork | { bad: BadWorkReason } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { bad: 'invalid JSON' };
  }
  return snapshotWork(raw);
}

/** Topic-tree entities shared by the works that name them (see slimWork). */
export type TopicNodes = Map<string, TopicNode>;

/**
 * What the papers and their taxonomy read of a work (paper.ts: the primary topic's chain, else the
 * broadest concepts): its references, topic numbers, other topics and, where it has a topic, its
 * concepts go; the chain's entities are shared through `nodes` (one object per field, subfield and
 * domain, however many works name it). The selection's works are held at once while they become
 * papers, so this is what their memory grows by.
 */
export function slimWork(w: SnapshotWork, nodes: TopicNodes): SnapshotWork {
  const shared = (kind: string, n: TopicNode): TopicNode => {
    const key = `${kind}${n.id}:${n.label}`;
    let node = nodes.get(key);
    if (!node) nodes.set(key, (node = { id: n.id, label: n.label }));
    return node;
  };
  const t = w.topics[0];
  const topics: WorkTopic[] = t
    ? [
        {
          id: t.id,
          label: shared('t', t).label,
          subfield: shared('s', t.subfield),
          field: shared('f', t.field),
          domain: t.domain ? shared('d', t.domain) : null,
        },
      ]
    : [];
  return { ...w, references: [], topicIds: [], topics, concepts: t ? [] : w.concepts };
}
