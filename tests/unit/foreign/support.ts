/** Fixtures and helpers for the foreign graph readers' tests. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ForeignGraph, ForeignNode } from '../../../src/foreign/types';
import { readForeignGraph } from '../../../src/foreign/read';
import { DataError, type DataErrorLocation } from '../../../src/model/errors';

export const FOREIGN = 'tests/fixtures/foreign';

/** The text of a fixture under tests/fixtures/foreign/. */
export function fixture(name: string): string {
  return readFileSync(join(FOREIGN, name), 'utf8');
}

/** A fixture read by readForeignGraph under its own name. */
export function readFixture(name: string): ForeignGraph {
  return readForeignGraph(fixture(name), name);
}

export function nodeByKey(g: ForeignGraph, key: string): ForeignNode {
  const n = g.nodes.find((x) => x.key === key);
  if (n === undefined) throw new Error(`no node ${key} in ${g.file}`);
  return n;
}

/** Edges as sorted "s->t" (directed) or "a--b" (undirected, ends sorted) strings. */
export function edgePairs(g: ForeignGraph): string[] {
  return g.edges
    .map((e) => (e.directed ? `${e.source}->${e.target}` : [e.source, e.target].sort().join('--')))
    .sort();
}

/** The DataError `run` throws; fails the test if it throws nothing or something else. */
export function dataError(run: () => unknown): DataError {
  try {
    run();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw new Error(`expected a DataError, got ${String(e)}`);
  }
  throw new Error('expected a DataError, got none');
}

/** The error names this place (only the given parts are checked) and its message matches `problem`. */
export function expectError(run: () => unknown, where: DataErrorLocation, problem: RegExp): DataError {
  const err = dataError(run);
  expect(err.location).toMatchObject(where);
  if (where.line === undefined) expect(err.location.line).toBeUndefined();
  expect(err.message).toMatch(problem);
  expect(err.message.startsWith(where.line !== undefined ? `${where.file}:${where.line}` : where.file)).toBe(
    true,
  );
  return err;
}

/**
 * The interpreter with networkx: the first of $PYTHON, python3 and /usr/bin/python3 that has it,
 * else the first that exists (a test then fails saying networkx is missing), else null (skipped).
 */
export function findPython(): string | null {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  const existing = candidates.filter((p) => !spawnSync(p, ['--version']).error);
  return existing.find((p) => spawnSync(p, ['-c', 'import networkx']).status === 0) ?? existing[0] ?? null;
}
