import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineColumn } from '../../../src/foreign/json-syntax';
import {
  channel,
  coerce,
  gexfType,
  graphmlType,
  hexColor,
  NOT_A_VALUE,
  rgbColor,
} from '../../../src/foreign/values';
import { DataError } from '../../../src/model/errors';

const AT = { file: 'f.gexf', line: 3, record: 'node "a"', field: 'n' };

describe('coerce', () => {
  it('reads integers, floats, booleans and strings as declared', () => {
    expect(coerce('16', 'integer', AT)).toBe(16);
    expect(coerce(' -3 ', 'integer', AT)).toBe(-3);
    expect(coerce('+7', 'integer', AT)).toBe(7);
    expect(coerce('9.5', 'float', AT)).toBe(9.5);
    expect(coerce('1e-3', 'float', AT)).toBe(0.001);
    expect(coerce('.5', 'float', AT)).toBe(0.5);
    expect(coerce('3', 'float', AT)).toBe(3);
    expect(coerce('True', 'boolean', AT)).toBe(true);
    expect(coerce('false', 'boolean', AT)).toBe(false);
    expect(coerce('1', 'boolean', AT)).toBe(true);
    expect(coerce('0', 'boolean', AT)).toBe(false);
    expect(coerce(' 12 ', 'string', AT)).toBe(' 12 ');
  });

  it('reads non-finite floats as no value, never as NaN', () => {
    for (const raw of ['NaN', 'nan', 'INF', '-INF', 'inf', 'Infinity', '-infinity'])
      expect(coerce(raw, 'float', AT)).toBe(NOT_A_VALUE);
  });

  it('refuses a value that is not of the declared type, naming where', () => {
    const cases: [string, 'integer' | 'float' | 'boolean', RegExp][] = [
      ['16.0', 'integer', /"16.0" is not an integer/],
      ['0x10', 'integer', /is not an integer/],
      ['', 'integer', /"" is not an integer/],
      ['NaN', 'integer', /is not an integer/],
      ['0x10', 'float', /"0x10" is not a number/],
      ['1,5', 'float', /is not a number/],
      ['yes', 'boolean', /"yes" is not a boolean/],
    ];
    for (const [raw, type, problem] of cases) {
      let err: unknown;
      try {
        coerce(raw, type, AT);
      } catch (e) {
        err = e;
      }
      expect(err, `${raw} as ${type}`).toBeInstanceOf(DataError);
      expect((err as DataError).message).toMatch(/^f\.gexf:3: node "a": field "n": /);
      expect((err as DataError).message).toMatch(problem);
    }
  });
});

describe('type names', () => {
  it('maps GEXF types, keeping lists and unknown types as text', () => {
    expect(['integer', 'long', 'short', 'byte', 'biginteger'].map(gexfType)).toEqual(
      Array(5).fill('integer'),
    );
    expect(['float', 'double', 'bigdecimal', 'DOUBLE'].map(gexfType)).toEqual(Array(4).fill('float'));
    expect(gexfType('boolean')).toBe('boolean');
    expect(['string', 'liststring', 'listinteger', 'anyURI', 'date', undefined].map(gexfType)).toEqual(
      Array(6).fill('string'),
    );
  });

  it('maps GraphML types; an unknown one is null (the reader warns)', () => {
    expect(['int', 'long', 'float', 'double', 'boolean', 'string', undefined].map(graphmlType)).toEqual([
      'integer',
      'integer',
      'float',
      'float',
      'boolean',
      'string',
      'string',
    ]);
    expect(graphmlType('date')).toBeNull();
  });
});

describe('colours', () => {
  it('reads hex colours as lowercase #rrggbb, and channels', () => {
    expect(hexColor('#FF0022')).toBe('#ff0022');
    expect(hexColor('ff0022')).toBe('#ff0022');
    expect(hexColor('#0c0')).toBe('#00cc00');
    expect(hexColor('#11223344')).toBe('#112233');
    expect(hexColor('red')).toBeNull();
    expect(hexColor('#12345')).toBeNull();
    expect(rgbColor(0, 114, 178)).toBe('#0072b2');
    expect(channel('255', AT)).toBe(255);
    expect(() => channel('256', AT)).toThrow(DataError);
    expect(() => channel('1.5', AT)).toThrow(/not a colour channel/);
  });
});

describe('jsonErrorOffset', () => {
  const PIECES = [
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    'a',
    '1',
    '-',
    '.',
    'e',
    'true',
    'null',
    ' ',
    '\n',
    '\\',
    '\\u00',
    '0',
    '\u0001',
  ];

  it('agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === null).toBe(valid);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorOffset(text)).toBeNull();
      }),
    );
  });

  it('points at the first character that breaks the grammar', () => {
    const text = '{\n  "a": [1, 2,, 3]\n}';
    const offset = jsonErrorOffset(text);
    expect(offset).toBe(text.indexOf(',,') + 1);
    expect(lineColumn(text, offset as number)).toEqual({ line: 2, column: 14 });
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
  });
});
