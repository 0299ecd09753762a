/**
 * `npm start`: builds public/graph.json when it is missing or older than graph-data/, or when
 * public/datasets.json is missing, then serves the explorer with Vite's dev server, which serves
 * public/ (datasets.json and every graph built there included).
 * Options: --port N (default 5173), --host H (default localhost).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';

const GRAPH_DATA = 'graph-data';
const GRAPH_FILE = 'public/graph.json';
/** Written by every build next to the graph; the explorer reads it for the dataset switcher. */
const DATASETS_FILE = 'public/datasets.json';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function graphIsStale(): boolean {
  if (!existsSync(GRAPH_FILE) || !existsSync(DATASETS_FILE)) return true;
  return statSync(GRAPH_FILE).mtimeMs < newestMtime(GRAPH_DATA);
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm start -- [--port N] [--host H]

Builds ${GRAPH_FILE} when it is missing or older than ${GRAPH_DATA}/, then serves the explorer with
Vite's dev server.

Options:
  --port N   port (default: 5173)
  --host H   host (default: localhost)
  --help     show this help`);
  process.exit(0);
}

if (graphIsStale()) {
  console.log(`Building ${GRAPH_FILE} from ${GRAPH_DATA}/ ...`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-graph.ts'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = await createServer({
  server: { port: Number(option('--port', '5173')), host: option('--host', 'localhost') },
});
await server.listen();
console.log('\nLineage Atlas is running. Open this address in your browser:');
server.printUrls();
