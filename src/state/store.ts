/**
 * One small store: holds the state, applies producers, notifies listeners.
 * No module-level instance: the app creates one and passes it down.
 */
import type { Listener } from './types';

export interface Store<S> {
  get(): S;
  /** Replace the state with `producer(state)`; listeners run only if it changed (by identity). */
  update(producer: (state: S) => S): void;
  subscribe(listener: Listener<S>): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    update(producer) {
      const previous = state;
      const next = producer(state);
      if (next === previous) return;
      state = next;
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
