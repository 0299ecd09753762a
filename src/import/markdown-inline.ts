/**
 * Inline Markdown (mdast phrasing content from a CommonMark parser) as an awesome-list entry sees it:
 * split into visual lines at `<br>`, hard breaks and line endings outside emphasis, reduced to plain
 * text, and searched for links. Pure.
 */
import type { PhrasingContent, Text } from 'mdast';

/** One visual line of a paragraph, list item or table cell: its inline nodes and 1-based line. */
export interface InlineLine {
  nodes: PhrasingContent[];
  line: number;
}

export interface RawLink {
  text: string;
  url: string;
}

/** Resolves a reference link's identifier (`[PDF][1]`) to its definition's address. */
export type ResolveReference = (identifier: string) => string | undefined;

const BR = /^<br\s*\/?>$/i;

export function isBreak(n: PhrasingContent): boolean {
  return n.type === 'break' || (n.type === 'html' && BR.test(n.value.trim()));
}

function lineOf(n: PhrasingContent, fallback: number): number {
  return n.position?.start.line ?? fallback;
}

/**
 * Split inline content into lines at hard breaks, `<br>` and line endings of top-level text.
 * A line ending inside emphasis (`**a long\ntitle**`) does not split: the emphasis stays whole.
 */
export function splitLines(children: readonly PhrasingContent[], firstLine = 1): InlineLine[] {
  const out: InlineLine[] = [];
  let current: PhrasingContent[] = [];
  let line = children[0] ? lineOf(children[0], firstLine) : firstLine;
  const flush = (next: number): void => {
    if (current.some((n) => !isBlank(n))) out.push({ nodes: current, line });
    current = [];
    line = next;
  };
  for (const n of children) {
    if (current.length === 0) line = lineOf(n, line);
    if (isBreak(n)) {
      flush(lineOf(n, line));
      continue;
    }
    if (n.type !== 'text' || !n.value.includes('\n')) {
      current.push(n);
      continue;
    }
    const parts = n.value.split('\n');
    const start = lineOf(n, line);
    parts.forEach((value, i) => {
      if (i > 0) flush(start + i);
      if (value !== '') current.push(textNode(value, start + i));
    });
  }
  flush(line);
  return out;
}

function textNode(value: string, line: number): Text {
  return {
    type: 'text',
    value,
    position: { start: { line, column: 1 }, end: { line, column: 1 } },
  };
}

/** True for inline nodes that carry nothing: whitespace, `\`, raw HTML tags. */
export function isBlank(n: PhrasingContent): boolean {
  if (n.type === 'text') return /^[\s\\]*$/.test(n.value);
  return n.type === 'html' || n.type === 'break';
}

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
};

/** Inline TeX letters ("$\\lambda$" → "λ") and whitespace collapsed. */
export function tidyText(s: string): string {
  return s
    .replace(/\$\\([a-zA-Z]+)\$/g, (m, name: string) => GREEK[name] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

function rawText(nodes: readonly PhrasingContent[]): string {
  let s = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        s += n.value;
        break;
      case 'break':
        s += ' ';
        break;
      case 'image':
      case 'imageReference':
        s += n.alt ?? '';
        break;
      case 'html':
        if (BR.test(n.value.trim())) s += ' ';
        break;
      case 'footnoteReference':
        break;
      default:
        if ('children' in n) s += rawText(n.children);
    }
  }
  return s;
}

/** Plain text of inline nodes: raw HTML dropped, image alt text kept, TeX letters and spaces tidied. */
export function inlineText(nodes: readonly PhrasingContent[]): string {
  return tidyText(rawText(nodes));
}

/**
 * Every link in the nodes, in order, with its text: inline links, autolinks and bare URLs (the GFM
 * autolink extension), reference links resolved through `resolve`. Text that only looks like a link
 * (`[Project](not an address)`, which CommonMark leaves as text) is returned too, so the caller can
 * report it rather than drop it silently.
 */
export function linksIn(nodes: readonly PhrasingContent[], resolve: ResolveReference): RawLink[] {
  const out: RawLink[] = [];
  const visit = (list: readonly PhrasingContent[]): void => {
    for (const n of list) {
      if (n.type === 'link') out.push({ text: inlineText(n.children), url: n.url.trim() });
      else if (n.type === 'linkReference') {
        const url = resolve(n.identifier);
        if (url) out.push({ text: inlineText(n.children), url: url.trim() });
      } else if (n.type === 'text') {
        for (const m of n.value.matchAll(/\[+([^[\]]*)\]+\(([^()]*\s[^()]*)\)/g))
          out.push({ text: (m[1] ?? '').trim(), url: (m[2] ?? '').trim() });
      } else if ('children' in n) visit(n.children);
    }
  };
  visit(nodes);
  return out;
}

/** The top-level nodes before the line's first link, as plain text (a venue line's venue and year). */
export function textBeforeFirstLink(nodes: readonly PhrasingContent[]): string {
  const i = nodes.findIndex((n) => n.type === 'link' || n.type === 'linkReference');
  return rawText(i < 0 ? nodes : nodes.slice(0, i));
}

/** The top-level text of a line without its links ("[[paper](…)] ICLR 2024" → "[] ICLR 2024"). */
export function textOutsideLinks(nodes: readonly PhrasingContent[]): string {
  return rawText(nodes.filter((n) => n.type !== 'link' && n.type !== 'linkReference'));
}

/** The meaningful nodes of a line: blank text, `\` and raw HTML dropped at both ends. */
export function trimLine(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  let a = 0;
  let b = nodes.length;
  while (a < b && isBlank(nodes[a] as PhrasingContent)) a++;
  while (b > a && isBlank(nodes[b - 1] as PhrasingContent)) b--;
  return nodes.slice(a, b);
}
