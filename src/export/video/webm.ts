/**
 * WebM recording: WebCodecs encodes VP9 (or VP8 where VP9 is not offered), mediabunny muxes the
 * frames into WebM. Loaded on first use (dynamic import) with mediabunny.
 */
import {
  BufferTarget,
  canEncodeVideo,
  CanvasSource,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
  type VideoCodec,
} from 'mediabunny';
import type { FrameEncoder } from './encoders';

/** Whether this browser has WebCodecs' video encoder at all. */
export function hasWebCodecs(): boolean {
  return typeof VideoEncoder !== 'undefined';
}

/** The first of VP9 and VP8 the browser can encode at this size, or null. */
export async function webmCodec(width: number, height: number, fps: number): Promise<VideoCodec | null> {
  if (!hasWebCodecs()) return null;
  for (const codec of ['vp9', 'vp8'] as const) {
    if (await canEncodeVideo(codec, { width, height, frameRate: fps, quality: QUALITY_HIGH })) return codec;
  }
  return null;
}

export async function createWebmEncoder(canvas: HTMLCanvasElement, fps: number): Promise<FrameEncoder> {
  const codec = await webmCodec(canvas.width, canvas.height, fps);
  if (!codec) throw new Error('This browser cannot encode VP9 or VP8 video (WebCodecs).');
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    codec,
    mime: 'video/webm',
    extension: 'webm',
    add: (index) => source.add(index / fps, 1 / fps),
    async finish() {
      await output.finalize();
      if (!target.buffer) throw new Error('The WebM writer produced no data.');
      return new Uint8Array(target.buffer);
    },
    cancel: () => output.cancel(),
  };
}
