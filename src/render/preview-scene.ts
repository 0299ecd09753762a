/**
 * What the preview draws (preview.ts): the papers of a big graph, straight from the compact form's
 * arrays, before the graph model exists. At 10⁵ papers, building the graphology graph and sigma's
 * first indexing take seconds of main-thread work after the binary is decoded; the preview puts the
 * papers on screen meanwhile, at the positions, sizes and colours of the first full frame (sigma's
 * framing of the graph at the default camera), without the links and labels that frame brings.
 * Pure (no renderer, no DOM): testable.
 */
import { matrixFromCamera } from 'sigma/utils';
import type { CameraState } from 'sigma/types';
import type { GraphBinary } from '../graph/binary/decode';
import { NO_COLOR } from '../graph/binary/format';

/** Sigma's stage padding, the renderer's and the preview's: the framing must be the same. */
export const STAGE_PADDING = 30;

/**
 * Nodes plus links of a big graph: its preview is drawn by WebGL (preview.ts), and the app's panels
 * mount while it shows (boot/first-frame.ts). Below, the full frame follows within a few frames.
 */
export const PREVIEW_FROM_ITEMS = 20_000;

/** The papers as the first full frame draws them, by node index. */
export interface PreviewNodes {
  /** Positions normalised as sigma does (the graph's extent into the unit square, ratio kept). */
  x: Float32Array;
  y: Float32Array;
  /** Radii in screen pixels at the default camera. */
  size: Float32Array;
  /** CSS colours (palette entries, shared). */
  color: string[];
  /** The extent of the positions, in graph coordinates (sigma's `graphExtent`). */
  extent: { x: [number, number]; y: [number, number] };
}

/**
 * What the first full frame draws for each paper of `bin`, coloured by the colour dimension `colorBy`
 * (papers without a category in it get `unknownColor`) and sized by the measure `sizeBy` (else the
 * paper's size), as the renderer's caches derive them (caches.ts `buildColors`, `buildSizes`).
 * Pure.
 */
export function previewNodes(
  bin: GraphBinary,
  colorBy: string,
  sizeBy: string,
  unknownColor: string,
): PreviewNodes {
  const n = bin.nodeCount;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = bin.x[i]!;
    const y = bin.y[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // sigma's createNormalizationFunction, over the same extent
  let ratio = Math.max(maxX - minX, maxY - minY);
  if (ratio === 0 || !Number.isFinite(ratio)) ratio = 1;
  const dX = Number.isFinite(minX) ? (maxX + minX) / 2 : 0;
  const dY = Number.isFinite(minY) ? (maxY + minY) / 2 : 0;
  const column = bin.colorDimensions.indexOf(colorBy);
  const measure = bin.measures.indexOf(sizeBy);
  const palette = column === -1 ? [] : bin.palettes[column + 1]!;
  const out: PreviewNodes = {
    x: new Float32Array(n),
    y: new Float32Array(n),
    size: new Float32Array(n),
    color: new Array<string>(n),
    extent: { x: [minX, maxX], y: [minY, maxY] },
  };
  for (let i = 0; i < n; i++) {
    out.x[i] = 0.5 + (bin.x[i]! - dX) / ratio;
    out.y[i] = 0.5 + (bin.y[i]! - dY) / ratio;
    const m = measure === -1 ? NaN : bin.measureValues[measure * n + i]!;
    out.size[i] = Number.isNaN(m) ? bin.size[i]! : m;
    const v = column === -1 ? NO_COLOR : bin.colors[(column + 1) * n + i]!;
    out.color[i] = v === NO_COLOR ? unknownColor : palette[v]!;
  }
  return out;
}

/** The matrix of sigma's default camera over a graph of `extent` in a `width` × `height` stage. */
export function previewMatrix(extent: PreviewNodes['extent'], width: number, height: number): Float32Array {
  const camera: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const graph = { width: extent.x[1] - extent.x[0] || 1, height: extent.y[1] - extent.y[0] || 1 };
  return matrixFromCamera(camera, { width, height }, graph, STAGE_PADDING);
}
