/**
 * The explorer's side of datasets.json: where it is (next to the graph file), fetching it without
 * ever failing the page, and the switcher's choices. Pure except `fetchDatasetsList`, which takes
 * the fetch function it uses (the browser's by default).
 */
import { parseDatasetsFile } from '../data/datasets-list';
import { DATASETS_FILE, type DatasetsFile, type GraphMeta } from '../model';

/** datasets.json in the graph file's directory: where `npm run build:graph` writes it. */
export function datasetsUrlFor(graphUrl: string): string {
  return new URL(DATASETS_FILE, graphUrl).href;
}

export interface DatasetsResult {
  list: DatasetsFile | null;
  /** Why a list that is there could not be used (a warning for the console), else null. */
  problem: string | null;
}

/**
 * Fetches and parses datasets.json. Never rejects: a missing list (404) is no problem, anything
 * else (network error, other status, malformed file) comes back as `problem`, with no list.
 */
export async function fetchDatasetsList(url: string, fetchFn: typeof fetch = fetch): Promise<DatasetsResult> {
  const name = new URL(url).pathname;
  try {
    const response = await fetchFn(url);
    if (response.status === 404) return { list: null, problem: null };
    if (!response.ok) {
      return {
        list: null,
        problem: `No dataset switcher: ${name} answered ${response.status} ${response.statusText}`.trim(),
      };
    }
    return { list: parseDatasetsFile(await response.text(), name), problem: null };
  } catch (e) {
    return { list: null, problem: `No dataset switcher: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export interface DatasetChoice {
  /** Shown in the switcher: the dataset's name and paper count. */
  label: string;
  /** The page to open for it: the page with `?graph=` naming its file, and no other parameter. */
  href: string;
  current: boolean;
}

function papers(n: number): string {
  return `${n.toLocaleString('en')} ${n === 1 ? 'paper' : 'papers'}`;
}

function withoutSearch(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.href;
}

/**
 * The `?graph=` value naming `graphUrl` from the page at `pageUrl`: a path relative to the page's
 * directory when the file is below it, else an absolute path on the site.
 */
export function graphParamFor(graphUrl: string, pageUrl: string): string {
  const target = new URL(graphUrl);
  const dir = new URL('./', pageUrl);
  const path = target.href.startsWith(dir.href) ? target.href.slice(dir.href.length) : target.pathname;
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a stray "%" stays as it is
  }
}

/** The page that opens `graphUrl`: `pageUrl` with `?graph=` only (other view parameters belong to the old dataset). */
export function pageUrlForGraph(graphUrl: string, pageUrl: string): string {
  const param = encodeURIComponent(graphParamFor(graphUrl, pageUrl)).replace(/%2F/g, '/');
  const u = new URL(withoutSearch(pageUrl));
  u.search = `?graph=${param}`;
  return u.href;
}

/**
 * The switcher's choices, in the list's order: one per listed graph file, the open one marked
 * current (it is added first, from its own metadata, when the list does not name it). Null when
 * there is nothing to switch to: no list, or one dataset only.
 */
export function datasetChoices(
  list: DatasetsFile | null,
  datasetsUrl: string,
  graphUrl: string,
  pageUrl: string,
  meta: GraphMeta,
): DatasetChoice[] | null {
  if (list === null) return null;
  const open = withoutSearch(graphUrl);
  const choices: DatasetChoice[] = Object.entries(list.datasets).map(([file, entry]) => {
    const url = new URL(file, datasetsUrl).href;
    return {
      label: `${entry.name} (${papers(entry.papers)})`,
      href: pageUrlForGraph(url, pageUrl),
      current: url === open,
    };
  });
  if (!choices.some((c) => c.current)) {
    choices.unshift({
      label: `${meta.dataset.name} (${papers(meta.counts.papers)})`,
      href: pageUrlForGraph(open, pageUrl),
      current: true,
    });
  }
  return choices.length > 1 ? choices : null;
}
