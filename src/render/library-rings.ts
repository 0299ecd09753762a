/**
 * The rings around the papers of the reader's library: a 2D canvas above sigma's node layer (below
 * the labels, the focus veil and the hover layers), redrawn after each sigma render from the
 * precomputed set in the caches (O(library), not O(graph)). A paper hidden by the filters has no ring.
 */
import type Sigma from 'sigma';
import { LIBRARY_RING, ringRadius } from '../export/scene';
import type { EdgeAttributes, NodeAttributes } from '../model';
import type { RenderCaches } from './caches';
import { prepareOverlayCanvas } from './overlay-canvas';
import type { RenderTheme } from './theme';

export interface LibraryRings {
  /** Redraws the rings; call after each render. */
  draw(): void;
  /** How many rings the last draw drew (for tests). */
  drawn(): number;
  cleanup(): void;
}

export function createLibraryRings(
  sigma: Sigma<NodeAttributes, EdgeAttributes>,
  caches: () => RenderCaches,
  theme: () => RenderTheme,
): LibraryRings {
  const container = sigma.getContainer();
  const doc = container.ownerDocument;
  const canvas = doc.createElement('canvas');
  canvas.className = 'sigma-library-rings';
  canvas.style.cssText = 'position:absolute;inset:0;pointer-events:none';
  container.insertBefore(canvas, sigma.getCanvases().labels ?? null);
  const ctx = canvas.getContext('2d')!;
  let count = 0;
  return {
    draw() {
      const library = caches().library;
      const empty = !library || library.size === 0;
      // nothing to draw nor to clear: the canvas is not even sized
      if (empty && count === 0) return;
      const { width, height, ratio } = prepareOverlayCanvas(canvas, ctx, sigma, count > 0);
      count = 0;
      if (empty) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.strokeStyle = theme().library;
      ctx.lineWidth = LIBRARY_RING.width;
      for (const node of library) {
        const d = sigma.getNodeDisplayData(node);
        if (!d || d.hidden) continue;
        const p = sigma.framedGraphToViewport(d);
        const r = ringRadius(sigma.scaleSize(d.size));
        if (p.x < -r || p.y < -r || p.x > width + r || p.y > height + r) continue;
        ctx.beginPath();
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
        ctx.stroke();
        count += 1;
      }
    },
    drawn: () => count,
    cleanup() {
      canvas.remove();
    },
  };
}
