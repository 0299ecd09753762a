/**
 * XML for the GEXF and GraphML readers: a well-formedness check that names the line and column of
 * the first fault, then a parse into plain elements that keep where they start, so a reader's own
 * errors (a bad value, a missing id) can name the line too.
 *
 * Elements come back uniformly: namespace prefixes stripped (`viz:color` → `color`, and the
 * `xmlns` attributes dropped), every child element in an array under its name (one child or many),
 * attributes under `@_name`, text (trimmed) under `#text`, whether or not the element has attributes;
 * entity and character references decoded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataError } from '../model/errors';

/** An element as the parser gives it: `@_attr` strings, `#text`, and arrays of child elements. */
export type XmlElement = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

export interface XmlDocument {
  file: string;
  /** The root element and its name (prefix stripped). */
  root: XmlElement;
  rootName: string;
  /** The 1-based line where an element starts, when the parser recorded it. */
  lineOf(el: XmlElement): number | undefined;
}

function isElement(v: unknown): v is XmlElement {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A function from a character offset to its 1-based line, built once on first use (binary search). */
function lineIndex(text: string): (offset: number) => number {
  let starts: number[] | null = null;
  return (offset) => {
    if (starts === null) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const makeParser = (): XMLParser =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    alwaysCreateTextNode: true,
    captureMetaData: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // character references (&#9; &#x41;) are XML, yet fast-xml-parser decodes them only with this
    // option (which also reads HTML's named entities, harmless here); without it a tab written as
    // &#9; (as this app's own exports write it) would come back as the text "&#9;"
    htmlEntities: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });

/** Drops a byte-order mark: File.text() keeps none, but a string from elsewhere may. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses an XML document whose root must be `<expectedRoot>` (the format's name, e.g. "GEXF", is
 * for messages). Throws DataError naming the file and line for text that is not well-formed XML,
 * for several root elements, and for another root element.
 */
export function parseXml(source: string, file: string, expectedRoot: string, format: string): XmlDocument {
  const text = stripBom(source);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const where = col !== undefined ? ` (column ${col})` : '';
    throw new DataError({ file, line }, `not well-formed XML${where}: ${msg}`);
  }
  let doc: unknown;
  try {
    doc = makeParser().parse(text);
  } catch (e) {
    throw new DataError({ file }, `not readable as XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const at = lineIndex(text);
  const lineOf = (el: XmlElement): number | undefined => {
    const meta = (el as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined;
    return meta?.startIndex !== undefined ? at(meta.startIndex) : undefined;
  };
  const roots: [string, XmlElement][] = [];
  if (isElement(doc)) {
    for (const [name, value] of Object.entries(doc)) {
      if (!Array.isArray(value)) continue;
      for (const el of value) if (isElement(el)) roots.push([name, el]);
    }
  }
  const first = roots[0];
  if (first === undefined)
    throw new DataError({ file }, `no root element: expected <${expectedRoot}> (a ${format} file)`);
  if (roots.length > 1) {
    const second = roots[1] as [string, XmlElement];
    throw new DataError(
      { file, line: lineOf(second[1]) },
      `a second root element <${second[0]}>: an XML file has one`,
    );
  }
  if (first[0] !== expectedRoot) {
    throw new DataError(
      { file, line: lineOf(first[1]) },
      `the root element is <${first[0]}>, not <${expectedRoot}>: this is not a ${format} file`,
    );
  }
  return { file, root: first[1], rootName: first[0], lineOf };
}

/** The child elements named `name` (prefix stripped), in document order. */
export function children(el: XmlElement, name: string): XmlElement[] {
  const v = el[name];
  return Array.isArray(v) ? v.filter(isElement) : [];
}

/** The first child element named `name`, if any. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return children(el, name)[0];
}

/** An edge element's `source` and `target`; a DataError at its line naming the one that is missing. */
export function edgeEnds(
  doc: XmlDocument,
  el: XmlElement,
  line: number | undefined,
  record: string,
): { source: string; target: string } {
  const source = attr(el, 'source');
  const target = attr(el, 'target');
  if (source === undefined) throw new DataError({ file: doc.file, line, record, field: 'source' }, 'missing');
  if (target === undefined) throw new DataError({ file: doc.file, line, record, field: 'target' }, 'missing');
  return { source, target };
}

/** An attribute's value (prefix stripped), if present. */
export function attr(el: XmlElement, name: string): string | undefined {
  const v = el[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** The element's own text, trimmed ('' when none). */
export function textOf(el: XmlElement): string {
  const v = el['#text'];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Whether the element has child elements (anything but attributes and text). */
export function hasChildElements(el: XmlElement): boolean {
  return Object.keys(el).some((k) => k !== '#text' && !k.startsWith('@_'));
}
