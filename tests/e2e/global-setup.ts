/**
 * Serves the built app (dist/) with the test fixtures mounted at /fixtures/ for every e2e test file,
 * and finds the browser once (unpacking the packaged one if needed) for all of them.
 * `npm test` builds the graph and the app first; here we only check they are there.
 */
import { existsSync } from 'node:fs';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { BrowserNotFoundError, findMachineBrowser } from '../../scripts/lib/find-browser';
import { startStaticServer } from '../../scripts/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/index.html is missing: run `npm run build` before the e2e tests (npm test does).');
  }
  let chromiumPath: string;
  try {
    const found = await findMachineBrowser();
    chromiumPath = found.path;
    console.log(`e2e: Chromium from ${found.source} (${found.path})`);
  } catch (e) {
    if (!(e instanceof BrowserNotFoundError)) throw e;
    // One sentence, not a stack trace: say how to provide a browser, and stop.
    console.error(`\n${e.message}\n`);
    process.exit(1);
  }
  const server = await startStaticServer('dist', { '/fixtures/': 'tests/fixtures' });
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await server.close();
  };
}
