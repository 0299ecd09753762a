/**
 * import:snapshot's run: read the works files into DuckDB (counting and locating bad lines), run
 * the selection SQL, turn the selected works into papers, edges and a topic taxonomy, and write
 * the graph-data directory. Progress and the summary go to stderr.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { countLines, latestPartition, locateBadLines, snapshotFiles } from './snapshot-files';
import type { BadLine, SnapshotFile } from './snapshot-files';
import {
  createStaging,
  duckdbMemoryMb,
  loadInputs,
  loadMerged,
  openEngine,
  type Engine,
  rows,
  runSelectSql,
  selectedEdges,
  writeSelectedRecords,
  stageFile,
  unstageFile,
} from './snapshot-duckdb';
import { datasetFiles, outputProblem, writeDirectoryAtomic } from './snapshot-write';
import type { Seed } from '../../src/snapshot/seeds';
import { slimWork, snapshotWork, type TopicNodes } from '../../src/snapshot/work';
import { mergedFiles, parseTopicArg, readSeeds, type Log } from './snapshot-inputs';
import type { SnapshotWork } from '../../src/snapshot/work';
import { papersOfWorks, topicTaxonomy } from '../../src/snapshot/paper';
import type { EdgeRecord } from '../../src/model/edge';

export interface SnapshotArgs {
  works: string;
  data: string;
  /** A seeds file or a graph-data directory; '' for none. */
  seeds: string;
  topics: string[];
  /** Take every work of the input (a selection made elsewhere). */
  all: boolean;
  hops: number;
  cap: number;
  maxBadShare: number;
  /** A merged-id CSV or a folder of them; '' to look next to the works (see mergedDirs). */
  merged: string;
  name: string;
  snapshotDate: string;
  force: boolean;
  memoryLimit: string;
  threads: number;
}

export interface SnapshotSummary {
  files: number;
  lines: number;
  badLines: BadLine[];
  /** Bad rows of Parquet files (no line to name). */
  badRows: number;
  works: number;
  merged: number;
  selectedByHop: number[];
  capHits: { hop: number; via: number; candidates: number }[];
  unmatchedSeeds: string[];
  papers: number;
  edges: number;
  skipped: string[];
  snapshot: string | null;
  /** Selected work numbers, sorted (for tests). */
  selected: number[];
  /** Work number → paper id. */
  idOf: Map<number, string>;
}

export type { Log };

/** The process's peak resident memory so far, in MB (`process.resourceUsage().maxRSS` is in KB). */
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function importSnapshot(
  args: SnapshotArgs,
  log: Log,
): Promise<{ code: number; summary?: SnapshotSummary }> {
  const modes = [args.seeds !== '', args.topics.length > 0, args.all].filter(Boolean).length;
  if (!args.works || !args.data || modes !== 1) {
    log(
      'import:snapshot: --works GLOB, --data DIR and one of --seeds FILE, --topic ID or --all are required (see --help)',
    );
    return { code: 2 };
  }
  if (!Number.isInteger(args.hops) || args.hops < 1 || args.hops > 2) {
    log(`import:snapshot: --hops must be 1 or 2, got ${args.hops}`);
    return { code: 2 };
  }
  if (!Number.isInteger(args.cap) || args.cap < 1) {
    log(`import:snapshot: --cap must be a positive integer, got ${args.cap}`);
    return { code: 2 };
  }
  if (!(args.maxBadShare >= 0 && args.maxBadShare <= 1)) {
    log(`import:snapshot: --max-bad-share must be between 0 and 1, got ${args.maxBadShare}`);
    return { code: 2 };
  }
  const problem = outputProblem(args.data, args.force);
  if (problem) {
    log(problem);
    return { code: 1 };
  }
  const topics: number[] = [];
  for (const t of args.topics) {
    const n = parseTopicArg(t);
    if (n === null) {
      log(`import:snapshot: --topic ${t} is not an OpenAlex topic id (T10001)`);
      return { code: 2 };
    }
    topics.push(n);
  }
  const seeds = args.seeds ? readSeeds(args.seeds, log) : [];
  if (seeds === null) return { code: 1 };
  const files = snapshotFiles(args.works);
  if (files.length === 0) {
    log(`${args.works}: no works files (.gz, .jsonl, .json, .parquet) found`);
    return { code: 1 };
  }
  const work = mkdtempSync(join(tmpdir(), 'import-snapshot-'));
  const engine = await openEngine({
    database: join(work, 'staging.duckdb'),
    memoryLimit: args.memoryLimit,
    threads: args.threads,
    tempDirectory: join(work, 'spill'),
  });
  try {
    return await run(args, files, seeds, topics, engine, work, log);
  } finally {
    engine.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function run(
  args: SnapshotArgs,
  files: SnapshotFile[],
  seeds: Seed[],
  topics: number[],
  engine: Engine,
  work: string,
  log: Log,
): Promise<{ code: number; summary?: SnapshotSummary }> {
  const { conn } = engine;
  const t0 = Date.now();
  await createStaging(conn);
  const mergedPaths = mergedFiles(args.merged, files);
  const merged = await loadMerged(conn, mergedPaths);
  const totalBytes = files.reduce((s, f) => s + f.bytes, 0);
  let doneBytes = 0;
  let lines = 0;
  let badRows = 0;
  const badLines: BadLine[] = [];
  log(
    `import:snapshot: ${files.length} works files (${(totalBytes / 1e6).toFixed(1)} MB), ${fmt(merged)} merged ids`,
  );
  if (mergedPaths.length === 0)
    log(
      args.merged
        ? `${args.merged}: no merged-id CSVs (.csv, .csv.gz) found; references to merged works lead nowhere`
        : "note: no merged-id CSVs next to the works (legacy-data/merged_ids/works/, a pre-2026 copy's data/merged_ids/works/); references to merged works lead nowhere; --merged PATH names them",
    );
  for (const [i, file] of files.entries()) {
    const fileId = i + 1;
    // within a large file (the snapshot's run to 2 GB), progress every 10 s from the bytes read
    let read = 0;
    const ticker = setInterval(() => {
      const done = doneBytes + read;
      const elapsed = Date.now() - t0;
      log(
        `[${fileId}/${files.length}] ${basename(file.path)}: ${Math.round((100 * read) / Math.max(file.bytes, 1))}% of the file, ${Math.round((100 * done) / Math.max(totalBytes, 1))}% of the bytes, ${secs(elapsed)}, ETA ${secs((elapsed * (totalBytes - done)) / Math.max(done, 1))}`,
      );
    }, 10_000);
    const [count, staged] = await Promise.all([
      file.kind === 'parquet' ? Promise.resolve(null) : countLines(file, (n) => (read += n)),
      stageFile(conn, file.path, file.kind, fileId),
    ]).finally(() => clearInterval(ticker));
    if (count === null) {
      // Parquet: rows DuckDB read without a work id have no line to name
      lines += staged.rows;
      if (staged.works < staged.rows) {
        badRows += staged.rows - staged.works;
        log(`${file.path}: ${fmt(staged.rows - staged.works)} rows without an OpenAlex work id`);
      }
    } else if (count.error !== null || count.lines !== staged.rows || staged.works !== staged.rows) {
      // some line is not a work: find each one, and stage the good lines alone
      await unstageFile(conn, fileId);
      const good = join(work, `good-${fileId}.jsonl`);
      const found = await locateBadLines(file, good);
      const again = await stageFile(conn, good, 'jsonl', fileId);
      rmSync(good, { force: true });
      for (const b of found.bad) log(`${b.file}:${b.line}: ${b.reason}`);
      badLines.push(...found.bad);
      if (again.works !== found.good || again.rows !== found.good) {
        const lost = found.good - again.works;
        badRows += Math.max(lost, 0);
        log(`${file.path}: ${fmt(lost)} lines DuckDB could not read as works (field of an unexpected type)`);
      }
      lines += found.good + found.bad.length;
    } else lines += count.lines;
    doneBytes += file.bytes;
    const elapsed = Date.now() - t0;
    const eta = doneBytes > 0 ? (elapsed * (totalBytes - doneBytes)) / doneBytes : 0;
    log(
      `[${fileId}/${files.length}] ${basename(file.path)}: ${fmt(lines)} rows scanned, ${Math.round((100 * doneBytes) / Math.max(totalBytes, 1))}% of the bytes, ${secs(elapsed)}, ETA ${secs(eta)}`,
    );
  }
  // the process's peak RSS (DuckDB's memory included) once the files are read, once the selection
  // has run, and at the end: what grows with the snapshot and what with the selection's output
  const peaks = { scan: peakRssMb(), selection: 0, output: 0 };
  const engineMb = { scan: await duckdbMemoryMb(conn), selection: 0 };
  const bad = badLines.length + badRows;
  const share = lines > 0 ? bad / lines : 0;
  if (bad > 0)
    log(
      `bad lines: ${fmt(bad)} of ${fmt(lines)} (${(100 * share).toFixed(3)}%; allowed ${(100 * args.maxBadShare).toFixed(3)}%)`,
    );
  if (share > args.maxBadShare) {
    log(`import:snapshot: too many bad lines; nothing written to ${args.data}`);
    return { code: 1 };
  }
  const dup = await rows(conn, 'SELECT COUNT(*) - COUNT(DISTINCT work_id) AS d, COUNT(*) AS n FROM works');
  const nWorks = Number(dup[0]?.n ?? 0);
  if (Number(dup[0]?.d ?? 0) > 0)
    log(
      `note: ${fmt(Number(dup[0]?.d))} works appear in more than one file; the latest updated_date gives their facts`,
    );

  await loadInputs(conn, { seeds, topics, cap: args.cap });
  const step = async (name: string) => {
    const t = Date.now();
    await runSelectSql(conn, name);
    log(`  ${name}: ${secs(Date.now() - t)}`);
  };
  log('selection (scripts/sql/select/):');
  await step('refs.sql');
  await step('state.sql');
  if (args.all) await step('all.sql');
  else if (topics.length > 0) await step('topics.sql');
  else {
    await step('seeds.sql');
    for (let h = 0; h < args.hops; h++) await step('hop.sql');
  }
  await step('edges.sql');
  peaks.selection = peakRssMb();
  engineMb.selection = await duckdbMemoryMb(conn);

  const byHop = await rows(conn, 'SELECT hop, COUNT(*) AS n FROM selected GROUP BY hop ORDER BY hop');
  const selectedByHop: number[] = [];
  for (const r of byHop) selectedByHop[Number(r.hop)] = Number(r.n);
  const capHits = (
    await rows(conn, 'SELECT hop, via, candidates FROM cap_hits ORDER BY hop, candidates DESC, via')
  ).map((r) => ({ hop: Number(r.hop), via: Number(r.via), candidates: Number(r.candidates) }));
  const unmatchedSeeds =
    seeds.length > 0
      ? (
          await rows(
            conn,
            'SELECT seed FROM seeds WHERE seed NOT IN (SELECT seed FROM seed_matches) ORDER BY seed',
          )
        ).map((r) => String(r.seed))
      : [];
  let t1 = Date.now();
  const { citing, cited } = await selectedEdges(conn);
  const recordsFile = join(work, 'selected.jsonl');
  const records = await writeSelectedRecords(conn, recordsFile);
  const dateRow = await rows(conn, 'SELECT MAX(substr(updated_date, 1, 10)) AS d FROM staged');
  const snapshot =
    args.snapshotDate ||
    latestPartition(files.map((f) => f.path)) ||
    (dateRow[0]?.d ? String(dateRow[0].d) : null);

  const selectedIds = (await rows(conn, 'SELECT DISTINCT work_id FROM selected ORDER BY work_id')).map((r) =>
    Number(r.work_id),
  );
  // DuckDB's memory (its buffer pool, up to --memory-limit) goes before the works are read back
  // and turned into papers, so the two do not add up at the peak
  engine.close();
  // line by line: the records (every author, location and topic) are never all held at once, and
  // each work keeps what its paper needs (slimWork: 2.5 times less heap for 2×10⁵ works)
  const works: SnapshotWork[] = [];
  const seen = new Set<number>();
  const nodes: TopicNodes = new Map();
  const input = createReadStream(recordsFile);
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    const w = snapshotWork(JSON.parse(line));
    if ('bad' in w || seen.has(w.id)) continue;
    seen.add(w.id);
    works.push(slimWork(w, nodes));
  }
  log(`  read back ${fmt(records)} works and ${fmt(citing.length)} edges: ${secs(Date.now() - t1)}`);
  t1 = Date.now();
  const { papers, idOf, skipped, sharedArxiv } = papersOfWorks(works);
  const edges: EdgeRecord[] = [];
  for (let i = 0; i < citing.length; i++) {
    const source = idOf.get(citing[i]!);
    const target = idOf.get(cited[i]!);
    if (source && target && source !== target)
      edges.push({
        source,
        target,
        kind: 'cites',
        provenance: { source: 'openalex-snapshot', ...(snapshot ? { snapshot } : {}) },
      });
  }
  const how = args.all
    ? 'every work of the input'
    : topics.length > 0
      ? `every work of the topics ${args.topics.join(', ')}`
      : `${args.hops} hop${args.hops > 1 ? 's' : ''} around ${seeds.length} seeds, at most ${args.cap} works added per paper a hop`;
  const info = {
    name: args.name || 'OpenAlex snapshot selection',
    description: `Works selected from the OpenAlex snapshot: ${how}.`,
    source: 'OpenAlex snapshot (https://openalex.org, CC0), selected by npm run import:snapshot',
    ...(snapshot ? { snapshot } : {}),
  };
  const taxonomy = topicTaxonomy(
    works,
    'OpenAlex topics (domain → field → subfield → topic) of the works; colours from colour-blind-safe palettes.',
  );
  // papers and taxonomy made: the works go before the files are written
  works.length = 0;
  if (papers.length === 0) {
    const why =
      unmatchedSeeds.length > 0
        ? `; seeds not in the snapshot: ${unmatchedSeeds.slice(0, 10).join(', ')}`
        : '';
    log(`import:snapshot: nothing selected${why}; nothing written to ${args.data}`);
    return { code: 1 };
  }
  const files_ = datasetFiles(args.data, { info, papers, taxonomy, edges });
  writeDirectoryAtomic(args.data, files_);

  log(
    `selected: ${selectedByHop.map((n, h) => `${fmt(n ?? 0)} at hop ${h}`).join(', ')} of ${fmt(nWorks)} works`,
  );
  if (capHits.length > 0) {
    const top = capHits.slice(0, 5).map((c) => `W${c.via} (hop ${c.hop}: ${fmt(c.candidates)} candidates)`);
    log(`cap of ${args.cap} hit by ${fmt(capHits.length)} works, e.g. ${top.join(', ')}`);
  } else if (!args.all && topics.length === 0) log(`cap of ${args.cap}: never hit`);
  if (unmatchedSeeds.length > 0)
    log(`seeds not in the snapshot (${unmatchedSeeds.length}): ${unmatchedSeeds.slice(0, 10).join(', ')}`);
  if (skipped.length > 0) log(`works left out (${skipped.length}): ${skipped.slice(0, 5).join('; ')}`);
  if (sharedArxiv > 0)
    log(`${sharedArxiv} works share an arXiv id with a more cited work; they keep w<number> ids`);
  log(
    `${args.data}: ${fmt(papers.length)} papers, ${fmt(edges.length)} edges, snapshot ${snapshot ?? 'date unknown'} (${secs(Date.now() - t0)})`,
  );
  peaks.output = peakRssMb();
  log(
    `peak memory (RSS): ${fmt(peaks.scan)} MB reading the files, ${fmt(peaks.selection)} MB after the selection, ${fmt(peaks.output)} MB after the output`,
  );
  log(
    `DuckDB's buffer memory (--memory-limit ${args.memoryLimit}): ${fmt(engineMb.scan)} MB once the files were read, ${fmt(engineMb.selection)} MB after the selection`,
  );
  log(`next: npm run build:graph -- --data ${args.data}`);
  return {
    code: 0,
    summary: {
      files: files.length,
      lines,
      badLines,
      badRows,
      works: nWorks,
      merged,
      selectedByHop,
      capHits,
      unmatchedSeeds,
      papers: papers.length,
      edges: edges.length,
      skipped,
      snapshot,
      selected: selectedIds,
      idOf,
    },
  };
}
