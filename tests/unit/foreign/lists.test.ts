/**
 * The list syntax of the exports and readers (src/foreign/lists.ts): GEXF 1.3 lists as Gephi and
 * graphology-gexf (Gephi Lite's reader) write and read them, the GraphML list declaration, and the
 * "; " lists of GraphML and CSV cells.
 */
import fc from 'fast-check';
import { parse } from 'graphology-gexf';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  formatGexfList,
  graphmlListDesc,
  graphmlListSeparator,
  parseGexfList,
  splitList,
} from '../../../src/foreign/lists';

/** A one-node GEXF 1.3 holding `value` in a liststring attribute, read by graphology-gexf. */
function graphologyReads(value: string): unknown {
  const esc = value.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
  const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>
<attributes class="node"><attribute id="l" title="l" type="liststring"/></attributes>
<nodes><node id="a"><attvalues><attvalue for="l" value="${esc}"/></attvalues></node></nodes><edges/>
</graph></gexf>`;
  return parse(Graph, gexf).getNodeAttribute('a', 'l');
}

/** Items the XML can carry (no controls but tab, CR, LF) and a list item can: not empty. */
const item = fc
  .string({
    unit: fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '[', ']', '|', '\\', '\t', '\n', ';', 'é', '=', 'x'),
  })
  .filter((s) => s !== '');

describe('GEXF lists', () => {
  it('writes plain items bare and quotes those that need it', () => {
    expect(formatGexfList(['face', 'multi-concept'])).toBe('[face, multi-concept]');
    expect(formatGexfList(['a, b', 'say "hi"', ' padded'])).toBe('["a, b", "say \\"hi\\"", " padded"]');
    expect(formatGexfList([])).toBe('[]');
  });

  it('reads Gephi 1.3 brackets, 1.2 pipes and plain commas', () => {
    expect(parseGexfList('[clergy, Digne]')).toEqual(['clergy', 'Digne']);
    expect(parseGexfList(`["a, b", 'c', d]`)).toEqual(['a, b', 'c', 'd']);
    expect(parseGexfList('x|y | z')).toEqual(['x', 'y', 'z']);
    expect(parseGexfList('x, y')).toEqual(['x', 'y']);
    expect(parseGexfList('single')).toEqual(['single']);
    expect(parseGexfList('[]')).toEqual([]);
  });

  it('reads back whatever it writes, as graphology-gexf does too', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), (items) => {
        const text = formatGexfList(items);
        expect(parseGexfList(text)).toEqual(items);
        expect(graphologyReads(text)).toEqual(items);
      }),
      { numRuns: 300 },
    );
  });
});

describe('GraphML and CSV lists', () => {
  it('declares the separator in the key description and finds it again', () => {
    expect(graphmlListDesc()).toBe('list of strings separated by "; "');
    expect(graphmlListSeparator(graphmlListDesc())).toBe('; ');
    expect(graphmlListSeparator(graphmlListDesc('|'))).toBe('|');
    expect(graphmlListSeparator('The paper tasks')).toBeNull();
    expect(graphmlListSeparator(undefined)).toBeNull();
  });

  it('splits a joined cell into its items', () => {
    expect(splitList('face; multi-concept')).toEqual(['face', 'multi-concept']);
    expect(splitList('one')).toEqual(['one']);
    expect(splitList('')).toEqual([]);
    expect(splitList('a|b', '|')).toEqual(['a', 'b']);
  });
});
