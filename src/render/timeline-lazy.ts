/**
 * The Timeline layout, loaded the first time the view asks for it (timeline.ts and its packing are
 * a chunk of their own). Until then the papers are on the force layout: nothing animates, and
 * `afterForce` runs at once.
 */
import type { TimelineMode, TimelineModeOptions } from './timeline';

export function createLazyTimelineMode(
  opts: TimelineModeOptions,
  load: () => Promise<{ createTimelineMode(o: TimelineModeOptions): TimelineMode }> = () =>
    import('./timeline'),
): TimelineMode {
  let mode: TimelineMode | null = null;
  let disposed = false;
  let loading = false;
  const start = () => {
    if (loading) return;
    loading = true;
    unsubscribe();
    load().then(
      (m) => {
        // the mode enters the timeline itself if the view still asks for it
        if (!disposed) mode = m.createTimelineMode(opts);
      },
      (e: unknown) => console.error(e),
    );
  };
  const unsubscribe = opts.store.subscribe((s) => {
    if (s.layout === 'timeline') start();
  });
  if (opts.store.get().layout === 'timeline') start();
  return {
    animating: () => mode?.animating() ?? false,
    afterForce(fn) {
      if (mode) mode.afterForce(fn);
      else fn();
    },
    cleanup() {
      disposed = true;
      unsubscribe();
      mode?.cleanup();
    },
  };
}
