/**
 * npm run import:snapshot -- --works GLOB --data DIR (--seeds FILE | --topic ID ... | --all)
 *   [--hops 1|2] [--cap N] [--max-bad-share X] [--merged PATH] [--name NAME] [--snapshot-date D] [--force]
 * A field's graph from the OpenAlex snapshot: reads the works (gzipped JSON Lines or Parquet) with
 * embedded DuckDB, selects the seeds' citation neighbourhood or the topics' works with the plain
 * SQL of scripts/sql/select/, and writes a graph-data directory for build:graph. The work is in
 * scripts/lib/snapshot-*.ts and src/snapshot/.
 */
import { parseArgs } from 'node:util';
import { isMain } from './lib/import-cli';
import { importSnapshot } from './lib/snapshot-run';
import { DataErrors } from '../src/model/errors';

const USAGE = `Usage: npm run import:snapshot -- --works GLOB --data DIR (--seeds FILE | --topic ID ... | --all) [options]
Select a field's works from the OpenAlex snapshot and write a graph-data directory.

  --works GLOB          works files: gzipped JSON Lines or Parquet; a file, a directory or a glob
                        (e.g. "openalex/data/jsonl/works/updated_date=*/*.gz",
                        "openalex/data/parquet/works", or a pre-2026 copy's "openalex/data/works")
  --data DIR            the graph-data directory to write (new or empty; --force replaces it)
  --seeds FILE          seeds, one a line (OpenAlex id, DOI or arXiv id), or a graph-data directory
  --topic ID            select every work of this topic (T10001); repeat for several
  --all                 take every work of the input (a selection made elsewhere, e.g. on a cluster)
  --hops 1|2            hops around the seeds (default 2)
  --cap N               at most N works added by each paper a hop (default 50)
  --max-bad-share X     fail when more than this share of lines is bad (default 0.001)
  --merged PATH         a merged-id CSV or a folder of them (default: legacy-data/merged_ids/works/
                        next to data/jsonl/ or data/parquet/; a pre-2026 copy's data/merged_ids/works/)
  --name NAME           the dataset's name
  --snapshot-date D     the snapshot's date (default: the latest updated_date partition)
  --memory-limit M      DuckDB's memory limit (default 1GB)
  --threads N           DuckDB's threads (default 2)
  --force               replace a non-empty --data directory`;

export async function main(argv = process.argv.slice(2)): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        works: { type: 'string' },
        data: { type: 'string' },
        seeds: { type: 'string' },
        topic: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        hops: { type: 'string' },
        cap: { type: 'string' },
        'max-bad-share': { type: 'string' },
        merged: { type: 'string' },
        name: { type: 'string' },
        'snapshot-date': { type: 'string' },
        'memory-limit': { type: 'string' },
        threads: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const str = (k: string, d = '') => (typeof values[k] === 'string' ? (values[k] as string) : d);
  const memoryLimit = str('memory-limit', '1GB');
  // DuckDB's size syntax (https://duckdb.org/docs/stable/configuration/overview, memory_limit)
  if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memoryLimit)) {
    console.error(`--memory-limit: expected a size such as 512MB or 2GB, got "${memoryLimit}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const { code } = await importSnapshot(
      {
        works: str('works'),
        data: str('data'),
        seeds: str('seeds'),
        topics: (values.topic as string[] | undefined) ?? [],
        all: values.all === true,
        hops: Number(str('hops', '2')),
        cap: Number(str('cap', '50')),
        maxBadShare: Number(str('max-bad-share', '0.001')),
        merged: str('merged'),
        name: str('name'),
        snapshotDate: str('snapshot-date'),
        force: values.force === true,
        memoryLimit,
        threads: Number(str('threads', '2')),
      },
      (line) => console.error(line),
    );
    return code;
  } catch (e) {
    if (e instanceof DataErrors) {
      console.error(`${e.message}\nimport:snapshot: nothing written`);
      return 1;
    }
    // the engine's own failures (out of memory, a file it cannot read): its first line, and what to do
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
    const hint = /out of memory/i.test(message)
      ? `: DuckDB ran out of memory within --memory-limit ${memoryLimit}; raise it, or lower --threads`
      : '';
    console.error(`import:snapshot: ${message}${hint}\nimport:snapshot: nothing written`);
    return 1;
  }
}

if (isMain(import.meta.url)) process.exitCode = await main();
