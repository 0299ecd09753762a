/**
 * The preview (see preview-scene.ts): the papers of a big graph on a canvas of their own while the
 * graph model is built, drawn by sigma's own node program. A picture only: it takes no pointer
 * events and goes in the task where sigma draws the full frame. It is shown once rasterised, without
 * the page waiting for it (deferred-present.ts: 0.25 s for 10⁵ papers on a software rasteriser).
 */
import type { NodeDisplayData } from 'sigma/types';
import { FlatNodeCircleProgram } from './programs';
import { previewCamera, type PreviewNodes } from './preview-scene';
import { createPresentGroup } from './deferred-present';

export interface Preview {
  /** Resolves once the preview is on its canvas (rasterised: deferred-present.ts). */
  shown: Promise<void>;
  remove(): void;
}

const NO_PREVIEW: Preview = { shown: Promise.resolve(), remove: () => {} };

/**
 * Draws `nodes` on a canvas of its own laid over `container` (where sigma's canvases go). Does
 * nothing where WebGL is unavailable.
 */
export function drawPreview(container: HTMLElement, nodes: PreviewNodes): Preview {
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
  // as sigma creates its contexts (sigma.ts createWebGLContext)
  const gl =
    canvas.getContext('webgl2', { preserveDrawingBuffer: false, antialias: false }) ??
    canvas.getContext('webgl', { preserveDrawingBuffer: false, antialias: false });
  if (!gl) return NO_PREVIEW;
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  container.prepend(canvas);
  try {
    return drawNodes(gl, canvas, nodes, width, height, pixelRatio);
  } catch (e) {
    // a failed preview is no preview: the full frame follows as it would without one
    console.debug('No preview:', e);
    canvas.remove();
    return NO_PREVIEW;
  }
}

function drawNodes(
  gl: WebGLRenderingContext | WebGL2RenderingContext,
  canvas: HTMLCanvasElement,
  nodes: PreviewNodes,
  width: number,
  height: number,
  pixelRatio: number,
): Preview {
  const n = nodes.x.length;
  const group = createPresentGroup();
  group.add(gl);
  // sigma's program, which only keeps its renderer (there is none yet)
  const program = new FlatNodeCircleProgram(gl, null, null as never);
  program.reallocate(n);
  const data: NodeDisplayData = {
    x: 0,
    y: 0,
    size: 0,
    color: '',
    hidden: false,
    highlighted: false,
    forceLabel: false,
    label: null,
    zIndex: 0,
    type: 'circle',
  };
  for (let i = 0; i < n; i++) {
    data.x = nodes.x[i]!;
    data.y = nodes.y[i]!;
    data.size = nodes.size[i]!;
    data.color = nodes.color[i]!;
    program.process(i, i, data);
  }
  const camera = previewCamera(nodes.extent, width, height);
  program.render({
    ...camera,
    width,
    height,
    pixelRatio,
    zoomRatio: 1,
    cameraAngle: 0,
    downSizingRatio: 1,
    minEdgeThickness: 1,
    antiAliasingFeather: 1,
  });
  group.release();
  let removed = false;
  return {
    shown: group.presented(),
    remove() {
      if (removed) return;
      removed = true;
      group.cleanup();
      program.kill();
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      canvas.remove();
    },
  };
}
