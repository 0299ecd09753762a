import { describe, expect, it, vi } from 'vitest';
import { createLazyTimelineMode } from '../../src/render/timeline-lazy';
import type { TimelineMode, TimelineModeOptions } from '../../src/render/timeline';
import { createStore } from '../../src/state/store';

/** A store with just the layout, and a loader whose module the test resolves when it wants. */
function setup(layout: 'force' | 'timeline') {
  const store = createStore({ layout });
  const opts = { store } as unknown as TimelineModeOptions;
  const real = { animating: vi.fn(() => true), afterForce: vi.fn(), cleanup: vi.fn() } satisfies TimelineMode;
  const createTimelineMode = vi.fn((_o: TimelineModeOptions) => real);
  let resolve!: () => void;
  const load = vi.fn(
    () =>
      new Promise<{ createTimelineMode: typeof createTimelineMode }>(
        (r) => (resolve = () => r({ createTimelineMode })),
      ),
  );
  const mode = createLazyTimelineMode(opts, load);
  return { store, opts, real, createTimelineMode, load, mode, resolve: () => resolve() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the Timeline loaded on first use', () => {
  it('loads nothing while the view stays on the force layout; afterForce runs at once', () => {
    const { load, mode } = setup('force');
    const fn = vi.fn();
    mode.afterForce(fn);
    expect(fn).toHaveBeenCalledOnce();
    expect(mode.animating()).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once when the view asks for the timeline, counts as animating meanwhile, then hands over', async () => {
    const { store, opts, real, createTimelineMode, load, mode, resolve } = setup('force');
    store.update(() => ({ layout: 'timeline' as const }));
    store.update(() => ({ layout: 'timeline' as const }));
    expect(load).toHaveBeenCalledOnce();
    expect(mode.animating()).toBe(true);
    resolve();
    await flush();
    expect(createTimelineMode).toHaveBeenCalledWith(opts);
    const fn = vi.fn();
    mode.afterForce(fn);
    expect(real.afterForce).toHaveBeenCalledWith(fn);
    expect(fn).not.toHaveBeenCalled();
    mode.cleanup();
    expect(real.cleanup).toHaveBeenCalledOnce();
  });

  it('loads at once when the view starts on the timeline', () => {
    const { load } = setup('timeline');
    expect(load).toHaveBeenCalledOnce();
  });

  it('a cleanup before the code arrives leaves nothing behind', async () => {
    const { createTimelineMode, mode, resolve } = setup('timeline');
    mode.cleanup();
    resolve();
    await flush();
    expect(createTimelineMode).not.toHaveBeenCalled();
    expect(mode.animating()).toBe(false);
  });
});
