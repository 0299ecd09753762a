/**
 * Entries without a bold title, as list items and paragraph lines write them: a title link
 * (`[Title](https://arxiv.org/abs/…)`) or title text before the links (`Title [[PDF](…)]`), after an
 * optional bracketed venue or date (`[CVPR 2022] Title …`). Sentences to readers and venue lines are
 * not titles. Pure.
 */
import type { WalkContext } from './awesome-blocks';
import type { EntryBlock } from './awesome-entry';
import { isPaperLink, linkKind } from './awesome-entry';
import type { InlineLine } from './markdown-inline';
import { inlineText, linksIn, trimLine } from './markdown-inline';
import { VenueIndex } from './known-venues';

/**
 * An entry without a bold title: a title link or title text before the links, after an optional
 * bracketed venue or date (`[CVPR 2022] Title [[PDF](…)]`, `[arxiv 2026.05] Title …`), which is read
 * as the entry's venue line.
 */
export function untitledBlock(
  head: InlineLine,
  rest: InlineLine[],
  ctx: WalkContext,
): EntryBlock | undefined {
  const nodes = trimLine(head.nodes);
  const first = nodes[0];
  const lead = first?.type === 'text' ? LEAD.exec(first.value) : null;
  if (
    first?.type === 'text' &&
    lead?.[1] &&
    (/\b(?:19|20)\d{2}\b/.test(lead[1]) || VENUES.match(lead[1]) !== null)
  ) {
    const after = first.value.slice(lead[0].length);
    const line: InlineLine = {
      nodes: [...(after.trim() === '' ? [] : [{ ...first, value: after }]), ...nodes.slice(1)],
      line: head.line,
    };
    const venueLine: InlineLine = { nodes: [{ ...first, value: `[${lead[1]}]` }], line: head.line };
    const block = linkTitleBlock(line, rest) ?? textTitleBlock(line, rest, ctx, true);
    return block ? { ...block, lines: [venueLine, ...block.lines] } : undefined;
  }
  return linkTitleBlock(head, rest) ?? textTitleBlock(head, rest, ctx);
}

/** A bracketed venue or date opening a line: "[CVPR 2022] ", "(ICCV 2023) ". */
const LEAD = /^\s*[[(]([^\]()[]{1,40})[\])]\s*/;
const VENUES = new VenueIndex();

/** Title text that is only a venue and a year ("Arxiv 2024.", "CVPR 2023 Oral"): a venue line, not a title. */
function onlyVenue(title: string): boolean {
  const venue = VENUES.match(title);
  const words = title
    .replace(/\b(?:19|20)\d{2}(?:[-/.]\d{1,2})*\b/g, ' ')
    .split(/[\s.,;:()[\]|/]+/)
    .filter((w) => /\p{L}/u.test(w));
  return words.length === 0 || (venue !== null && words.length <= 2);
}

/** `- [A Title](https://arxiv.org/abs/…) …`: the link's text is the title. */
function linkTitleBlock(head: InlineLine, rest: InlineLine[]): EntryBlock | undefined {
  const nodes = trimLine(head.nodes);
  const first = nodes[0];
  if (first?.type !== 'link' || first.url.startsWith('#')) return undefined;
  const text = inlineText(first.children);
  if (text.split(/\s+/).length < 3 && linkKind(text, first.url) !== undefined) return undefined;
  if (/^https?:\/\//.test(text)) return undefined;
  const after = trimLine(nodes.slice(1));
  return {
    line: head.line,
    title: text,
    titleLinks: [{ text: 'paper', url: first.url }].filter((l) => isPaperLink(l)),
    lines: after.length > 0 ? [{ nodes: after, line: head.line }, ...rest] : rest,
    expectAuthors: false,
  };
}

/** `- A Title [[Paper](…)] [[Code](…)]`: the text before the first link is the title. */
function textTitleBlock(
  head: InlineLine,
  rest: InlineLine[],
  ctx: WalkContext,
  /** The line opened with a bracketed venue or date: an entry, even if its title has a "!" or "Ms." */
  led = false,
): EntryBlock | undefined {
  const nodes = trimLine(head.nodes);
  const at = nodes.findIndex((n) => n.type === 'link' || n.type === 'linkReference');
  // the title alone on its line, its links on the next: "Title\n[[PDF](…), [Page](…)]"
  const alone = at < 0 && rest[0] !== undefined && linksOnly(rest[0]);
  if (at === 0 || (at < 0 && !alone)) return undefined;
  const i = alone ? nodes.length : at;
  const title = inlineText(nodes.slice(0, i))
    .replace(/[\s[(|/:,.-]+$/, '')
    .replace(/^\s*\d+[.)]\s+/, '')
    .replace(/^[\p{So}\p{Sk}\uFE0F\u200D\s]+/u, '')
    .trim();
  const all = [head, ...rest].flatMap((l) => linksIn(l.nodes, ctx.resolve));
  // a title, not a sentence about the list ("We release a survey. You can find it from [arXiv](…)")
  const words = title.split(/\s+/).length;
  if (words < 2 || words > 30 || (!led && /[.!?]\s+\p{Lu}/u.test(title)) || !all.some(isPaperLink))
    return undefined;
  // a venue line, or a sentence to readers ("We release…", "…according to our survey——")
  if (
    onlyVenue(title) ||
    (!led && /\b(?:we|our|please)\b|\bthis (?:repo|repository|list|page)\b/i.test(title))
  )
    return undefined;
  return {
    line: head.line,
    title,
    titleLinks: [],
    lines: alone ? rest : [{ nodes: nodes.slice(i), line: head.line }, ...rest],
    expectAuthors: false,
  };
}

/** A line of links only, nothing before the first ("[[PDF](…), [Page](…)]"). */
export function linksOnly(l: InlineLine): boolean {
  const nodes = trimLine(l.nodes);
  const i = nodes.findIndex((n) => n.type === 'link' || n.type === 'linkReference');
  return i >= 0 && inlineText(nodes.slice(0, i)).replace(/[\s[(]/g, '') === '';
}
