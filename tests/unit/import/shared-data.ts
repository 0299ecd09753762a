/** Where the real inputs live (beside the clone); tests that need them skip when absent. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const SHARED = resolve(REPO_ROOT, '../shared/data');
export const FIXTURES = join(REPO_ROOT, 'tests/fixtures/import');
export const sharedFile = (name: string): string => join(SHARED, name);
export const AWESOME_MD = sharedFile('awesome-personalized-image-generation.md');
export const hasShared = (...names: string[]): boolean => names.every((n) => existsSync(sharedFile(n)));

/**
 * Vitest runs a skipped describe's body to collect its tests, so a suite-level read of a shared
 * file must not happen when the file is absent: this computes `f()` only when every file is there.
 */
export function whenShared<T>(names: string[], f: () => T): T {
  return (hasShared(...names) ? f() : undefined) as T;
}
