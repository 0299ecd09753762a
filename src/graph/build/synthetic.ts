/**
 * Seeded synthetic datasets for benchmarks and scale tests: papers spread over years with growing
 * output, ~`edgesPerPaper` edges each to earlier papers chosen by preferential attachment with
 * topical locality (a paper mostly cites its own task), families, tasks and labels drawn from a
 * real taxonomy, and edge records from several provenance sources (some pairs from two sources).
 */
import type { Dataset, Located } from '../../model/dataset';
import type { EdgeRecord, Provenance, RecordEdgeKind } from '../../model/edge';
import { FAMILIES, TASKS } from '../../model/paper';
import type { Family, PaperLabels, PaperRecord, PaperTaxonomy, Task } from '../../model/paper';
import { parentCategoryId, type Category, type Taxonomy } from '../../model/taxonomy';
import type { Rng } from '../random';
import { createRng, pick, randomInt } from '../random';

export interface SyntheticOptions {
  papers: number;
  edgesPerPaper?: number;
  seed?: number;
  firstYear?: number;
  lastYear?: number;
  /** Share of papers that get taxonomy labels. */
  labelledShare?: number;
}

const WORDS_A = [
  'adaptive',
  'fast',
  'joint',
  'sparse',
  'latent',
  'robust',
  'unified',
  'layered',
  'tuning-free',
];
const WORDS_B = [
  'inversion',
  'editing',
  'customization',
  'tokens',
  'adapters',
  'encoders',
  'attention',
  'priors',
];
const WORDS_C = ['subjects', 'faces', 'styles', 'scenes', 'concepts', 'portraits', 'videos', 'shapes'];
const GIVEN = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.', 'J.', 'K.', 'L.', 'M.'];
const FAMILY_NAMES = ['Chen', 'Kim', 'Garcia', 'Novak', 'Okafor', 'Ito', 'Silva', 'Müller', 'Zhang', 'Singh'];
const FAMILY_WEIGHTS: Record<Family, number> = { diffusion: 0.62, gan: 0.25, ar: 0.1, survey: 0.03 };
const KIND_WEIGHTS: [RecordEdgeKind, number][] = [
  ['cites', 0.72],
  ['builds-on', 0.1],
  ['compares', 0.1],
  ['mentions', 0.08],
];

function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as [T, number])[0];
}

function categories(tax: Taxonomy, dim: string): Category[] {
  return tax.dimensions.find((d) => d.id === dim)?.categories ?? [];
}

/** Year of the i-th of n papers when output grows by ~35% a year. */
function yearOf(i: number, n: number, first: number, last: number): number {
  const span = last - first + 1;
  const growth = 1.35;
  const total = (growth ** span - 1) / (growth - 1);
  const rank = ((i + 0.5) / n) * total;
  const y = Math.floor(Math.log(rank * (growth - 1) + 1) / Math.log(growth));
  return first + Math.min(span - 1, Math.max(0, y));
}

function labelsFor(rng: Rng, tax: Taxonomy, id: string, family: Family): PaperLabels | null {
  const ofFamily = (dim: string) =>
    categories(tax, dim).filter((c) => {
      const p = parentCategoryId(c);
      return !p || p === family;
    });
  const spaces = ofFamily('space');
  const methods = ofFamily('method');
  const schemes = ofFamily('scheme');
  const taxonomy: PaperTaxonomy = {};
  const evidence = () => (rng() < 0.6 ? ('survey-figure' as const) : ('inferred' as const));
  const field = (value: string) => {
    const ev = evidence();
    return ev === 'inferred'
      ? { value, evidence: ev, confidence: pick(rng, ['high', 'medium', 'low'] as const) }
      : { value, evidence: ev };
  };
  if (spaces.length > 0) {
    const space = pick(rng, spaces);
    taxonomy.space = field(space.id);
    if (space.children && space.children.length > 0 && rng() < 0.5)
      taxonomy.subspace = field(pick(rng, space.children).id);
  }
  if (methods.length > 0) taxonomy.method = field(pick(rng, methods).id);
  if (schemes.length > 0 && rng() < 0.8) taxonomy.scheme = field(pick(rng, schemes).id);
  if (Object.keys(taxonomy).length === 0) return null;
  return { id, taxonomy };
}

function provenanceFor(rng: Rng, kind: RecordEdgeKind, source: string): Provenance {
  if (kind === 'cites' || kind === 'compares') {
    return { source: 'fulltext-references', match: rng() < 0.8 ? 'arxiv-id' : 'title' };
  }
  const surveyRepo = kind === 'mentions' && rng() < 0.3;
  return {
    source: 'code-readme',
    repo: surveyRepo ? 'synthetic-lab/awesome-list' : `synthetic-lab/${source.replace('.', '-')}`,
    section: rng() < 0.5 ? 'Acknowledgement' : null,
    evidence: pick(rng, ['arxiv-link', 'repo-link', 'name', 'arxiv-link+name']),
    surveyRepo,
  };
}

/** A synthetic dataset in memory; records are located in the files a graph-data dir would hold. */
export function syntheticDataset(taxonomy: Located<Taxonomy>, options: SyntheticOptions): Dataset {
  const n = options.papers;
  const k = options.edgesPerPaper ?? 10;
  const rng = createRng(options.seed ?? 7);
  const first = options.firstYear ?? 2014;
  const last = options.lastYear ?? 2025;
  const labelledShare = options.labelledShare ?? 0.45;
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`syntheticDataset: papers must be a positive integer, got ${n}`);
  if (!(k >= 0)) throw new Error(`syntheticDataset: edgesPerPaper must be >= 0, got ${k}`);

  const taskIds = new Set(categories(taxonomy.value, 'task').map((c) => c.id));
  const tasks = TASKS.filter((t) => t !== 'survey' && (taskIds.size === 0 || taskIds.has(t)));
  const papers: Located<PaperRecord>[] = [];
  const labels: Located<PaperLabels>[] = [];
  const edges: Located<EdgeRecord>[] = [];
  const ids: string[] = [];
  const topicOf: number[] = [];
  // Preferential attachment: a paper appears once in a pool, plus once per citation received.
  const pool: number[] = [];
  const topicPools: number[][] = tasks.map(() => []);
  const perMonth = new Map<string, number>();

  for (let i = 0; i < n; i++) {
    const year = yearOf(i, n, first, last);
    const month = 1 + Math.min(11, Math.floor(((i * 7919) % n) / (n / 12)));
    const ym = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}`;
    const seq = (perMonth.get(ym) ?? 0) + 1;
    perMonth.set(ym, seq);
    // as arXiv numbers them (src/model/arxiv-id.ts): four digits up to 1412, five from 1501
    const id = `${ym}.${String(seq).padStart(Number(ym) >= 1501 ? 5 : 4, '0')}`;
    const family = weighted(
      rng,
      FAMILIES.map((f) => [f, FAMILY_WEIGHTS[f]] as [Family, number]),
    );
    const topic = randomInt(rng, tasks.length);
    const paperTasks: Task[] = family === 'survey' ? ['survey'] : [tasks[topic] as Task];
    if (family !== 'survey' && rng() < 0.15) {
      const extra = pick(rng, tasks);
      if (!paperTasks.includes(extra)) paperTasks.push(extra);
    }
    const name = rng() < 0.7 ? `Syn${i.toString(36)}` : null;
    const title = `${name ? `${name}: ` : ''}${pick(rng, WORDS_A)} ${pick(rng, WORDS_B)} for ${pick(rng, WORDS_C)}`;
    const authors = Array.from(
      { length: 1 + randomInt(rng, 5) },
      () => `${pick(rng, GIVEN)} ${pick(rng, FAMILY_NAMES)}`,
    );
    const venue = pick(rng, ['Arxiv', 'CVPR', 'ICCV', 'NeurIPS', 'SIGGRAPH']);
    const paper: PaperRecord = {
      id,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      name,
      authors,
      year,
      month,
      venue,
      // a conference of the next year for preprints of the second half-year
      venueYear: venue === 'Arxiv' || month <= 6 ? year : Math.min(2100, year + 1),
      arxiv: id,
      links: { pdf: `https://arxiv.org/abs/${id}` },
      family,
      tasks: paperTasks,
    };
    papers.push({ value: paper, file: 'papers.yaml', line: 1 + i * 12 });
    if (rng() < labelledShare) {
      const l = labelsFor(rng, taxonomy.value, id, family);
      if (l) labels.push({ value: l, file: 'labels.yaml', line: 1 + labels.length * 10 });
    }

    const want = Math.min(k, i);
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < want && tries < want * 4; tries++) {
      const local = topicPools[topic] as number[];
      const from = local.length > 0 && rng() < 0.7 ? local : pool;
      chosen.add(from[randomInt(rng, from.length)] as number);
    }
    for (const j of [...chosen].sort((a, b) => a - b)) {
      const kind = weighted(rng, KIND_WEIGHTS);
      const target = ids[j] as string;
      edges.push({
        value: { source: id, target, kind, provenance: provenanceFor(rng, kind, id) },
        file: 'edges.yaml',
        line: 1 + edges.length * 8,
      });
      if (kind === 'cites' && rng() < 0.05) {
        const second: EdgeRecord = {
          source: id,
          target,
          kind: 'builds-on',
          provenance: provenanceFor(rng, 'builds-on', id),
        };
        edges.push({ value: second, file: 'edges.yaml', line: 1 + edges.length * 8 });
      }
      pool.push(j);
      (topicPools[topicOf[j] as number] as number[]).push(j);
    }
    ids.push(id);
    topicOf.push(topic);
    pool.push(i);
    (topicPools[topic] as number[]).push(i);
  }
  return {
    info: {
      name: `Synthetic ${n}`,
      description: `${n} synthetic papers with about ${k} edges each (seeded).`,
    },
    papers,
    labels,
    taxonomy,
    edges,
  };
}
