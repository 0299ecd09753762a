/**
 * The page's first module, kept small: it starts downloading the graph file at once, then loads the
 * app (start.ts, its own chunk), which reads the download when it has arrived. The graph file and
 * the app's code load in parallel.
 */
import './ui/styles.css';
import { prefetchGraph } from './graph/prefetch';

const root = document.getElementById('app');
if (root) {
  performance.mark('atlas:fetch-start');
  const prefetch = prefetchGraph(window.location.search, window.location.href);
  import('./start')
    .then(({ start }) => start(root, prefetch))
    .catch((e: unknown) => {
      // the app's code could not be loaded (offline, a new deployment): say so in plain text
      const message = h1AndText(e);
      root.replaceChildren(message);
      console.error(e);
    });
}

function h1AndText(e: unknown): HTMLElement {
  const box = document.createElement('div');
  box.className = 'error-screen';
  box.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'The explorer could not be loaded';
  const text = document.createElement('p');
  text.className = 'error-message';
  text.textContent = `${e instanceof Error ? e.message : String(e)} Reload the page to try again.`;
  box.append(title, text);
  return box;
}
