/**
 * Drawing a big graph over several frames. On a software rasteriser (SwiftShader, what Chromium uses
 * without a GPU) a frame of 10⁵ papers and 3×10⁵ links costs 1.7 s of rasterisation, and the page
 * waits for all of it: the compositor reads each WebGL canvas back on the main thread. Here a
 * render draws a budget of items a frame (draw-budget.ts: about `FRAME_TARGET_MS` a frame, learnt
 * from the frames, and at most `MOST_FRAMES` frames a render) onto layers that keep what was drawn
 * (`preserveDrawingBuffer`), and the page answers between the frames. On a GPU the budget doubles
 * each frame until a whole render fits in one, and later renders start from what was learnt.
 *
 * A new render (sigma's own: a refresh, a camera move, a resize) drops what is left of the last
 * and starts over; the highlighted layers of a hover are drawn apart (focus-refresh.ts) and do not
 * interrupt it. It uses sigma 3.0's program internals (`ProgramInternals`), checked first: the
 * programs' buffers stay on the GPU between frames, and each later frame binds them again and
 * draws the next range of vertices with the uniforms of the render.
 */
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { DeferredSigma } from './deferred-sigma';
import { FIRST_BUDGET, FRAME_TARGET_MS, frameItems, nextBudget, spendBudget } from './draw-budget';

/**
 * Sigma with layers that keep their pixels between frames, so a render can span several. Like
 * DeferredSigma, its constructor does not draw: `drawFirst` does, once the draws are installed.
 */
export class ProgressiveSigma<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends DeferredSigma<N, E, G> {
  override createWebGLContext(
    id: string,
    options?: Parameters<Sigma<N, E, G>['createWebGLContext']>[1],
  ): WebGLRenderingContext {
    const keep = id === 'nodes' || id === 'edges';
    return super.createWebGLContext(id, keep ? { ...options, preserveDrawingBuffer: true } : options);
  }
}

/** What a WebGL program of sigma 3.0 holds and does (private in its types). */
interface ProgramInfo {
  gl: WebGLRenderingContext;
  program: WebGLProgram;
  buffer: WebGLBuffer;
  frameBuffer: WebGLFramebuffer | null;
  isPicking?: boolean;
}
interface ProgramInternals {
  VERTICES: number;
  ATTRIBUTES: unknown[];
  isInstanced: boolean;
  verticesCount: number;
  normalProgram: ProgramInfo;
  pickProgram: ProgramInfo | null;
  renderProgram(params: unknown, info: ProgramInfo): void;
  drawWebGL(method: number, info: ProgramInfo): void;
  setUniforms(params: unknown, info: ProgramInfo): void;
  bindAttribute(attribute: unknown, info: ProgramInfo, offset: number): number;
  unbindProgram(info: ProgramInfo): void;
}
/** A compound program (an arrow: its line and its head) draws through programs of its own. */
interface CompoundProgram {
  programs: unknown[];
}
interface SigmaPrograms {
  nodePrograms: Record<string, unknown>;
  edgePrograms: Record<string, unknown>;
}

function isProgram(p: unknown): p is ProgramInternals {
  const q = p as Partial<ProgramInternals> | null;
  return (
    !!q &&
    typeof q.drawWebGL === 'function' &&
    typeof q.renderProgram === 'function' &&
    typeof q.setUniforms === 'function' &&
    typeof q.bindAttribute === 'function' &&
    typeof q.unbindProgram === 'function' &&
    Array.isArray(q.ATTRIBUTES) &&
    typeof q.VERTICES === 'number' &&
    typeof q.verticesCount === 'number'
  );
}

/** The drawing programs in a sigma program (itself, or a compound program's parts). */
function programsIn(p: unknown): ProgramInternals[] {
  if (isProgram(p)) return [p];
  const parts = (p as Partial<CompoundProgram> | null)?.programs;
  return Array.isArray(parts) ? parts.flatMap(programsIn) : [];
}

/** One program's draw (its picking or its visible pass) with items left to draw. */
interface Job {
  program: ProgramInternals;
  info: ProgramInfo;
  method: number;
  params: unknown;
  viewport: Int32Array;
  /** Next vertex to draw, and the vertex count. */
  next: number;
  total: number;
  /** 0 nodes, 1 their picking, 2 links, 3 theirs: the order the frames after the first finish them. */
  rank: number;
}

export interface ProgressiveDraws {
  /** Whether the last render still has items to draw. */
  pending(): boolean;
  /** Frames the last completed render took (1: all at once). */
  framesOfLast(): number;
  /**
   * From the start of the last completed render to its last frame, ms: 0 when it was drawn in one
   * frame (or none completed yet).
   */
  lastDrawMs(): number;
  /** `performance.now()` when the first render was complete, null before. */
  firstCompleteAt(): number | null;
  /** `performance.now()` when the last completed render was, null before. */
  lastCompleteAt(): number | null;
  /** Resolves when the first render has drawn everything (or the draws are undone first). */
  firstComplete(): Promise<void>;
  /** Items a frame may draw now; `setBudget(null)` goes back to learning it from the frames. */
  budget(): number;
  setBudget(items: number | null): void;
  cleanup(): void;
}

export interface ProgressiveOptions {
  win?: Window;
  budget?: number;
  target?: number;
  /**
   * Whether a render starting now is drawn whole, in one frame: while its layers are shown once
   * rasterised (deferred-present.ts), the page does not wait for the rasterisation, and the whole
   * render is rasterised sooner than in parts.
   */
  whole?: () => boolean;
}

/**
 * Draws `sigma`'s renders a budget at a time (see above). Returns null when sigma lacks what it
 * needs: renders are then drawn whole, as sigma does.
 *
 * The first frame draws every node (a render never shows fewer papers than the last: a layout's
 * animation renders every frame) and the links as far as its budget goes; a picking pass only when
 * its program fits whole. The frames after finish the rest in the order the picture needs: the
 * nodes' picking (hovering works from then on), then the links.
 */
export function installProgressiveDraws<N extends Attributes, E extends Attributes>(
  sigma: ProgressiveSigma<N, E>,
  options: ProgressiveOptions = {},
): ProgressiveDraws | null {
  const s = sigma as unknown as SigmaPrograms;
  if (typeof s.nodePrograms !== 'object' || typeof s.edgePrograms !== 'object') return null;
  const win = options.win ?? window;
  const target = options.target ?? FRAME_TARGET_MS;
  let budget = options.budget ?? FIRST_BUDGET;
  let fixed: number | null = null;
  let jobs: Job[] = [];
  let drawing = false;
  // items the current render draws (null until its first draw: sigma's process may change them),
  // items the current frame may still draw, and items it drew
  let renderItems: number | null = null;
  // the current render is drawn in one frame (options.whole)
  let wholeRender = false;
  let remaining = 0;
  let used = 0;
  let frame = 0;
  let frames = 1;
  let lastFrames = 1;
  let frameStart = 0;
  let renderStart = 0;
  let lastDrawMs = 0;
  let firstComplete: number | null = null;
  let lastComplete: number | null = null;
  let resolveFirst: () => void = () => {};
  const first = new Promise<void>((resolve) => (resolveFirst = resolve));
  const restore: Array<() => void> = [];
  const wrapped = new WeakSet<ProgramInternals>();

  function wrap(p: ProgramInternals, kind: 0 | 2): void {
    if (wrapped.has(p)) return;
    wrapped.add(p);
    const renderProgram = p.renderProgram;
    const drawWebGL = p.drawWebGL;
    let params: unknown = null;
    p.renderProgram = function (this: ProgramInternals, ps: unknown, info: ProgramInfo) {
      params = ps;
      return renderProgram.call(this, ps, info);
    };
    p.drawWebGL = function (this: ProgramInternals, method: number, info: ProgramInfo) {
      if (drawing && renderItems === null) {
        renderItems = countItems();
        remaining = wholeRender ? Number.POSITIVE_INFINITY : frameItems(budget, renderItems);
      }
      const items = p.verticesCount / p.VERTICES;
      const picking = !!info.isPicking;
      const whole = (kind === 0 && !picking) || items * (picking ? 2 : 1) <= remaining;
      if (!drawing || p.isInstanced || whole) {
        if (drawing) {
          remaining -= items;
          used += items;
        }
        return drawWebGL.call(this, method, info);
      }
      const now = picking ? 0 : Math.max(0, Math.min(items, remaining));
      const gl = info.gl;
      if (now > 0) {
        gl.bindFramebuffer(gl.FRAMEBUFFER, info.frameBuffer);
        gl.drawArrays(method, 0, now * p.VERTICES);
        remaining -= now;
        used += now;
      }
      jobs.push({
        program: p,
        info,
        method,
        params,
        viewport: gl.getParameter(gl.VIEWPORT) as Int32Array,
        next: now * p.VERTICES,
        total: p.verticesCount,
        rank: kind + (picking ? 1 : 0),
      });
    };
    restore.push(() => {
      delete (p as Partial<ProgramInternals>).renderProgram;
      delete (p as Partial<ProgramInternals>).drawWebGL;
    });
  }

  /** Items the programs draw, picking passes included. */
  function countItems(): number {
    let n = 0;
    for (const [p] of programs()) n += (p.verticesCount / p.VERTICES) * (p.pickProgram ? 2 : 1);
    return n;
  }

  function programs(): Array<[ProgramInternals, 0 | 2]> {
    return [
      ...Object.values(s.nodePrograms)
        .flatMap(programsIn)
        .map((p): [ProgramInternals, 0 | 2] => [p, 0]),
      ...Object.values(s.edgePrograms)
        .flatMap(programsIn)
        .map((p): [ProgramInternals, 0 | 2] => [p, 2]),
    ];
  }

  function drawRange(job: Job, count: number): void {
    const { program: p, info } = job;
    const gl = info.gl;
    gl.viewport(job.viewport[0]!, job.viewport[1]!, job.viewport[2]!, job.viewport[3]!);
    gl.bindBuffer(gl.ARRAY_BUFFER, info.buffer);
    let offset = 0;
    for (const attribute of p.ATTRIBUTES) offset += p.bindAttribute(attribute, info, offset);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    gl.enable(gl.BLEND);
    gl.useProgram(info.program);
    p.setUniforms(job.params, info);
    gl.bindFramebuffer(gl.FRAMEBUFFER, info.frameBuffer);
    gl.drawArrays(job.method, job.next, count);
    p.unbindProgram(info);
    // as sigma leaves it after a render: the canvas's own framebuffer bound
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  }

  function complete(now: number): void {
    lastFrames = frames;
    lastDrawMs = frames > 1 ? now - renderStart : 0;
    firstComplete ??= now;
    lastComplete = now;
    resolveFirst();
  }

  function continueDrawing(now: number): void {
    frame = 0;
    if (fixed === null) budget = nextBudget(budget, used, now - frameStart, target);
    frameStart = now;
    frames += 1;
    used = 0;
    const left = jobs.map((j) => (j.total - j.next) / j.program.VERTICES);
    spendBudget(left, frameItems(budget, renderItems ?? 0)).forEach((items, i) => {
      if (items <= 0) return;
      const job = jobs[i]!;
      drawRange(job, items * job.program.VERTICES);
      job.next += items * job.program.VERTICES;
      used += items;
    });
    jobs = jobs.filter((j) => j.next < j.total);
    if (jobs.length > 0) frame = win.requestAnimationFrame(continueDrawing);
    else complete(now);
  }

  function cancel(): void {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    jobs = [];
  }

  const before = () => {
    cancel();
    for (const [p, kind] of programs()) wrap(p, kind);
    drawing = true;
    wholeRender = options.whole?.() ?? false;
    renderItems = null;
    remaining = 0;
    used = 0;
    frames = 1;
    frameStart = renderStart = win.performance.now();
  };
  const after = () => {
    drawing = false;
    // stable: programs of one rank keep sigma's order
    jobs.sort((a, b) => a.rank - b.rank);
    if (jobs.length > 0) frame = win.requestAnimationFrame(continueDrawing);
    else complete(win.performance.now());
  };
  sigma.on('beforeRender', before);
  sigma.on('afterRender', after);

  return {
    pending: () => jobs.length > 0,
    framesOfLast: () => lastFrames,
    lastDrawMs: () => lastDrawMs,
    firstCompleteAt: () => firstComplete,
    lastCompleteAt: () => lastComplete,
    firstComplete: () => first,
    budget: () => budget,
    setBudget(items) {
      fixed = items;
      if (items !== null) budget = Math.max(1, Math.floor(items));
    },
    cleanup() {
      cancel();
      resolveFirst();
      sigma.off('beforeRender', before);
      sigma.off('afterRender', after);
      for (const r of restore) r();
    },
  };
}
