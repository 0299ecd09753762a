/**
 * The selection SQL (scripts/sql/select/) run unchanged by a second engine: PostgreSQL, compiled to
 * WebAssembly (PGlite), over the hand-made snapshot fixture's works loaded into the tables the files
 * read. Its answers must be the TypeScript reference's (src/snapshot/select.ts), which DuckDB's are
 * too (select-sql.test.ts): the files' meaning does not lean on the engine they are developed with.
 * Spark SQL and BigQuery are not available here; their grammar is checked in sql-grammar.test.ts.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectStatements } from '../../../scripts/lib/sql-files';
import {
  selectedEdges,
  selectNeighbourhood,
  selectTopics,
  type SelectionIndex,
} from '../../../src/snapshot/select';
import { parseSeedsText, type Seed } from '../../../src/snapshot/seeds';
import { fixtureIndex, SEEDS } from './snapshot-fixture';

const index = fixtureIndex();
const seeds = parseSeedsText(readFileSync(SEEDS, 'utf8')).seeds;
const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

/** The tables the selection reads, as import:snapshot's staging gives them (snapshot-duckdb.ts). */
const TABLES = `
  CREATE TABLE works (work_id BIGINT, doi VARCHAR, arxiv VARCHAR, cited_by_count BIGINT);
  CREATE TABLE raw_refs (citing BIGINT, cited BIGINT);
  CREATE TABLE work_topics (work_id BIGINT, topic_id BIGINT);
  CREATE TABLE merged (work_id BIGINT, merge_into_id BIGINT);
  CREATE TABLE seeds (seed VARCHAR, work_id BIGINT, doi VARCHAR, arxiv VARCHAR);
  CREATE TABLE wanted_topics (topic_id BIGINT);
  CREATE TABLE params (cap BIGINT);
`;

/** A database holding the fixture's works, their references as listed (before merges) and topics. */
async function load(ix: SelectionIndex): Promise<PGlite> {
  const db = new PGlite();
  await db.exec(TABLES);
  for (const w of ix.works.values()) {
    await db.query('INSERT INTO works VALUES ($1, $2, $3, $4)', [w.id, w.doi, w.arxiv, w.citedByCount]);
    for (const r of w.references) await db.query('INSERT INTO raw_refs VALUES ($1, $2)', [w.id, r]);
    for (const t of w.topicIds) await db.query('INSERT INTO work_topics VALUES ($1, $2)', [w.id, t]);
  }
  for (const [from, into] of ix.merged) await db.query('INSERT INTO merged VALUES ($1, $2)', [from, into]);
  return db;
}

async function run(db: PGlite, file: string): Promise<void> {
  for (const statement of selectStatements(file)) await db.exec(statement);
}

/** The selection as import:snapshot runs it, then what it reads back. */
async function select(
  db: PGlite,
  input: { seeds?: readonly Seed[]; topics?: readonly number[]; hops?: number; cap?: number },
) {
  await db.exec('DELETE FROM seeds; DELETE FROM wanted_topics; DELETE FROM params;');
  for (const s of input.seeds ?? [])
    await db.query('INSERT INTO seeds VALUES ($1, $2, $3, $4)', [s.seed, s.workId, s.doi, s.arxiv]);
  for (const t of input.topics ?? []) await db.query('INSERT INTO wanted_topics VALUES ($1)', [t]);
  await db.query('INSERT INTO params VALUES ($1)', [input.cap ?? 50]);
  await run(db, 'refs.sql');
  await run(db, 'state.sql');
  if (input.topics) await run(db, 'topics.sql');
  else {
    await run(db, 'seeds.sql');
    for (let h = 0; h < (input.hops ?? 1); h++) await run(db, 'hop.sql');
  }
  await run(db, 'edges.sql');
  const num = (v: unknown) => Number(v);
  const selected = new Map(
    (await db.query<{ work_id: unknown; hop: unknown }>('SELECT work_id, hop FROM selected')).rows.map(
      (r) => [num(r.work_id), num(r.hop)],
    ),
  );
  const capHits = (
    await db.query<{ hop: unknown; via: unknown; candidates: unknown }>(
      'SELECT hop, via, candidates FROM cap_hits',
    )
  ).rows.map((r) => `${num(r.hop)}:${num(r.via)}:${num(r.candidates)}`);
  const edges = (
    await db.query<{ citing: unknown; cited: unknown }>('SELECT citing, cited FROM selected_edges')
  ).rows.map((r) => `${num(r.citing)}>${num(r.cited)}`);
  return { selected, capHits: capHits.sort(), edges: edges.sort() };
}

let db: PGlite;
beforeAll(async () => {
  db = await load(index);
});
afterAll(async () => {
  await db?.close();
});

const edgeKeys = (selected: ReadonlyMap<number, number>) =>
  selectedEdges(index, selected)
    .map(([a, b]) => `${a}>${b}`)
    .sort();

describe('the selection SQL on PostgreSQL', () => {
  it.each([
    { hops: 1, cap: 50 },
    { hops: 2, cap: 50 },
    { hops: 1, cap: 1 },
    { hops: 2, cap: 2 },
  ])('agrees with the TypeScript reference at $hops hops, cap $cap', async ({ hops, cap }) => {
    const pg = await select(db, { seeds, hops, cap });
    const js = selectNeighbourhood(index, seeds, { hops, cap });
    expect(sorted(pg.selected.keys())).toEqual(sorted(js.selected.keys()));
    for (const [id, hop] of js.selected) expect(pg.selected.get(id), `W${id}`).toBe(hop);
    expect(pg.capHits).toEqual(js.capHits.map((c) => `${c.hop}:${c.via}:${c.candidates}`).sort());
    expect(pg.edges).toEqual(edgeKeys(js.selected));
  });

  it('gives the known answer: cap 2 keeps the twice-linked work, then the most cited', async () => {
    const pg = await select(db, { seeds, hops: 1, cap: 2 });
    expect(sorted(pg.selected.keys())).toEqual([100, 101, 110, 114, 115]);
  });

  it.each([[[10003]], [[10002]], [[10001, 10003]]])('agrees for the topics %j', async (topics) => {
    const pg = await select(db, { topics });
    const js = selectTopics(index, topics);
    expect(sorted(pg.selected.keys())).toEqual(sorted(js.selected.keys()));
    expect(pg.edges).toEqual(edgeKeys(js.selected));
  });
});
