/**
 * The encoders a recording feeds, frame by frame, from one canvas: each frame is added with its
 * own timestamp (index / fps), so the result does not depend on how fast the machine draws.
 * Only the types live here; the encoders themselves (webm.ts with mediabunny, gif.ts with gifenc)
 * are loaded on first use.
 */

export interface FrameEncoder {
  /** What is written: the codec for a video ("vp9"), "gif" for a GIF. */
  readonly codec: string;
  readonly mime: string;
  readonly extension: string;
  /** Encodes what the canvas shows now as frame `index`. */
  add(index: number): Promise<void>;
  /** Ends the file and returns its bytes. */
  finish(): Promise<Uint8Array>;
  /** Drops everything encoded so far. */
  cancel(): Promise<void>;
}
