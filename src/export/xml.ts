/**
 * XML 1.0 text for the GEXF and GraphML writers.
 *
 * Escapes the five markup characters, writes tab, line feed and carriage return as character
 * references (so attribute-value normalisation cannot turn them into spaces, and a CR survives
 * end-of-line handling), and replaces what XML 1.0 cannot carry at all — C0 controls other than
 * tab/LF/CR, U+FFFE, U+FFFF and unpaired surrogates — by U+FFFD (the replacement character): no
 * escape exists for them, and a parser must reject a document holding them.
 */

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"'\t\n\r]/g;
const REFS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** The text with XML-forbidden characters replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD');
}

/** Text escaped for an attribute value (double-quoted) or element content. */
export function xmlEscape(text: string): string {
  return xmlSafe(text).replace(SPECIAL, (c) => REFS[c] ?? c);
}

/** ` name="value"` pairs for a start tag; undefined values are left out. */
export function xmlAttrs(attrs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${xmlEscape(typeof value === 'number' ? xmlNumber(value) : value)}"`;
  }
  return out;
}

/** A number as XML Schema's float/double lexical form (JavaScript's shortest round-trip text). */
export function xmlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`export: cannot write the non-finite number ${value}`);
  return String(value);
}
