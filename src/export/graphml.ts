/**
 * GraphML with typed keys (`attr.type` string / int / double / boolean), written here:
 * graphology-graphml only reads. Every string goes through the XML 1.0 escaping of ./xml.
 *
 * - Graph data: dataset, build hash (inputs_hash), scope, export date, filters and a description.
 * - Papers: `label`, every column of ./fields, then the drawing: `x`, `y`, `size` (as drawn),
 *   `color` (`#rrggbb`, as drawn) and its `r`, `g`, `b` channels (the names Gephi's GraphML
 *   importer maps to a node's colour; graphology-graphml folds them back into `color`).
 * - Links: directed, with the link columns (relation — the link's kind, named as in the GEXF —,
 *   kinds, survey_only, provenance…), and no `id`: it is optional, GraphML's schema wants an
 *   NMTOKEN (the app's `a->b` keys are not), and a link is named by its two ends in this simple
 *   graph.
 * - Lists (tasks, authors, categories, kinds…): GraphML has no list type, so a list is a string of
 *   its items joined by "; ", and its key says so in a `<desc>` (../foreign/lists).
 * Key ids are `g_`, `n_` or `e_` plus the attribute name, unique across the document.
 */
import { graphmlListDesc, LIST_SEPARATOR } from '../foreign/lists';
import type { NodeAttributes } from '../model';
import { EDGE_COLUMNS, graphNodeColumns, type CellValue, type Column } from './fields';
import {
  describeExport,
  drawnColor,
  drawnSize,
  exportProvenance,
  hexColor,
  parseColor,
  scopedEdges,
  scopedNodes,
  type ExportProvenance,
  type ScopedNode,
} from './scope';
import type { ExportInput } from './types';
import { xmlAttrs, xmlEscape, xmlNumber } from './xml';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

/** A paper as drawn: the node columns see the attributes plus the drawing. */
interface DrawnNode {
  attrs: NodeAttributes;
  color: string;
  size: number;
}

function drawn(input: ExportInput, node: ScopedNode): DrawnNode {
  return { attrs: node.attributes, color: drawnColor(input, node), size: drawnSize(input, node) };
}

function drawnNodeColumns(input: ExportInput): Column<DrawnNode>[] {
  const paper = graphNodeColumns(input.graph, input.meta).map((c): Column<DrawnNode> => ({
    name: c.name,
    type: c.type,
    get: (d) => c.get(d.attrs),
  }));
  return [
    { name: 'label', type: 'string', get: (d) => d.attrs.label },
    ...paper,
    { name: 'x', type: 'double', get: (d) => d.attrs.x },
    { name: 'y', type: 'double', get: (d) => d.attrs.y },
    { name: 'size', type: 'double', get: (d) => d.size },
    { name: 'color', type: 'string', get: (d) => hexColor(parseColor(d.color)) },
    { name: 'r', type: 'int', get: (d) => parseColor(d.color).r },
    { name: 'g', type: 'int', get: (d) => parseColor(d.color).g },
    { name: 'b', type: 'int', get: (d) => parseColor(d.color).b },
  ];
}

const GRAPH_COLUMNS: Column<ExportProvenance>[] = [
  { name: 'dataset', type: 'string', get: (p) => p.dataset },
  { name: 'inputs_hash', type: 'string', get: (p) => p.inputsHash },
  { name: 'scope', type: 'string', get: (p) => p.scope },
  { name: 'exported', type: 'string', get: (p) => p.exported },
  { name: 'filters', type: 'string', get: (p) => p.filters },
  { name: 'creator', type: 'string', get: (p) => p.creator },
  { name: 'description', type: 'string', get: (p) => describeExport(p) },
];

function cellText(value: Exclude<CellValue, undefined>): string {
  if (typeof value === 'number') return xmlNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? value : value.join(LIST_SEPARATOR);
}

function keys<A>(prefix: 'g' | 'n' | 'e', domain: string, columns: Column<A>[]): string[] {
  return columns.map((c) => {
    const attrs = xmlAttrs({
      id: `${prefix}_${c.name}`,
      for: domain,
      'attr.name': c.name,
      'attr.type': c.type === 'list' ? 'string' : c.type,
    });
    return c.type === 'list'
      ? `  <key${attrs}><desc>${xmlEscape(graphmlListDesc())}</desc></key>`
      : `  <key${attrs}/>`;
  });
}

function data<A>(prefix: string, indent: string, columns: Column<A>[], value: A): string[] {
  const out: string[] = [];
  for (const c of columns) {
    const v = c.get(value);
    if (v !== undefined)
      out.push(`${indent}<data${xmlAttrs({ key: `${prefix}_${c.name}` })}>${xmlEscape(cellText(v))}</data>`);
  }
  return out;
}

/** The GraphML document of the papers and links in scope. */
export function toGraphml(input: ExportInput): string {
  const nodes = scopedNodes(input);
  const edges = scopedEdges(input);
  const provenance = exportProvenance(input, nodes.length, edges.length);
  const nodeCols = drawnNodeColumns(input);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml${xmlAttrs({
      xmlns: GRAPHML_NS,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd`,
    })}>`,
    ...keys('g', 'graph', GRAPH_COLUMNS),
    ...keys('n', 'node', nodeCols),
    ...keys('e', 'edge', EDGE_COLUMNS),
    `  <graph${xmlAttrs({ id: 'G', edgedefault: 'directed' })}>`,
    ...data('g', '    ', GRAPH_COLUMNS, provenance),
  ];
  for (const node of nodes) {
    out.push(
      `    <node${xmlAttrs({ id: node.key })}>`,
      ...data('n', '      ', nodeCols, drawn(input, node)),
      '    </node>',
    );
  }
  for (const edge of edges) {
    out.push(
      `    <edge${xmlAttrs({ source: edge.source, target: edge.target })}>`,
      ...data('e', '      ', EDGE_COLUMNS, edge.attributes),
      '    </edge>',
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
