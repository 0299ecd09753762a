/**
 * The Markdown source of an awesome list, ready for the block walker: cleaned line by line, parsed
 * by a CommonMark parser (micromark, with GFM tables and autolinks), and its reference definitions
 * collected. Pure.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { ResolveReference } from './markdown-inline';

/**
 * Clean the source before parsing, keeping its lines: invisible characters (controls, zero-width and
 * direction marks) dropped, and a line holding only `**` joined to the title it opens or closes.
 */
export function normaliseSource(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\t' ? c : '')));
  hideComments(lines);
  const blank = (i: number): boolean => (lines[i] ?? '').trim() === '';
  const lone = (i: number): boolean => /^\s*\*\*\s*$/.test(lines[i] ?? '');
  for (let i = 0; i < lines.length; i++) {
    // two lone `**` in a row hold no title: left as they are (and reported)
    if (!lone(i) || lone(i - 1) || lone(i + 1)) continue;
    if (/^[\s*]*$/.test(lines[i + 1] ?? '') && /^[\s*]*$/.test(lines[i - 1] ?? '')) continue;
    const prev = lines[i - 1] ?? '';
    const opens = i === 0 || blank(i - 1) || (prev.match(/\*\*/g) ?? []).length % 2 === 0;
    if (!opens) lines[i - 1] = `${prev.trimEnd()}**`;
    else if (i + 1 < lines.length && !blank(i + 1)) lines[i + 1] = `**${(lines[i + 1] ?? '').trimStart()}`;
    else continue;
    // a lone backslash keeps the line (and the paragraph) without adding text
    lines[i] = '\\';
  }
  return lines.join('\n');
}

/** The parsed document and its normalised source lines. */
/**
 * HTML comments hide entries from readers, so they hide them from the importer too. A comment is
 * blanked in place: lines it fills whole become a lone `\` (an empty line inside a paragraph, so an
 * entry with a commented-out line stays one entry), text it shares a line with stays.
 */
function hideComments(lines: string[]): void {
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    let out = '';
    let pos = 0;
    while (pos <= l.length) {
      if (!open) {
        const start = l.indexOf('<!--', pos);
        if (start < 0) {
          out += l.slice(pos);
          break;
        }
        out += l.slice(pos, start);
        open = true;
        pos = start + 4;
      } else {
        const end = l.indexOf('-->', pos);
        if (end < 0) break;
        open = false;
        pos = end + 3;
      }
    }
    if (out === l) continue;
    lines[i] = out.trim() === '' ? '\\' : out;
  }
}

export function parseMarkdown(text: string): { tree: Root; source: string[] } {
  const source = normaliseSource(text);
  const tree = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return { tree, source: source.split('\n') };
}

/** Reference definitions (`[1]: https://…`) by normalised identifier. */
export function definitions(tree: Root): ResolveReference {
  const defs = new Map<string, string>();
  const visit = (n: Nodes): void => {
    if (n.type === 'definition' && !defs.has(n.identifier.toLowerCase()))
      defs.set(n.identifier.toLowerCase(), n.url);
    if ('children' in n) for (const c of n.children) visit(c as Nodes);
  };
  visit(tree);
  return (id) => defs.get(id.toLowerCase());
}
