/**
 * The Timeline layout, loaded the first time the view asks for it (timeline.ts and its packing are
 * a chunk of their own). Until then the papers are on the force layout and `afterForce` runs at
 * once; while the code loads for a view that asks for the timeline, it counts as animating.
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
      (e: unknown) => {
        loading = false;
        console.error(e);
      },
    );
  };
  const unsubscribe = opts.store.subscribe((s) => {
    if (s.layout === 'timeline') start();
  });
  if (opts.store.get().layout === 'timeline') start();
  return {
    // while its code loads, the timeline the view asked for counts as on its way
    animating: () =>
      mode ? mode.animating() : loading && !disposed && opts.store.get().layout === 'timeline',
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
