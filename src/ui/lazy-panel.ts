/**
 * Panels whose code loads on first use (its own chunk, through `import()`): the panel mounts into
 * its container once its trigger fires — the view state asks for it (the Clusters column opened, a
 * paper selected) or the reader clicks a stand-in button (the Export menu). A load that fails says
 * so in the container and in the console; a cleanup before the load ends cancels the mount.
 */
import type { ViewState } from '../state/types';
import type { AppContext, MountPanel } from './context';
import { h } from './dom';

/** Starts the load (`go`) when the reader asks for the panel; returns its own cleanup. */
export type LazyTrigger = (container: HTMLElement, ctx: AppContext, go: () => void) => () => void;

/** A panel mounted by `load`'s result the first time `trigger` fires. */
export function lazyPanel(
  load: (ctx: AppContext) => Promise<MountPanel>,
  trigger: LazyTrigger,
  afterMount?: (container: HTMLElement) => void,
): MountPanel {
  return (container, ctx) => {
    let disposed = false;
    let started = false;
    let unmount: (() => void) | null = null;
    const go = () => {
      if (started) return;
      started = true;
      untrigger();
      load(ctx).then(
        (mount) => {
          if (disposed) return;
          container.replaceChildren();
          unmount = mount(container, ctx);
          afterMount?.(container);
        },
        (e: unknown) => {
          if (disposed) return;
          console.error(e);
          container.replaceChildren(
            h('p', {
              class: 'muted small',
              role: 'alert',
              text: 'This part of the explorer could not be loaded; reload the page.',
            }),
          );
        },
      );
    };
    const untrigger = trigger(container, ctx, go);
    return () => {
      disposed = true;
      untrigger();
      unmount?.();
    };
  };
}

/** Fires when (or as soon as) the view state satisfies `wanted`. */
export function whenState(wanted: (s: ViewState) => boolean): LazyTrigger {
  return (_container, ctx, go) => {
    if (wanted(ctx.store.get())) {
      // after the mount that called us: the panel mounts in a task of its own
      queueMicrotask(go);
      return () => {};
    }
    return ctx.store.subscribe((s) => {
      if (wanted(s)) go();
    });
  };
}

/**
 * Fires once the page is idle (after the first frame is drawn), or after `timeout` ms at the latest:
 * for panels the first frame need not wait for.
 */
export function whenIdle(timeout = 2000): LazyTrigger {
  return (container, _ctx, go) => {
    const win: Window = container.ownerDocument.defaultView ?? window;
    if (typeof win.requestIdleCallback === 'function') {
      const id = win.requestIdleCallback(go, { timeout });
      return () => win.cancelIdleCallback(id);
    }
    const id = win.setTimeout(go, 50);
    return () => win.clearTimeout(id);
  };
}

/**
 * A stand-in button (`attrs`: what the real one looks like); a click loads the panel, and the panel's
 * own button (the first button it mounts) is then clicked and focused, so one click opens it.
 */
export function standInButton(attrs: Record<string, string>): {
  trigger: LazyTrigger;
  afterMount: (container: HTMLElement) => void;
} {
  return {
    trigger(container, _ctx, go) {
      const button = h('button', { type: 'button', ...attrs });
      const onClick = () => {
        container.dataset.lazyClicked = 'true';
        button.setAttribute('aria-busy', 'true');
        go();
      };
      button.addEventListener('click', onClick);
      container.append(button);
      return () => button.removeEventListener('click', onClick);
    },
    afterMount(container) {
      if (container.dataset.lazyClicked !== 'true') return;
      delete container.dataset.lazyClicked;
      const real = container.querySelector('button');
      real?.click();
    },
  };
}
