/**
 * Sigma whose WebGL layers draw through a present group (deferred-present.ts) from the moment their
 * contexts are made, and whose constructor does not draw (sigma's does): `drawFirst` does, once the
 * renderer listens. The renderer keeps the new canvases hidden until the first render is shown (a
 * canvas on screen is read back at its first frame whatever it holds, behind all the work the GPU
 * has queued), releases the group then, and later renders draw directly, but for the graph drawn
 * after a move (`presentAgain`, picture-moves.ts).
 */
import Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { createPresentGroup, type PresentGroup } from './deferred-present';
import { drawlessLayer, hoversDrawnOn2d } from './hover-program';

/**
 * The layers drawn through the group: the WebGL layers on screen. Not sigma's WebGL hover layer,
 * which the renderer hides (its papers are drawn on a 2D canvas: hover-program.ts); each render
 * clears it, and a canvas on screen changed in a frame is read back behind all the GPU's queued work
 * (one GPU thread runs every context's commands).
 */
const DEFERRED_LAYERS = new Map([
  // shown in this order, a copy a frame: the papers first
  ['nodes', 0],
  ['edges', 1],
]);

export class DeferredSigma<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends Sigma<N, E, G> {
  // no initialisers: sigma's constructor makes the contexts and calls refresh() before a
  // subclass's fields would be set
  declare private presentGroup: PresentGroup | undefined;
  /** The contexts drawn through the first group, for the groups of later renders (`presentAgain`). */
  declare private deferredContexts: Array<{ gl: WebGLRenderingContext; rank: number }> | undefined;
  /** The group of the last `presentAgain`. */
  declare private againGroup: PresentGroup | undefined;
  declare protected firstDrawAllowed: boolean | undefined;
  /** Program registrations kept from sigma's constructor, by kind and type, in order. */
  declare private keptPrograms: Map<string, () => void> | undefined;
  declare private programsRegistered: boolean | undefined;
  declare private killed: boolean | undefined;

  static {
    // Sigma's constructor registers every program: each compiles its shaders and waits for their
    // status (15–20 ms at 10⁴ papers, traced), in the task that makes the WebGL contexts (with
    // them, tasks of 50–60 ms in some loads). Nothing uses a program before the graph is indexed,
    // so they are kept until then, and registered a task each (`registerKeptPrograms`). Sigma's
    // registration is private in its types.
    const proto = DeferredSigma.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const kind of ['Node', 'Edge']) {
      const register = proto[`register${kind}Program`]!;
      const unregister = proto[`unregister${kind}Program`]!;
      proto[`register${kind}Program`] = function (this: DeferredSigma, type: unknown, ...rest: unknown[]) {
        const key = `${kind}:${String(type)}`;
        if (!this.programsRegistered) {
          // a later registration of the same type replaces the kept one
          (this.keptPrograms ??= new Map()).set(key, () => register.call(this, type, ...rest));
          return this;
        }
        return register.call(this, type, ...rest);
      };
      proto[`unregister${kind}Program`] = function (this: DeferredSigma, type: unknown) {
        this.keptPrograms?.delete(`${kind}:${String(type)}`);
        return unregister.call(this, type);
      };
    }
  }

  /**
   * Registers the programs kept from sigma's constructor (and any asked for meanwhile), one after
   * each `pause`, then makes later registrations at once. Resolves false if the renderer was killed
   * meanwhile.
   */
  async registerKeptPrograms(pause: () => Promise<void>): Promise<boolean> {
    while (!this.killed && this.keptPrograms?.size) {
      await pause();
      if (!this.killed) this.registerOneKept();
    }
    if (this.killed) return false;
    this.registerKeptNow();
    return true;
  }

  /** Registers every kept program now; later registrations are made at once. */
  protected registerKeptNow(): void {
    while (this.registerOneKept());
    this.programsRegistered = true;
  }

  private registerOneKept(): boolean {
    const next = this.keptPrograms?.entries().next();
    if (!next || next.done) return false;
    this.keptPrograms!.delete(next.value[0]);
    next.value[1]();
    return true;
  }

  override kill(): void {
    this.killed = true;
    this.againGroup?.cleanup();
    super.kill();
  }

  /** Whether the layers draw through a group now (the first render's, or a later one's). */
  deferring(): boolean {
    return !!this.presentGroup?.deferring() || !!this.againGroup?.deferring();
  }

  /** The group the WebGL layers draw through (empty where the contexts are WebGL 1). */
  present(): PresentGroup {
    return (this.presentGroup ??= createPresentGroup());
  }

  /**
   * A group for the renders from now on until it is released and has shown them, over the same
   * layers as the first, whose canvases keep showing their picture until their copy (a picture moved
   * while the camera moved: picture-moves.ts). The group of the last call while it still defers;
   * null while the first group defers, or where its layers draw directly (WebGL 1).
   */
  presentAgain(): PresentGroup | null {
    if (this.presentGroup?.deferring() || !this.deferredContexts?.length) return null;
    if (this.againGroup?.deferring()) return this.againGroup;
    const group = createPresentGroup();
    for (const { gl, rank } of this.deferredContexts) group.add(gl, rank, { keepShown: true });
    if (!group.deferring()) return null;
    this.againGroup = group;
    return group;
  }

  override refresh(...args: Parameters<Sigma<N, E, G>['refresh']>): this {
    return this.firstDrawAllowed ? super.refresh(...args) : this;
  }

  /** Sigma's full refresh, which its constructor would have done: indexes and draws the graph. */
  drawFirst(): this {
    // the programs not registered yet, at once
    this.registerKeptNow();
    this.firstDrawAllowed = true;
    return super.refresh();
  }

  override createWebGLContext(
    id: string,
    options?: Parameters<Sigma<N, E, G>['createWebGLContext']>[1],
  ): WebGLRenderingContext {
    // no context for the hover layer when the hovered papers are drawn on a 2D canvas
    // (sigma asks for it with no options)
    if (id === 'hoverNodes' && options === undefined && hoversDrawnOn2d(this.getSettings()))
      return super.createWebGLContext(id, { canvas: drawlessLayer(this.createCanvas(id)) });
    const gl = super.createWebGLContext(id, options);
    const rank = DEFERRED_LAYERS.get(id);
    if (rank !== undefined && this.present().add(gl, rank)) (this.deferredContexts ??= []).push({ gl, rank });
    return gl;
  }
}
