/**
 * Sigma's hover layer drawn on its 2D canvas. Sigma draws the hovered and highlighted papers by
 * WebGL, on a canvas of their own (`hoverNodes`) above the hover labels. Where Chromium composites on
 * the CPU (no GPU: the development machine's software rendering), a frame reads each changed WebGL
 * canvas back (3–4 ms for 990×752 px) and blends every canvas on screen, a WebGL one in 2.5 ms: a
 * hover's frame took longer than a frame's interval at 10⁵ papers, and the next frame came late.
 * A hover draws a few discs: here they go on the `hovers` 2D canvas after the labels (where the
 * WebGL layer above them put them), the WebGL canvas is hidden (`hideUndrawnLayers`), and no shader
 * is compiled for it.
 */
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { NodeProgramType } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { paintNode2d } from './node-2d';

/**
 * Sigma's programs fade a disc out over the last CSS pixel inside its radius; a 2D canvas
 * antialiases over a pixel centred on the path: half a pixel in, the edges fall on the same pixels.
 */
const RIM_INSET = 0.5;
/** Beyond any canvas, in CSS px: the clip's outer rectangle. */
const CLIP_FAR = 1e6;
/** Marks the programs below: they never use the WebGL context sigma hands them. */
const CANVAS_HOVER = Symbol('draws on the hovers 2D canvas');

/**
 * A node program for sigma's `nodeHoverProgramClasses`: the nodes sigma hands it (already reduced)
 * as discs, or as the rings of works outside the list when `outside`, on the renderer's `hovers`
 * canvas. It draws in CSS pixels: sigma scales that context to the pixel ratio.
 */
export function canvasHoverProgram<N extends Attributes, E extends Attributes, G extends Attributes>(
  outside: boolean,
  keepClear: () => readonly number[] = () => [],
): NodeProgramType<N, E, G> {
  return class CanvasHoverProgram {
    static readonly [CANVAS_HOVER] = true;
    drawLabel = undefined;
    drawHover = undefined;
    private nodes: NodeDisplayData[] = [];

    constructor(
      _gl: WebGLRenderingContext,
      _pickingBuffer: WebGLFramebuffer | null,
      private readonly renderer: Sigma<N, E, G>,
    ) {}

    reallocate(capacity: number): void {
      this.nodes = new Array<NodeDisplayData>(capacity);
    }

    process(_nodeIndex: number, offset: number, data: NodeDisplayData): void {
      this.nodes[offset] = data;
    }

    render(_params: RenderParams): void {
      const ctx = this.renderer.getCanvases().hovers?.getContext('2d');
      if (!ctx) return;
      const clear = keepClear();
      if (clear.length > 0) {
        // everywhere but the boxes (even-odd: inside a box is inside two rectangles)
        ctx.save();
        ctx.beginPath();
        ctx.rect(-CLIP_FAR, -CLIP_FAR, 2 * CLIP_FAR, 2 * CLIP_FAR);
        for (let i = 0; i + 3 < clear.length; i += 4)
          ctx.rect(clear[i]!, clear[i + 1]!, clear[i + 2]! - clear[i]!, clear[i + 3]! - clear[i + 1]!);
        ctx.clip('evenodd');
      }
      for (const data of this.nodes) {
        // hidden nodes are left out, as sigma's programs leave them out
        if (!data || data.hidden) continue;
        const p = this.renderer.framedGraphToViewport(data);
        const r = this.renderer.scaleSize(data.size) - RIM_INSET;
        if (r > 0) paintNode2d(ctx, p.x, p.y, r, data.color, outside);
      }
      if (clear.length > 0) ctx.restore();
    }

    kill(): void {
      this.nodes = [];
    }
  };
}

/**
 * A hover program per node program type: the ring type's draws rings, every other type discs.
 * `keepClear` gives boxes ([x0, y0, x1, y1, ...], CSS px) the discs are not drawn over: the text of
 * the hovered or selected paper's card (labels.ts `cardTexts`), which the labels' pass drew below.
 */
export function canvasHoverPrograms<N extends Attributes, E extends Attributes, G extends Attributes>(
  types: Iterable<string>,
  ringType: string,
  keepClear?: () => readonly number[],
): Record<string, NodeProgramType<N, E, G>> {
  const out: Record<string, NodeProgramType<N, E, G>> = {};
  for (const type of types) out[type] = canvasHoverProgram<N, E, G>(type === ringType, keepClear);
  return out;
}

/**
 * Whether every node program type of `settings` has a hover program of this module: then sigma's
 * WebGL hover layer is never drawn on, and needs no context (`drawlessContext`).
 */
export function hoversDrawnOn2d(settings: {
  nodeProgramClasses: Record<string, unknown>;
  nodeHoverProgramClasses: Record<string, unknown>;
}): boolean {
  return Object.keys(settings.nodeProgramClasses).every((type) => {
    const program = settings.nodeHoverProgramClasses[type] as { [CANVAS_HOVER]?: boolean } | undefined;
    return program?.[CANVAS_HOVER] === true;
  });
}

/**
 * What sigma's hover layer holds instead of a WebGL context when no program draws on it
 * (`hoversDrawnOn2d`): the calls sigma makes on that layer (blending set on making it, clearing it
 * before each hover pass and in `clear`, its viewport set on resizing, lost when killed) do
 * nothing. Making a context is 6–7 ms with software WebGL, in the task that makes the renderer.
 */
export function drawlessContext(canvas: HTMLCanvasElement): WebGLRenderingContext {
  const nothing = (): void => undefined;
  const context: Pick<
    WebGLRenderingContext,
    | 'canvas'
    | 'COLOR_BUFFER_BIT'
    | 'ONE'
    | 'ONE_MINUS_SRC_ALPHA'
    | 'clear'
    | 'viewport'
    | 'blendFunc'
    | 'isContextLost'
  > & { getExtension(name: string): null } = {
    canvas,
    COLOR_BUFFER_BIT: 0x4000,
    ONE: 1,
    ONE_MINUS_SRC_ALPHA: 0x303,
    clear: nothing,
    viewport: nothing,
    blendFunc: nothing,
    isContextLost: () => false,
    getExtension: () => null,
  };
  return context as unknown as WebGLRenderingContext;
}

/**
 * `canvas` for sigma's `createWebGLContext` (its `canvas` option): its next `getContext` answers a
 * `drawlessContext`, once; after that the canvas answers as any canvas does.
 */
export function drawlessLayer(canvas: HTMLCanvasElement): HTMLCanvasElement {
  const lend = (() => {
    delete (canvas as Partial<Pick<HTMLCanvasElement, 'getContext'>>).getContext;
    return drawlessContext(canvas);
  }) as unknown as HTMLCanvasElement['getContext'];
  canvas.getContext = lend;
  return canvas;
}

/**
 * Takes the canvases this app never draws on out of the compositor's work (each canvas on screen is
 * blended every frame, and read back when changed): the WebGL hover layer (see above) and, when
 * sigma draws no edge labels, their canvas, both hidden; sigma's pointer layer, a canvas nothing is
 * drawn on, made transparent, where it still takes the pointer's events.
 */
export function hideUndrawnLayers(canvases: Record<string, HTMLCanvasElement>, edgeLabels: boolean): void {
  const hoverNodes = canvases.hoverNodes;
  if (hoverNodes) hoverNodes.style.display = 'none';
  const labels = canvases.edgeLabels;
  if (labels && !edgeLabels) labels.style.display = 'none';
  const mouse = canvases.mouse;
  if (mouse) mouse.style.opacity = '0';
}
