/**
 * Sigma whose WebGL layers draw through a present group (deferred-present.ts) from the moment their
 * contexts are made, and whose constructor does not draw (sigma's does): `drawFirst` does, once the
 * renderer listens. The renderer keeps the new canvases hidden until the first render is shown (a
 * canvas on screen is read back at its first frame whatever it holds, behind all the work the GPU
 * has queued), releases the group then, and later renders draw directly.
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
  declare protected firstDrawAllowed: boolean | undefined;

  /** The group the WebGL layers draw through (empty where the contexts are WebGL 1). */
  present(): PresentGroup {
    return (this.presentGroup ??= createPresentGroup());
  }

  override refresh(...args: Parameters<Sigma<N, E, G>['refresh']>): this {
    return this.firstDrawAllowed ? super.refresh(...args) : this;
  }

  /** Sigma's full refresh, which its constructor would have done: indexes and draws the graph. */
  drawFirst(): this {
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
    if (rank !== undefined) this.present().add(gl, rank);
    return gl;
  }
}
