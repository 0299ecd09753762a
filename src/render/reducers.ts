/**
 * Sigma's node and edge reducers: every transient visual (colour, size, fading, highlight, hidden)
 * is derived here from the caches; nothing is written into graph data. The reducers only look
 * things up — the caches are rebuilt once per state change (see caches.ts).
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { AtlasGraph } from '../graph/types';
import type { EdgeAttributes, NodeAttributes } from '../model';
import type { RenderCaches } from './caches';
import type { RenderTheme } from './theme';

type NodeData = NodeAttributes & Partial<NodeDisplayData>;
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
    const focus = c.focus;
    if (focus) {
      const t = theme();
      const hood = focus.hood;
      if (node === hood.node) {
        d.forceLabel = true;
        d.highlighted = true;
        d.zIndex = 2;
        if (focus.mode === 'selection') d.color = t.selected;
      } else if (hood.nodes.has(node)) {
        d.forceLabel = true;
        d.zIndex = 1;
        if (focus.mode === 'selection') d.color = hood.outNodes.has(node) ? t.references : t.citations;
      } else {
        d.color = t.fadedNode;
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
    d.color = style.color;
    d.size = style.size;
    const focus = c.focus;
    if (focus) {
      const hood = focus.hood;
      const selection = focus.mode === 'selection';
      if (hood.outEdges.has(edge)) {
        d.color = selection ? t.references : t.highlightEdge;
        d.size = style.size + 0.6;
      } else if (hood.inEdges.has(edge)) {
        d.color = selection ? t.citations : t.highlightEdge;
        d.size = style.size + 0.6;
      } else {
        d.color = t.fadedEdge;
      }
      return d;
    }
    if (c.isolated && !(c.isolated.has(graph.source(edge)) && c.isolated.has(graph.target(edge)))) {
      d.color = t.fadedEdge;
    }
    return d;
  };
}
