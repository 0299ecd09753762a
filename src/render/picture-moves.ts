/**
 * Moving the picture: when a whole frame costs more than the frame budget (a software rasteriser,
 * a big graph), sigma does not draw the graph again at every step of a pan or a zoom. The last
 * drawn picture (every canvas but the pointer's) follows the camera through a CSS transform, and
 * the graph is drawn once the camera has rested for a moment. Hovering and clicking meanwhile map
 * the pointer back into the drawn picture, so they find what the user sees.
 *
 * A frame's cost runs from the start of a full render to the next animation frame: it includes the
 * rasterisation that the browser waits for before it can show the frame, which sigma's render does
 * not (the draw calls return at once).
 *
 * Where the renderer gives a present group (deferred-present.ts), the graph drawn once a move has
 * ended goes through it, as the first render does: the WebGL canvases keep the moved picture until
 * the new one is rasterised and copied onto each (each then placed as it is shown; 1–2 s at 10⁵
 * papers on a software rasteriser), the labels and overlays are drawn at once, where the moved
 * picture shows their papers, and the page does not wait for the rasterisation. Drawn directly at
 * 10⁵ papers, the frames' commits waited for it: tasks of 230–313 ms, then of 55–80 ms a frame for
 * about 2 s after each pan (traced, `GLES2::ReadPixels`); through the group, none over 50 ms.
 */
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { CameraState, Coordinates } from 'sigma/types';
import type { PresentGroup } from './deferred-present';

/** Frames costlier than this (ms) make the camera's moves move the picture. */
export const PICTURE_MOVES_ABOVE_MS = 50;
/** The camera at rest this long (ms) ends a move: the graph is drawn again. */
export const SETTLE_MS = 150;

/** A CSS `matrix(a, b, c, d, e, f)`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Affine = readonly [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];

/**
 * The affine map from the drawn picture's pixels to the current view's pixels, from a map of one
 * point (`move`: a viewport point under the drawn camera to the same graph point's viewport
 * position under the current one). Sigma's camera (pan, zoom, rotation) is affine, so three
 * points determine it.
 */
export function pictureTransform(move: (p: Coordinates) => Coordinates, unit = 100): Affine {
  const o = move({ x: 0, y: 0 });
  const ex = move({ x: unit, y: 0 });
  const ey = move({ x: 0, y: unit });
  return [(ex.x - o.x) / unit, (ex.y - o.y) / unit, (ey.x - o.x) / unit, (ey.y - o.y) / unit, o.x, o.y];
}

/** The inverse map (current view → drawn picture); null when the map is degenerate. */
export function invertAffine([a, b, c, d, e, f]: Affine): Affine | null {
  const det = a * d - b * c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

export function applyAffine([a, b, c, d, e, f]: Affine, p: Coordinates): Coordinates {
  return { x: a * p.x + c * p.y + e, y: b * p.x + d * p.y + f };
}

export function cssMatrix(m: Affine): string {
  return `matrix(${m.map((v) => +v.toFixed(6)).join(',')})`;
}

export function sameCamera(a: CameraState, b: CameraState): boolean {
  return a.x === b.x && a.y === b.y && a.ratio === b.ratio && a.angle === b.angle;
}

export interface PictureMovesOptions {
  /** Whether moves move the picture now (default: the last frame cost more than the budget). */
  enabled?: (frameMs: number) => boolean;
  /**
   * A present group (deferred-present.ts) to draw the graph through once a move has ended, its
   * canvases kept showing the moved picture until their copy; null (the default) draws directly.
   */
  present?: () => PresentGroup | null;
  settleMs?: number;
  /** When sigma's own first render (in its constructor) started: its frame cost is measured too. */
  drawnSince?: number;
  win?: Window;
}

export interface PictureMoves {
  /** The cost of the last full frame, ms (0 before the first is measured). */
  frameMs(): number;
  /** Camera steps so far that moved the picture instead of drawing the graph. */
  moved(): number;
  /** Draws the graph now if the picture is displaced (before reading the canvases). */
  settle(): void;
  /**
   * A whole frame's cost measured elsewhere (ms): a first render shown once rasterised
   * (deferred-present.ts) cost the page no waiting, and its cost is the rasterisation's. The next
   * render measured replaces it.
   */
  measured(ms: number): void;
  cleanup(): void;
}

/** The parts of sigma 3.0's instance used here that are not in its public API (checked). */
interface SigmaMoving {
  render(): unknown;
  getNodeAtPosition(p: Coordinates): string | null;
  renderFrame: number | null;
  mouseCaptor?: { isMoving?: boolean; draggedEvents?: number; currentWheelDirection?: number };
  touchCaptor?: { isMoving?: boolean };
}

/**
 * Installs picture moves on a sigma instance (its `render` and `getNodeAtPosition`, on the
 * instance only). Returns null when sigma lacks what it needs: moves then draw the graph as sigma
 * does.
 */
export function installPictureMoves<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  options: PictureMovesOptions = {},
): PictureMoves | null {
  const s = sigma as unknown as SigmaMoving;
  const proto = Object.getPrototypeOf(sigma) as SigmaMoving;
  if (
    typeof proto.render !== 'function' ||
    typeof proto.getNodeAtPosition !== 'function' ||
    !('renderFrame' in s) ||
    typeof s.mouseCaptor !== 'object'
  )
    return null;
  const win = options.win ?? window;
  const enabled = options.enabled ?? ((ms: number) => ms > PICTURE_MOVES_ABOVE_MS);
  const settleMs = options.settleMs ?? SETTLE_MS;
  const container = sigma.getContainer();
  const mouse = sigma.getCanvases().mouse;
  const render = proto.render.bind(sigma);
  const pick = proto.getNodeAtPosition.bind(sigma);
  // sigma's constructor has drawn the graph once already
  let drawn: CameraState = sigma.getCamera().getState();
  let frameMs = 0;
  // from the drawn picture to the view (picking maps the pointer back through it)
  let current: Affine | null = null;
  // the canvases of a present group still showing a picture drawn before, under that camera
  const behind = new Map<HTMLCanvasElement, CameraState>();
  let settleTimer: number | undefined;
  let costFrame = 0;
  let moved = 0;

  const layers = () =>
    Array.from(container.querySelectorAll<HTMLCanvasElement>('canvas')).filter((c) => c !== mouse);

  const moving = () =>
    sigma.getCamera().isAnimated() ||
    !!s.mouseCaptor?.isMoving ||
    !!s.mouseCaptor?.draggedEvents ||
    !!s.mouseCaptor?.currentWheelDirection ||
    !!s.touchCaptor?.isMoving;

  /** The map from a picture drawn under `from` to the view under `to`; null when they are the same. */
  function transformBetween(from: CameraState, to: CameraState): Affine | null {
    if (sameCamera(from, to)) return null;
    return pictureTransform((p) =>
      sigma.framedGraphToViewport(sigma.viewportToFramedGraph(p, { cameraState: from }), {
        cameraState: to,
      }),
    );
  }

  function setTransform(c: HTMLCanvasElement, m: Affine | null): void {
    c.style.transformOrigin = m ? '0 0' : '';
    c.style.transform = m ? cssMatrix(m) : '';
  }

  /** Each canvas's picture placed in the view under `camera`. */
  function place(camera: CameraState): void {
    current = transformBetween(drawn, camera);
    const older = new Map<CameraState, Affine | null>();
    for (const c of layers()) {
      const from = behind.get(c);
      if (!from) setTransform(c, current);
      else {
        if (!older.has(from)) older.set(from, transformBetween(from, camera));
        setTransform(c, older.get(from)!);
      }
    }
  }

  function measureFrom(start: number): void {
    win.cancelAnimationFrame(costFrame);
    costFrame = win.requestAnimationFrame(() => {
      frameMs = win.performance.now() - start;
    });
  }

  function drawNow(): unknown {
    win.clearTimeout(settleTimer);
    settleTimer = undefined;
    // after a move, through a present group where there is one: its canvases keep the moved picture
    // until the new one is rasterised, and the page does not wait for the rasterisation
    const group = current || behind.size ? (options.present?.() ?? null) : null;
    if (group) return drawThrough(group);
    const camera = sigma.getCamera().getState();
    if (current) {
      drawn = camera;
      place(camera);
    }
    const start = win.performance.now();
    const result = render();
    drawn = sigma.getCamera().getState();
    measureFrom(start);
    return result;
  }

  function drawThrough(group: PresentGroup): unknown {
    const shown = group.canvases();
    for (const c of shown) if (!behind.has(c)) behind.set(c, drawn);
    // the other canvases (labels, overlays) are drawn now, under the new camera, where the moved
    // picture shows the papers too
    win.cancelAnimationFrame(costFrame);
    const result = render();
    drawn = sigma.getCamera().getState();
    place(drawn);
    group.configure({
      onShow(c) {
        behind.delete(c);
        place(sigma.getCamera().getState());
      },
      onPresent() {
        behind.clear();
        place(sigma.getCamera().getState());
        // the frame's cost is the rasterisation's, which the page did not wait for
        if (group.lastGpuMs() > 0) frameMs = group.lastGpuMs();
      },
    });
    group.release();
    return result;
  }

  s.render = function renderOrMove() {
    const camera = sigma.getCamera().getState();
    if (!enabled(frameMs) || !moving() || sameCamera(camera, drawn)) return drawNow();
    // sigma's scheduled frame called us: it is spent (sigma's render clears it the same way)
    if (s.renderFrame !== null) win.cancelAnimationFrame(s.renderFrame);
    s.renderFrame = null;
    moved += 1;
    place(camera);
    win.clearTimeout(settleTimer);
    settleTimer = win.setTimeout(drawNow, settleMs);
    return sigma;
  };

  if (options.drawnSince !== undefined) measureFrom(options.drawnSince);

  s.getNodeAtPosition = function pickInPicture(p: Coordinates) {
    const back = current ? invertAffine(current) : null;
    return pick(back ? applyAffine(back, p) : p);
  };

  return {
    frameMs: () => frameMs,
    moved: () => moved,
    settle() {
      if (current || behind.size) drawNow();
    },
    measured(ms) {
      frameMs = ms;
    },
    cleanup() {
      win.clearTimeout(settleTimer);
      win.cancelAnimationFrame(costFrame);
      behind.clear();
      drawn = sigma.getCamera().getState();
      place(drawn);
      delete (s as Partial<SigmaMoving>).render;
      delete (s as Partial<SigmaMoving>).getNodeAtPosition;
    },
  };
}
