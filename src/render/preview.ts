/**
 * The preview (see preview-scene.ts): the papers on a canvas of their own while sigma loads and the
 * graph model is built, as sigma's circle program draws them. A picture only: it takes no pointer
 * events and goes in the task where sigma's first render is whole.
 *
 * A big graph's is drawn by WebGL (preview-program.ts) and shown once rasterised, without the page
 * waiting for it (deferred-present.ts: 0.25 s for 10⁵ papers on a software rasteriser). A small
 * graph's is drawn on a 2D canvas kept on the CPU, on screen at the next frame: a WebGL context's
 * set-up, shader compilation and first rasterisation took 35–50 ms of a software rasteriser's time
 * for the bundled graph's 416 papers, and the GPU's queue is the full frame's too.
 */
import { previewMatrix, type PreviewNodes } from './preview-scene';
import { createPresentGroup } from './deferred-present';
import { discBuffer, discProgram, type Disc, type DiscProgram } from './preview-program';
import { yieldToBrowser } from './slices';

export interface Preview {
  /** Resolves once the preview is on its canvas (rasterised: deferred-present.ts). */
  shown: Promise<void>;
  remove(): void;
}

const NO_PREVIEW: Preview = { shown: Promise.resolve(), remove: () => {} };

/**
 * Draws `nodes` on a canvas of its own laid over `container` (where sigma's canvases go): by WebGL
 * when `gpu` (nothing where WebGL is unavailable), else on a 2D canvas on the CPU.
 */
export function drawPreview(container: HTMLElement, nodes: PreviewNodes, gpu: boolean): Preview {
  const width = container.offsetWidth;
  const height = container.offsetHeight;
  if (width === 0 || height === 0) return NO_PREVIEW;
  const pixelRatio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.className = 'graph-preview';
  canvas.setAttribute('aria-hidden', 'true');
  Object.assign(canvas.style, {
    position: 'absolute',
    inset: '0',
    width: `${width}px`,
    height: `${height}px`,
    pointerEvents: 'none',
  });
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const surface: Surface = { canvas, width, height, pixelRatio };
  if (!gpu) return drawOnCpu(container, surface, nodes);
  // as sigma creates its contexts (sigma.ts createWebGLContext)
  const gl =
    canvas.getContext('webgl2', { preserveDrawingBuffer: false, antialias: false }) ??
    canvas.getContext('webgl', { preserveDrawingBuffer: false, antialias: false });
  if (!gl) return NO_PREVIEW;
  container.prepend(canvas);
  return drawOnGpu(gl, surface, nodes);
}

/** The preview's canvas and its size in CSS pixels. */
interface Surface {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
  pixelRatio: number;
}

function drawOnCpu(
  container: HTMLElement,
  { canvas, width, height, pixelRatio }: Surface,
  nodes: PreviewNodes,
): Preview {
  // read-back hint: a software canvas, drawn at once, with nothing queued for the GPU
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return NO_PREVIEW;
  context.scale(pixelRatio, pixelRatio);
  const m = previewMatrix(nodes.extent, width, height);
  let fill = '';
  // in node order, as sigma draws them (a later paper on top)
  for (let i = 0; i < nodes.x.length; i++) {
    const x = nodes.x[i]!;
    const y = nodes.y[i]!;
    // sigma's matrix (column-major) into clip space, then into the canvas's pixels
    const clipX = m[0]! * x + m[3]! * y + m[6]!;
    const clipY = m[1]! * x + m[4]! * y + m[7]!;
    const color = nodes.color[i]!;
    if (color !== fill) context.fillStyle = fill = color;
    context.beginPath();
    context.arc(((clipX + 1) / 2) * width, ((1 - clipY) / 2) * height, nodes.size[i]!, 0, 2 * Math.PI);
    context.fill();
  }
  container.prepend(canvas);
  return { shown: Promise.resolve(), remove: () => canvas.remove() };
}

function drawOnGpu(
  gl: WebGLRenderingContext | WebGL2RenderingContext,
  { canvas, width, height, pixelRatio }: Surface,
  nodes: PreviewNodes,
): Preview {
  const group = createPresentGroup();
  group.add(gl);
  let program: DiscProgram | null = null;
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    group.cleanup();
    program?.kill();
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    canvas.remove();
  };
  // drawn in a task of its own: the context's creation took 20 ms of the task before (10⁴ papers,
  // software rasteriser), and with the decoding and this drawing the task ran past 50 ms
  const shown = yieldToBrowser()
    .then(() => {
      if (removed) return;
      const rgba = cssColorBytes();
      const n = nodes.x.length;
      const discs: Disc[] = new Array<Disc>(n);
      for (let i = 0; i < n; i++)
        discs[i] = { x: nodes.x[i]!, y: nodes.y[i]!, radius: nodes.size[i]!, rgba: rgba(nodes.color[i]!) };
      program = discProgram(gl, discBuffer(discs));
      program.draw(previewMatrix(nodes.extent, width, height), pixelRatio);
      group.release();
      return group.presented();
    })
    .catch((e: unknown) => {
      // a failed preview is no preview: the full frame follows as it would without one
      console.debug('No preview:', e);
      remove();
    });
  return { shown, remove };
}

type Rgba = readonly [number, number, number, number];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

/**
 * A reader of CSS colours into RGBA bytes, any syntax the browser knows: a 2D context normalises
 * each (to `#rrggbb`, or `rgba(…)` when translucent), once per distinct colour.
 */
function cssColorBytes(): (color: string) => Rgba {
  const context = document.createElement('canvas').getContext('2d');
  const seen = new Map<string, Rgba>();
  return (color) => {
    let bytes = seen.get(color);
    if (bytes) return bytes;
    bytes = TRANSPARENT;
    if (context) {
      context.fillStyle = '#000000';
      context.fillStyle = color;
      bytes = parseNormalised(String(context.fillStyle));
    }
    seen.set(color, bytes);
    return bytes;
  };
}

/** `#rrggbb` or `rgba(r, g, b, a)`, as a 2D context gives a colour back. */
export function parseNormalised(color: string): Rgba {
  if (/^#[0-9a-f]{6}$/i.test(color)) {
    const v = Number.parseInt(color.slice(1), 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255, 255];
  }
  const m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(color);
  if (!m) return TRANSPARENT;
  const alpha = m[4] === undefined ? 1 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), Math.round(alpha * 255)];
}
