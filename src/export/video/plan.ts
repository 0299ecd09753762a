/**
 * A recording of the playback, planned before it starts: how many frames (fps × seconds), which
 * month each frame shows (the first frame the sweep's first month, the last its last, evenly
 * between), and what the dialog says about it. Pure.
 */

export interface VideoOptions {
  /** Output size in pixels (even, as video encoders want). */
  width: number;
  height: number;
  fps: number;
  /** Length of the recording, seconds. */
  seconds: number;
}

export interface VideoPlan extends VideoOptions {
  frames: number;
  /** The month index each frame shows. */
  months: number[];
}

export const VIDEO_LIMITS = {
  minSide: 64,
  maxSide: 3840,
  fps: [5, 10, 15, 24, 30] as readonly number[],
  minSeconds: 1,
  maxSeconds: 300,
} as const;

/** The options, checked: a sentence naming what is wrong, or null. */
export function checkVideoOptions(o: VideoOptions): string | null {
  const L = VIDEO_LIMITS;
  for (const [name, v] of [
    ['Width', o.width],
    ['Height', o.height],
  ] as const) {
    if (!Number.isInteger(v) || v < L.minSide || v > L.maxSide)
      return `${name} must be a whole number of pixels from ${L.minSide} to ${L.maxSide}.`;
  }
  if (!Number.isFinite(o.fps) || o.fps <= 0 || o.fps > 60)
    return 'Frames per second must be between 1 and 60.';
  if (!Number.isFinite(o.seconds) || o.seconds < L.minSeconds || o.seconds > L.maxSeconds)
    return `The length must be from ${L.minSeconds} to ${L.maxSeconds} seconds.`;
  return null;
}

/** Even sizes: VP8/VP9 and the YUV 4:2:0 they encode need them. */
export function evenSize(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}

export function planVideo(range: readonly [number, number], o: VideoOptions): VideoPlan {
  const frames = Math.max(1, Math.round(o.fps * o.seconds));
  const span = range[1] - range[0];
  const months = Array.from({ length: frames }, (_, i) =>
    frames === 1 ? range[1] : range[0] + Math.round((i * span) / (frames - 1)),
  );
  return { ...o, frames, months };
}

/** "3 s · 15 frames at 5 fps · 73 months, about 24 a second". */
export function planSummary(plan: VideoPlan, range: readonly [number, number]): string {
  const months = range[1] - range[0] + 1;
  const perSecond = months / plan.seconds;
  const rate = perSecond >= 10 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
  return `${plan.seconds} s · ${plan.frames} frames at ${plan.fps} fps · ${months} months, about ${rate} a second`;
}

/** The length a sweep takes at the view's speed, as the dialog first offers it (whole seconds, at least 1). */
export function defaultSeconds(range: readonly [number, number], speed: number): number {
  return Math.min(
    VIDEO_LIMITS.maxSeconds,
    Math.max(VIDEO_LIMITS.minSeconds, Math.round((range[1] - range[0]) / speed)),
  );
}
