/**
 * Sigma's node and edge reducers: every transient visual (colour, size, fading, highlight, hidden)
 * is derived here from the caches; nothing is written into graph data. The reducers only look
 * things up — the caches are rebuilt once per state change (see caches.ts).
 *
 * A hovered or selected neighbourhood does not recolour the rest of the graph: its nodes are marked
 * `highlighted` (sigma draws them on its hover layer) and a veil fades everything beneath (see
 * focus-overlay.ts), so a hover only re-reduces the few nodes of the old and new neighbourhoods.
 *
 * Brushed papers (a community or a heat-map cell) are highlighted and labelled, everything else is
 * dimmed like the papers outside an isolated legend category. While a neighbourhood is in focus the
 * brush steps back under the veil with the rest.
 *
 * Works outside the list are drawn by the ring program (ring-program.ts) in every state.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { AtlasGraph } from '../graph/types';
import type { EdgeAttributes, NodeAttributes } from '../model';
import type { RenderCaches } from './caches';
import type { RenderTheme } from './theme';

type NodeData = NodeAttributes & Partial<NodeDisplayData>;

/** The node program of works outside the list (ring-program.ts), by its name in `nodeProgramClasses`. */
export const RING_NODE_TYPE = 'ring';
type EdgeData = EdgeAttributes & Partial<EdgeDisplayData>;

export function createNodeReducer(caches: () => RenderCaches, theme: () => RenderTheme) {
  return (node: string, attrs: NodeAttributes): Partial<NodeDisplayData> => {
    // sigma hands us a shallow copy: we fill it in place instead of allocating another object
    const d = attrs as NodeData;
    const c = caches();
    if (!c.visibility.nodes.has(node)) {
      d.hidden = true;
      return d;
    }
    d.color = c.colors.get(node) ?? d.color;
    d.size = c.sizes.get(node) ?? d.size;
    if (c.outside.has(node)) d.type = RING_NODE_TYPE;
    const focus = c.focus;
    if (focus && focus.hood.nodes.has(node)) {
      // the neighbourhood is drawn on sigma's hover layer, above the veil that fades the rest
      const hood = focus.hood;
      d.forceLabel = true;
      d.highlighted = true;
      if (focus.mode === 'selection') {
        const t = theme();
        const compare = focus.compare;
        d.color =
          node === hood.node || node === compare?.other
            ? t.selected
            : compare?.lcas.has(node)
              ? t.commonAncestor
              : hood.outNodes.has(node)
                ? t.references
                : t.citations;
      }
      return d;
    }
    if (c.brush) {
      if (c.brush.has(node)) {
        if (!focus) {
          d.forceLabel = true;
          d.highlighted = true;
        }
      } else {
        d.color = theme().fadedNode;
        d.label = '';
      }
      return d;
    }
    if (c.isolated && !c.isolated.has(node)) {
      d.color = theme().fadedNode;
      d.label = '';
    }
    return d;
  };
}

export function createEdgeReducer(graph: AtlasGraph, caches: () => RenderCaches, theme: () => RenderTheme) {
  return (edge: string, attrs: EdgeAttributes): Partial<EdgeDisplayData> => {
    const d = attrs as EdgeData;
    const c = caches();
    if (!c.visibility.edges.has(edge)) {
      d.hidden = true;
      return d;
    }
    const t = theme();
    const style = t.edges[attrs.kind];
    if (attrs.undirected) d.type = 'line';
    d.color = style.color;
    d.size = style.size;
    const within = c.brush ?? c.isolated;
    if (within && !(within.has(graph.source(edge)) && within.has(graph.target(edge)))) {
      d.color = t.fadedEdge;
    }
    return d;
  };
}
