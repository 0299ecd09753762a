/**
 * The page's first module: it starts downloading the graph at once (graph/prefetch.ts), draws the
 * graph's first frame from the compact form's binary as soon as it arrives (boot/first-frame.ts, when
 * that applies), and meanwhile loads the rest of the app (start.ts, its own chunk), which takes the
 * first frame over, or loads the graph the usual way.
 */
import './ui/styles.css';
import { drawFirstFrame } from './boot/first-frame';
import { prefetchedFetch, prefetchGraph } from './graph/prefetch';

const root = document.getElementById('app');
if (root) {
  performance.mark('atlas:fetch-start');
  const prefetch = prefetchGraph(window.location.search, window.location.href);
  const fetchEarly = prefetchedFetch(prefetch);
  const app = import('./start');
  // the app's chunk is requested first: it loads while the first frame is drawn
  const firstFrame = drawFirstFrame(root, prefetch, fetchEarly, window.location.search);
  app
    .then(({ start }) => start(root, prefetch, fetchEarly, firstFrame))
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
