/**
 * Entry point: loads the graph file (`graph.json`, or the relative path in `?graph=`) and the
 * datasets.json next to it (for the dataset switcher; optional), mounts the app, or shows what went
 * wrong. Exposes `window.__atlas` for tests and the benchmark.
 */
import './ui/styles.css';
import { datasetChoices, datasetsUrlFor, fetchDatasetsList } from './graph/datasets';
import { fetchGraphFile, graphUrlFromQuery } from './graph/load';
import { mountApp, showError, type App } from './ui/app';
import { createInspector, type AtlasInspector } from './ui/inspect';

declare global {
  interface Window {
    __atlas?: AtlasInspector;
  }
}

async function main(root: HTMLElement): Promise<void> {
  let app: App | null = null;
  const status = { status: 'loading', error: null as string | null };
  window.__atlas = createInspector(() => app, () => status);
  try {
    const url = graphUrlFromQuery(window.location.search, window.location.href);
    performance.mark('atlas:fetch-start');
    const datasetsUrl = datasetsUrlFor(url);
    const datasets = fetchDatasetsList(datasetsUrl); // never rejects; a missing list is fine
    const loaded = await fetchGraphFile(url);
    performance.mark('atlas:loaded');
    const { list, problem } = await datasets;
    if (problem) console.warn(problem);
    const choices = datasetChoices(list, datasetsUrl, url, window.location.href, loaded.meta);
    app = mountApp(root, loaded, { datasets: choices });
    performance.mark('atlas:mounted');
    document.title = `${loaded.meta.dataset.name} · Lineage Atlas`;
    status.status = 'ready';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    status.status = 'error';
    status.error = message;
    app?.cleanup();
    app = null;
    showError(root, message);
    console.error(e);
  }
  window.addEventListener('pagehide', () => app?.cleanup(), { once: true });
  // A page restored from the back-forward cache (back from another dataset, say) was cleaned up on
  // pagehide: load it afresh.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) window.location.reload();
  });
}

const root = document.getElementById('app');
if (root) void main(root);
