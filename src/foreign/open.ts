/**
 * A graph file's text → the explorer's graph: a Lineage Atlas graph file (our own JSON: the build's
 * graph file, or a JSON export in graphology's form) is loaded as the build wrote it, with its whole
 * view (taxonomy, colours, measures); a GEXF, GraphML or other graph JSON is read and converted.
 * Pure; errors are `Error`s whose message names the file and what is wrong.
 */
import { atlasGraphNodes, isAtlasGraphFile, parseGraphFile } from '../graph/load';
import type { LoadedGraph } from '../graph/types';
import { convertForeignGraph, type ConvertOptions } from './convert';
import { detectFormat, readForeignGraph } from './read';

// in a module of its own, so the page knows the limit without loading the readers
export { MAX_FILE_BYTES } from './limits';
/** Graphs with more nodes than this are refused: their layout would keep the page busy too long. */
export const MAX_NODES = 50_000;

export interface OpenedGraph {
  loaded: LoadedGraph;
  /** `atlas` for our own graph file, else the format read. */
  format: 'atlas' | 'gexf' | 'graphml' | 'json';
  /** What was read but left out, in words (merged parallel links, ignored hyperedges, …). */
  warnings: string[];
}

export interface OpenOptions {
  maxNodes?: number;
  convert?: Partial<ConvertOptions>;
}

function tooMany(file: string, nodes: number, max: number): Error {
  return new Error(
    `${file}: ${nodes.toLocaleString('en')} nodes: the explorer opens graphs of up to ${max.toLocaleString('en')} nodes.`,
  );
}

/** Reads a graph file's text; see the module comment. */
export function openGraphText(text: string, file: string, options?: OpenOptions): OpenedGraph {
  const maxNodes = options?.maxNodes ?? MAX_NODES;
  if (detectFormat(file, text) === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined; // the JSON reader says where the syntax breaks
    }
    if (isAtlasGraphFile(value)) {
      const nodes = atlasGraphNodes(value);
      if (nodes !== undefined && nodes.length > maxNodes) throw tooMany(file, nodes.length, maxNodes);
      return { loaded: parseGraphFile(value, file), format: 'atlas', warnings: [] };
    }
  }
  const foreign = readForeignGraph(text, file);
  if (foreign.nodes.length > maxNodes) throw tooMany(file, foreign.nodes.length, maxNodes);
  return {
    loaded: convertForeignGraph(foreign, options?.convert),
    format: foreign.format,
    warnings: foreign.warnings,
  };
}
