/**
 * A paper's disc on a 2D canvas, as the WebGL programs draw it: a filled disc, or, for a work outside
 * the list, the ring program's faint centre and rim in its colour (OUTSIDE_RING).
 */
import { OUTSIDE_RING, outsideRing } from '../export/scene';

export function paintNode2d(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  color: string,
  outside: boolean,
): void {
  ctx.beginPath();
  if (!outside) {
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = color;
    ctx.fill();
    return;
  }
  const { width, radius } = outsideRing(r);
  ctx.arc(x, y, radius, 0, Math.PI * 2);
  const alpha = ctx.globalAlpha;
  ctx.globalAlpha = alpha * OUTSIDE_RING.centreAlpha;
  ctx.fillStyle = color;
  ctx.fill();
  ctx.globalAlpha = alpha;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
}
