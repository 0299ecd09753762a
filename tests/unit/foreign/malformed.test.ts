/** Every hand-written broken file of tests/fixtures/foreign/malformed/ fails with an error saying where. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readForeignGraph } from '../../../src/foreign/read';
import type { DataErrorLocation } from '../../../src/model/errors';
import { expectError, fixture, FOREIGN } from './support';

const CASES: Record<string, { where: Omit<DataErrorLocation, 'file'>; problem: RegExp }> = {
  'unclosed-tag.gexf': {
    where: { line: 7 },
    problem:
      /not well-formed XML \(column 5\): Expected closing tag 'node' \(opened in line 5, col 7\) instead of closing tag 'nodes'/,
  },
  'missing-node.graphml': {
    where: { line: 7, record: 'edge "e1"', field: 'target' },
    problem: /names no node: there is no node with id "ghost"/,
  },
  'bad-integer.gexf': {
    where: { line: 12, record: 'node "b"', field: 'year' },
    problem: /"twenty-two" is not an integer/,
  },
  'neither.json': {
    where: { field: 'nodes' },
    problem: /neither graphology's serialisation nor networkx node-link JSON/,
  },
  'truncated.json': { where: { line: 8 }, problem: /not valid JSON: the text ends too early/ },
  'duplicate-node.graphml': {
    where: { line: 6, record: 'node "a"' },
    problem: /duplicate node id: the same id as the node \(line 4\)/,
  },
  'no-graph.gexf': { where: { line: 2 }, problem: /no <graph> element in <gexf>/ },
  'wrong-root.graphml': {
    where: { line: 2 },
    problem: /the root element is <svg>, not <graphml>: this is not a GraphML file/,
  },
  'node-without-id.gexf': { where: { line: 6, record: 'node 2', field: 'id' }, problem: /missing/ },
  'empty-graph.graphml': { where: {}, problem: /the graph has no nodes/ },
  'bad-double.graphml': {
    where: { line: 6, record: 'node "b"', field: 'score' },
    problem: /"high" is not a number/,
  },
  'undeclared-key.graphml': {
    where: { line: 6, record: 'node "b"', field: 'data' },
    problem: /names no declared <key>: "d9"/,
  },
  'bad-colour.gexf': {
    where: { line: 5, record: 'node "a"', field: 'viz:color r' },
    problem: /"300" is not a colour channel \(an integer from 0 to 255\)/,
  },
  'nan.json': { where: { line: 7 }, problem: /unexpected "N" at column 26 \(NaN and Infinity are not JSON/ },
};

describe('malformed foreign graph files', () => {
  it('has a case for every file in the malformed folder', () => {
    const files = readdirSync(`${FOREIGN}/malformed`).filter((f) => !f.endsWith('.md'));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, { where, problem }] of Object.entries(CASES)) {
    it(`${name}: ${problem.source.slice(0, 60)}`, () => {
      const file = `malformed/${name}`;
      const err = expectError(() => readForeignGraph(fixture(file), file), { file, ...where }, problem);
      // one sentence for a person, never a stack or a parser's internals
      expect(err.message).not.toMatch(/\n|\bat \S+:\d+|node_modules/);
    });
  }
});
