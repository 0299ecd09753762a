/**
 * A 2D canvas laid over sigma's: sized to the graph's container at the device pixel ratio, and
 * cleared before each redraw (only when something was drawn on it since).
 */

/**
 * Fits `canvas` to the size of `sigma` (the renderer it overlays) and the device pixel ratio (resizing also clears it), or clears
 * it when `dirty`; returns the CSS size and the ratio, for drawing in CSS pixels.
 */
export function prepareOverlayCanvas(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  sigma: { getDimensions(): { width: number; height: number } },
  dirty: boolean,
): { width: number; height: number; ratio: number } {
  const { width, height } = sigma.getDimensions();
  const ratio = canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  } else if (dirty) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
  }
  return { width, height, ratio };
}
