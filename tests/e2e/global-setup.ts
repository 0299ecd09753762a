/**
 * Serves the built app (dist/) with the test fixtures mounted at /fixtures/ for every e2e test file.
 * `npm test` builds the graph and the app first; here we only check they are there.
 */
import { existsSync } from 'node:fs';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/index.html is missing: run `npm run build` before the e2e tests (npm test does).');
  }
  const server = await startStaticServer('dist', { '/fixtures/': 'tests/fixtures' });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
