/**
 * Starting the graph file's download before the app's code has loaded: the page's first, small
 * module calls `prefetchGraph`, and the app takes the response once it is ready to read it
 * (`takePrefetched`). Only what `graphUrlFromQuery` (load.ts) could accept is fetched early — the
 * default file or a path on this site; anything else is left to it, and it says what is wrong.
 */

export interface GraphPrefetch {
  /** The absolute URL being fetched. */
  url: string;
  response: Promise<Response>;
}

/** Starts fetching the graph file `?graph=` names (default `graph.json`); null when it names none on this site. */
export function prefetchGraph(
  search: string,
  pageUrl: string,
  fetchFn: typeof fetch = fetch,
): GraphPrefetch | null {
  const param = new URLSearchParams(search).get('graph');
  let url: URL;
  try {
    url = new URL(param === null || param === '' ? 'graph.json' : param, pageUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(pageUrl).origin) return null;
  const response = fetchFn(url.href);
  // a failure is reported when the app reads the response (or loads the file again)
  response.catch(() => {});
  return { url: url.href, response };
}

/** The early response when it is for `url` (the URL the app resolved), else null: the app fetches it itself. */
export function takePrefetched(prefetch: GraphPrefetch | null, url: string): Promise<Response> | null {
  return prefetch !== null && prefetch.url === url ? prefetch.response : null;
}
