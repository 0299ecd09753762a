/**
 * Showing a render once the GPU has drawn it. Without a GPU (SwiftShader, what Chromium uses then)
 * the compositor reads every WebGL canvas drawn in a frame back on the main thread, and that waits
 * for the canvas's rasterisation: the page freezes for as long as the frame takes to rasterise. A
 * page's first frame costs most (each shader is compiled at its first draw): 110–140 ms of waiting
 * for the bundled graph's, measured in a trace, and seconds for a frame of 10⁵ papers.
 *
 * Here the layers draw into framebuffers of their own, which the compositor does not read; a fence
 * after each task that drew tells when the GPU is done, and a task just after a frame then copies
 * the framebuffers onto the canvases (`blitFramebuffer`, a few milliseconds on the main thread, and
 * about 25 ms of the GPU's for 10⁶ pixels, done before the next frame's read-back): the main thread
 * never waits for the rasterisation, and hardly for the copy. Measured on a frame of 2×10⁵
 * triangles: one task of 500 ms drawn directly, no task over 50 ms drawn here, the picture shown
 * 35–50 ms later.
 *
 * It works on WebGL 2 contexts (fences and framebuffer copies); `add` refuses a WebGL 1 context, and
 * those layers draw directly. Nothing is copied while any layer of the group is still drawing (a
 * canvas's read-back waits behind every context's queued work: one GPU thread runs them all), then
 * the layers are copied in rank order, one a frame (a read-back of a big canvas costs 15–20 ms on
 * a software rasteriser). It redirects the layer's default framebuffer (`bindFramebuffer` with
 * null, how sigma's programs and `clear` target the canvas) on the context instance only, and gives
 * the context back as it was once released and shown.
 */

export interface PresentGroup {
  /**
   * Draws `gl`'s canvas through the group from now on; false (nothing changed) for WebGL 1. Layers
   * are shown in the order of `rank` (lowest first), a copy a frame.
   */
  add(gl: WebGLRenderingContext | WebGL2RenderingContext, rank?: number, options?: AddOptions): boolean;
  /** The canvases of the layers drawn through the group. */
  canvases(): HTMLCanvasElement[];
  /** Whether the layers' draws go to the group's framebuffers (layers added, not yet given back). */
  deferring(): boolean;
  /** Stops deferring once what has been drawn is shown: later draws go to the canvases directly. */
  release(): void;
  /** Resolves once everything drawn so far is on the canvases (at once when nothing is pending). */
  presented(): Promise<void>;
  /** `performance.now()` when a present first showed the layers, null before. */
  firstPresentAt(): number | null;
  /** From the first draw after the last present to the present that showed it (ms), 0 before. */
  lastGpuMs(): number;
  /** Sets `onPresent` and `onShow` (a group made before its owner could say them). */
  configure(options: Omit<PresentOptions, 'win'>): void;
  /** Gives every context back as it was; pending draws are not shown. */
  cleanup(): void;
}

export interface PresentOptions {
  win?: Window;
  /** Called in the task of each present, after the copies (what must appear with them). */
  onPresent?: () => void;
  /** Called in the task of each layer's copy, after it (what must change with that canvas's picture). */
  onShow?: (canvas: HTMLCanvasElement) => void;
}

export interface AddOptions {
  /**
   * The canvas keeps showing what it shows until the layer's first copy (a picture drawn before,
   * moved meanwhile: picture-moves.ts); by default it is hidden until then.
   */
  keepShown?: boolean;
}

interface Layer {
  gl: WebGL2RenderingContext;
  framebuffer: WebGLFramebuffer;
  renderbuffer: WebGLRenderbuffer;
  width: number;
  height: number;
  /** The fence after the last task that drew, null when none is pending, and when it was set. */
  sync: WebGLSync | null;
  syncAt: number;
  /** Drawn since the last fence. */
  dirty: boolean;
  /** Since the last present: nothing, cleared only, or drawn; and whether the canvas shows a drawing. */
  unshown: 0 | 1 | 2;
  showing: boolean;
  /** The canvas is hidden until the layer is first shown (see `add`). */
  hidden: boolean;
  rank: number;
  bind: WebGL2RenderingContext['bindFramebuffer'];
  restore: Array<() => void>;
}

/** `frame` while a copy waits for its task (no animation frame to cancel). */
const COPY_PENDING = -1;

/** How long a fence is waited for (ms) before it is taken as signalled (`done`). */
export const FENCE_PATIENCE_MS = 10_000;

const DRAW_CALLS = ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced'] as const;

function canvasOf(layer: Layer): HTMLCanvasElement | null {
  const c = layer.gl.canvas as HTMLCanvasElement | OffscreenCanvas;
  return 'style' in c ? c : null;
}

function isWebGL2(gl: WebGLRenderingContext | WebGL2RenderingContext): gl is WebGL2RenderingContext {
  const g = gl as Partial<WebGL2RenderingContext>;
  return (
    typeof g.fenceSync === 'function' &&
    typeof g.getSyncParameter === 'function' &&
    typeof g.blitFramebuffer === 'function' &&
    typeof g.renderbufferStorage === 'function'
  );
}

export function createPresentGroup(options: PresentOptions = {}): PresentGroup {
  const win = options.win ?? window;
  let onPresent = options.onPresent;
  let onShow = options.onShow;
  const layers: Layer[] = [];
  let released = false;
  let gone = false;
  let fenceQueued = false;
  let frame = 0;
  let firstPresent: number | null = null;
  let drawnSince: number | null = null;
  let lastGpuMs = 0;
  let waiters: Array<() => void> = [];
  /** A layer was copied onto its canvas since the last `finish`. */
  let copied = false;

  /** (Re)allocates the layer's colour buffer at the canvas's drawing-buffer size. */
  function fit(layer: Layer): void {
    const { gl } = layer;
    const w = gl.drawingBufferWidth;
    const h = gl.drawingBufferHeight;
    if (w === layer.width && h === layer.height) return;
    gl.bindRenderbuffer(gl.RENDERBUFFER, layer.renderbuffer);
    gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, Math.max(1, w), Math.max(1, h));
    gl.bindRenderbuffer(gl.RENDERBUFFER, null);
    layer.width = w;
    layer.height = h;
  }

  function drew(layer: Layer, what: 1 | 2): void {
    layer.dirty = true;
    layer.unshown = Math.max(layer.unshown, what) as 1 | 2;
    drawnSince ??= win.performance.now();
    if (!fenceQueued) {
      fenceQueued = true;
      // after the task's whole render (sigma's are synchronous): one fence for all its draws
      queueMicrotask(fence);
    }
    if (!frame) frame = win.requestAnimationFrame(poll);
  }

  function fence(): void {
    fenceQueued = false;
    if (gone) return;
    for (const layer of layers) {
      if (!layer.dirty || layer.gl.isContextLost()) continue;
      layer.dirty = false;
      if (layer.sync) layer.gl.deleteSync(layer.sync);
      layer.sync = layer.gl.fenceSync(layer.gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      layer.syncAt = win.performance.now();
      // the draws go to the GPU now, not at the frame's end
      layer.gl.flush();
    }
  }

  function done(layer: Layer): boolean {
    if (layer.dirty) return false;
    if (!layer.sync) return true;
    const { gl } = layer;
    // a fence that never says so is taken as signalled after a while: the copy's read-back then
    // waits for the GPU, as a direct draw's would
    const signalled =
      gl.getSyncParameter(layer.sync, gl.SYNC_STATUS) === gl.SIGNALED ||
      win.performance.now() - layer.syncAt > FENCE_PATIENCE_MS;
    if (!signalled) return false;
    gl.deleteSync(layer.sync);
    layer.sync = null;
    return true;
  }

  function poll(): void {
    frame = 0;
    if (gone) return;
    if (layers.some((l) => l.gl.isContextLost())) {
      // a lost context shows nothing more; the renderer makes a new one
      cleanup();
      return;
    }
    // every layer checked (each fence that signalled is let go): nothing is copied while any
    // layer's draws are still rasterised, as a canvas's read-back waits behind all of them
    if (!layers.map(done).every(Boolean)) {
      frame = win.requestAnimationFrame(poll);
      return;
    }
    // the copy in a task of its own once this frame is committed: the next frame's commit reads
    // the canvas back, waiting for the copy on a software rasteriser (about 25 ms for a canvas of
    // 10⁶ pixels), and a copy made between two frames has had most of a frame by then; made here,
    // the commit just after waited for all of it (traced: tasks of 45–55 ms)
    frame = COPY_PENDING;
    win.setTimeout(copy, 0);
  }

  function copy(): void {
    frame = 0;
    if (gone) return;
    // drawn again since the frame that found every layer done, and not rasterised yet
    if (!layers.map(done).every(Boolean)) {
      frame = win.requestAnimationFrame(poll);
      return;
    }
    // In rank order, one copy a frame: each frame's commit reads the canvas copied onto back
    // (15–20 ms for a big canvas on a software rasteriser), not all of them at once. Canvases only
    // to be shown go with the first.
    const next = layers.find(needsCopy);
    if (next) show(next);
    for (const layer of layers) if (layer.hidden && !needsCopy(layer)) show(layer);
    if (layers.some(needsShowing)) frame = win.requestAnimationFrame(poll);
    else finish();
  }

  /**
   * Whether the layer must be copied onto its canvas: drawn, or cleared where the canvas shows a
   * drawing (a layer only cleared, on a canvas that shows nothing, is not: that would make the
   * compositor read the canvas back for nothing).
   */
  function needsCopy(layer: Layer): boolean {
    return layer.unshown === 2 || (layer.unshown === 1 && layer.showing);
  }

  /** Whether the layer must be copied onto its canvas, or its canvas shown. */
  function needsShowing(layer: Layer): boolean {
    return needsCopy(layer) || layer.hidden;
  }

  function show(layer: Layer): void {
    const copy = needsCopy(layer);
    layer.showing = layer.unshown === 2 || (layer.unshown === 0 && layer.showing);
    layer.unshown = 0;
    const { gl } = layer;
    if (copy) {
      layer.bind.call(gl, gl.READ_FRAMEBUFFER, layer.framebuffer);
      layer.bind.call(gl, gl.DRAW_FRAMEBUFFER, null);
      const w = Math.min(layer.width, gl.drawingBufferWidth);
      const h = Math.min(layer.height, gl.drawingBufferHeight);
      gl.blitFramebuffer(0, 0, w, h, 0, 0, w, h, gl.COLOR_BUFFER_BIT, gl.NEAREST);
      layer.bind.call(gl, gl.FRAMEBUFFER, layer.framebuffer);
      // to the GPU now, not at the commit's read-back
      gl.flush();
      copied = true;
    }
    if (layer.hidden) {
      layer.hidden = false;
      canvasOf(layer)?.style.removeProperty('visibility');
    }
    const canvas = canvasOf(layer);
    if (copy && canvas) onShow?.(canvas);
  }

  /** Everything drawn is on the canvases: the owner's `onPresent`, the waiters, and a release done. */
  function finish(): void {
    if (copied) {
      const now = win.performance.now();
      firstPresent ??= now;
      if (drawnSince !== null) lastGpuMs = now - drawnSince;
    }
    copied = false;
    drawnSince = null;
    if (released) giveBack();
    onPresent?.();
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  }

  /** Each context as it was: its own methods, its canvas's framebuffer bound, the buffers deleted. */
  function giveBack(): void {
    for (const layer of layers.splice(0)) {
      for (const r of layer.restore) r();
      if (layer.hidden) canvasOf(layer)?.style.removeProperty('visibility');
      const { gl } = layer;
      if (gl.isContextLost()) continue;
      if (layer.sync) gl.deleteSync(layer.sync);
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.deleteFramebuffer(layer.framebuffer);
      gl.deleteRenderbuffer(layer.renderbuffer);
    }
  }

  function cleanup(): void {
    if (gone) return;
    gone = true;
    win.cancelAnimationFrame(frame);
    frame = 0;
    giveBack();
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  }

  return {
    add(gl, rank = 0, addOptions = {}) {
      if (gone || released || !isWebGL2(gl)) return false;
      const framebuffer = gl.createFramebuffer();
      const renderbuffer = gl.createRenderbuffer();
      if (!framebuffer || !renderbuffer) return false;
      const bind = gl.bindFramebuffer;
      const layer: Layer = {
        gl,
        framebuffer,
        renderbuffer,
        width: -1,
        height: -1,
        sync: null,
        syncAt: 0,
        dirty: false,
        unshown: 0,
        showing: false,
        hidden: false,
        rank,
        bind,
        restore: [],
      };
      fit(layer);
      bind.call(gl, gl.FRAMEBUFFER, framebuffer);
      gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, renderbuffer);
      if (gl.checkFramebufferStatus(gl.FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) {
        bind.call(gl, gl.FRAMEBUFFER, null);
        gl.deleteFramebuffer(framebuffer);
        gl.deleteRenderbuffer(renderbuffer);
        return false;
      }
      // the canvas's framebuffer, asked for by null, is the group's; the size follows the canvas's
      const instance = gl as unknown as Record<string, unknown>;
      instance.bindFramebuffer = function (target: number, fb: WebGLFramebuffer | null) {
        if (fb !== null) return bind.call(gl, target, fb);
        fit(layer);
        return bind.call(gl, target, layer.framebuffer);
      };
      layer.restore.push(() => delete instance.bindFramebuffer);
      for (const name of [...DRAW_CALLS, 'clear' as const]) {
        const call = gl[name] as (...args: unknown[]) => void;
        const what = name === 'clear' ? 1 : 2;
        instance[name] = function (...args: unknown[]) {
          drew(layer, what);
          return call.apply(gl, args);
        };
        layer.restore.push(() => delete instance[name]);
      }
      // hidden until first shown: a canvas on screen is read back at its first frame whatever it
      // holds, behind all the draws the GPU has queued then
      const canvas = canvasOf(layer);
      if (canvas && !addOptions.keepShown) {
        canvas.style.visibility = 'hidden';
        layer.hidden = true;
      }
      // a canvas kept shown shows a drawing: what it shows is replaced by a copy, even a clear one
      if (addOptions.keepShown) layer.showing = true;
      layers.push(layer);
      layers.sort((a, b) => a.rank - b.rank);
      return true;
    },
    deferring: () => layers.length > 0,
    canvases: () => layers.map(canvasOf).filter((c): c is HTMLCanvasElement => c !== null),
    release() {
      if (released || gone) return;
      released = true;
      // given back at the next frame when nothing is pending
      if (!frame) frame = win.requestAnimationFrame(poll);
    },
    presented() {
      if (gone || (!frame && !fenceQueued)) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    firstPresentAt: () => firstPresent,
    lastGpuMs: () => lastGpuMs,
    configure(o) {
      if (o.onPresent) onPresent = o.onPresent;
      if (o.onShow) onShow = o.onShow;
    },
    cleanup,
  };
}
