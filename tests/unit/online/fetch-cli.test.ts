/**
 * `npm run fetch:citations` as a person runs it, in a child process against the fake services:
 * options, exit codes, no network, and a run killed mid-way then resumed.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../scripts/lib/fetch-args';
import { runFetch } from '../../../scripts/lib/fetch-run';
import { startFakeApis } from './fake-apis';
import type { FakeApis } from './fake-apis';
import { cacheSnapshot, fakeClock, SMALL_DIR, testConfig } from './support';
import { chainIds, chainPapersYaml, chainWorld, smallWorld } from './world';

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'atlas-fetch-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function env(apis: Pick<FakeApis, 'baseUrls'>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    S2_API_URL: apis.baseUrls.s2,
    OPENALEX_API_URL: apis.baseUrls.openalex,
    ARXIV_API_URL: apis.baseUrls.arxiv,
    FETCH_LOOPBACK_PACE_MS: '5',
  };
}

/** Starts the CLI without blocking this process (the fake services run in it). */
function start(args: string[], environment: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fetch-citations.ts', ...args], {
    env: environment,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}

const cli = (args: string[], environment: NodeJS.ProcessEnv = process.env) => start(args, environment).done;

describe('fetch-citations CLI', () => {
  it('prints usage for --help, and refuses bad options with exit code 2', async () => {
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    for (const text of [
      '--data DIR',
      '--source S',
      '--only ID',
      '--help',
      'S2_API_URL',
      'OPENALEX_API_URL',
      'ARXIV_API_URL',
      'S2_API_KEY',
      'OPENALEX_API_KEY',
      'Needed: OpenAlex has required a key since',
      'The bundled dataset (416',
      "4 OpenAlex's daily budget spent",
    ])
      expect(help.stdout).toContain(text);
    const source = await cli(['--source', 'google']);
    expect(source.status).toBe(2);
    expect(source.stderr).toContain('--source must be s2, openalex or arxiv, got "google"');
    const only = await cli(['--data', SMALL_DIR, '--only', '2001.00001,survey-of-small-things,9999.99999']);
    expect(only.status).toBe(2);
    expect(only.stderr).toContain(
      '--only: cannot fetch survey-of-small-things (no arXiv id or DOI), 9999.99999 (not in tests/fixtures/graph-data/small/papers.yaml)',
    );
    const url = await cli(['--data', SMALL_DIR], { ...process.env, S2_API_URL: 'ftp://example.org' });
    expect(url.status).toBe(2);
    expect(url.stderr).toContain('S2_API_URL must be an http(s) URL');
    const data = await cli(['--data', join(tmpdir(), 'no-such-graph-data')]);
    expect(data.status).toBe(2);
    expect(data.stderr).toContain('papers.yaml not found: is --data a graph-data directory?');
  });

  it('paces Semantic Scholar 1 s apart with a key and 3 s without; OpenAlex gets the key as api_key', () => {
    const base = { ...process.env, S2_API_KEY: '', OPENALEX_API_KEY: '' };
    const without = parseCliArgs([], base);
    const withKeys = parseCliArgs([], { ...base, S2_API_KEY: 's2-key', OPENALEX_API_KEY: 'oa-key' });
    if (without === 'help' || withKeys === 'help') throw new Error('unexpected help');
    expect(without.intervals).toEqual({ s2: 3000, openalex: 100, arxiv: 3000 });
    expect(withKeys.intervals).toEqual({ s2: 1000, openalex: 100, arxiv: 3000 });
    expect(withKeys.endpoints.openalex.apiKey).toBe('oa-key');
    expect(without.endpoints.openalex.apiKey).toBeUndefined();
  });

  it("exits 4 when OpenAlex's daily budget is spent, says so, and keeps what was fetched", async () => {
    const world = smallWorld();
    // two list requests: the first batch's DOIs and its referenced works
    world.openalex.dailyBudget = 0.0002;
    const apis = await startFakeApis(world);
    try {
      const dir = tempDir();
      cpSync(SMALL_DIR, dir, { recursive: true });
      const r = await cli(['--data', dir, '--source', 'openalex', '--batch-size', '2'], {
        ...env(apis),
        OPENALEX_API_KEY: '',
      });
      expect(r.status).toBe(4);
      expect(r.stderr).toContain('OPENALEX_API_KEY is not set');
      expect(r.stdout).toContain("OpenAlex's daily budget is spent (HTTP 429");
      expect(r.stdout).toContain('run the command again tomorrow');
      // the first batch (A, B) fit in the budget; the rest waits for the next run
      expect(r.stdout).toContain('OpenAlex: 2 fetched, 0 from cache, 3 failed');
      expect(readdirSync(join(dir, 'cache', 'openalex')).sort()).toEqual([
        '2001.00001.json',
        '2101.00002.json',
      ]);
    } finally {
      await apis.close();
    }
  });

  it('with no network, says so, exits 3 and leaves the data directory as it was', async () => {
    const dir = tempDir();
    cpSync(SMALL_DIR, dir, { recursive: true });
    const before = readdirSync(dir).sort();
    // a loopback port just released: connections are refused at once
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => resolve(p));
      });
    });
    const base = `http://127.0.0.1:${port}`;
    const down = { baseUrls: { s2: `${base}/s2`, openalex: `${base}/oa`, arxiv: `${base}/ax` } };
    const r = await cli(['--data', dir], env(down));
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`cannot reach ${base}: network error ECONNREFUSED; gave up after 3 attempts.`);
    expect(r.stdout).toContain('No network? Nothing was fetched and nothing was changed.');
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('fetches the small dataset end to end with progress and a summary', async () => {
    const apis = await startFakeApis(smallWorld());
    try {
      const dir = tempDir();
      cpSync(SMALL_DIR, dir, { recursive: true });
      const r = await cli(['--data', dir], env(apis));
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/Semantic Scholar \[#{20}\] 5\/5 · done in 0:0\d/);
      expect(r.stdout).toContain(
        'Semantic Scholar: 5 fetched (1 not known to the service), 0 from cache, 0 failed',
      );
      expect(r.stdout).toContain('cross-check: 2 pair(s) where Semantic Scholar and OpenAlex disagree');
      expect(readdirSync(join(dir, 'cache', 's2'))).toHaveLength(5);
    } finally {
      await apis.close();
    }
  });

  it('a run killed mid-way keeps what it wrote; the next run fetches only the rest, losing and duplicating nothing', async () => {
    const n = 30;
    const apis = await startFakeApis(chainWorld(n));
    try {
      const makeDir = () => {
        const dir = tempDir();
        cpSync(SMALL_DIR, dir, { recursive: true });
        rmSync(join(dir, 'labels.yaml'));
        rmSync(join(dir, 'edges'), { recursive: true });
        writeFileSync(join(dir, 'papers.yaml'), chainPapersYaml(n));
        return dir;
      };
      // the expected cache: an uninterrupted run
      const clean = makeDir();
      await runFetch(testConfig(clean, apis, { intervals: { s2: 0, openalex: 0, arxiv: 0 } }), {
        clock: fakeClock(),
        log: () => {},
        progress: () => {},
      });
      apis.requests.length = 0;

      const dir = makeDir();
      apis.setDelay(120);
      const run = start(['--data', dir, '--batch-size', '2'], env(apis));
      const s2Dir = join(dir, 'cache', 's2');
      const count = () =>
        existsSync(s2Dir) ? readdirSync(s2Dir).filter((f) => f.endsWith('.json')).length : 0;
      const deadline = Date.now() + 30_000;
      while (count() < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.signal).toBe('SIGKILL');
      const kept = readdirSync(s2Dir).filter((f) => f.endsWith('.json'));
      expect(kept.length).toBeGreaterThanOrEqual(6);
      expect(kept.length).toBeLessThan(n);
      const keptIds = kept.map((f) => f.slice(0, -5));
      // every file left is a whole, valid entry
      for (const f of kept)
        expect(JSON.parse(readFileSync(join(s2Dir, f), 'utf8'))).toMatchObject({ found: true });

      apis.setDelay(0);
      apis.requests.length = 0;
      const resumed = await cli(['--data', dir, '--batch-size', '2'], env(apis));
      expect(resumed.status).toBe(0);
      expect(resumed.stdout).toContain(
        `Semantic Scholar: ${n - kept.length} fetched, ${kept.length} from cache, 0 failed`,
      );
      const asked = apis.requests
        .filter((r) => r.route === 's2-batch')
        .flatMap((r) => (JSON.parse(r.body) as { ids: string[] }).ids.map((id) => id.replace('ARXIV:', '')));
      expect(asked.filter((id) => keptIds.includes(id))).toEqual([]);
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked).toHaveLength(n - kept.length);
      expect(cacheSnapshot(dir)).toEqual(cacheSnapshot(clean));
      expect(Object.keys(cacheSnapshot(dir))).toHaveLength(3 * n);
      expect(chainIds(n).every((id) => existsSync(join(s2Dir, `${id}.json`)))).toBe(true);
    } finally {
      await apis.close();
    }
  });
});
