/**
 * Seeds of a snapshot selection: works named by OpenAlex id, DOI or arXiv id, one a line of a
 * text file, or the papers of a graph-data directory (their arXiv ids and DOIs). Pure.
 */
import { isNewStyleArxivId } from '../model/arxiv-id';
import type { PaperRecord } from '../model/paper';
import { arxivFromDoi, arxivFromUrl, normalizeArxiv, normalizeDoi, paperDoi } from '../online/ids';
import { workNumber } from './work';

export interface Seed {
  /** As the user wrote it (or the paper's id), for the report of seeds not found. */
  seed: string;
  workId: number | null;
  /** Lowercase DOI without resolver prefix. */
  doi: string | null;
  arxiv: string | null;
}

/** "W123", "https://openalex.org/W123", "10.1/x", "https://doi.org/10.1/x", "2208.12242v2", "arXiv:2208.12242". */
export function parseSeed(text: string): Seed | null {
  const seed = text.trim();
  const workId = workNumber(seed);
  if (workId !== null) return { seed, workId, doi: null, arxiv: null };
  const doi = normalizeDoi(seed);
  if (doi) return { seed, workId: null, doi, arxiv: arxivFromDoi(doi) };
  const arxiv = arxivFromUrl(seed) ?? normalizeArxiv(seed);
  // new-style only, as a snapshot work's arXiv id (src/snapshot/work.ts's arxivOfWork)
  if (arxiv && isNewStyleArxivId(arxiv)) return { seed, workId: null, doi: null, arxiv };
  return null;
}

export interface SeedLineError {
  line: number;
  text: string;
}

/** A seeds file: one id a line; blank lines and `#` comments are skipped. */
export function parseSeedsText(text: string): { seeds: Seed[]; errors: SeedLineError[] } {
  const seeds: Seed[] = [];
  const errors: SeedLineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const seed = parseSeed(line);
    if (seed) seeds.push(seed);
    else errors.push({ line: i + 1, text: line });
  });
  return { seeds, errors };
}

/** The papers of a dataset that a snapshot can find: those with an arXiv id or a DOI. */
export function seedsOfPapers(papers: readonly PaperRecord[]): Seed[] {
  const out: Seed[] = [];
  for (const p of papers) {
    const doi = paperDoi(p);
    if (p.arxiv || doi) out.push({ seed: p.id, workId: null, doi, arxiv: p.arxiv ?? arxivFromDoi(doi) });
  }
  return out;
}
