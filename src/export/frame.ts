/**
 * The frame around an exported image: a title, the view, a legend beside it and a caption below.
 * `frameLayout` places every piece (pure, given a text measurer), so the SVG writer and the PNG
 * composer draw the same boxes at the same places.
 *
 *   ┌──────────────────────────────────────────────┐
 *   │ Title                                        │
 *   │ subtitle                                     │
 *   │ ┌──────────────────────────┐  Legend heading │
 *   │ │                          │  ● entry    12  │
 *   │ │          view            │  ● entry     4  │
 *   │ │                          │  Links          │
 *   │ └──────────────────────────┘  ── builds on   │
 *   │ caption (dataset · build · date · filters)   │
 *   └──────────────────────────────────────────────┘
 */

export interface LegendItem {
  label: string;
  color: string;
  /** Visible papers in the category; null to show none. */
  count: number | null;
}

export interface LinkKey {
  label: string;
  color: string;
  width: number;
}

export interface FrameContent {
  title: string;
  subtitle: string;
  legendHeading: string;
  legend: LegendItem[];
  /** Extra keys for a selection (the paper, its references, its citations), shown above the legend. */
  selection: { heading: string; items: LegendItem[] } | null;
  links: LinkKey[];
  caption: string;
  /** "In my library": the ring's colour and how many visible papers carry it, when the export includes the library. */
  library?: LegendItem | null;
  /** "Outside the list" (`build:graph --expand`): how many of those works are shown; drawn as their ring, in the muted colour. */
  outside?: { label: string; count: number } | null;
}

export interface FrameTheme {
  background: string;
  text: string;
  muted: string;
  border: string;
  fontFamily: string;
}

/** Text width in CSS pixels for a font size and weight. */
export type MeasureText = (text: string, size: number, weight: number) => number;

export interface TextBox {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  weight: number;
  color: string;
  /** `end`: x is the right edge. */
  anchor: 'start' | 'end';
}

export interface SwatchBox {
  cx: number;
  cy: number;
  r: number;
  color: string;
  /** A ring (the library's key) rather than a filled disc. */
  ring?: true;
  /** A work outside the list's ring with its faint centre (OUTSIDE_RING) rather than a filled disc. */
  outside?: true;
}

export interface LineBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
  /** An arrow head at (x2, y2). */
  arrow: boolean;
}

export interface FrameLayout {
  width: number;
  height: number;
  /** Where the view goes, at 1×. */
  view: { x: number; y: number; width: number; height: number };
  texts: TextBox[];
  swatches: SwatchBox[];
  lines: LineBox[];
  theme: FrameTheme;
}

export const FRAME = {
  margin: 24,
  gap: 20,
  titleSize: 20,
  subtitleSize: 13,
  headingSize: 13,
  itemSize: 12,
  captionSize: 12,
  rowHeight: 20,
  legendMin: 170,
  legendMax: 300,
} as const;

/** Shortens `text` with an ellipsis to fit `max` pixels. */
function fit(text: string, max: number, size: number, weight: number, measure: MeasureText): string {
  if (measure(text, size, weight) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}…`, size, weight) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** Greedy word wrap to `max` pixels (a word longer than a line is cut with an ellipsis). */
export function wrapText(
  text: string,
  max: number,
  size: number,
  weight: number,
  measure: MeasureText,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next, size, weight) <= max || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => fit(l, max, size, weight, measure));
}

export function frameLayout(
  content: FrameContent,
  view: { width: number; height: number },
  theme: FrameTheme,
  measure: MeasureText,
): FrameLayout {
  const { margin: m, gap } = FRAME;
  const texts: TextBox[] = [];
  const swatches: SwatchBox[] = [];
  const lines: LineBox[] = [];
  const text = (
    t: string,
    x: number,
    y: number,
    size: number,
    weight: number,
    color: string,
    anchor: TextBox['anchor'] = 'start',
  ) => texts.push({ text: t, x, y, size, weight, color, anchor });

  // legend column width: the widest row, within bounds
  const rows = [
    ...content.legend,
    ...(content.selection?.items ?? []),
    ...(content.library ? [content.library] : []),
    ...(content.outside ? [{ ...content.outside, color: theme.muted }] : []),
  ];
  const countWidth = Math.max(
    0,
    ...rows.map((r) => (r.count === null ? 0 : measure(String(r.count), FRAME.itemSize, 400))),
  );
  const widest = Math.max(
    measure(content.legendHeading, FRAME.headingSize, 600),
    measure(content.selection?.heading ?? '', FRAME.headingSize, 600),
    ...rows.map((r) => 20 + measure(r.label, FRAME.itemSize, 400) + 10 + countWidth),
    ...content.links.map((l) => 34 + measure(l.label, FRAME.itemSize, 400)),
  );
  const legendW = Math.round(Math.min(FRAME.legendMax, Math.max(FRAME.legendMin, widest)));

  const titleY = m + FRAME.titleSize;
  const subtitleY = titleY + 8 + FRAME.subtitleSize;
  const viewTop = subtitleY + 14;
  const viewBox = { x: m, y: viewTop, width: view.width, height: view.height };
  const legendX = m + view.width + gap;
  const width = legendX + legendW + m;
  const textW = width - 2 * m;

  text(fit(content.title, textW, FRAME.titleSize, 700, measure), m, titleY, FRAME.titleSize, 700, theme.text);
  text(
    fit(content.subtitle, textW, FRAME.subtitleSize, 400, measure),
    m,
    subtitleY,
    FRAME.subtitleSize,
    400,
    theme.muted,
  );

  // legend column
  let y = viewTop + FRAME.headingSize;
  const labelMax = legendW - 20 - 10 - countWidth;
  const items = (list: LegendItem[]) => {
    for (const item of list) {
      y += FRAME.rowHeight;
      swatches.push({ cx: legendX + 6, cy: y - 4, r: 5.5, color: item.color });
      text(
        fit(item.label, labelMax, FRAME.itemSize, 400, measure),
        legendX + 20,
        y,
        FRAME.itemSize,
        400,
        theme.text,
      );
      if (item.count !== null)
        text(String(item.count), legendX + legendW, y, FRAME.itemSize, 400, theme.muted, 'end');
    }
  };
  if (content.selection) {
    text(
      fit(content.selection.heading, legendW, FRAME.headingSize, 600, measure),
      legendX,
      y,
      FRAME.headingSize,
      600,
      theme.text,
    );
    items(content.selection.items);
    y += FRAME.rowHeight + FRAME.headingSize - 4;
  }
  text(
    fit(content.legendHeading, legendW, FRAME.headingSize, 600, measure),
    legendX,
    y,
    FRAME.headingSize,
    600,
    theme.text,
  );
  items(content.legend);
  /** A key below the categories, set apart by a little space: its swatch, label and count. */
  const key = (swatch: SwatchBox, label: string, count: number | null) => {
    swatches.push(swatch);
    text(
      fit(label, labelMax, FRAME.itemSize, 400, measure),
      legendX + 20,
      y,
      FRAME.itemSize,
      400,
      theme.text,
    );
    if (count !== null) text(String(count), legendX + legendW, y, FRAME.itemSize, 400, theme.muted, 'end');
  };
  if (content.outside) {
    y += FRAME.rowHeight + 4;
    key(
      { cx: legendX + 6, cy: y - 4, r: 5.5, color: theme.muted, outside: true },
      content.outside.label,
      content.outside.count,
    );
  }
  if (content.library) {
    const lib = content.library;
    y += FRAME.rowHeight + 4;
    key({ cx: legendX + 6, cy: y - 4, r: 4.5, color: lib.color, ring: true }, lib.label, lib.count);
  }
  if (content.links.length > 0) {
    y += FRAME.rowHeight + FRAME.headingSize - 4;
    text('Links', legendX, y, FRAME.headingSize, 600, theme.text);
    for (const link of content.links) {
      y += FRAME.rowHeight;
      lines.push({
        x1: legendX,
        y1: y - 4,
        x2: legendX + 24,
        y2: y - 4,
        width: link.width,
        color: link.color,
        arrow: true,
      });
      text(
        fit(link.label, legendW - 34, FRAME.itemSize, 400, measure),
        legendX + 34,
        y,
        FRAME.itemSize,
        400,
        theme.text,
      );
    }
  }
  const legendBottom = y + 6;

  // caption under the view (and the legend, if it runs longer)
  const captionLines = wrapText(content.caption, textW, FRAME.captionSize, 400, measure);
  let cy = Math.max(viewTop + view.height, legendBottom) + 12;
  for (const line of captionLines) {
    cy += FRAME.captionSize + 5;
    text(line, m, cy, FRAME.captionSize, 400, theme.muted);
  }
  const height = Math.ceil(cy + m - 4);
  return { width: Math.ceil(width), height, view: viewBox, texts, swatches, lines, theme };
}
