/** Shared helpers of the build tests: the small graph-data fixture, read through the real reader. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import type { Dataset } from '../../../src/model';

export const SMALL_DIR = 'tests/fixtures/graph-data/small';

export function readSmall(): Dataset {
  return readGraphData(SMALL_DIR);
}

/** A deep copy, so a test can break one record without touching the others' data. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

const tempDirs: string[] = [];

/** A new temporary directory, removed by `removeTempDirs`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A temporary copy of the small fixture directory a test may edit. */
export function copySmallDir(): string {
  const dir = tempDir('atlas-small-');
  cpSync(SMALL_DIR, dir, { recursive: true });
  return dir;
}

/** Removes every directory `tempDir` and `copySmallDir` made (call in afterAll). */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
