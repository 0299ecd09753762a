/**
 * The framed image of an export on a 2D canvas: the view's canvas in its box, then the frame's
 * title, legend swatches and keys, link keys and caption (src/export/frame.ts lays them out; the SVG
 * writer draws the same layout). Text is measured with the same canvas font.
 */
import type { FrameLayout, MeasureText } from '../export/frame';
import { LIBRARY_RING, type SceneEdge } from '../export/scene';
import { drawEdges } from './export-image';
import { paintNode2d } from './node-2d';

/** Text widths from a 2D canvas, for `frameLayout`. */
export function canvasMeasure(doc: Document, family: string): MeasureText {
  const ctx = doc.createElement('canvas').getContext('2d')!;
  return (text, size, weight) => {
    ctx.font = `${weight} ${size}px ${family}`;
    return ctx.measureText(text).width;
  };
}

/** The framed image as a PNG (see `composeFramed`). */
export function composeFramedPng(view: HTMLCanvasElement, frame: FrameLayout, scale: number): Promise<Blob> {
  const out = composeFramed(view, frame, scale);
  return new Promise((resolve, reject) => {
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG image.'))),
      'image/png',
    );
  });
}

/** The framed image: background, the view canvas in its box, then the frame's text, swatches and keys. */
export function composeFramed(view: HTMLCanvasElement, frame: FrameLayout, scale: number): HTMLCanvasElement {
  const doc = view.ownerDocument;
  const out = doc.createElement('canvas');
  out.width = Math.round(frame.width * scale);
  out.height = Math.round(frame.height * scale);
  const ctx = out.getContext('2d')!;
  ctx.scale(scale, scale);
  const { theme } = frame;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, frame.width, frame.height);
  const v = frame.view;
  ctx.drawImage(view, v.x, v.y, v.width, v.height);
  ctx.strokeStyle = theme.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(v.x + 0.5, v.y + 0.5, v.width - 1, v.height - 1);
  for (const l of frame.lines) {
    const edge: SceneEdge = {
      source: { x: l.x1, y: l.y1, r: 0, color: l.color },
      target: { x: l.x2, y: l.y2, r: 0, color: l.color },
      width: l.width,
      color: l.color,
    };
    drawEdges(ctx, [edge], { lengthRatio: 3.5, minLength: 6, halfWidthRatio: 0.45 });
  }
  for (const s of frame.swatches) {
    if (s.outside) {
      // as the ring program draws a work outside the list: a faint disc, a rim in the colour
      paintNode2d(ctx, s.cx, s.cy, s.r, s.color, true);
      continue;
    }
    ctx.beginPath();
    ctx.arc(s.cx, s.cy, s.r, 0, Math.PI * 2);
    if (s.ring) {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = LIBRARY_RING.width;
      ctx.stroke();
      continue;
    }
    ctx.fillStyle = s.color;
    ctx.fill();
    ctx.strokeStyle = 'rgba(0,0,0,0.15)';
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  for (const t of frame.texts) {
    ctx.font = `${t.weight} ${t.size}px ${theme.fontFamily}`;
    ctx.fillStyle = t.color;
    ctx.textAlign = t.anchor === 'end' ? 'right' : 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(t.text, t.x, t.y);
  }
  return out;
}
