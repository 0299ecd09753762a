/**
 * A synthetic OpenAlex snapshot of the real one's shape, for bench:snapshot: gzipped JSON Lines of
 * Work objects (https://docs.openalex.org/api-entities/works/work-object) in the snapshot's current
 * layout (https://developers.openalex.org/download/snapshot-format), under
 * data/jsonl/works/updated_date=…/part_NNNN.gz, 10^5 works a file. References lean towards older
 * works (a work cites earlier ones, the well-cited more often), 3% of them point at works the
 * snapshot does not hold (deleted), and topics sit in a tree of 5 fields, 20 subfields and 100 topics.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip, constants } from 'node:zlib';
import { createRng } from '../../src/graph/random';

export const WORKS_PER_FILE = 100_000;
const FIRST_ID = 4_000_000_000;

export interface SyntheticOptions {
  works: number;
  /** Mean references a work. */
  refs: number;
  seed: number;
}

function topic(t: number): Record<string, unknown> {
  const sub = Math.floor(t / 5);
  const field = Math.floor(sub / 4);
  return {
    id: `https://openalex.org/T${10000 + t}`,
    display_name: `Synthetic topic ${t}`,
    score: 0.9,
    subfield: {
      id: `https://openalex.org/subfields/${1000 + sub}`,
      display_name: `Synthetic subfield ${sub}`,
    },
    field: { id: `https://openalex.org/fields/${10 + field}`, display_name: `Synthetic field ${field}` },
    domain: { id: 'https://openalex.org/domains/3', display_name: 'Physical Sciences' },
  };
}

/** Where writeSyntheticSnapshot puts the works of the snapshot under `dir`. */
export function syntheticWorksDir(dir: string): string {
  return join(dir, 'data', 'jsonl', 'works');
}

/** The id number of the i-th work (0-based). */
export function syntheticWorkId(i: number): number {
  return FIRST_ID + i;
}

function line(i: number, n: number, refs: number, rand: () => number): string {
  const id = FIRST_ID + i;
  const year = 1990 + Math.floor((35 * i) / n);
  const count = Math.max(0, Math.round(refs * 2 * rand()));
  const cited: string[] = [];
  for (let k = 0; k < count && i > 0; k++) {
    // older works, skewed towards the oldest (the most cited); 3% deleted works
    const target =
      rand() < 0.03 ? FIRST_ID + n + Math.floor(rand() * n) : FIRST_ID + Math.floor(i * rand() * rand());
    cited.push(`https://openalex.org/W${target}`);
  }
  // arXiv's ids of this form (YYMM.NNNNN) began in 2015: no preprint id for older works; their
  // numbers start at 1 (src/model/arxiv-id.ts)
  const arxiv =
    i % 4 === 0 && year >= 2015
      ? `${String(year % 100).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}.${String(1 + (i % 99999)).padStart(5, '0')}`
      : null;
  const doi = i % 2 === 0 ? `https://doi.org/10.5555/synthetic.${id}` : null;
  const loc = {
    is_oa: arxiv !== null,
    landing_page_url: arxiv ? `https://arxiv.org/abs/${arxiv}` : doi,
    pdf_url: arxiv ? `https://arxiv.org/pdf/${arxiv}` : null,
    source: {
      id: 'https://openalex.org/S1',
      display_name: arxiv ? 'arXiv (Cornell University)' : `Journal ${i % 300}`,
      type: 'journal',
    },
    version: 'publishedVersion',
  };
  const t = Math.floor(rand() * 100);
  const topics = [topic(t), topic((t + 1 + Math.floor(rand() * 99)) % 100)];
  return JSON.stringify({
    id: `https://openalex.org/W${id}`,
    doi,
    title: `Synthetic work ${i} on topic ${t}`,
    display_name: `Synthetic work ${i} on topic ${t}`,
    publication_year: year,
    publication_date: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    ids: { openalex: `https://openalex.org/W${id}` },
    type: 'article',
    authorships: [0, 1, 2].map((a) => ({
      author_position: a === 0 ? 'first' : 'middle',
      author: { id: `https://openalex.org/A${id}${a}`, display_name: `Author ${(i * 7 + a) % 50000}` },
      institutions: [],
    })),
    primary_location: loc,
    locations: [loc],
    topics,
    concepts: [],
    cited_by_count: Math.floor(1000 * (1 - i / n) * rand()),
    referenced_works: cited,
    updated_date: '2026-11-01T00:00:00.000000',
  });
}

/** Write the snapshot under `dir` unless a complete one of the same options is there. */
export async function writeSyntheticSnapshot(
  dir: string,
  o: SyntheticOptions,
  log: (s: string) => void,
): Promise<void> {
  const marker = join(dir, 'synthetic.json');
  // the layout and the generator's rules are part of what the marker names: a snapshot written in
  // the pre-2026 layout (data/works/…/part_NNN.gz), or with arXiv ids on works before 2015, is
  // written again
  const want = JSON.stringify({ ...o, layout: 'data/jsonl/works', arxivFrom: 2015, arxivNumberFrom: 1 });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) return;
  rmSync(dir, { recursive: true, force: true });
  const rand = createRng(o.seed);
  const t0 = Date.now();
  const files = Math.ceil(o.works / WORKS_PER_FILE);
  for (let f = 0; f < files; f++) {
    const part = join(
      syntheticWorksDir(dir),
      `updated_date=2026-11-${String(1 + (f % 28)).padStart(2, '0')}`,
    );
    mkdirSync(part, { recursive: true });
    const gz = createGzip({ level: constants.Z_BEST_SPEED });
    const out = createWriteStream(join(part, `part_${String(f).padStart(4, '0')}.gz`));
    gz.pipe(out);
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    const end = Math.min(o.works, (f + 1) * WORKS_PER_FILE);
    let buf: string[] = [];
    for (let i = f * WORKS_PER_FILE; i < end; i++) {
      buf.push(line(i, o.works, o.refs, rand));
      if (buf.length === 2000) {
        if (!gz.write(`${buf.join('\n')}\n`)) await new Promise((r) => gz.once('drain', r));
        buf = [];
      }
    }
    if (buf.length > 0) gz.write(`${buf.join('\n')}\n`);
    gz.end();
    await done;
    log(
      `synthetic snapshot: ${end.toLocaleString('en-US')} of ${o.works.toLocaleString('en-US')} works (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
  }
  writeFileSync(marker, want);
}
