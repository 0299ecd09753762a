/**
 * Pure text helpers of the details panel: taxonomy labels with honest evidence, provenance of edges,
 * safe links. No DOM here, so they are unit-tested in Node.
 */
import { categoryParent, qualifiedCategoryLabel } from '../graph/category-groups';
import {
  dimension,
  isArxivId,
  isNewStyleArxivId,
  type GraphMeta,
  type NodeAttributes,
  type PaperLinks,
  type Provenance,
  type TaxonomyDimension,
  type TaxonomyField,
} from '../model';

/**
 * A category's label from the taxonomy, after its parent's when it has one ("GAN · Optimization-based"),
 * else its id (never empty).
 */
export function categoryLabel(meta: GraphMeta, dim: TaxonomyDimension, id: string): string {
  return qualifiedCategoryLabel(meta.taxonomy, dim, id);
}

function plainLabel(meta: GraphMeta, dim: TaxonomyDimension, id: string): string {
  return dimension(meta.taxonomy, dim)?.categories.find((c) => c.id === id)?.label ?? id;
}

/** A sub-space's label: a child of the paper's inversion space category. */
export function subspaceLabel(meta: GraphMeta, spaceId: string | undefined, id: string): string {
  const space = spaceId
    ? dimension(meta.taxonomy, 'space')?.categories.find((c) => c.id === spaceId)
    : undefined;
  return space?.children?.find((c) => c.id === id)?.label ?? id;
}

export interface EvidenceText {
  /** "confirmed by the survey" or "inferred". */
  label: string;
  /** e.g. "medium confidence · from reading the paper"; '' when confirmed. */
  detail: string;
  confirmed: boolean;
}

const BASIS_TEXT: Record<NonNullable<TaxonomyField['basis']>, string> = {
  'paper-reading': 'from reading the paper',
  'awesome-list': "from the section of the survey authors' paper list",
};

/** How a taxonomy label is known, in words. */
export function evidenceText(field: TaxonomyField): EvidenceText {
  if (field.evidence === 'survey-figure') {
    return {
      label: 'confirmed by the survey',
      detail: "placed there by the survey's taxonomy figure",
      confirmed: true,
    };
  }
  const parts: string[] = [];
  if (field.confidence) parts.push(`${field.confidence} confidence`);
  if (field.basis) parts.push(BASIS_TEXT[field.basis]);
  return { label: 'inferred', detail: parts.join(' · '), confirmed: false };
}

export interface TaxonomyRow {
  /** What the row is, e.g. "Inversion space". */
  name: string;
  value: string;
  evidence: EvidenceText | null;
}

/** Family, tasks, then the inversion space / sub-space / method and scheme with their evidence. */
export function taxonomyRows(meta: GraphMeta, a: NodeAttributes): TaxonomyRow[] {
  const rows: TaxonomyRow[] = [];
  if (a.family !== undefined)
    rows.push({ name: 'Family', value: categoryLabel(meta, 'family', a.family), evidence: null });
  if (a.tasks !== undefined) {
    rows.push({
      name: a.tasks.length > 1 ? 'Tasks' : 'Task',
      value: a.tasks.map((t) => categoryLabel(meta, 'task', t)).join(', '),
      evidence: null,
    });
  }
  const t = a.taxonomy;
  if (t.space) {
    // a secondary space of the same family as the main one goes without the family's name
    const family = categoryParent(meta.taxonomy, 'space', t.space.value)?.id;
    const secondary = (t.secondarySpaces ?? []).map((s) =>
      family !== undefined && categoryParent(meta.taxonomy, 'space', s)?.id === family
        ? plainLabel(meta, 'space', s)
        : categoryLabel(meta, 'space', s),
    );
    const value = categoryLabel(meta, 'space', t.space.value);
    rows.push({
      name: 'Inversion space',
      value: secondary.length ? `${value} (also ${secondary.join(', ')})` : value,
      evidence: evidenceText(t.space),
    });
  }
  if (t.subspace) {
    rows.push({
      name: 'Sub-space',
      value: subspaceLabel(meta, t.space?.value, t.subspace.value),
      evidence: evidenceText(t.subspace),
    });
  }
  if (t.method) {
    rows.push({
      name: 'Inversion method',
      value: categoryLabel(meta, 'method', t.method.value),
      evidence: evidenceText(t.method),
    });
  }
  if (t.scheme) {
    rows.push({
      name: 'Scheme',
      value: categoryLabel(meta, 'scheme', t.scheme.value),
      evidence: evidenceText(t.scheme),
    });
  }
  // categories in the taxonomy's further dimensions, in its order (ones it lacks after, by id)
  const extra = a.dimensions ?? {};
  const order = meta.taxonomy.dimensions.map((d) => d.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  for (const dim of Object.keys(extra).sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : 1))) {
    const ids = extra[dim] ?? [];
    if (ids.length === 0) continue;
    rows.push({
      name: dimension(meta.taxonomy, dim)?.label ?? dim,
      value: ids.map((id) => categoryLabel(meta, dim, id)).join(', '),
      evidence: null,
    });
  }
  return rows;
}

/** One source's statement about an edge, in words. */
export function formatProvenance(p: Provenance): string {
  switch (p.source) {
    case 'fulltext-references':
      return `full-text references (matched by ${p.match === 'arxiv-id' ? 'arXiv id' : 'title'})`;
    case 'code-readme': {
      const where = p.section ? `${p.repo} § ${p.section}` : p.repo;
      return `${p.surveyRepo ? "another survey's README" : 'code README'}: ${where} (${p.evidence.split('+').join(', ')})`;
    }
    case 'curated':
      return p.by ? `curated by ${p.by}` : 'curated';
    case 'semantic-scholar':
    case 'openalex': {
      const name = p.source === 'openalex' ? 'OpenAlex' : 'Semantic Scholar';
      return p.fetched ? `${name} (fetched ${p.fetched})` : name;
    }
    case 'openalex-snapshot':
      return p.snapshot ? `OpenAlex snapshot of ${p.snapshot}` : 'OpenAlex snapshot';
    case 'file':
      return `the file ${p.file}`;
  }
}

/** Every provenance of an edge, one per line. */
export function formatProvenances(list: readonly Provenance[]): string {
  return list.map(formatProvenance).join('\n');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Where and when a paper appeared, both facts kept: the venue with its own year, then the arXiv
 * preprint's month and year — "CVPR 2023 · arXiv Aug 2022"; "arXiv Aug 2022" for a preprint only;
 * "CVPR 2023" without an arXiv id; the bare year when nothing else is known; "" when not even that
 * (a node of a graph file without years).
 */
export function venueYear(
  a: Pick<NodeAttributes, 'venue' | 'venueYear' | 'year' | 'month' | 'arxiv'>,
): string {
  const preprintVenue = a.venue !== null && a.venue.trim().toLowerCase() === 'arxiv';
  const monthName = a.month !== null ? MONTHS[a.month - 1] : undefined;
  const arxiv = a.arxiv ? `arXiv ${monthName ? `${monthName} ` : ''}${a.year}` : null;
  if (a.venue && !preprintVenue) {
    const venue = a.venueYear !== null ? `${a.venue} ${a.venueYear}` : a.venue;
    if (arxiv) return `${venue} · ${arxiv}`;
    return a.venueYear !== null ? venue : `${venue} ${a.year}`;
  }
  if (arxiv) return arxiv;
  const year = a.venueYear ?? a.year;
  if (year === null) return a.venue ?? '';
  return preprintVenue ? `arXiv ${year}` : String(year);
}

/** A URL when it parses as http(s), else null: data never gets a javascript: or other scheme link. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface PaperLink {
  label: string;
  url: string;
}

const LINK_LABELS: [keyof PaperLinks, string][] = [
  ['pdf', 'PDF'],
  ['code', 'Code'],
  ['project', 'Project page'],
  ['demo', 'Demo'],
  ['dataset', 'Dataset'],
];

/**
 * The paper's links: its arXiv abstract page first, then PDF, code, project, demo, dataset, then the
 * pages of the ids a work outside the list has at the services (DOI, OpenAlex, Semantic Scholar);
 * http/https only. An arXiv id arXiv never issued (src/model/arxiv-id.ts) gets no arXiv link.
 */
export function paperLinks(a: Pick<NodeAttributes, 'arxiv' | 'links' | 'externalIds'>): PaperLink[] {
  const links: PaperLink[] = [];
  if (a.arxiv && isNewStyleArxivId(a.arxiv))
    links.push({ label: 'arXiv', url: `https://arxiv.org/abs/${a.arxiv}` });
  for (const [key, label] of LINK_LABELS) {
    const url = safeHttpUrl(a.links[key]);
    if (url && !links.some((l) => l.url === url)) links.push({ label, url });
  }
  const ids = a.externalIds ?? {};
  const path = (id: string) => id.split('/').map(encodeURIComponent).join('/');
  const external: [string, string | undefined][] = [
    ['arXiv', ids.arxiv && isArxivId(ids.arxiv) ? `https://arxiv.org/abs/${path(ids.arxiv)}` : undefined],
    ['DOI', ids.doi && `https://doi.org/${path(ids.doi)}`],
    ['OpenAlex', ids.openalex && `https://openalex.org/${encodeURIComponent(ids.openalex)}`],
    ['Semantic Scholar', ids.s2 && `https://www.semanticscholar.org/paper/${encodeURIComponent(ids.s2)}`],
  ];
  for (const [label, raw] of external) {
    const url = safeHttpUrl(raw);
    if (url && !links.some((l) => l.url === url)) links.push({ label, url });
  }
  return links;
}

/** A compact summary of an edge's sources, e.g. "full text + README google/dreambooth § Usage". */
export function shortProvenance(list: readonly Provenance[]): string {
  const parts = list.map((p) => {
    switch (p.source) {
      case 'fulltext-references':
        return 'full text';
      case 'code-readme': {
        const where = p.section ? `${p.repo} § ${p.section}` : p.repo;
        return `${p.surveyRepo ? 'survey README' : 'README'} ${where}`;
      }
      case 'curated':
        return 'curated';
      case 'semantic-scholar':
        return 'Semantic Scholar';
      case 'openalex':
        return 'OpenAlex';
      case 'openalex-snapshot':
        return 'OpenAlex snapshot';
    }
  });
  return [...new Set(parts)].join(' + ');
}

export interface OnlineRow {
  /** What the row is: "References", "Cited by", "First on arXiv". */
  name: string;
  value: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * What the online sources say about a paper, as rows: its references and citations in total
 * (in the set or not) next to those in this set, and its first arXiv version with categories.
 * Empty when nothing was fetched.
 */
export function onlineRows(
  a: Pick<NodeAttributes, 'totalReferences' | 'totalCitations' | 'firstVersion' | 'categories'>,
  inSet: { out: number; in: number },
): OnlineRow[] {
  const rows: OnlineRow[] = [];
  if (a.totalReferences !== undefined) {
    rows.push({
      name: 'References',
      value: `${count(a.totalReferences)} in total · ${count(inSet.out)} in this set`,
    });
  }
  if (a.totalCitations !== undefined) {
    rows.push({
      name: 'Cited by',
      value: `${count(a.totalCitations)} in total · ${count(inSet.in)} in this set`,
    });
  }
  if (a.firstVersion) {
    const cats = a.categories && a.categories.length > 0 ? ` · ${a.categories.join(', ')}` : '';
    rows.push({ name: 'First on arXiv', value: `${a.firstVersion}${cats}` });
  }
  return rows;
}

/**
 * A graph file's node: its id and every attribute it has there, in the file's order, as text
 * (numbers as written, booleans as yes/no). Empty for a paper of a dataset.
 */
export function fileAttributeRows(
  a: Pick<NodeAttributes, 'id' | 'attributes'>,
): { name: string; value: string }[] {
  if (a.attributes === undefined) return [];
  const rows = [{ name: 'id', value: a.id }];
  for (const [name, v] of Object.entries(a.attributes)) {
    rows.push({ name, value: typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v) });
  }
  return rows;
}

export interface NeighbourSectionText {
  heading: string;
  /** Under the heading when the section lists something. */
  note: string;
  /** When it lists nothing. */
  empty: string;
}

/**
 * The drawer's two neighbour sections in words: references and citations for a paper dataset; the
 * links of a graph file otherwise, one section only ("Linked with") when all of them are undirected.
 */
export function neighbourSectionTexts(
  fromFile: boolean,
  undirected: boolean,
): { out: NeighbourSectionText; in: NeighbourSectionText | null } {
  if (!fromFile) {
    const note = 'From full-text references unless noted; hover for details.';
    return {
      out: { heading: 'Cites / builds on', note, empty: 'No references in the set.' },
      in: { heading: 'Cited by / built upon by', note, empty: 'Nothing in the set points here.' },
    };
  }
  const note = 'As the file links them; hover for details.';
  if (undirected) return { out: { heading: 'Linked with', note, empty: 'No links.' }, in: null };
  return {
    out: { heading: 'Links to', note, empty: 'No links from here.' },
    in: { heading: 'Linked from', note, empty: 'No links to here.' },
  };
}

/**
 * Why a work outside the list is in the graph: "Outside the list · cited by 37 papers of the list";
 * null for the list's own papers.
 */
export function outsideReason(a: Pick<NodeAttributes, 'outside' | 'expandedBecause'>): string | null {
  if (!a.outside) return null;
  const n = a.expandedBecause?.citedBy;
  if (n === undefined) return 'Outside the list';
  return `Outside the list · cited by ${count(n)} paper${n === 1 ? '' : 's'} of the list`;
}
