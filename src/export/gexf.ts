/**
 * GEXF 1.3 (Gephi's format), written here rather than by graphology-gexf so every attribute is
 * declared with its type (the library infers types from values, and a column absent from the
 * first papers could change type) and every string goes through the XML 1.0 escaping of ./xml.
 *
 * - Namespaces: `http://gexf.net/1.3` and viz `http://gexf.net/1.3/viz`; directed, static. Valid
 *   against the format's RELAX NG schema (gexf.rng 1.3), which allows no xsi:schemaLocation; the
 *   1.3 XSD, converted from it, mis-declares the viz elements and rejects any `viz:color`.
 * - `<meta>`: creator, keywords (dataset, build hash) and a description naming the dataset, its
 *   build hash, the scope, the export date and the filters; `lastmodifieddate` is the export day.
 * - Papers: label, every column of ./fields as a typed `attvalue`, and viz colour (as drawn,
 *   r/g/b[/a]), position (x, y) and size (as drawn).
 * - Links: source, target and the link columns (relation, kinds, survey_only, provenance…). The
 *   link's kind is the attribute `relation`: GEXF 1.3 reserves `kind` as an attribute of `<edge>`
 *   (gexf.rnc: `attribute kind { xsd:token }?`, for parallel edges), and Gephi Lite moves an
 *   attvalue of that name into it and drops its declaration.
 * - Lists (tasks, authors, categories, kinds…) are declared `liststring` and written as GEXF 1.3
 *   lists, `[face, multi-concept]` (../foreign/lists says where the syntax comes from).
 */
import { formatGexfList } from '../foreign/lists';
import type { ColumnType } from './fields';
import { EDGE_COLUMNS, graphNodeColumns, type CellValue, type Column } from './fields';
import {
  describeExport,
  drawnColor,
  drawnSize,
  exportProvenance,
  isoDay,
  parseColor,
  scopedEdges,
  scopedNodes,
} from './scope';
import type { ExportInput } from './types';
import { xmlAttrs, xmlEscape, xmlNumber } from './xml';

export const GEXF_NS = 'http://gexf.net/1.3';
export const GEXF_VIZ_NS = 'http://gexf.net/1.3/viz';

const GEXF_TYPES: Record<ColumnType, string> = {
  string: 'string',
  int: 'integer',
  double: 'double',
  boolean: 'boolean',
  list: 'liststring',
};

function cellText(value: Exclude<CellValue, undefined>): string {
  if (typeof value === 'number') return xmlNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? value : formatGexfList(value);
}

function declare<A>(cls: 'node' | 'edge', columns: Column<A>[]): string[] {
  const lines = [`    <attributes${xmlAttrs({ class: cls, mode: 'static' })}>`];
  for (const c of columns) {
    lines.push(`      <attribute${xmlAttrs({ id: c.name, title: c.name, type: GEXF_TYPES[c.type] })}/>`);
  }
  lines.push('    </attributes>');
  return lines;
}

function attvalues<A>(columns: Column<A>[], attrs: A): string[] {
  const values: string[] = [];
  for (const c of columns) {
    const v = c.get(attrs);
    if (v !== undefined) values.push(`          <attvalue${xmlAttrs({ for: c.name, value: cellText(v) })}/>`);
  }
  return values.length > 0 ? ['        <attvalues>', ...values, '        </attvalues>'] : [];
}

/** The GEXF 1.3 document of the papers and links in scope. */
export function toGexf(input: ExportInput): string {
  const nodes = scopedNodes(input);
  const edges = scopedEdges(input);
  const provenance = exportProvenance(input, nodes.length, edges.length);
  const nodeCols = graphNodeColumns(input.graph, input.meta);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf${xmlAttrs({
      xmlns: GEXF_NS,
      'xmlns:viz': GEXF_VIZ_NS,
      version: '1.3',
    })}>`,
    `  <meta${xmlAttrs({ lastmodifieddate: isoDay(input.date) })}>`,
    `    <creator>${xmlEscape(provenance.creator)}</creator>`,
    `    <keywords>${xmlEscape(`${provenance.dataset}; build ${provenance.inputsHash}; scope ${provenance.scope}`)}</keywords>`,
    `    <description>${xmlEscape(describeExport(provenance))}</description>`,
    '  </meta>',
    `  <graph${xmlAttrs({ defaultedgetype: 'directed', mode: 'static' })}>`,
    ...declare('node', nodeCols),
    ...declare('edge', EDGE_COLUMNS),
    `    <nodes${xmlAttrs({ count: nodes.length })}>`,
  ];
  for (const node of nodes) {
    const a = node.attributes;
    out.push(`      <node${xmlAttrs({ id: node.key, label: a.label })}>`, ...attvalues(nodeCols, a));
    const { r, g, b, a: alpha } = parseColor(drawnColor(input, node));
    out.push(
      `        <viz:color${xmlAttrs({ r, g, b, a: alpha })}/>`,
      `        <viz:position${xmlAttrs({ x: a.x, y: a.y, z: 0 })}/>`,
      `        <viz:size${xmlAttrs({ value: drawnSize(input, node) })}/>`,
      '      </node>',
    );
  }
  out.push('    </nodes>', `    <edges${xmlAttrs({ count: edges.length })}>`);
  for (const edge of edges) {
    out.push(
      `      <edge${xmlAttrs({ id: edge.key, source: edge.source, target: edge.target })}>`,
      ...attvalues(EDGE_COLUMNS, edge.attributes),
      '      </edge>',
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
