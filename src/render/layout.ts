/**
 * ForceAtlas2 in a web worker, on demand. The worker is spawned on the first start (the view opens
 * on the build's positions at once), its settings inferred from the graph, and killed on cleanup.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { AtlasGraph } from '../graph/types';

export interface LayoutController {
  start(): void;
  stop(): void;
  isRunning(): boolean;
  /** Called with the running flag whenever it changes. */
  onChange(listener: (running: boolean) => void): () => void;
  cleanup(): void;
}

export function createLayout(graph: AtlasGraph): LayoutController {
  let supervisor: FA2LayoutSupervisor | null = null;
  let killed = false;
  const listeners = new Set<(running: boolean) => void>();
  const notify = () => {
    const running = supervisor?.isRunning() ?? false;
    for (const l of [...listeners]) l(running);
  };
  return {
    start() {
      if (killed) return;
      if (!supervisor) {
        supervisor = new FA2LayoutSupervisor(graph, { settings: forceAtlas2.inferSettings(graph) });
      }
      if (supervisor.isRunning()) return;
      supervisor.start();
      notify();
    },
    stop() {
      if (!supervisor?.isRunning()) return;
      supervisor.stop();
      notify();
    },
    isRunning: () => supervisor?.isRunning() ?? false,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cleanup() {
      killed = true;
      supervisor?.kill();
      supervisor = null;
      listeners.clear();
    },
  };
}
