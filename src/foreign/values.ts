/**
 * Values of foreign graph files: the text of a GEXF `attvalue` or a GraphML `<data>` read as its
 * declared type, and the colours of GEXF's viz module.
 *
 * - integer: an optional sign and decimal digits ("16", "-3"; "16.0" is not an integer). A long
 *   beyond 2^53 is read with JavaScript's number precision.
 * - float: a decimal number with an optional exponent ("9.5", "1e-3", ".5", "3"). XML Schema's and
 *   Python's words for non-finite numbers (NaN, INF, -INF, inf, nan, Infinity) are not errors but
 *   are not values either: the reader leaves the attribute out of that node and says how many.
 * - boolean: true / false / 1 / 0, in any case (networkx's GraphML writes "True" and "False").
 * - string: as is (XML text is trimmed by the parser).
 */
import { DataError, type DataErrorLocation } from '../model/errors';
import type { ForeignAttributeType, ForeignValue } from './types';

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
const BOOLEANS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

/** A number with no value, as a reader counts it (see NON_FINITE). */
export const NOT_A_VALUE = Symbol('not a value');

/** The text read as `type`; NOT_A_VALUE for a non-finite float; a DataError at `at` if it is not one. */
export function coerce(
  raw: string,
  type: ForeignAttributeType,
  at: DataErrorLocation,
): ForeignValue | typeof NOT_A_VALUE {
  const text = raw.trim();
  switch (type) {
    case 'string':
      return raw;
    case 'integer':
      if (INTEGER.test(text)) return Number(text);
      throw new DataError(at, `${JSON.stringify(raw)} is not an integer`);
    case 'float':
      if (FLOAT.test(text)) return Number(text);
      if (NON_FINITE.test(text)) return NOT_A_VALUE;
      throw new DataError(at, `${JSON.stringify(raw)} is not a number`);
    case 'boolean': {
      const b = BOOLEANS[text.toLowerCase()];
      if (b !== undefined) return b;
      throw new DataError(at, `${JSON.stringify(raw)} is not a boolean (true or false)`);
    }
  }
}

/** A finite number from an XML attribute (viz position, size, weight); a DataError at `at` if not. */
export function finiteNumber(raw: string, at: DataErrorLocation): number {
  const text = raw.trim();
  if (FLOAT.test(text)) return Number(text);
  throw new DataError(at, `${JSON.stringify(raw)} is not a finite number`);
}

/**
 * GEXF attribute types: integer, long, short, byte, biginteger → integer; float, double,
 * bigdecimal → float; boolean; everything else (string, anyURI, char, date, and the list types
 * liststring, listinteger… whose values are kept as their text) → string.
 */
export function gexfType(declared: string | undefined): ForeignAttributeType {
  switch ((declared ?? 'string').toLowerCase()) {
    case 'integer':
    case 'long':
    case 'short':
    case 'byte':
    case 'biginteger':
      return 'integer';
    case 'float':
    case 'double':
    case 'bigdecimal':
      return 'float';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/** GraphML `attr.type`: int/long → integer, float/double → float, boolean, string (the default); else null. */
export function graphmlType(declared: string | undefined): ForeignAttributeType | null {
  switch (declared ?? 'string') {
    case 'int':
    case 'long':
      return 'integer';
    case 'float':
    case 'double':
      return 'float';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return null;
  }
}

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** `#rgb`, `#rrggbb` or `#rrggbbaa` (with or without `#`) as lowercase `#rrggbb`; null if not one. */
export function hexColor(raw: string): string | null {
  const m = HEX.exec(raw.trim());
  if (!m) return null;
  const digits = (m[1] as string).toLowerCase();
  if (digits.length === 3) return `#${[...digits].map((d) => d + d).join('')}`;
  return `#${digits.slice(0, 6)}`;
}

/** Red, green and blue channels (integers 0–255) as lowercase `#rrggbb`. */
export function rgbColor(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A colour channel from its text: an integer 0–255; a DataError at `at` if not. */
export function channel(raw: string, at: DataErrorLocation): number {
  const text = raw.trim();
  const n = INTEGER.test(text) ? Number(text) : NaN;
  if (n >= 0 && n <= 255) return n;
  throw new DataError(at, `${JSON.stringify(raw)} is not a colour channel (an integer from 0 to 255)`);
}

/** Whether a description is short enough to stand in for a graph's name: one line, at most 80 characters. */
export function isShort(text: string): boolean {
  return text.length <= 80 && !/[\r\n]/.test(text);
}

/**
 * Sets an attribute as an own property, whatever its name: a plain assignment of `__proto__`
 * would change the record's prototype instead (a file may name an attribute anything).
 */
export function putValue(record: Record<string, ForeignValue>, name: string, value: ForeignValue): void {
  if (name === '__proto__')
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}
