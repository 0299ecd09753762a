/**
 * Exports: pure functions from (graph, meta, scope) to files. Only the image adapter touches sigma.
 * The Export menu (src/ui) builds an `ExportInput` and hands it to a serialiser; the serialisers
 * never read the DOM, the store or the clock (the date comes in the input).
 */
import type { AtlasGraph } from '../graph/types';
import type { GraphMeta } from '../model';

/** Data formats of the Export menu. Images (PNG, SVG) are separate: they need the rendered view. */
export const DATA_FORMATS = ['gexf', 'graphml', 'json', 'csv', 'bibtex'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** What is exported: the papers the filters show, or the whole graph. */
export type ExportScope = 'visible' | 'all';

export interface ExportInput {
  graph: AtlasGraph;
  meta: GraphMeta;
  scope: ExportScope;
  /** The papers and links in scope: the visible ones, or every node and edge for `all`. */
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** The selected paper, if any (BibTeX of the selection). */
  selected: string | null;
  /** When the export is made; serialisers print it, they never read the clock. */
  date: Date;
  /** Human-readable summary of the active filters, for captions and file metadata (e.g. "years 2022–2024; families GAN"). */
  filtersSummary: string;
  /** Current node colours and sizes as drawn (colour-by / size-by applied); absent: the nodes' default `color`/`size`. */
  colors?: ReadonlyMap<string, string>;
  sizes?: ReadonlyMap<string, number>;
  /**
   * BibTeX only: export the entry of the selected paper (`selected`) alone instead of every paper
   * in scope. With no paper selected, the BibTeX export throws.
   */
  bibtexOnlySelected?: boolean;
}

/** One file to download. */
export interface ExportFile {
  filename: string;
  mime: string;
  content: string | Uint8Array;
}
