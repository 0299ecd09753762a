/** Shared helpers of the build tests: the small graph-data fixture, read through the real reader. */
import { cpSync, mkdtempSync } from 'node:fs';
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

/** A temporary copy of the small fixture directory a test may edit. */
export function copySmallDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-small-'));
  cpSync(SMALL_DIR, dir, { recursive: true });
  return dir;
}
