/**
 * The focus overlay: while a paper is hovered or selected, a veil fades the whole graph and the
 * neighbourhood's edges are drawn above it (the neighbourhood's nodes and labels are on sigma's hover
 * layers, above both). Hovering costs O(neighbourhood), not O(graph): the veil is one element and
 * the edges are the few of the focus, redrawn after each sigma render.
 */
import type Sigma from 'sigma';
import type { AtlasGraph } from '../graph/types';
import type { EdgeAttributes, NodeAttributes } from '../model';
import type { RenderCaches } from './caches';
import { prepareOverlayCanvas } from './overlay-canvas';
import type { RenderTheme } from './theme';

export interface FocusOverlay {
  /** Shows or hides the veil and redraws the focus edges; call after each render. */
  draw(): void;
  cleanup(): void;
}

export function createFocusOverlay(
  sigma: Sigma<NodeAttributes, EdgeAttributes>,
  graph: AtlasGraph,
  caches: () => RenderCaches,
  theme: () => RenderTheme,
): FocusOverlay {
  const container = sigma.getContainer();
  const doc = container.ownerDocument;
  const below = sigma.getCanvases().hovers ?? null;
  const veil = doc.createElement('div');
  veil.className = 'sigma-veil';
  veil.style.cssText = 'position:absolute;inset:0;pointer-events:none;display:none';
  const canvas = doc.createElement('canvas');
  canvas.className = 'sigma-focus-edges';
  canvas.style.cssText = 'position:absolute;inset:0;pointer-events:none';
  container.insertBefore(veil, below);
  container.insertBefore(canvas, below);
  const ctx = canvas.getContext('2d')!;
  let drawn = false;

  function drawEdge(edge: string, color: string, t: RenderTheme, extra: number): void {
    const source = sigma.getNodeDisplayData(graph.source(edge));
    const target = sigma.getNodeDisplayData(graph.target(edge));
    if (!source || !target || source.hidden || target.hidden) return;
    const a = sigma.framedGraphToViewport(source);
    const b = sigma.framedGraphToViewport(target);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    const r = sigma.scaleSize(target.size);
    if (len <= r + 1) return;
    const ux = dx / len;
    const uy = dy / len;
    const attrs = graph.getEdgeAttributes(edge);
    const width = t.edges[attrs.kind].size + extra;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = width;
    if (attrs.undirected) {
      // an undirected link: a plain line, rim to rim
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x - ux * r, b.y - uy * r);
      ctx.stroke();
      return;
    }
    const head = Math.max(7, width * 4);
    const tipX = b.x - ux * r;
    const tipY = b.y - uy * r;
    const baseX = tipX - ux * head;
    const baseY = tipY - uy * head;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(baseX, baseY);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(baseX - uy * head * 0.45, baseY + ux * head * 0.45);
    ctx.lineTo(baseX + uy * head * 0.45, baseY - ux * head * 0.45);
    ctx.closePath();
    ctx.fill();
  }

  return {
    draw() {
      const focus = caches().focus;
      if (!focus && !drawn) {
        // nothing to draw nor to clear: the canvas is not even sized (a full-size bitmap costs a
        // few milliseconds to allocate, on the first frame's path)
        veil.style.display = 'none';
        return;
      }
      const { ratio } = prepareOverlayCanvas(canvas, ctx, sigma, drawn);
      drawn = false;
      veil.style.display = focus ? 'block' : 'none';
      if (!focus) return;
      const t = theme();
      veil.style.background = t.veil;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const selection = focus.mode === 'selection';
      // a comparison's path is drawn bolder than a lineage
      const extra = focus.compare ? 1.8 : 0.8;
      for (const edge of focus.hood.outEdges)
        drawEdge(edge, selection ? t.references : t.highlightEdge, t, extra);
      for (const edge of focus.hood.inEdges)
        drawEdge(edge, selection ? t.citations : t.highlightEdge, t, extra);
      drawn = true;
    },
    cleanup() {
      veil.remove();
      canvas.remove();
    },
  };
}
