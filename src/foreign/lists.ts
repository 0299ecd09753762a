/**
 * List values in graph files: how the exports write a list (tasks, secondary spaces, authors…) and
 * how the readers split one back into its items. Pure; shared by src/export and src/foreign.
 *
 * - GEXF 1.3 declares list types (`liststring`, `listinteger`…: gexf.net/1.3 gexf.rnc, "Add new
 *   list attributes like listboolean or listinteger for each atomic type" in the 1.3 changelog of
 *   github.com/gephi/gexf). The schema gives no syntax for the value; Gephi 0.9.3+ and
 *   graphology-gexf (the reader of Gephi Lite) write a 1.3 list as `[a, b, c]`, items separated by
 *   commas, an item quoted with `"` or `'` when it holds a comma or a quote, and a backslash
 *   escaping the next character (`\n`, `\t`, `\r`, `\\`); in GEXF 1.2, items separated by `|`
 *   (graphology-gexf 0.13, common/writer.js `cast` and common/helpers.js `parseValue`). This writer
 *   quotes an item with `"` only when it needs it, so a plain list reads `[face, multi-concept]`.
 * - GraphML has no list type (graphml.graphdrawing.org: attr.type is boolean, int, long, float,
 *   double or string). A list is a string whose items are joined by LIST_SEPARATOR, and its `<key>`
 *   says so in its `<desc>` (an element the GraphML schema allows in a key):
 *   `list of strings separated by "; "`. The reader splits a key declared that way.
 * - CSV: items joined by LIST_SEPARATOR in one cell.
 */

/** What joins the items of a list in a GraphML or CSV cell. */
export const LIST_SEPARATOR = '; ';

/** Characters that make a GEXF list item need quotes: separators, quotes, brackets, backslash, controls. */
const NEEDS_QUOTES = /[,"'[\]|\\\t\n\r]|^\s|\s$|^$/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** A GEXF 1.3 list value: `[a, b]`, an item in double quotes (backslash-escaped) when it needs them. */
export function formatGexfList(items: readonly string[]): string {
  const quoted = items.map((item) =>
    NEEDS_QUOTES.test(item) ? `"${item.replace(/[\\"\n\t\r]/g, (c) => ESCAPES[c] ?? c)}"` : item,
  );
  return `[${quoted.join(', ')}]`;
}

const UNESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** The items of a bracketed list's inside: comma-separated, quoted items kept whole. */
function bracketItems(inside: string): string[] {
  const items: string[] = [];
  let i = 0;
  const n = inside.length;
  while (i < n) {
    while (i < n && /\s/.test(inside[i]!)) i++;
    if (i >= n) break;
    const quote = inside[i] === '"' || inside[i] === "'" ? inside[i] : '';
    let item = '';
    if (quote !== '') {
      i++;
      while (i < n && inside[i] !== quote) {
        if (inside[i] === '\\' && i + 1 < n) {
          const next = inside[i + 1]!;
          item += UNESCAPES[next] ?? next;
          i += 2;
        } else item += inside[i++];
      }
      i++; // the closing quote
      while (i < n && inside[i] !== ',') i++;
    } else {
      while (i < n && inside[i] !== ',') item += inside[i++];
      item = item.trim();
    }
    items.push(item);
    i++; // the comma
  }
  return items;
}

/**
 * The items of a GEXF list value, read as Gephi and graphology-gexf read them: `[a, "b, c"]`
 * (1.3), else `a|b` (1.2), else `a, b`, else one item. Empty items are dropped.
 */
export function parseGexfList(value: string): string[] {
  const text = value.trim();
  let items: string[];
  if (text.length >= 2 && text.startsWith('[') && text.endsWith(']')) items = bracketItems(text.slice(1, -1));
  else if (text.includes('|')) items = text.split(/\s*\|\s*/);
  else if (text.includes(',')) items = text.split(/\s*,\s*/);
  else items = [text];
  return items.filter((item) => item !== '');
}

/** The `<desc>` of a GraphML key holding lists joined by `separator`. */
export function graphmlListDesc(separator: string = LIST_SEPARATOR): string {
  return `list of strings separated by ${JSON.stringify(separator)}`;
}

const LIST_DESC = /^\s*list of strings separated by "((?:[^"\\]|\\.)+)"\s*$/;

/** The separator a GraphML key's `<desc>` declares for its lists, or null when it declares none. */
export function graphmlListSeparator(desc: string | undefined): string | null {
  if (desc === undefined) return null;
  const m = LIST_DESC.exec(desc);
  if (!m) return null;
  try {
    const sep = JSON.parse(`"${m[1]}"`) as string;
    return sep !== '' ? sep : null;
  } catch {
    return null;
  }
}

/** The items of a joined list cell (GraphML, CSV): split on `separator`, trimmed, empty ones dropped. */
export function splitList(value: string, separator: string = LIST_SEPARATOR): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
