/** Where the real inputs live (beside the clone); tests that need them skip when absent. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const SHARED = resolve(REPO_ROOT, '../shared/data');
export const FIXTURES = join(REPO_ROOT, 'tests/fixtures/import');
export const sharedFile = (name: string): string => join(SHARED, name);
export const AWESOME_MD = sharedFile('awesome-personalized-image-generation.md');
export const hasShared = (...names: string[]): boolean => names.every((n) => existsSync(sharedFile(n)));
