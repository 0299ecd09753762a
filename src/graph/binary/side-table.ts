/**
 * Reading the compact form's side table: its format, that it belongs to the binary (the payload's
 * CRC-32) and its counts. Apart from the graph code, so that the side table's worker
 * (side-worker.ts) does not bundle graphology.
 */
import { GraphBinaryError, isObject, type GraphBinary } from './decode';
import { SIDE_FORMAT, SIDE_FORMAT_VERSION } from './format';

/** The side table's records, checked against the binary; `text` is the side file's text. */
export function parseSideTable(
  text: string,
  bin: Pick<GraphBinary, 'nodeCount' | 'edgeCount' | 'payloadCrc'>,
  file = 'graph.side.json',
): { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } {
  const fail = (where: string | null, problem: string): never => {
    throw new GraphBinaryError(file, where, problem);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(
      null,
      `is not valid JSON (truncated or corrupted?): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  checkSideHeader(json, bin, fail);
  const { nodes, edges } = json as Record<string, unknown>;
  if (!Array.isArray(nodes) || nodes.length !== bin.nodeCount)
    fail('field "nodes"', `expected ${bin.nodeCount} records, as the binary has`);
  if (!Array.isArray(edges) || edges.length !== bin.edgeCount)
    fail('field "edges"', `expected ${bin.edgeCount} records, as the binary has`);
  return { nodes: nodes as Record<string, unknown>[], edges: edges as Record<string, unknown>[] };
}

/**
 * Checks the side table's header fields (`json`, the table or its header alone) against the
 * binary: its format, version and the binary's payload CRC; `fail` throws.
 */
export function checkSideHeader(
  json: unknown,
  bin: Pick<GraphBinary, 'payloadCrc'>,
  fail: (where: string | null, problem: string) => never,
): void {
  if (!isObject(json) || json.format !== SIDE_FORMAT) fail('field "format"', `expected "${SIDE_FORMAT}"`);
  if (json.version !== SIDE_FORMAT_VERSION)
    fail(
      'field "version"',
      `unsupported version ${JSON.stringify(json.version)}, expected ${SIDE_FORMAT_VERSION}`,
    );
  if (json.payloadCrc !== bin.payloadCrc)
    fail(
      'field "payloadCrc"',
      `${JSON.stringify(json.payloadCrc)} does not match the binary's (${bin.payloadCrc}): the two files come from different builds`,
    );
}
