/**
 * GIF recording with gifenc: each frame is read from the canvas, quantised to its own palette of
 * 256 colours and written with a delay of 1 / fps. Loaded on first use (dynamic import).
 */
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import type { FrameEncoder } from './encoders';

export function createGifEncoder(canvas: HTMLCanvasElement, fps: number): FrameEncoder {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('The browser gave no 2D canvas to read the frames from.');
  const { width, height } = canvas;
  let gif = GIFEncoder();
  const delay = 1000 / fps;
  return {
    codec: 'gif',
    mime: 'image/gif',
    extension: 'gif',
    async add() {
      const { data } = ctx.getImageData(0, 0, width, height);
      const palette = quantize(data, 256);
      const index = applyPalette(data, palette);
      gif.writeFrame(index, width, height, { palette, delay });
    },
    async finish() {
      gif.finish();
      return gif.bytes();
    },
    async cancel() {
      gif = GIFEncoder();
    },
  };
}
