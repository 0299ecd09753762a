/**
 * Keeps the address bar on the current view, so a link reopens it:
 * - a discrete change (colour, size, filters, selection, isolated category, labels) pushes a history
 *   entry; repeats of the same change within a second (dragging the year brush, the labels slider)
 *   replace it instead, so Back skips to the previous meaningful view;
 * - camera moves replace the entry, debounced (never one entry per frame);
 * - Back / Forward (popstate) restore the entry's view and camera.
 */
import type { Store } from '../state/store';
import type { ViewState } from '../state/types';
import { RESERVED_PARAMS, viewFromQuery, viewToQuery, type CameraView, type UrlContext } from '../state/url';

export interface CameraPort {
  camera(): CameraView;
  setCamera(state: CameraView): void;
  onCamera(listener: () => void): () => void;
}

export interface UrlSyncOptions {
  win: Window;
  store: Store<ViewState>;
  ctx: UrlContext;
  camera: CameraPort;
  /** The default view (what an empty query means). */
  initial: ViewState;
  /** Debounce of camera moves, ms. */
  cameraDelay?: number;
  /** Window within which repeated changes of the same parameters replace the last entry, ms. */
  coalesceMs?: number;
}

export interface UrlSync {
  /** The URL of the current view, camera included, up to date now. */
  url(): string;
  cleanup(): void;
}

const DEFAULT_CAMERA: CameraView = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

function isDefaultCamera(c: CameraView): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 5e-5;
  return (
    near(c.x, DEFAULT_CAMERA.x) &&
    near(c.y, DEFAULT_CAMERA.y) &&
    near(c.ratio, DEFAULT_CAMERA.ratio) &&
    near(c.angle, 0)
  );
}

function paramNames(query: string): Set<string> {
  return new Set(query === '' ? [] : query.split('&').map((p) => p.split('=')[0]!));
}

/** Names of the parameters whose values differ between two queries. */
function changedParams(a: string, b: string): string {
  const pa = new URLSearchParams(a);
  const pb = new URLSearchParams(b);
  const names = new Set([...paramNames(a), ...paramNames(b)]);
  return [...names]
    .filter((n) => pa.get(n) !== pb.get(n))
    .sort()
    .join(',');
}

export function syncUrl(opts: UrlSyncOptions): UrlSync {
  const { win, store, ctx, camera } = opts;
  const cameraDelay = opts.cameraDelay ?? 350;
  const coalesceMs = opts.coalesceMs ?? 1000;
  const keep = (): Array<[string, string]> => {
    const current = new URLSearchParams(win.location.search);
    return RESERVED_PARAMS.flatMap((p) => (current.has(p) ? [[p, current.get(p)!] as [string, string]] : []));
  };
  const discrete = (s: ViewState) => viewToQuery(s, null, ctx);
  const urlWith = (s: ViewState, cam: CameraView) => {
    const u = new URL(win.location.href);
    u.search = viewToQuery(s, isDefaultCamera(cam) ? null : cam, ctx, keep());
    return u.href;
  };
  const url = () => urlWith(store.get(), camera.camera());

  let last = discrete(store.get());
  let lastPush = { params: '', at: -Infinity };
  let applying = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  // repeated changes (the playback's months, a brush dragged) replace the entry at most every
  // `throttleMs`, the last one always written: browsers cap the rate of history calls (Safari throws
  // after 100 in 30 s, Chrome ignores them past 200 in 10 s)
  const throttleMs = 250;
  let lastWrite = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  const write = (mode: 'push' | 'replace') => {
    const next = url();
    lastWrite = win.performance.now();
    try {
      if (mode === 'replace' || next === win.location.href) win.history.replaceState(null, '', next);
      else win.history.pushState(null, '', next);
    } catch {
      // over the browser's rate cap: the next change writes the address again
    }
  };
  // the address bar shows the canonical link from the start (malformed parameters dropped)
  write('replace');

  const unsubscribe = store.subscribe((s, prevState) => {
    if (applying) return;
    const q = discrete(s);
    if (q === last) return;
    const params = changedParams(last, q);
    const now = win.performance.now();
    const coalesce = params === lastPush.params && now - lastPush.at < coalesceMs;
    if (coalesce && now - lastWrite < throttleMs) {
      last = q;
      lastPush = { params, at: now };
      trailing ??= setTimeout(() => {
        trailing = null;
        write('replace');
      }, throttleMs);
      return;
    }
    if (trailing !== null) {
      clearTimeout(trailing);
      trailing = null;
      // before a new entry is pushed, the one we leave gets its last state (a replace overwrites it anyway)
      if (!coalesce) win.history.replaceState(null, '', urlWith(prevState, camera.camera()));
    }
    if (timer !== null) {
      // the entry we leave keeps its final camera
      clearTimeout(timer);
      timer = null;
      win.history.replaceState(null, '', urlWith(prevState, camera.camera()));
    }
    last = q;
    lastPush = { params, at: now };
    write(coalesce ? 'replace' : 'push');
  });

  const unCamera = camera.onCamera(() => {
    if (applying) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      write('replace');
    }, cameraDelay);
  });

  const onPop = () => {
    const read = viewFromQuery(opts.initial, new URLSearchParams(win.location.search), ctx);
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (trailing !== null) clearTimeout(trailing);
    trailing = null;
    applying = true;
    try {
      store.update(() => read.state);
      camera.setCamera(read.camera ?? DEFAULT_CAMERA);
    } finally {
      applying = false;
    }
    last = discrete(store.get());
    lastPush = { params: '', at: -Infinity };
  };
  win.addEventListener('popstate', onPop);

  return {
    url,
    cleanup() {
      if (timer !== null) clearTimeout(timer);
      if (trailing !== null) clearTimeout(trailing);
      unsubscribe();
      unCamera();
      win.removeEventListener('popstate', onPop);
    },
  };
}
