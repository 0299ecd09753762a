/** Finding the works files (--works as a file, directory or glob) and reading them line by line in Node. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countLines,
  expandWorks,
  fileKind,
  latestPartition,
  locateBadLines,
  snapshotFiles,
} from '../../../scripts/lib/snapshot-files';
import { BAD_FIXTURE, FIXTURE, removeTempDirs, tempDir } from './snapshot-fixture';

afterAll(removeTempDirs);

const PARTS = [
  `${FIXTURE}/data/jsonl/works/updated_date=2026-10-01/part_0000.gz`,
  `${FIXTURE}/data/jsonl/works/updated_date=2026-11-15/part_0000.gz`,
];

describe('expandWorks', () => {
  it('takes a directory, a glob with * and **, or a file', () => {
    expect(expandWorks(`${FIXTURE}/data/jsonl/works`)).toEqual(PARTS);
    expect(expandWorks(`${FIXTURE}/data/jsonl/works/updated_date=*/*.gz`)).toEqual(PARTS);
    expect(expandWorks(`${FIXTURE}/**/part_*.gz`)).toEqual(PARTS);
    expect(expandWorks(PARTS[0] as string)).toEqual([PARTS[0]]);
    expect(expandWorks(`${FIXTURE}/nowhere/*.gz`)).toEqual([]);
  });

  it("skips the snapshot's manifest and other files that are not works", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'updated_date=2026-01-02'));
    writeFileSync(join(dir, 'manifest'), '{"entries": []}');
    writeFileSync(join(dir, 'updated_date=2026-01-02', 'part_000.gz'), gzipSync('{}\n'));
    writeFileSync(join(dir, 'updated_date=2026-01-02', 'part_001.parquet'), '');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(snapshotFiles(dir).map((f) => [f.path.slice(dir.length + 1), f.kind])).toEqual([
      ['updated_date=2026-01-02/part_000.gz', 'jsonl-gz'],
      ['updated_date=2026-01-02/part_001.parquet', 'parquet'],
    ]);
  });

  it("never takes the current layout's manifest.json for works, however --works names it", () => {
    const dir = tempDir();
    const jsonl = join(dir, 'data', 'jsonl');
    const part = join(jsonl, 'works', 'updated_date=2026-06-24');
    mkdirSync(part, { recursive: true });
    writeFileSync(join(jsonl, 'manifest.json'), '{"entries": []}\n');
    writeFileSync(join(jsonl, 'works', 'manifest.json'), '{"entries": []}\n');
    writeFileSync(join(part, 'part_0000.gz'), gzipSync('{}\n'));
    writeFileSync(join(part, 'part_0001.json'), '{}\n');
    const works = [join(part, 'part_0000.gz'), join(part, 'part_0001.json')];
    expect(expandWorks(jsonl)).toEqual(works);
    expect(expandWorks(`${dir}/**/*.json`)).toEqual([works[1]]);
    expect(expandWorks(`${jsonl}/*`)).toEqual([]);
    expect(expandWorks(join(jsonl, 'manifest.json'))).toEqual([]);
    expect(fileKind(join(jsonl, 'MANIFEST.JSON'))).toBeNull();
  });

  it('dates the snapshot by its latest updated_date partition', () => {
    expect(latestPartition(PARTS)).toBe('2026-11-15');
    expect(latestPartition(['works.parquet'])).toBeNull();
  });
});

describe('reading lines in Node', () => {
  it('counts the non-empty lines of a gzipped file, and says where a truncated one breaks off', async () => {
    const [good, second] = snapshotFiles(`${FIXTURE}/data/jsonl/works`);
    expect(await countLines(good!)).toEqual({ lines: 12, error: null });
    expect(await countLines(second!)).toEqual({ lines: 7, error: null });
    const [truncated] = snapshotFiles(`${BAD_FIXTURE}/data/jsonl/works`);
    const count = await countLines(truncated!);
    expect(count.error).toMatch(/^truncated gzip/);
    expect(count.lines).toBeLessThan(12);
  });

  it('locates the bad lines and keeps the good ones', async () => {
    const [, second] = snapshotFiles(`${FIXTURE}/data/jsonl/works`);
    const r = await locateBadLines(second!, join(tempDir(), 'good.jsonl'));
    expect(r.good).toBe(5);
    expect(r.bad.map((b) => [b.line, b.reason])).toEqual([
      [3, 'invalid JSON'],
      [7, 'no id'],
    ]);
  });
});
