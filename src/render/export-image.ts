/**
 * Snapshots of the drawn view, the only export code that touches sigma. Like @sigma/export-image's
 * `drawOnCanvas`, it renders the graph once more in a temporary, off-screen sigma with the same
 * settings, reducers and camera, at the asked pixel ratio (1×, 2×, 4×), and:
 * - reads what that render drew (positions, radii, colours, the labels its drawers recorded) into a
 *   `Scene`, the data the SVG writer and the PNG composer share;
 * - optionally composes its canvases, in the live view's layer order (links, papers, labels, the
 *   focus veil and links, the hover layers), into one canvas.
 * `composeFramedPng` then lays the view inside the frame (title, legend, caption).
 */
import Sigma from 'sigma';
import { EdgeRectangleProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { ArrowShape, Scene, SceneCard, SceneEdge, SceneLabel, SceneNode } from '../export/scene';
import { arrowGeometry, LIBRARY_RING, ringRadius } from '../export/scene';
import type { AtlasGraph } from '../graph/types';
import type { EdgeAttributes, NodeAttributes } from '../model';
import type { RenderCaches } from './caches';
import { canvasHoverPrograms } from './hover-program';
import { createLabelDrawers, type DrawnLabel } from './labels';
import { RING_NODE_TYPE } from './reducers';
import type { RenderTheme } from './theme';

/** Arrow heads as sigma's arrow program draws them (see renderer.ts: lengthToThicknessRatio 4, widenessToThicknessRatio 3.5). */
export const SIGMA_ARROW: ArrowShape = { lengthRatio: 4, minLength: 0, halfWidthRatio: 3.5 / 2 / 4 };
/** Arrow heads of the focus overlay (focus-overlay.ts). */
export const FOCUS_ARROW: ArrowShape = { lengthRatio: 4, minLength: 7, halfWidthRatio: 0.45 };
/** Extra width of the focus overlay's links over their kind's width (focus-overlay.ts). */
const FOCUS_EXTRA_WIDTH = 0.8;

export interface ViewSnapshot {
  scene: Scene;
  /** The view composed at `scale` × its CSS size (absent unless asked for). */
  canvas: HTMLCanvasElement | null;
}

type AtlasSigma = Sigma<NodeAttributes, EdgeAttributes>;

/** Runs `fn` while `window.devicePixelRatio` reads `ratio` (sigma sizes its canvases from it). */
function withPixelRatio<T>(win: Window, ratio: number, fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(win, 'devicePixelRatio');
  Object.defineProperty(win, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(win, 'devicePixelRatio', own);
    else delete (win as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

export function drawEdges(ctx: CanvasRenderingContext2D, edges: SceneEdge[], shape: ArrowShape): void {
  for (const e of edges) {
    const g = arrowGeometry(e, shape);
    if (!g) continue;
    ctx.strokeStyle = e.color;
    ctx.fillStyle = e.color;
    ctx.lineWidth = e.width;
    ctx.beginPath();
    ctx.moveTo(g.from.x, g.from.y);
    ctx.lineTo(e.undirected ? g.tip.x : g.base.x, e.undirected ? g.tip.y : g.base.y);
    ctx.stroke();
    if (e.undirected) continue;
    ctx.beginPath();
    ctx.moveTo(g.tip.x, g.tip.y);
    ctx.lineTo(g.left.x, g.left.y);
    ctx.lineTo(g.right.x, g.right.y);
    ctx.closePath();
    ctx.fill();
  }
}

export interface SnapshotInput {
  sigma: AtlasSigma;
  graph: AtlasGraph;
  caches: RenderCaches;
  theme: RenderTheme;
  /** Output pixels per CSS pixel. */
  scale: number;
  /** Compose the canvases too (PNG); the scene alone is enough for SVG. */
  withCanvas: boolean;
  /** Ring the papers of the reader's library ("Include my library"). */
  rings?: boolean;
}

/** Renders the current view off-screen and reads it back (see the module comment). */
export function snapshotView(input: SnapshotInput): ViewSnapshot {
  const session = openSnapshots(input);
  try {
    return session.take(input.caches, input.theme);
  } finally {
    session.close();
  }
}

/** Snapshots taken one after another with one off-screen renderer (a video's frames). */
export interface SnapshotSession {
  /** The view as it is now (the live caches and theme), as `snapshotView` reads it. */
  take(caches: RenderCaches, theme: RenderTheme): ViewSnapshot;
  close(): void;
}

/**
 * Opens the off-screen renderer `snapshotView` uses and keeps it for several snapshots at the same
 * scale: each `take` follows the live camera and re-renders, without a new WebGL context per frame.
 */
export function openSnapshots(input: Omit<SnapshotInput, 'caches'>): SnapshotSession {
  const { sigma, graph, scale } = input;
  const doc = sigma.getContainer().ownerDocument;
  const win = doc.defaultView ?? window;
  const { width, height } = sigma.getDimensions();
  const root = doc.createElement('div');
  root.style.cssText = `position:absolute;right:101%;bottom:101%;width:${width}px;height:${height}px;`;
  doc.body.append(root);

  const drawn: DrawnLabel[] = [];
  let theme = input.theme;
  let focusNode: string | null = null;
  const drawers = createLabelDrawers(
    () => theme,
    () => focusNode,
    (d) => drawn.push(d),
  );
  const settings = sigma.getSettings() as Settings<NodeAttributes, EdgeAttributes>;
  let tmp: AtlasSigma | null = null;
  const close = () => {
    try {
      tmp?.kill();
    } catch {
      // a renderer that failed half-way may not release everything; it is dropped anyway
    }
    tmp = null;
    root.remove();
  };
  try {
    tmp = withPixelRatio(
      win,
      scale,
      () =>
        new Sigma(graph, root, {
          ...settings,
          // links keep their widths in an image, however big the graph (the screen may draw 1 px lines)
          edgeProgramClasses: { ...settings.edgeProgramClasses, line: EdgeRectangleProgram },
          defaultDrawNodeLabel: drawers.drawLabel,
          defaultDrawNodeHover: drawers.drawHover,
          // the highlighted papers on this renderer's hover labels, clear of its own cards' text
          nodeHoverProgramClasses: canvasHoverPrograms(
            Object.keys(settings.nodeProgramClasses),
            RING_NODE_TYPE,
            drawers.cardTexts,
          ),
        }),
    );
  } catch (e) {
    close();
    throw e;
  }
  const renderer = tmp;
  return {
    take(caches, current) {
      theme = current;
      focusNode = caches.focus?.hood.node ?? null;
      return withPixelRatio(win, scale, () => {
        renderer.getCamera().setState(sigma.getCamera().getState());
        renderer.setCustomBBox(sigma.getCustomBBox());
        drawn.length = 0;
        drawers.resetFrame();
        renderer.refresh();
        const scene = readScene(renderer, graph, caches, current, drawn);
        if (input.rings && caches.library) scene.rings = readRings(renderer, caches.library, current);
        const canvas = input.withCanvas ? compose(renderer, scene, scale, doc) : null;
        return { scene, canvas };
      });
    },
    close,
  };
}

function readScene(
  tmp: AtlasSigma,
  graph: AtlasGraph,
  caches: RenderCaches,
  theme: RenderTheme,
  drawn: DrawnLabel[],
): Scene {
  const { width, height } = tmp.getDimensions();
  const settings = tmp.getSettings();
  const byId = new Map<string, SceneNode>();
  const nodes: SceneNode[] = [];
  const focusNodes: SceneNode[] = [];
  graph.forEachNode((node) => {
    const d = tmp.getNodeDisplayData(node);
    if (!d || d.hidden) return;
    const p = tmp.framedGraphToViewport(d);
    const item: SceneNode = {
      x: p.x,
      y: p.y,
      r: tmp.scaleSize(d.size),
      color: d.color,
      ...(caches.outside.has(node) ? { outside: true as const } : {}),
    };
    byId.set(node, item);
    nodes.push(item);
    if (d.highlighted) focusNodes.push(item);
  });
  const edges: SceneEdge[] = [];
  graph.forEachEdge((edge, _a, s, t) => {
    const d = tmp.getEdgeDisplayData(edge);
    const source = byId.get(s);
    const target = byId.get(t);
    if (!d || d.hidden || !source || !target) return;
    // sigma's edge shader fades the line's outer pixel on each side (antiAliasingFeather): the line
    // looks that much thinner than its thickness, while the arrow head (not feathered) keeps it
    const thickness = Math.max(tmp.scaleSize(d.size), settings.minEdgeThickness);
    const width = Math.max(0.5, thickness - settings.antiAliasingFeather);
    edges.push({
      source,
      target,
      color: d.color,
      width,
      headBase: thickness,
      ...(graph.getEdgeAttribute(edge, 'undirected') ? { undirected: true as const } : {}),
    });
  });
  const focusEdges: SceneEdge[] = [];
  const focus = caches.focus;
  if (focus) {
    const selection = focus.mode === 'selection';
    const add = (edge: string, color: string) => {
      const source = byId.get(graph.source(edge));
      const target = byId.get(graph.target(edge));
      if (!source || !target) return;
      const a = graph.getEdgeAttributes(edge);
      focusEdges.push({
        source,
        target,
        color,
        width: theme.edges[a.kind].size + FOCUS_EXTRA_WIDTH,
        ...(a.undirected ? { undirected: true as const } : {}),
      });
    };
    for (const edge of focus.hood.outEdges) add(edge, selection ? theme.references : theme.highlightEdge);
    for (const edge of focus.hood.inEdges) add(edge, selection ? theme.citations : theme.highlightEdge);
  }
  const labels: SceneLabel[] = [];
  const focusLabels: SceneLabel[] = [];
  let card: SceneCard | null = null;
  for (const d of drawn) {
    if (d.kind === 'card') card = d;
    else (d.layer === 'labels' ? labels : focusLabels).push({ text: d.text, x: d.x, y: d.y });
  }
  return {
    width,
    height,
    background: theme.background,
    font: { family: settings.labelFont, size: settings.labelSize, weight: settings.labelWeight },
    labelColor: theme.label,
    haloColor: theme.labelHalo,
    haloWidth: 3,
    edges,
    edgeArrow: SIGMA_ARROW,
    nodes,
    labels,
    veil: focus ? theme.veil : null,
    focusEdges,
    focusArrow: FOCUS_ARROW,
    focusLabels,
    card,
    focusNodes,
  };
}

/** The library's papers as drawn (visible ones only), coloured as their ring. */
function readRings(tmp: AtlasSigma, library: ReadonlySet<string>, theme: RenderTheme): SceneNode[] {
  const rings: SceneNode[] = [];
  for (const node of library) {
    const d = tmp.getNodeDisplayData(node);
    if (!d || d.hidden) continue;
    const p = tmp.framedGraphToViewport(d);
    rings.push({ x: p.x, y: p.y, r: tmp.scaleSize(d.size), color: theme.library });
  }
  return rings;
}

/** The temporary renderer's layers on one canvas, in the live view's order. */
function compose(tmp: AtlasSigma, scene: Scene, scale: number, doc: Document): HTMLCanvasElement {
  const canvases = tmp.getCanvases();
  const w = Math.round(scene.width * scale);
  const h = Math.round(scene.height * scale);
  const out = doc.createElement('canvas');
  out.width = w;
  out.height = h;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, w, h);
  const layer = (id: string) => {
    const c = canvases[id];
    if (c) ctx.drawImage(c, 0, 0, w, h, 0, 0, w, h);
  };
  layer('edges');
  layer('nodes');
  if (scene.rings && scene.rings.length > 0) {
    ctx.save();
    ctx.scale(scale, scale);
    ctx.lineWidth = LIBRARY_RING.width;
    for (const d of scene.rings) {
      ctx.strokeStyle = d.color;
      ctx.beginPath();
      ctx.arc(d.x, d.y, ringRadius(d.r), 0, Math.PI * 2);
      ctx.stroke();
    }
    ctx.restore();
  }
  layer('labels');
  if (scene.veil) {
    ctx.fillStyle = scene.veil;
    ctx.fillRect(0, 0, w, h);
    ctx.save();
    ctx.scale(scale, scale);
    drawEdges(ctx, scene.focusEdges, scene.focusArrow);
    ctx.restore();
  }
  // the hover labels, and the highlighted papers above them (drawn on that canvas: hover-program.ts)
  layer('hovers');
  return out;
}
