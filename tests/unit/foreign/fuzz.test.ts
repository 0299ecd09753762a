/**
 * Broken files never break the readers: random truncations, character flips, insertions and
 * deletions of the fixtures either read or fail with a DataError (a message for a person), never
 * with a TypeError, a RangeError or a parser's own exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readForeignGraph } from '../../../src/foreign/read';
import { DataError } from '../../../src/model/errors';
import { fixture } from './support';

const FILES = [
  'karate.gexf',
  'citations.graphml',
  'gephi-1.3.gexf',
  'yed.graphml',
  'citations.json',
  'citations-graphology.json',
  'multi.graphml',
  'malformed/missing-node.graphml',
];
/** What a broken file holds: markup, quotes, digits, separators, controls, odd Unicode. */
const CHARS = [
  '<',
  '>',
  '/',
  '"',
  "'",
  '&',
  ';',
  '#',
  '=',
  ':',
  '{',
  '}',
  '[',
  ']',
  ',',
  '0',
  '9',
  '-',
  '.',
  'x',
  ' ',
  '\n',
  '\u0000',
  '\uFFFD',
  '\uD800',
  'é',
];

type Edit =
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'insert'; at: number; char: string }
  | { kind: 'delete'; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('cut' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x),
  }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    char: fc.constantFrom(...CHARS),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    char: fc.constantFrom(...CHARS),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 40 }),
  }),
) as fc.Arbitrary<Edit>;

function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = Math.floor(e.at * out.length);
    if (e.kind === 'cut') out = out.slice(0, at);
    else if (e.kind === 'flip') out = out.slice(0, at) + e.char + out.slice(at + 1);
    else if (e.kind === 'insert') out = out.slice(0, at) + e.char + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + e.length);
  }
  return out;
}

describe('foreign readers on broken files', () => {
  for (const name of FILES) {
    it(`${name}: reads or fails with a DataError`, () => {
      const text = fixture(name);
      let failures = 0;
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
          const broken = apply(text, edits);
          try {
            readForeignGraph(broken, name);
          } catch (e) {
            if (!(e instanceof DataError)) throw e;
            failures++;
            expect(e.location.file).toBe(name);
            expect(e.message.startsWith(name)).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
      // the edits do break files: a fuzz test that never saw an error would test nothing
      expect(failures).toBeGreaterThan(0);
    });
  }
});

describe('foreign readers on hostile shapes', () => {
  it('keeps attributes named __proto__, toString or constructor as ordinary values', () => {
    const gexf = readForeignGraph(
      `<gexf><graph><attributes class="node"><attribute id="p" title="__proto__" type="string"/><attribute id="t" title="toString" type="integer"><default>4</default></attribute></attributes>
<nodes><node id="constructor"><attvalues><attvalue for="p" value="x"/></attvalues></node></nodes></graph></gexf>`,
      'proto.gexf',
    );
    const node = gexf.nodes[0];
    expect(node?.key).toBe('constructor');
    expect(Object.entries(node?.attributes ?? {})).toEqual([
      ['__proto__', 'x'],
      ['toString', 4],
    ]);
    expect(Object.getPrototypeOf(node?.attributes)).toBe(Object.prototype);
    const graphml = readForeignGraph(
      `<graphml><key id="k" for="node" attr.name="toString" attr.type="int"><default>7</default></key><graph><node id="a"/></graph></graphml>`,
      'proto.graphml',
    );
    expect(graphml.nodes[0]?.attributes).toEqual({ toString: 7 });
    const json = readForeignGraph(
      '{"directed": true, "nodes": [{"id": "a", "__proto__": "p", "toString": 1}]}',
      'proto.json',
    );
    expect(Object.entries(json.nodes[0]?.attributes ?? {})).toEqual([
      ['__proto__', 'p'],
      ['toString', 1],
    ]);
  });

  it('fails on deep nesting with a DataError, not a stack overflow', () => {
    const deepXml = `<gexf>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</gexf>`;
    expect(() => readForeignGraph(deepXml, 'deep.gexf')).toThrow(DataError);
    const deepJson = `{"nodes": [${'['.repeat(200_000)}`;
    expect(() => readForeignGraph(deepJson, 'deep.json')).toThrow(DataError);
    const deepValue = `{"directed": true, "nodes": [{"id": "a", "x": ${'['.repeat(5000)}${']'.repeat(5000)}}]}`;
    expect(readForeignGraph(deepValue, 'deepvalue.json').warnings).toEqual([
      'Node attribute "x" holds objects or nested lists: left out.',
    ]);
  });
});
