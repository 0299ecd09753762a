/**
 * The timeline as the page shows it: packed at a width chosen so the whole timeline has the screen's
 * aspect ratio (a few passes; one correction for big graphs), with the page's band spacing. Pure, so
 * it runs the same on the main thread and in the timeline worker (src/render/timeline-job.ts).
 */
import { timelinePack, type TimelineInput, type TimelineResult } from './timeline';

export interface TimelineScreen {
  /** The screen area the timeline is framed in (without the axis and band names), in pixels. */
  width: number;
  height: number;
}

/** Graphs above this many papers get one width correction, smaller ones up to four. */
const ONE_PASS_ABOVE = 5000;

const timelineHeight = (t: TimelineResult) => (t.bands[0]?.top ?? 0) - (t.bands.at(-1)?.bottom ?? 0);

/** The most passes `fitTimeline` makes for `papers` papers (for progress). */
export function fitPasses(papers: number): number {
  return 1 + (papers > ONE_PASS_ABOVE ? 1 : 4);
}

/**
 * Packs the input so the timeline fits `screen`. Graph units ≈ screen pixels at the first view, so
 * node sizes (pixels) pack without overlap; the width is then adjusted until the timeline has the
 * screen's aspect ratio. Big graphs start wider, keeping the swarms' density (and the time to pack
 * them) bounded. `onProgress(fraction)` goes from 0 to 1 over the passes.
 */
export function fitTimeline(
  input: TimelineInput,
  screen: TimelineScreen,
  onProgress?: (fraction: number) => void,
): TimelineResult {
  const n = input.nodes.length;
  const passes = fitPasses(n);
  let pass = 0;
  const at = (width: number) => {
    const result = timelinePack(
      input,
      // room for a band's name (20 px) and little between bands: many bands must fit a screen
      { width, yearScale: 'balanced', minBandHeight: 28, bandGap: 8, bandPadding: 3 },
      onProgress
        ? (done, total) => onProgress(Math.min(1, (pass + done / Math.max(1, total)) / passes))
        : undefined,
    );
    pass++;
    return result;
  };
  const aspect = screen.height / screen.width;
  let width = screen.width * Math.max(1, Math.sqrt(n / 1500));
  let result = at(width);
  for (let p = 0; p < passes - 1; p++) {
    const off = timelineHeight(result) / width / aspect;
    if (Math.abs(Math.log(off)) < 0.08) break;
    width = Math.max(screen.width / 4, width * Math.sqrt(off));
    result = at(width);
  }
  onProgress?.(1);
  return result;
}
