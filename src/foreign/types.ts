/**
 * A graph file made elsewhere (Gephi, networkx, graphology, …) as its parser reads it: nodes and edges
 * with their own attributes, typed as the file declares them. Nothing here knows about papers: the
 * conversion (`convert.ts`) decides what becomes a label, a colour, a size or a position.
 */

/** The formats a user can open. */
export type ForeignFormat = 'gexf' | 'graphml' | 'json';

/** An attribute value as the file holds it, after the declared type is applied; a list's items as strings. */
export type ForeignValue = string | number | boolean | string[];

/** How the file declares an attribute (GEXF `type`, GraphML `attr.type`), or what JSON values it holds. */
export type ForeignAttributeType = 'string' | 'integer' | 'float' | 'boolean';

export interface ForeignAttribute {
  /** The attribute's name as the user knows it (GEXF `title`, GraphML `attr.name`, a JSON key). */
  name: string;
  /** The type of its values; of each item for a list. */
  type: ForeignAttributeType;
  /**
   * Set when the attribute holds lists (GEXF `liststring`…, a GraphML key whose `<desc>` declares a
   * list separator, JSON arrays): its values are the items, as strings; a node can be in several
   * of its categories.
   */
  list?: true;
}

export interface ForeignNode {
  /** The node's id in the file. */
  key: string;
  /** The node's label when the format has one of its own (GEXF `label`); else undefined. */
  label?: string;
  /** Attribute name → value (declared defaults applied); only attributes the node has. */
  attributes: Record<string, ForeignValue>;
  /** Position the file gives (GEXF viz:position, or numeric x and y), if any. */
  x?: number;
  y?: number;
  /** Colour the file gives (GEXF viz:color), as lowercase #rrggbb. */
  color?: string;
  /** Size the file gives (GEXF viz:size). */
  size?: number;
}

export interface ForeignEdge {
  source: string;
  target: string;
  /** Directed edge? (GEXF per-edge `type`, GraphML per-edge `directed`, else the graph's default.) */
  directed: boolean;
  /** The edge's label or kind, when the file gives one (GEXF `label`, a `label`/`kind`/`type` attribute). */
  label?: string;
  weight?: number;
  attributes: Record<string, ForeignValue>;
}

export interface ForeignGraph {
  format: ForeignFormat;
  /** The file name the user opened (for messages and the dataset's name). */
  file: string;
  /** The graph's own name or description when the file gives one. */
  name?: string;
  /** Whether edges are directed by default. */
  directed: boolean;
  /** Declared node attributes, in file order (for JSON: every key seen, typed by its values). */
  nodeAttributes: ForeignAttribute[];
  nodes: ForeignNode[];
  edges: ForeignEdge[];
  /** What was read but left out (e.g. "3 parallel edges merged", "hyperedges ignored"), for the user. */
  warnings: string[];
}
