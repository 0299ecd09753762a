/**
 * The embedded engine of import:snapshot: DuckDB through @duckdb/node-api
 * (https://duckdb.org/docs/stable/clients/node_neo/overview: DuckDBInstance.create, connect,
 * run / runAndReadAll). Everything DuckDB-specific lives here: reading the works files into a
 * staging table (read_ndjson / read_parquet, https://duckdb.org/docs/stable/data/json/loading_json,
 * https://duckdb.org/docs/stable/data/parquet/overview), and the views the selection reads —
 * works, raw_refs, work_topics, merged, seeds, wanted_topics, params. The selection itself is the
 * plain SQL of scripts/sql/select/, which Spark SQL and BigQuery run as well.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ARXIV_URL } from '../../src/online/ids';
import type { Seed } from '../../src/snapshot/seeds';
import type { SnapshotFile } from './snapshot-files';
import { selectStatements } from './sql-files';

export interface EngineOptions {
  /** A database file for the staged works (spills to disk), or ":memory:". */
  database: string;
  /** DuckDB's memory_limit, e.g. "1GB" (https://duckdb.org/docs/stable/configuration/overview). */
  memoryLimit: string;
  threads: number;
  /** Where DuckDB spills what does not fit in memory. */
  tempDirectory: string;
}

export interface Engine {
  conn: DuckDBConnection;
  /** Closes the connection and the database, releasing DuckDB's memory; again does nothing. */
  close(): void;
}

export async function openEngine(o: EngineOptions): Promise<Engine> {
  const instance = await DuckDBInstance.create(o.database, {
    memory_limit: o.memoryLimit,
    threads: String(o.threads),
    temp_directory: o.tempDirectory,
    preserve_insertion_order: 'false',
  });
  const conn = await instance.connect();
  let open = true;
  return {
    conn,
    close: () => {
      if (!open) return;
      open = false;
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** A SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

const LOC = 'STRUCT(landing_page_url VARCHAR, pdf_url VARCHAR, source STRUCT(display_name VARCHAR))';
const NODE = 'STRUCT(id VARCHAR, display_name VARCHAR)';
const TOPIC = `STRUCT(id VARCHAR, display_name VARCHAR, subfield ${NODE}, field ${NODE}, domain ${NODE})`;
const CONCEPT = 'STRUCT(id VARCHAR, display_name VARCHAR, "level" BIGINT, score DOUBLE)';

/** The Work fields read, with the types DuckDB's JSON reader extracts them as (the rest is skipped). */
const WORK_COLUMNS: [string, string][] = [
  ['id', 'VARCHAR'],
  ['doi', 'VARCHAR'],
  ['title', 'VARCHAR'],
  ['display_name', 'VARCHAR'],
  ['publication_date', 'VARCHAR'],
  ['publication_year', 'BIGINT'],
  ['cited_by_count', 'BIGINT'],
  ['updated_date', 'VARCHAR'],
  ['referenced_works', 'VARCHAR[]'],
  ['authorships', 'STRUCT(author STRUCT(display_name VARCHAR))[]'],
  ['primary_location', LOC],
  ['locations', `${LOC}[]`],
  ['topics', `${TOPIC}[]`],
  ['concepts', `${CONCEPT}[]`],
];

const WORK_NUMBER = `'(?i)^(?:https?://openalex\\.org/)?W(\\d{1,18})$'`;
/** "https://openalex.org/W123" → 123 (the fast path), else as src/snapshot/work.ts's workNumber. */
function workNumberSql(x: string): string {
  return `CASE WHEN starts_with(${x}, 'https://openalex.org/W') THEN TRY_CAST(substr(${x}, 23) AS BIGINT) ELSE TRY_CAST(NULLIF(regexp_extract(trim(${x}), ${WORK_NUMBER}, 1), '') AS BIGINT) END`;
}
const loc = (x: string) =>
  `{'landing_page_url': ${x}.landing_page_url, 'pdf_url': ${x}.pdf_url, 'source': {'display_name': ${x}.source.display_name}}`;
const node = (x: string) => `{'id': CAST(${x}.id AS VARCHAR), 'display_name': ${x}.display_name}`;
/** DOI as src/online/ids.ts's normalizeDoi: no resolver prefix, lowercase, "10.<registrant>/…". */
const DOI = `lower(regexp_replace(trim(doi), '(?i)^(https?://(dx\\.)?doi\\.org/|doi:)', ''))`;
const ARXIV_URL_SQL = sqlString(`(?i)${ARXIV_URL.source.replace(/\\\//g, '/')}`);

/**
 * The staging table's projection of a works source. JSON Lines are read with WORK_COLUMNS' types
 * already; Parquet (a cluster's output) may hold more struct fields, so its structs are rebuilt.
 * References are not made distinct here (that costs more than the whole read): the selection SQL
 * counts distinct pairs where it matters.
 */
function stageSelect(kind: SnapshotFile['kind']): string {
  const rebuild = kind === 'parquet';
  return `
  ${workNumberSql('id')} AS work_id,
  CASE WHEN regexp_matches(${DOI}, '^10\\.\\d{4,9}/\\S+$') THEN ${DOI} END AS doi,
  COALESCE(
    NULLIF(regexp_extract(${DOI}, '^10\\.48550/arxiv\\.(\\d{4}\\.\\d{4,5})(?:v\\d+)?$', 1), ''),
    list_filter(
      list_transform(list_prepend(primary_location, COALESCE(locations, [])), l -> COALESCE(
        NULLIF(regexp_extract(trim(l.landing_page_url), ${ARXIV_URL_SQL}, 1), ''),
        NULLIF(regexp_extract(trim(l.pdf_url), ${ARXIV_URL_SQL}, 1), ''))),
      x -> x IS NOT NULL)[1]
  ) AS arxiv,
  COALESCE(cited_by_count, 0) AS cited_by_count,
  updated_date,
  list_filter(list_transform(referenced_works, r -> ${workNumberSql('r')}), x -> x IS NOT NULL) AS refs,
  list_filter(list_transform(topics, t -> TRY_CAST(NULLIF(regexp_extract(CAST(t.id AS VARCHAR), '(\\d{1,18})$', 1), '') AS BIGINT)), x -> x IS NOT NULL) AS topic_ids,
  id, title, display_name, publication_date, CAST(publication_year AS INTEGER) AS publication_year,
  ${rebuild ? `list_transform(authorships, a -> {'author': {'display_name': a.author.display_name}})` : 'authorships'} AS authorships,
  ${rebuild ? `CASE WHEN primary_location IS NOT NULL THEN ${loc('primary_location')} END` : 'primary_location'} AS primary_location,
  ${rebuild ? `list_transform(locations, l -> ${loc('l')})` : 'locations'} AS locations,
  ${rebuild ? `list_transform(topics, t -> {'id': CAST(t.id AS VARCHAR), 'display_name': t.display_name, 'subfield': ${node('t.subfield')}, 'field': ${node('t.field')}, 'domain': ${node('t.domain')}})` : 'topics'} AS topics,
  ${rebuild ? `list_transform(concepts, c -> {'id': CAST(c.id AS VARCHAR), 'display_name': c.display_name, 'level': CAST(c.level AS BIGINT), 'score': CAST(c.score AS DOUBLE)})` : 'concepts'} AS concepts`;
}

/** The staging table and the views the selection SQL reads. */
export async function createStaging(conn: DuckDBConnection): Promise<void> {
  await conn.run(`
    CREATE TABLE staged (
      file_id INTEGER, work_id BIGINT, doi VARCHAR, arxiv VARCHAR, cited_by_count BIGINT, updated_date VARCHAR,
      refs BIGINT[], topic_ids BIGINT[], id VARCHAR, title VARCHAR, display_name VARCHAR,
      publication_date VARCHAR, publication_year INTEGER,
      authorships STRUCT(author STRUCT(display_name VARCHAR))[], primary_location ${LOC}, locations ${LOC}[],
      topics ${TOPIC}[], concepts STRUCT(id VARCHAR, display_name VARCHAR, "level" BIGINT, score DOUBLE)[]
    );
    CREATE VIEW works AS SELECT work_id, doi, arxiv, cited_by_count FROM staged WHERE work_id IS NOT NULL;
    CREATE VIEW raw_refs AS SELECT work_id AS citing, UNNEST(refs) AS cited FROM staged WHERE work_id IS NOT NULL;
    CREATE VIEW work_topics AS SELECT work_id, UNNEST(topic_ids) AS topic_id FROM staged WHERE work_id IS NOT NULL;
    CREATE TABLE merged (work_id BIGINT, merge_into_id BIGINT);
    CREATE TABLE seeds (seed VARCHAR, work_id BIGINT, doi VARCHAR, arxiv VARCHAR);
    CREATE TABLE wanted_topics (topic_id BIGINT);
    CREATE TABLE params (cap BIGINT);
  `);
}

function sourceOf(path: string, kind: SnapshotFile['kind']): string {
  if (kind === 'parquet') return `read_parquet(${sqlString(path)})`;
  const columns = WORK_COLUMNS.map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`).join(', ');
  // newline_delimited: one work a line; ignore_errors: a bad line becomes a row of NULLs, counted
  // and then located by snapshot-files.ts (https://duckdb.org/docs/stable/data/json/loading_json)
  return `read_ndjson(${sqlString(path)}, format = 'newline_delimited', compression = ${kind === 'jsonl-gz' ? "'gzip'" : "'uncompressed'"}, ignore_errors = true, maximum_object_size = 33554432, columns = {${columns}})`;
}

/** Read one file into the staging table; returns its rows and the rows with a work id. */
export async function stageFile(
  conn: DuckDBConnection,
  path: string,
  kind: SnapshotFile['kind'],
  fileId: number,
): Promise<{ rows: number; works: number }> {
  await conn.run(
    `INSERT INTO staged SELECT ${fileId} AS file_id, ${stageSelect(kind)} FROM ${sourceOf(path, kind)}`,
  );
  const r = await conn.runAndReadAll(
    `SELECT COUNT(*) AS n, COUNT(work_id) AS ok FROM staged WHERE file_id = ${fileId}`,
  );
  const row = r.getRowObjectsJS()[0] ?? {};
  return { rows: Number(row.n ?? 0), works: Number(row.ok ?? 0) };
}

export async function unstageFile(conn: DuckDBConnection, fileId: number): Promise<void> {
  await conn.run(`DELETE FROM staged WHERE file_id = ${fileId}`);
}

/**
 * Merged works: CSV files `legacy-data/merged_ids/works/*.csv.gz` (a pre-2026 copy's
 * `data/merged_ids/works/`) with the columns merge_date, id, merge_into_id
 * (https://developers.openalex.org/download/snapshot-format).
 */
export async function loadMerged(conn: DuckDBConnection, paths: readonly string[]): Promise<number> {
  if (paths.length === 0) return 0;
  const list = `[${paths.map(sqlString).join(', ')}]`;
  await conn.run(`
    INSERT INTO merged
    SELECT DISTINCT ${workNumberSql('id')}, ${workNumberSql('merge_into_id')}
    FROM read_csv(${list}, header = true, columns = {'merge_date': 'VARCHAR', 'id': 'VARCHAR', 'merge_into_id': 'VARCHAR'})
    WHERE ${workNumberSql('id')} IS NOT NULL AND ${workNumberSql('merge_into_id')} IS NOT NULL`);
  const r = await conn.runAndReadAll('SELECT COUNT(*) AS n FROM merged');
  return Number(r.getRowObjectsJS()[0]?.n ?? 0);
}

const lit = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : sqlString(v);

export async function loadInputs(
  conn: DuckDBConnection,
  input: { seeds: readonly Seed[]; topics: readonly number[]; cap: number },
): Promise<void> {
  for (let i = 0; i < input.seeds.length; i += 500) {
    const rows = input.seeds
      .slice(i, i + 500)
      .map((s) => `(${lit(s.seed)}, ${lit(s.workId)}, ${lit(s.doi)}, ${lit(s.arxiv)})`);
    await conn.run(`INSERT INTO seeds VALUES ${rows.join(', ')}`);
  }
  if (input.topics.length > 0)
    await conn.run(`INSERT INTO wanted_topics VALUES ${input.topics.map((t) => `(${t})`).join(', ')}`);
  await conn.run(`INSERT INTO params VALUES (${input.cap})`);
}

/** Run one file of scripts/sql/select/, statement by statement. */
export async function runSelectSql(conn: DuckDBConnection, name: string): Promise<void> {
  for (const statement of selectStatements(name)) await conn.run(statement);
}

/**
 * What DuckDB's buffer manager holds now, in MB (10⁶ bytes): the memory `memory_limit` caps
 * (https://duckdb.org/docs/stable/sql/meta/duckdb_table_functions#duckdb_memory). Its caches fill up
 * to the limit and stay there, so a bigger snapshot does not make it grow.
 */
export async function duckdbMemoryMb(conn: DuckDBConnection): Promise<number> {
  const r = await rows(conn, 'SELECT COALESCE(SUM(memory_usage_bytes), 0) AS used FROM duckdb_memory()');
  return Math.round(Number(r[0]?.used ?? 0) / 1e6);
}

export async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJS() as Record<string, unknown>[];
}

/**
 * The rows of `sql` in DuckDB's chunks (2,048 rows each) as JS objects, so that the caller can turn
 * each chunk into something smaller before the next arrives: the whole result is never held in
 * JavaScript (`stream` + `yieldRowObjectJs`, https://duckdb.org/docs/stable/clients/node_neo/overview).
 */
export async function* streamRows(
  conn: DuckDBConnection,
  sql: string,
): AsyncGenerator<Record<string, unknown>[], void, undefined> {
  const result = await conn.stream(sql);
  for await (const chunk of result.yieldRowObjectJs()) yield chunk as Record<string, unknown>[];
}

/**
 * Writes the selected works in the Work shape (as far as staged; a work's latest record first) to
 * `path` as JSON Lines, for src/snapshot/work.ts's snapshotWork. DuckDB streams them to the file
 * within its memory limit (`COPY … TO … (FORMAT json)`,
 * https://duckdb.org/docs/stable/sql/statements/copy), so that the engine can be closed before Node
 * reads them back: its buffer pool and the works never share the peak. Returns the rows written.
 */
export async function writeSelectedRecords(conn: DuckDBConnection, path: string): Promise<number> {
  const r = await conn.runAndReadAll(
    `COPY (
       SELECT st.id, st.doi, st.title, st.display_name, st.publication_date, st.publication_year,
         st.cited_by_count, st.updated_date, st.authorships, st.primary_location, st.locations, st.topics, st.concepts
       FROM (SELECT DISTINCT work_id FROM selected) s
       JOIN staged st ON st.work_id = s.work_id
       ORDER BY st.work_id, st.updated_date DESC
     ) TO ${sqlString(path)} (FORMAT json)`,
  );
  return Number(r.getRows()[0]?.[0] ?? 0);
}

/** The selected edges as two arrays of work numbers (plain numbers, read chunk by chunk). */
export async function selectedEdges(conn: DuckDBConnection): Promise<{ citing: number[]; cited: number[] }> {
  const citing: number[] = [];
  const cited: number[] = [];
  for await (const chunk of streamRows(conn, 'SELECT citing, cited FROM selected_edges'))
    for (const r of chunk) {
      citing.push(Number(r.citing));
      cited.push(Number(r.cited));
    }
  return { citing, cited };
}
