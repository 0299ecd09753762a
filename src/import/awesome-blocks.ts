/**
 * The block level of an awesome list: the Markdown tree (parsed in awesome-source.ts) walked in
 * document order. Headings set the section; paragraphs, list
 * items and table rows become entry blocks; what is not an entry (a table of contents, badges, a
 * note to readers) is skipped with a warning. Pure.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent } from 'mdast';
import type { Diagnostic } from './diagnostics';
import { tableEntries } from './awesome-table';
import type { EntryBlock, EntryFacts } from './awesome-entry';
import { clip, isPaperLink, parseEntry } from './awesome-entry';
import type { InlineLine, ResolveReference } from './markdown-inline';
import { linksOnly, untitledBlock } from './awesome-untitled';
import { inlineText, isBlank, linksIn, splitLines, trimLine } from './markdown-inline';

/** What the walker tells the list reader: a heading, or an entry read at a line. */
export type ListEvent =
  { kind: 'heading'; depth: number; text: string; line: number } | { kind: 'entry'; facts: EntryFacts };

export interface WalkContext {
  resolve: ResolveReference;
  /** The normalised source, one string a line, to see what the parser made of a line's `**`. */
  source: readonly string[];
  diags: Diagnostic[];
  /** Lines of entries in the bold-title paragraph style that have no italic authors line. */
  noAuthors: number[];
  /** Labels of the list items the walk is inside ("- **Year 2025**" › "- **CVPR**"), outermost first. */
  labels: string[];
  /** Whether the current heading maps to a section (warnings about non-entries are only given there). */
  inSection: () => boolean;
  emit: (e: ListEvent) => void;
}

const line0 = (n: { position?: { start: { line: number } } }): number => n.position?.start.line ?? 0;

/** One warning for all entries without an authors line (many lists have none). */
export function reportNoAuthors(ctx: WalkContext): void {
  const n = ctx.noAuthors;
  if (n.length === 0) return;
  const lines = `line${n.length > 1 ? 's' : ''} ${n.slice(0, 5).join(', ')}${n.length > 5 ? ', …' : ''}`;
  ctx.diags.push({
    level: 'warning',
    line: n[0],
    message: `${n.length} entr${n.length === 1 ? 'y has' : 'ies have'} no italic authors line (${lines})`,
  });
}

/** Walk the document's blocks in order. */
export function walkBlocks(nodes: readonly Nodes[], ctx: WalkContext): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'heading':
        ctx.emit({ kind: 'heading', depth: n.depth, text: headingPlain(n), line: line0(n) });
        break;
      case 'paragraph':
        paragraphEntries(splitLines(n.children, line0(n)).map(untag), ctx, true);
        break;
      case 'list':
        listEntries(n, ctx);
        break;
      case 'table':
        tableEntries(n, ctx);
        break;
      case 'blockquote':
        walkBlocks(n.children, ctx);
        break;
      case 'code': {
        const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(ctx.source[line0(n) - 1] ?? '')?.[1];
        const last = ctx.source[(n.position?.end.line ?? 1) - 1] ?? '';
        const closed =
          fence !== undefined &&
          n.position?.end.line !== line0(n) &&
          new RegExp(`^\\s{0,3}${fence[0]}{${fence.length},}\\s*$`).test(last);
        if (fence !== undefined && !closed)
          ctx.diags.push({
            level: 'warning',
            line: line0(n),
            message: 'a code fence is never closed; the rest of the file was skipped',
          });
        break;
      }
      case 'html':
        if (ctx.inSection() && /arxiv\.org\/(?:abs|pdf)\/\d/i.test(n.value))
          ctx.diags.push({
            level: 'warning',
            line: line0(n),
            message: 'a raw HTML block with arXiv links is not read; write its entries in Markdown',
          });
        break;
      default:
        break;
    }
  }
}

/** A heading's text without images and badges (`# Awesome X [![Awesome](badge.svg)](link)` → "Awesome X"). */
function headingPlain(h: Heading): string {
  return inlineText(withoutImages(h.children));
}

function withoutImages(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const image = (n: PhrasingContent): boolean => n.type === 'image' || n.type === 'imageReference';
  return nodes
    .filter((n) => !image(n))
    .filter(
      (n) =>
        !(
          (n.type === 'link' || n.type === 'linkReference') &&
          n.children.every((c) => image(c) || isBlank(c))
        ),
    )
    .map((n) =>
      'children' in n && n.type !== 'link' && n.type !== 'linkReference'
        ? ({ ...n, children: withoutImages(n.children as PhrasingContent[]) } as PhrasingContent)
        : n,
    );
}

/** "`CLIP` **Learning Transferable…**": a code-span tag before a bold title is a label, not the title. */
function untag(l: InlineLine): InlineLine {
  const nodes = trimLine(l.nodes);
  const [tag, ...rest] = nodes;
  const next = trimLine(rest);
  return tag?.type === 'inlineCode' && next[0]?.type === 'strong' ? { nodes: next, line: l.line } : l;
}

function firstNode(l: InlineLine): PhrasingContent | undefined {
  return trimLine(l.nodes)[0];
}

function startsWithStrong(l: InlineLine): boolean {
  return firstNode(l)?.type === 'strong';
}

/** A line written as a bold title (`**…`) that the parser could not read as one: a broken title. */
function brokenBold(l: InlineLine, ctx: WalkContext): boolean {
  if (startsWithStrong(l)) return false;
  const f = firstNode(l);
  // `***Name:*** rest of the title`: the parser read the stars (emphasis around bold)
  if (f?.type === 'emphasis' && f.children.some((c) => c.type === 'strong')) return false;
  if (f?.type === 'text' && /^\s*\*\*/.test(f.value)) return true;
  return /^[\s>]*(?:[-+*]\s+|\d+[.)]\s+)?\*\*/.test(ctx.source[l.line - 1] ?? '');
}

/** Split a title line into its bold title and whatever follows it on the same line. */
function titleBlock(l: InlineLine, rest: InlineLine[], ctx: WalkContext, expectAuthors: boolean): EntryBlock {
  const nodes = trimLine(l.nodes);
  const strong = nodes[0];
  const after = trimLine(nodes.slice(1));
  const children = strong && strong.type === 'strong' ? strong.children : [];
  return {
    line: l.line,
    title: inlineText(children),
    titleLinks: linksIn(children, ctx.resolve),
    lines: after.length > 0 ? [{ nodes: after, line: l.line }, ...rest] : rest,
    expectAuthors,
  };
}

function read(block: EntryBlock, ctx: WalkContext): void {
  if (block.title === '') {
    ctx.diags.push({ level: 'error', line: block.line, message: 'entry has an empty bold title' });
    return;
  }
  const r = parseEntry({ ...block, labels: [...ctx.labels] }, ctx.resolve, ctx.diags);
  if (r.kind !== 'entry') return;
  if (block.expectAuthors && r.facts.authors.length === 0) ctx.noAuthors.push(block.line);
  ctx.emit({ kind: 'entry', facts: r.facts });
}

function hasLiteralStars(nodes: readonly PhrasingContent[]): boolean {
  return nodes.some((n) =>
    n.type === 'text'
      ? n.value.includes('**')
      : 'children' in n && hasLiteralStars(n.children as PhrasingContent[]),
  );
}

/** A line of images and image links only: badges, a banner. */
function isBadgeLine(nodes: readonly PhrasingContent[]): boolean {
  const image = (n: PhrasingContent): boolean => n.type === 'image' || n.type === 'imageReference';
  return (
    nodes.length > 0 &&
    nodes.every(
      (n) =>
        isBlank(n) ||
        image(n) ||
        ((n.type === 'link' || n.type === 'linkReference') &&
          n.children.every((c) => image(c) || isBlank(c))),
    )
  );
}

/** Entries of a paragraph: each starts at a bold line; lines before the first are checked for orphans. */
function paragraphEntries(lines: InlineLine[], ctx: WalkContext, expectAuthors: boolean): void {
  let i = 0;
  for (
    ;
    i < lines.length && !startsWithStrong(lines[i] as InlineLine) && !brokenBold(lines[i] as InlineLine, ctx);
    i++
  ) {
    const l = lines[i] as InlineLine;
    const nodes = trimLine(l.nodes);
    const src = ctx.source[l.line - 1] ?? '';
    // an italic (authors) line, as parsed or as written
    const italic =
      (nodes.length === 1 && nodes[0]?.type === 'emphasis') ||
      /^\s*\*[^*\s].*\*\s*(?:<br\s*\/?>|\\)?\s*$/i.test(src);
    if (isBadgeLine(nodes)) {
      if (ctx.inSection())
        ctx.diags.push({ level: 'warning', line: l.line, message: 'a line of badges skipped' });
      continue;
    }
    // a venue-and-links line ("Arxiv 2024. / [PDF](…)"), not a sentence that cites a paper
    // a link with no address (`[PDF]()`, a template left in the list) links nothing
    const links = linksIn(l.nodes, ctx.resolve).filter((k) => k.url.trim() !== '');
    const before = inlineText(
      nodes.slice(
        0,
        Math.max(
          0,
          nodes.findIndex((n) => n.type === 'link'),
        ),
      ),
    );
    const venueLike =
      links.some(isPaperLink) &&
      (before.split(/\s+/).length <= 6 || links.some((k) => /^\W*(pdf|paper|arxiv)\W*$/i.test(k.text)));
    // "!**Title**<br>": written as a title line, but something stands before the bold
    // or a `**` the parser could not pair: a bold title it cannot read
    const titleLike = /\*\*.*\*\*\s*(?:<br\s*\/?>|\\)\s*$/i.test(src) || hasLiteralStars(l.nodes);
    if (ctx.inSection() && titleLike) {
      ctx.diags.push({
        level: 'error',
        line: l.line,
        message: `entry title is not a bold line "**Title**": "${clip(inlineText(l.nodes))}"`,
      });
      continue;
    }
    // a line that is an entry of its own: "[Title](https://arxiv.org/abs/…)", "[CVPR 2022] Title [[PDF](…)]"
    // (its links may be on the next line: "[arxiv 2024.06] Title" then "[[PDF](…)]")
    const next = lines[i + 1];
    const nextLinks = next !== undefined && !startsWithStrong(next) && linksOnly(next);
    const own = italic ? undefined : untitledBlock(l, nextLinks && next ? [next] : [], ctx);
    if (own) {
      read(own, ctx);
      if (nextLinks) i++;
      continue;
    }
    if (links.length === 0 && linksIn(l.nodes, ctx.resolve).length > 0) {
      if (ctx.inSection())
        ctx.diags.push({
          level: 'warning',
          line: l.line,
          message: `a line whose links have no address skipped: "${clip(inlineText(l.nodes))}"`,
          skip: { reason: 'no-paper-link' },
        });
      continue;
    }
    if (ctx.inSection() && (italic || venueLike)) {
      ctx.diags.push({
        level: 'error',
        line: l.line,
        message: `an entry's authors or links line outside any entry (no bold title line above it): "${clip(inlineText(l.nodes))}"`,
      });
    }
  }
  while (i < lines.length) {
    const head = lines[i] as InlineLine;
    let j = i + 1;
    while (
      j < lines.length &&
      !startsWithStrong(lines[j] as InlineLine) &&
      !brokenBold(lines[j] as InlineLine, ctx)
    )
      j++;
    if (brokenBold(head, ctx)) {
      ctx.diags.push({
        level: 'error',
        line: head.line,
        message: `entry title is not a bold line "**Title**": "${clip(inlineText(head.nodes))}"`,
      });
    } else read(titleBlock(head, lines.slice(i + 1, j), ctx, expectAuthors), ctx);
    i = j;
  }
}

interface Skipped {
  toc: number[];
  other: number[];
}

/** Entries of a list: each item is one entry (bold title, title link, or title text before its links). */
function listEntries(list: List, ctx: WalkContext): void {
  const skipped: Skipped = { toc: [], other: [] };
  for (const item of list.children) listItemEntry(item, ctx, skipped);
  if (!ctx.inSection()) return;
  if (skipped.toc.length > 0)
    ctx.diags.push({
      level: 'warning',
      line: skipped.toc[0],
      message: `a table of contents (${skipped.toc.length} link${skipped.toc.length === 1 ? '' : 's'} to headings) skipped`,
    });
  if (skipped.other.length > 0)
    ctx.diags.push({
      level: 'warning',
      line: skipped.other[0],
      message: `${skipped.other.length} list item(s) without a paper link skipped (lines ${skipped.other.slice(0, 5).join(', ')}${skipped.other.length > 5 ? ', …' : ''})`,
      skip: { reason: 'no-paper-link', lines: skipped.other },
    });
}

function listItemEntry(item: ListItem, ctx: WalkContext, skipped: Skipped): void {
  const [first, ...others] = item.children;
  const nested = others.filter((c) => c.type !== 'paragraph');
  const moreLines = others
    .filter((c): c is Paragraph => c.type === 'paragraph')
    .flatMap((p) => splitLines(p.children, line0(p)));
  if (first?.type !== 'paragraph') {
    walkBlocks(item.children, ctx);
    return;
  }
  const lines = [...splitLines(first.children, line0(first)).map(untag), ...moreLines];
  const head = lines[0];
  // "- **CVPR**" or "- Year 2024" over a nested list: a label grouping the entries below, no entry
  const label =
    lines.length === 1 &&
    nested.some((c) => c.type === 'list') &&
    linksIn(first.children, ctx.resolve).length === 0;
  if (label) {
    ctx.labels.push(inlineText(first.children));
    walkBlocks(nested, ctx);
    ctx.labels.pop();
    return;
  }
  if (head && (startsWithStrong(head) || brokenBold(head, ctx))) paragraphEntries(lines, ctx, false);
  else if (head) {
    const block = untitledBlock(head, lines.slice(1), ctx);
    if (block) read(block, ctx);
    else {
      const links = lines.flatMap((l) => linksIn(l.nodes, ctx.resolve));
      (links.length > 0 && links.every((l) => l.url.startsWith('#')) ? skipped.toc : skipped.other).push(
        head.line,
      );
    }
  }
  walkBlocks(nested, ctx);
}
