/**
 * The WebGL programs the graph is drawn with: sigma's own, drawn without instancing
 * (flat-program.ts), and the ring of works outside the list (ring-program.ts).
 */
import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
} from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import type { EdgeAttributes, NodeAttributes } from '../model';
import { flatProgram } from './flat-program';
import { NodeRingProgram } from './ring-program';

/** Arrow heads: four times as long as the link is thick, three and a half times as wide. */
const ARROW_HEAD = { lengthToThicknessRatio: 4, widenessToThicknessRatio: 3.5 };

export const FlatNodeCircleProgram = flatProgram(NodeCircleProgram);
export const FlatNodeRingProgram = flatProgram(NodeRingProgram);
export const FlatEdgeRectangleProgram = flatProgram(EdgeRectangleProgram);
/** Sigma's arrow (a link clamped short of its target, then a head), both parts flat. */
export const FlatEdgeArrowProgram = createEdgeCompoundProgram<NodeAttributes, EdgeAttributes, Attributes>([
  flatProgram(createEdgeClampedProgram<NodeAttributes, EdgeAttributes, Attributes>(ARROW_HEAD)),
  flatProgram(createEdgeArrowHeadProgram<NodeAttributes, EdgeAttributes, Attributes>(ARROW_HEAD)),
]);
