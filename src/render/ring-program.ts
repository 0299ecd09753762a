/**
 * The node style of works outside the list (`build:graph --expand`): a ring in the node's colour
 * around a faint disc of the same colour, so they read as "not one of the list's papers" whatever
 * the colouring. Sigma's circle program with another fragment shader: same vertices, attributes and
 * uniforms, so it costs what a plain disc costs. Picking uses the whole disc, so the faint centre is
 * clickable too. Registered under `RING_NODE_TYPE` (reducers.ts, which tests load without WebGL).
 */
import type { Attributes } from 'graphology-types';
import { NodeCircleProgram } from 'sigma/rendering';
import { OUTSIDE_RING } from '../export/scene';

/** Share of the radius the ring takes; the centre's opacity (shared with the SVG export). */
const RING_WIDTH = OUTSIDE_RING.width;
const RING_CENTRE_ALPHA = OUTSIDE_RING.centreAlpha;

// The circle program's vertex shader passes the colour, the offset from the centre and the radius.
// Sigma blends with premultiplied alpha (ONE, ONE_MINUS_SRC_ALPHA): the colour is scaled as a whole.
const FRAGMENT_SHADER = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

uniform float u_correctionRatio;

void main(void) {
  float aa = u_correctionRatio * 2.0;
  float d = length(v_diffVector);
  #ifdef PICKING_MODE
  if (d > v_radius) gl_FragColor = vec4(0.0);
  else gl_FragColor = v_color;
  #else
  float inside = 1.0 - smoothstep(v_radius - aa, v_radius, d);
  float width = max(v_radius * ${RING_WIDTH.toFixed(2)}, aa * 1.5);
  float ring = smoothstep(v_radius - width - aa, v_radius - width, d);
  gl_FragColor = v_color * (inside * mix(${RING_CENTRE_ALPHA.toFixed(2)}, 1.0, ring));
  #endif
}
`;

export class NodeRingProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodeCircleProgram<N, E, G> {
  override getDefinition(): ReturnType<NodeCircleProgram['getDefinition']> {
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER };
  }
}
