/** The hand-made snapshot fixture (tests/fixtures/make-openalex-snapshot.ts) read with plain Node, for the JS reference. */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseWorkLine, workNumber } from '../../../src/snapshot/work';
import type { SnapshotWork } from '../../../src/snapshot/work';
import { selectionIndex } from '../../../src/snapshot/select';
import type { SelectionIndex } from '../../../src/snapshot/select';
import type { SnapshotArgs, SnapshotSummary } from '../../../scripts/lib/snapshot-run';
import { importSnapshot } from '../../../scripts/lib/snapshot-run';

export const FIXTURE = 'tests/fixtures/openalex-snapshot';
export const BAD_FIXTURE = 'tests/fixtures/openalex-snapshot-bad';
export const WORKS_GLOB = `${FIXTURE}/data/jsonl/works/updated_date=*/*.gz`;
export const SEEDS = `${FIXTURE}/seeds.txt`;

export function fixtureWorks(): SnapshotWork[] {
  const out: SnapshotWork[] = [];
  for (const part of ['updated_date=2026-10-01', 'updated_date=2026-11-15']) {
    const text = gunzipSync(readFileSync(join(FIXTURE, 'data/jsonl/works', part, 'part_0000.gz'))).toString(
      'utf8',
    );
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const w = parseWorkLine(line);
      if (!('bad' in w)) out.push(w);
    }
  }
  return out;
}

export function fixtureMerged(): Map<number, number> {
  const text = gunzipSync(
    readFileSync(join(FIXTURE, 'legacy-data/merged_ids/works/2026-11-15.csv.gz')),
  ).toString('utf8');
  const m = new Map<number, number>();
  for (const line of text.trim().split('\n').slice(1)) {
    const [, id, into] = line.split(',');
    const a = workNumber(id);
    const b = workNumber(into);
    if (a !== null && b !== null) m.set(a, b);
  }
  return m;
}

export function fixtureIndex(): SelectionIndex {
  return selectionIndex(fixtureWorks(), fixtureMerged());
}

const dirs: string[] = [];
export function tempDir(prefix = 'snapshot-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function args(over: Partial<SnapshotArgs>): SnapshotArgs {
  return {
    works: WORKS_GLOB,
    data: join(tempDir(), 'out'),
    seeds: '',
    topics: [],
    all: false,
    hops: 2,
    cap: 50,
    maxBadShare: 0.2,
    merged: '',
    name: '',
    snapshotDate: '',
    force: false,
    memoryLimit: '512MB',
    threads: 1,
    ...over,
  };
}

/** Run the import, collecting its stderr lines. */
export async function runImport(
  over: Partial<SnapshotArgs>,
): Promise<{ code: number; summary?: SnapshotSummary; log: string[]; data: string }> {
  const a = args(over);
  const log: string[] = [];
  const { code, summary } = await importSnapshot(a, (l) => log.push(l));
  return summary ? { code, summary, log, data: a.data } : { code, log, data: a.data };
}
