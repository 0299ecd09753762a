/**
 * import:snapshot on the hand-made fixture: bad lines named and counted, the bad-share limit, a
 * truncated gzip file, nothing written on failure, the written graph-data directory (papers,
 * topic taxonomy, edges with their provenance and the snapshot date), a graph-data directory as
 * seeds, Parquet input (what a cluster run writes), and the whole way through build:graph.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { mergedDirs } from '../../../scripts/lib/snapshot-inputs';
import type { GraphFile } from '../../../src/model';
import {
  BAD_FIXTURE,
  FIXTURE,
  removeTempDirs,
  runImport,
  SEEDS,
  tempDir,
  WORKS_GLOB,
} from './snapshot-fixture';

afterAll(removeTempDirs);

describe('bad lines', () => {
  it('names each bad line with its file and line, counts them, and still imports under the limit', async () => {
    const r = await runImport({ seeds: SEEDS, maxBadShare: 0.2 });
    expect(r.code).toBe(0);
    const second = `${FIXTURE}/data/jsonl/works/updated_date=2026-11-15/part_0000.gz`;
    expect(r.summary?.badLines).toEqual([
      { file: second, line: 3, reason: 'invalid JSON' },
      { file: second, line: 7, reason: 'no id' },
    ]);
    expect(r.log).toContain(`${second}:3: invalid JSON`);
    expect(r.log.join('\n')).toMatch(/bad lines: 2 of 19 \(10\.526%; allowed 20\.000%\)/);
    expect(r.summary?.lines).toBe(19);
  });

  it('fails above the allowed share of bad lines and writes nothing', async () => {
    const r = await runImport({ seeds: SEEDS, maxBadShare: 0.05 });
    expect(r.code).toBe(1);
    expect(r.log.join('\n')).toMatch(/too many bad lines; nothing written/);
    expect(existsSync(r.data)).toBe(false);
  });

  it('reports a truncated gzip file at the line where it breaks off', async () => {
    const works = `${BAD_FIXTURE}/data/jsonl/works/updated_date=*/*.gz`;
    const r = await runImport({ works, seeds: SEEDS, maxBadShare: 0.001 });
    expect(r.code).toBe(1);
    const truncated = r.log.find((l) => l.includes('truncated gzip'));
    expect(truncated).toMatch(
      /updated_date=2026-10-01\/part_0000\.gz:\d+: truncated gzip .*the file ends here/,
    );
    expect(existsSync(r.data)).toBe(false);
    // allowed, the lines before the break are kept
    const kept = await runImport({ works, topics: ['T10003'], maxBadShare: 1 });
    expect(kept.code).toBe(0);
    expect(kept.summary?.badLines).toHaveLength(1);
    expect(kept.summary?.selected).toEqual(expect.arrayContaining([134, 140, 141]));
  });

  it('writes nothing when no seed is in the snapshot', async () => {
    const seeds = join(tempDir(), 'seeds.txt');
    writeFileSync(seeds, '10.9999/not-there\nW999999\n');
    const r = await runImport({ seeds });
    expect(r.code).toBe(1);
    expect(r.log.at(-1)).toBe(
      `import:snapshot: nothing selected; seeds not in the snapshot: 10.9999/not-there, W999999; nothing written to ${r.data}`,
    );
    expect(existsSync(r.data)).toBe(false);
  });

  it('refuses a non-empty output directory without --force, and replaces it with', async () => {
    const dir = join(tempDir(), 'full');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const refused = await runImport({ seeds: SEEDS, data: dir });
    expect(refused.code).toBe(1);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
    const forced = await runImport({ seeds: SEEDS, data: dir, force: true });
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, 'keep.txt'))).toBe(false);
    expect(existsSync(join(dir, 'papers.yaml'))).toBe(true);
  });
});

describe('merged ids next to the works', () => {
  it('finds them in the current layout, a pre-2026 copy and a legacy-data copy', () => {
    const root = tempDir();
    const at = (...p: string[]) => join(root, ...p);
    const legacy = at('legacy-data', 'merged_ids', 'works');
    const old = at('data', 'merged_ids', 'works');
    const part = (layout: string) => at(layout, 'works', 'updated_date=2026-06-24', 'part_0000.gz');
    // none there yet
    expect(mergedDirs(part('data/jsonl'))).toEqual([]);
    mkdirSync(legacy, { recursive: true });
    expect(mergedDirs(part('data/jsonl'))).toEqual([legacy]);
    expect(mergedDirs(part('data/parquet').replace(/\.gz$/, '.parquet'))).toEqual([legacy]);
    expect(mergedDirs(part('data'))).toEqual([legacy]);
    expect(mergedDirs(part('legacy-data'))).toEqual([legacy]);
    mkdirSync(old, { recursive: true });
    expect(mergedDirs(part('data/jsonl'))).toEqual([legacy, old]);
    expect(mergedDirs(part('data'))).toEqual([old, legacy]);
    expect(mergedDirs(part('legacy-data'))).toEqual([legacy]);
    // works outside a snapshot's layout (a selection made elsewhere): none
    expect(mergedDirs(at('selected.parquet'))).toEqual([]);
    expect(mergedDirs(at('data', 'jsonl', 'authors', 'part_0000.gz'))).toEqual([]);
  });
});

describe('snapshot layouts', () => {
  const PARTS = ['updated_date=2026-10-01', 'updated_date=2026-11-15'];
  const MERGED = '2026-11-15.csv.gz';
  /** The fixture's files copied to `root` in another layout. */
  function copyFixture(root: string, to: { part: (p: string) => string; merged: string | null }): void {
    for (const p of PARTS) {
      const dest = join(root, to.part(p));
      mkdirSync(join(dest, '..'), { recursive: true });
      copyFileSync(join(FIXTURE, 'data/jsonl/works', p, 'part_0000.gz'), dest);
    }
    if (to.merged === null) return;
    mkdirSync(join(root, to.merged), { recursive: true });
    copyFileSync(join(FIXTURE, 'legacy-data/merged_ids/works', MERGED), join(root, to.merged, MERGED));
  }
  const selection = (r: Awaited<ReturnType<typeof runImport>>) => ({
    code: r.code,
    files: r.summary?.files,
    lines: r.summary?.lines,
    merged: r.summary?.merged,
    selectedByHop: r.summary?.selectedByHop,
    selected: r.summary?.selected,
    papers: r.summary?.papers,
    edges: r.summary?.edges,
  });

  it('finds the merged ids under legacy-data/merged_ids for works under data/jsonl/works', async () => {
    const r = await runImport({ seeds: SEEDS });
    expect(r.summary?.merged).toBe(2);
    expect(r.log[0]).toMatch(/^import:snapshot: 2 works files \(.* MB\), 2 merged ids$/);
    // W100 cites W199, merged into W114: W114 joins at hop 1, and W133 (which it cites) at hop 2
    expect(r.summary?.selected).toEqual(expect.arrayContaining([114, 133]));
    // the same works without legacy-data/: no merges, and W114 and W133 are not reached
    const bare = tempDir();
    copyFixture(bare, { part: (p) => `data/jsonl/works/${p}/part_0000.gz`, merged: null });
    const without = await runImport({ works: join(bare, 'data/jsonl/works'), seeds: SEEDS });
    expect(without.code).toBe(0);
    expect(without.summary?.merged).toBe(0);
    expect(without.log[1]).toMatch(
      /^note: no merged-id CSVs next to the works \(legacy-data\/merged_ids\/works\//,
    );
    expect(r.log.join('\n')).not.toMatch(/no merged-id CSVs/);
    expect(without.summary?.selected).not.toContain(114);
    expect(without.summary?.selected).not.toContain(133);
  });

  it('reads a pre-2026 copy (data/works, data/merged_ids) to the same selection', async () => {
    const current = await runImport({ seeds: SEEDS });
    const old = tempDir();
    copyFixture(old, { part: (p) => `data/works/${p}/part_000.gz`, merged: 'data/merged_ids/works' });
    const pre2026 = await runImport({ works: join(old, 'data/works/updated_date=*/*.gz'), seeds: SEEDS });
    expect(selection(pre2026)).toEqual(selection(current));
    expect(pre2026.summary?.merged).toBe(2);
    expect(pre2026.summary?.snapshot).toBe('2026-11-15');
    // and its preserved copy under legacy-data/
    const legacy = tempDir();
    copyFixture(legacy, {
      part: (p) => `legacy-data/works/${p}/part_000.gz`,
      merged: 'legacy-data/merged_ids/works',
    });
    const kept = await runImport({ works: join(legacy, 'legacy-data/works'), seeds: SEEDS });
    expect(selection(kept)).toEqual(selection(current));
  });

  it("takes --works at the format's folder (data/jsonl) without reading its manifest.json", async () => {
    expect(existsSync(join(FIXTURE, 'data/jsonl/manifest.json'))).toBe(true);
    const r = await runImport({ works: `${FIXTURE}/data/jsonl`, seeds: SEEDS });
    expect(r.summary?.files).toBe(2);
    expect(selection(r)).toEqual(selection(await runImport({ seeds: SEEDS })));
  });

  it('--merged names the merged ids wherever they are', async () => {
    const bare = tempDir();
    copyFixture(bare, { part: (p) => `works/${p}/part_0000.gz`, merged: 'ids' });
    const r = await runImport({ works: join(bare, 'works'), merged: join(bare, 'ids'), seeds: SEEDS });
    expect(r.summary?.merged).toBe(2);
    expect(selection(r)).toEqual(selection(await runImport({ seeds: SEEDS })));
    // a --merged path that holds none is said, not passed over
    const typo = await runImport({ works: join(bare, 'works'), merged: join(bare, 'idz'), seeds: SEEDS });
    expect(typo.summary?.merged).toBe(0);
    expect(typo.log).toContain(
      `${join(bare, 'idz')}: no merged-id CSVs (.csv, .csv.gz) found; references to merged works lead nowhere`,
    );
  });
});

describe('the graph-data directory', () => {
  it('holds the papers with ids, dates, venues and authors, the topic tree and the snapshot edges', async () => {
    const r = await runImport({ seeds: SEEDS, hops: 2 });
    const ds = readGraphData(r.data);
    expect(ds.info.snapshot).toBe('2026-11-15');
    const byId = new Map(ds.papers.map((p) => [p.value.id, p.value]));
    // arXiv id from the landing page: the arXiv id's month wins over the publication date
    expect(byId.get('2301.00001')).toMatchObject({
      year: 2023,
      month: 1,
      venue: 'arXiv',
      arxiv: '2301.00001',
      authors: ['Ada Lovelace', 'Alan Turing'],
    });
    expect(byId.get('2103.01111')?.arxiv).toBe('2103.01111'); // from its PDF link
    expect(byId.get('2205.00115')?.arxiv).toBe('2205.00115'); // from its DataCite DOI
    // neither DOI nor arXiv: the OpenAlex id
    expect(byId.get('w112')).toMatchObject({ year: 2019, month: 11, arxiv: null, links: {} });
    expect(byId.get('w101')).toMatchObject({
      venue: 'Journal of Vision Machines',
      venueYear: 2022,
      links: { pdf: 'https://doi.org/10.1000/seed-two' },
    });
    expect(byId.has('w113')).toBe(false); // deleted, only referenced
    expect(byId.get('w101')?.dimensions).toEqual({ field: ['f17'], subfield: ['s1707'], topic: ['t10002'] });
    const tax = ds.taxonomy.value;
    expect(tax.dimensions.map((d) => [d.id, d.parent])).toEqual([
      ['field', undefined],
      ['subfield', 'field'],
      ['topic', 'subfield'],
    ]);
    const topic = tax.dimensions[2]?.categories.find((c) => c.id === 't10003');
    expect(topic).toMatchObject({ label: 'Cell signalling', parent: 's1307' });
    expect(tax.dimensions[1]?.categories.find((c) => c.id === 's1307')?.parent).toBe('f13');
    const edges = ds.edges.map((e) => e.value);
    expect(
      edges.every(
        (e) =>
          e.kind === 'cites' &&
          e.provenance.source === 'openalex-snapshot' &&
          e.provenance.snapshot === '2026-11-15',
      ),
    ).toBe(true);
    // the merged reference W199 became an edge to W114
    expect(edges.some((e) => e.source === '2301.00001' && e.target === 'w114')).toBe(true);
    expect(edges).toHaveLength(r.summary?.edges ?? -1);
  });

  it('grows an imported list into its field: a graph-data directory as seeds', async () => {
    const small = await runImport({ seeds: SEEDS, hops: 1, cap: 1 });
    expect(small.summary?.papers).toBe(3);
    const grown = await runImport({ seeds: small.data, hops: 1, cap: 50 });
    expect(grown.code).toBe(0);
    // its three papers are found again (by arXiv id or DOI) and their neighbours added
    expect(grown.summary?.selectedByHop[0]).toBe(3);
    expect(grown.summary?.unmatchedSeeds).toEqual([]);
    expect(grown.summary?.selected).toEqual(expect.arrayContaining([100, 101, 110, 130, 131]));
  });

  it('reads Parquet works, as a cluster run writes them, and takes them all with --all', async () => {
    const dir = tempDir();
    const parquet = join(dir, 'selected.parquet');
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    // every field as read_ndjson infers it: extra struct fields, as Spark's Parquet would carry
    await conn.run(
      `COPY (SELECT * FROM read_ndjson('${FIXTURE}/data/jsonl/works/updated_date=2026-10-01/part_0000.gz')) TO '${parquet}' (FORMAT parquet)`,
    );
    conn.closeSync();
    inst.closeSync();
    const r = await runImport({ works: parquet, all: true, snapshotDate: '2026-11-30' });
    expect(r.code).toBe(0);
    expect(r.summary?.selected).toEqual([100, 101, 110, 111, 112, 114, 115, 120, 121, 130, 131, 133]);
    const ds = readGraphData(r.data);
    expect(ds.info.snapshot).toBe('2026-11-30');
    expect(ds.papers.find((p) => p.value.id === '2301.00001')?.value.dimensions?.topic).toEqual(['t10001']);
  });
});

/** Runs a CLI script of the project as a user would (`node --import tsx SCRIPT ARGS`). */
function runScript(script: string, args: string[], timeout = 120_000) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout });
}

describe('end to end', () => {
  it('snapshot → import:snapshot (the CLI) → build:graph gives a graph the explorer opens', () => {
    const dir = tempDir();
    const data = join(dir, 'field');
    const out = join(dir, 'field.json');
    const imp = runScript(
      'scripts/import-snapshot.ts',
      ['--works', WORKS_GLOB, '--data', data, '--seeds', SEEDS, '--max-bad-share', '0.2', '--threads', '1'],
      120_000,
    );
    expect(imp.status).toBe(0);
    expect(imp.stderr).toMatch(/\[2\/2\] part_0000\.gz: 19 rows scanned, 100% of the bytes, .* ETA/);
    expect(imp.stderr).toMatch(/selected: 2 at hop 0, 8 at hop 1, 5 at hop 2 of 17 works/);
    const build = runScript('scripts/build-graph.ts', ['--data', data, '--out', out], 120_000);
    expect(build.status).toBe(0);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as GraphFile;
    expect(graph.graph.nodes).toHaveLength(15);
    expect(graph.graph.edges).toHaveLength(15);
    expect(graph.meta.taxonomy.dimensions.map((d) => d.id)).toEqual(['field', 'subfield', 'topic']);
    expect(
      graph.graph.edges.every((e) => e.attributes.provenance.every((p) => p.source === 'openalex-snapshot')),
    ).toBe(true);
  }, 240_000);

  it('says what to do when DuckDB runs out of memory, writes nothing, and exits 1; a malformed limit exits 2', () => {
    const data = join(tempDir(), 'x');
    const cli = (limit: string) =>
      runScript(
        'scripts/import-snapshot.ts',
        ['--works', WORKS_GLOB, '--data', data, '--seeds', SEEDS, '--memory-limit', limit, '--threads', '1'],
        60_000,
      );
    const oom = cli('1MB');
    expect(oom.status).toBe(1);
    expect(oom.stderr).toMatch(
      /^import:snapshot: Out of Memory Error: .*: DuckDB ran out of memory within --memory-limit 1MB; raise it, or lower --threads$/m,
    );
    expect(oom.stderr).toMatch(/nothing written/);
    expect(oom.stderr).not.toMatch(/triggerUncaughtException/);
    expect(existsSync(data)).toBe(false);
    const bad = cli('banana');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^--memory-limit: expected a size such as 512MB or 2GB, got "banana"/);
  }, 120_000);

  it('exits 2 with the usage for a missing mode', () => {
    const r = runScript(
      'scripts/import-snapshot.ts',
      ['--works', WORKS_GLOB, '--data', join(tempDir(), 'x')],
      60_000,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/one of --seeds FILE, --topic ID or --all are required/);
  });
});

describe('memory report', () => {
  it('ends with the peak memory after reading the files, after the selection and after the output', async () => {
    const r = await runImport({ seeds: SEEDS, maxBadShare: 0.2 });
    expect(r.code).toBe(0);
    const line = r.log.find((l) => l.startsWith('peak memory (RSS): '));
    const m =
      /^peak memory \(RSS\): ([\d,]+) MB reading the files, ([\d,]+) MB after the selection, ([\d,]+) MB after the output$/.exec(
        line ?? '',
      );
    expect(m, line).not.toBeNull();
    const [scan, selection, output] = m!.slice(1).map((v) => Number(v.replace(/,/g, '')));
    // peaks so far: never decreasing, and a process this size holds at least some tens of MB
    expect(scan).toBeGreaterThan(20);
    expect(selection).toBeGreaterThanOrEqual(scan!);
    expect(output).toBeGreaterThanOrEqual(selection!);
  });

  it("reports DuckDB's buffer memory once the files are read and after the selection, within its limit", async () => {
    const r = await runImport({ seeds: SEEDS, maxBadShare: 0.2 });
    expect(r.code).toBe(0);
    const line = r.log.find((l) => l.startsWith("DuckDB's buffer memory"));
    const m =
      /^DuckDB's buffer memory \(--memory-limit (\S+)\): ([\d,]+) MB once the files were read, ([\d,]+) MB after the selection$/.exec(
        line ?? '',
      );
    expect(m, line).not.toBeNull();
    const [scan, selection] = m!.slice(2).map((v) => Number(v.replace(/,/g, '')));
    // the fixture's staged table holds a few blocks: more than nothing, far less than the limit
    expect(scan).toBeGreaterThan(0);
    expect(selection).toBeGreaterThan(0);
    expect(Math.max(scan!, selection!)).toBeLessThan(500);
  });
});
