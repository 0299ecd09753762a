/**
 * The boot path's first step, in a chunk of its own that loads with the page's first module: the
 * compact form's binary fetched and decoded, the app's frame (ui/shell.ts) built, and the papers
 * drawn from the binary's arrays (render/preview.ts) while sigma, graphology and the renderer still
 * load (boot/first-frame.ts, which takes over from here). A bare sigma page draws nothing before its
 * library has loaded; here the papers show as soon as the binary has arrived.
 *
 * It applies when the datasets list names a compact form for the graph and the graph has no works
 * outside the list (drawn as rings, which need the side table). Otherwise, or when anything fails,
 * it returns null and start.ts loads the graph the usual way, reporting what is wrong. No schema
 * library here (see model/vocab.ts): the metadata is checked in the shape the first frame reads.
 */
import { checkMetaShape, decodeGraphBinary, type GraphBinary } from '../graph/binary/decode';
import { fileName } from '../graph/binary/format';
import type { CompactFiles, GraphPrefetch } from '../graph/prefetch';
import { drawPreview, type Preview } from '../render/preview';
import { PREVIEW_FROM_ITEMS, previewNodes } from '../render/preview-scene';
import { initialViewState } from '../state/view';
import type { ViewState } from '../state/types';
import { createShell, type Shell } from '../ui/shell';

export interface EarlyPicture {
  bin: GraphBinary;
  /** The binary's file name, for messages. */
  name: string;
  compact: CompactFiles;
  shell: Shell;
  /** The default view the papers are drawn in. */
  state: ViewState;
  /** The papers on a canvas of their own, over the stage, until the first render is whole. */
  preview: Preview;
  /**
   * PREVIEW_FROM_ITEMS papers and links or more: the preview is drawn by WebGL, and the app's panels
   * mount while it shows (first-frame.ts).
   */
  big: boolean;
}

/**
 * Fetches and decodes the binary named by `prefetch`, builds the app's frame in `root` and draws the
 * papers; null when the boot path does not apply. Never rejects.
 */
export async function drawEarlyPicture(
  root: HTMLElement,
  prefetch: GraphPrefetch | null,
  fetchEarly: typeof fetch,
): Promise<EarlyPicture | null> {
  try {
    if (prefetch === null) return null;
    const compact = await prefetch.compact;
    if (compact === null) return null;
    const response = await fetchEarly(compact.binary);
    if (!response.ok) return null;
    const buffer = await response.arrayBuffer();
    performance.mark('atlas:fetched');
    const name = fileName(compact.binary);
    const bin = decodeGraphBinary(buffer, name, checkMetaShape);
    performance.mark('atlas:parsed');
    if (bin.meta.inputsHash !== compact.inputsHash || (bin.meta.counts.outside ?? 0) > 0) return null;
    const meta = bin.meta;
    const shell = createShell(root, meta);
    const state = initialViewState(meta);
    const nodes = previewNodes(bin, state.colorBy, state.sizeBy, meta.taxonomy.unknownColor);
    const big = bin.nodeCount + bin.edgeCount >= PREVIEW_FROM_ITEMS;
    const preview = drawPreview(shell.canvas, nodes, big);
    void preview.shown.then(() => performance.mark('atlas:preview-shown'));
    return { bin, name, compact, shell, state, preview, big };
  } catch (e) {
    console.debug('The first frame was left to the app:', e);
    return null;
  }
}
