/** Sigma's settings as the renderer makes them: programs, labels, reducers, camera bounds. */
import type { Attributes } from 'graphology-types';
import { EdgeLineProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { AtlasGraph } from '../graph/types';
import type { EdgeAttributes, NodeAttributes } from '../model';
import type { RenderCaches } from './caches';
import { canvasHoverPrograms } from './hover-program';
import type { createLabelDrawers } from './labels';
import { STAGE_PADDING } from './preview-scene';
import {
  FlatEdgeArrowProgram,
  FlatEdgeRectangleProgram,
  FlatNodeCircleProgram,
  FlatNodeRingProgram,
} from './programs';
import { createEdgeReducer, createNodeReducer, RING_NODE_TYPE } from './reducers';
import type { RenderTheme } from './theme';

export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Above this many links, links are drawn as plain one-pixel lines. */
export const BIG_GRAPH_EDGES = 20_000;
/** Labels are drawn at this size, never smaller. */
export const LABEL_SIZE = 13;

/** Maps the view's label density (0..1) to sigma's label grid density and size threshold. */
export function labelSettings(density: number): { labelDensity: number; labelRenderedSizeThreshold: number } {
  return { labelDensity: 0.1 + 1.6 * density, labelRenderedSizeThreshold: 14 - 14 * density };
}

export interface SigmaSettingsInput {
  graph: AtlasGraph;
  /** Whether works outside the list are drawn (as rings: only a graph that has them pays for the program). */
  rings: boolean;
  labels: ReturnType<typeof createLabelDrawers>;
  labelColor: string;
  labelDensity: number;
  /** What the reducers look up, and the theme they colour with (read at each call). */
  caches: () => RenderCaches;
  theme: () => RenderTheme;
}

export function sigmaSettings(input: SigmaSettingsInput): Partial<Settings<NodeAttributes, EdgeAttributes>> {
  const { graph, labels } = input;
  const programs = {
    circle: FlatNodeCircleProgram,
    ...(input.rings ? { [RING_NODE_TYPE]: FlatNodeRingProgram } : {}),
  };
  return {
    // big graphs: plain lines; arrow heads a few pixels wide cannot be told apart among tens of
    // thousands of links, and they double the edges' drawing work
    defaultEdgeType: graph.size > BIG_GRAPH_EDGES ? 'line' : 'arrow',
    // undirected links (a graph file's) as plain lines: no arrow head claims a direction. On big
    // graphs, one-pixel GL lines: a rectangle per link (two triangles, widths of 1–2 px that cannot be
    // told apart there) takes twice the drawing time (bench:app at 10⁴ links); image exports draw
    // rectangles (export-image.ts)
    // every program drawn without instancing (programs.ts: ten times faster on a software rasteriser)
    edgeProgramClasses: {
      arrow: FlatEdgeArrowProgram,
      line: graph.size > BIG_GRAPH_EDGES ? EdgeLineProgram : FlatEdgeRectangleProgram,
    },
    nodeProgramClasses: programs,
    // the hovered and highlighted papers drawn on the hover labels' 2D canvas (hover-program.ts)
    nodeHoverProgramClasses: canvasHoverPrograms<NodeAttributes, EdgeAttributes, Attributes>(
      Object.keys(programs),
      RING_NODE_TYPE,
      labels.cardTexts,
    ),
    labelFont: LABEL_FONT,
    labelSize: LABEL_SIZE,
    labelWeight: '500',
    labelColor: { color: input.labelColor },
    ...labelSettings(input.labelDensity),
    labelGridCellSize: 90,
    stagePadding: STAGE_PADDING,
    minCameraRatio: 0.03,
    maxCameraRatio: 4,
    // no hiding of edges or labels while the camera moves: where a frame is too slow to follow
    // the pointer, the moves move the drawn picture instead (picture-moves.ts)
    nodeReducer: createNodeReducer(input.caches, input.theme),
    edgeReducer: createEdgeReducer(graph, input.caches, input.theme),
    defaultDrawNodeLabel: labels.drawLabel,
    defaultDrawNodeHover: labels.drawHover,
  };
}
