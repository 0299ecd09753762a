/**
 * The page's first module, kept small: it starts downloading the graph at once (graph/prefetch.ts),
 * then loads the first picture's code (boot/early-picture.ts, which draws the papers from the compact
 * form's binary as soon as it has arrived, when that applies), the first frame's (boot/first-frame.ts,
 * sigma's first render over it) and the rest of the app (start.ts), which takes the first frame over,
 * or loads the graph the usual way. Code and graph load in parallel.
 */
import './ui/styles.css';
import { linkHoldsView } from './boot/link';
import { prefetchedFetch, prefetchGraph } from './graph/prefetch';
import { EARLY_FROM_ITEMS, makeSideWorker } from './graph/binary/side-reading';

const root = document.getElementById('app');
if (root) {
  performance.mark('atlas:fetch-start');
  // the datasets list the built page carries (scripts/vite-preload-boot.ts)
  const embedded = document.querySelector('meta[name="lineage-atlas-datasets"]')?.getAttribute('content');
  // The papers are drawn from the binary by a small chunk (boot/early-picture.ts) while the first
  // frame's code (sigma, graphology, the renderer) loads; the rest of the app once the first frame
  // is drawn, so as not to slow the binary's download. When the first frame is the app's to draw
  // (a link naming a view), the app loads at once.
  const viewLink = linkHoldsView(window.location.search);
  // a big graph's side table is downloaded and read by a worker from the start, for the first
  // frame's graph (graph/binary/side-reading.ts)
  const sideWorker = viewLink ? null : { fromItems: EARLY_FROM_ITEMS, make: makeSideWorker };
  const prefetch = prefetchGraph(
    window.location.search,
    window.location.href,
    fetch,
    embedded ?? null,
    sideWorker,
  );
  const fetchEarly = prefetchedFetch(prefetch);
  const boot = prefetch !== null && !viewLink;
  const early = boot
    ? import('./boot/early-picture')
        .then(({ drawEarlyPicture }) => drawEarlyPicture(root, prefetch, fetchEarly))
        .catch(() => null)
    : Promise.resolve(null);
  const firstFrame = boot
    ? Promise.all([import('./boot/first-frame'), early])
        .then(([{ drawFirstFrame }, picture]) => (picture ? drawFirstFrame(picture) : null))
        .catch(async () => {
          // the first frame's code did not load: the app draws the graph, without the papers' preview
          (await early)?.preview.remove();
          return null;
        })
    : Promise.resolve(null);
  firstFrame
    // the app's code loads meanwhile; it starts once the first picture is on screen (first-frame.ts)
    .then((ff) => Promise.all([import('./start'), ff?.shown]))
    .then(([{ start }]) => start(root, fetchEarly, firstFrame, prefetch?.side ?? Promise.resolve(null)))
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
