/**
 * A snapshot of the drawn view as plain data: what the renderer put on screen (viewport positions
 * in CSS pixels, radii, colours, the labels it drew), layer by layer. The render side fills it from
 * sigma (src/render/export-image.ts); the SVG writer and the PNG composer read it, so both agree.
 */

export interface ScenePoint {
  x: number;
  y: number;
}

export interface SceneNode extends ScenePoint {
  /** Radius in CSS pixels. */
  r: number;
  color: string;
  /** A work outside the list (`build:graph --expand`): drawn as a ring (OUTSIDE_RING), not a disc. */
  outside?: true;
}

/** A directed link drawn as a line and an arrow head whose tip touches the target's disc. */
export interface SceneEdge {
  source: SceneNode;
  target: SceneNode;
  /** Line width in CSS pixels, as it looks (sigma's anti-aliasing feather taken off). */
  width: number;
  /** The width the arrow head is proportioned on, when not `width` (sigma's unfeathered thickness). */
  headBase?: number;
  color: string;
  /** An undirected link (a graph file's): a line to the target's rim, no head. */
  undirected?: true;
}

/** How arrow heads of a layer are shaped: length = max(minLength, width × lengthRatio), half-width = length × halfWidthRatio. */
export interface ArrowShape {
  lengthRatio: number;
  minLength: number;
  halfWidthRatio: number;
}

/** A plain label; (x, y) is the start of its baseline. */
export interface SceneLabel extends ScenePoint {
  text: string;
}

/** The card behind the focused paper: a rounded box (a disc when it has no label) and its label. */
export interface SceneCard {
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  label: SceneLabel | null;
}

export interface SceneFont {
  family: string;
  size: number;
  weight: string;
}

export interface Scene {
  /** The view's size in CSS pixels. */
  width: number;
  height: number;
  background: string;
  font: SceneFont;
  labelColor: string;
  /** Colour of the halo behind labels (readability over edges). */
  haloColor: string;
  haloWidth: number;
  /** Bottom layers: every visible link and paper, and the labels drawn at rest. */
  edges: SceneEdge[];
  edgeArrow: ArrowShape;
  nodes: SceneNode[];
  labels: SceneLabel[];
  /** While a paper is hovered or selected: the colour of the veil that fades the layers below; else null. */
  veil: string | null;
  /** Above the veil: the focused neighbourhood's links, its labels, the card, then its discs. */
  focusEdges: SceneEdge[];
  focusArrow: ArrowShape;
  focusLabels: SceneLabel[];
  card: SceneCard | null;
  focusNodes: SceneNode[];
  /** The reader's library papers (drawn as rings over their discs) when the export includes it. */
  rings?: SceneNode[];
}

/** The ring around a paper of the reader's library: a gap outside the disc, then a stroke this wide. */
export const LIBRARY_RING = { gap: 1.5, width: 2.5 } as const;

/**
 * A work outside the list: a ring taking this share of its radius, in the node's colour, around a
 * centre of that colour at this opacity (src/render/ring-program.ts draws it; the SVG writer too).
 */
export const OUTSIDE_RING = { width: 0.34, centreAlpha: 0.22 } as const;

/** The ring of a work outside the list drawn as a stroke: its width, and the radius it is centred on, for a disc of radius `r`. */
export function outsideRing(r: number): { width: number; radius: number } {
  const width = r * OUTSIDE_RING.width;
  return { width, radius: r - width / 2 };
}

/** The radius the ring's stroke is centred on, for a disc of radius `r`. */
export function ringRadius(r: number): number {
  return r + LIBRARY_RING.gap + LIBRARY_RING.width / 2;
}

/** The arrow head of an edge: tip on the target's rim, and the two base corners; null when the nodes overlap. */
export function arrowGeometry(
  edge: SceneEdge,
  shape: ArrowShape,
): { from: ScenePoint; base: ScenePoint; tip: ScenePoint; left: ScenePoint; right: ScenePoint } | null {
  const { source: a, target: b } = edge;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  const head = Math.max(shape.minLength, (edge.headBase ?? edge.width) * shape.lengthRatio);
  if (len <= b.r + 1) return null;
  const ux = dx / len;
  const uy = dy / len;
  const tip = { x: b.x - ux * b.r, y: b.y - uy * b.r };
  const base = { x: tip.x - ux * head, y: tip.y - uy * head };
  const half = head * shape.halfWidthRatio;
  return {
    from: { x: a.x, y: a.y },
    base,
    tip,
    left: { x: base.x - uy * half, y: base.y + ux * half },
    right: { x: base.x + uy * half, y: base.y - ux * half },
  };
}
