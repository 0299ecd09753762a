/**
 * graph-data/papers.yaml: a YAML list of PaperRecord, sorted by id, one field per line.
 */
import { PaperRecordSchema } from '../model/paper';
import type { PaperLinks, PaperRecord } from '../model/paper';
import type { Located } from '../model/dataset';
import { compareStrings, orderKeys, parseYamlList, stringifyYamlList } from './yaml-records';

export const PAPERS_FILE = 'papers.yaml';

const PAPER_KEYS = [
  'id',
  'title',
  'name',
  'authors',
  'year',
  'month',
  'venue',
  'venueYear',
  'arxiv',
  'links',
  'family',
  'tasks',
];
const LINK_KEYS: (keyof PaperLinks)[] = ['pdf', 'project', 'code', 'demo', 'dataset'];

const HEADER = [
  ' Papers of the dataset, one record per paper, sorted by id.',
  ' Written by the importers (import:awesome, import:bibtex, import:csv); taxonomy labels and the survey spelling of names are in labels.yaml.',
].join('\n');

/** Parse papers.yaml; throws DataErrors naming file, line, paper id and field. */
export function parsePapersFile(text: string, file: string): Located<PaperRecord>[] {
  return parseYamlList(text, file, { noun: 'paper', schema: PaperRecordSchema, idKey: 'id' });
}

/** Canonical form of a record: fixed key order, links in fixed order. */
export function canonicalPaper(p: PaperRecord): PaperRecord {
  const links = orderKeys(p.links, LINK_KEYS);
  return orderKeys({ ...p, links }, PAPER_KEYS);
}

/** Stringify papers sorted by id; byte-stable for the same set of records. */
export function stringifyPapersFile(papers: readonly PaperRecord[]): string {
  return [...papersFileChunks(papers)].join('');
}

/** `stringifyPapersFile`'s text in pieces, a record at a time, for writing a big file as it is made. */
export function* papersFileChunks(papers: readonly PaperRecord[]): Generator<string, void, undefined> {
  const sorted = [...papers].sort((a, b) => compareStrings(a.id, b.id));
  function* canonical() {
    for (const p of sorted) yield canonicalPaper(p);
  }
  yield* stringifyYamlList(canonical(), { header: HEADER, flowKeys: ['tasks'] });
}
