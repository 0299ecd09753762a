/**
 * The benchmark's baseline (see scripts/bench-app.ts): a minimal sigma page, as a sigma user would
 * write it. It fetches the same graph file as the app (`?graph=`), imports graphology's serialised
 * graph (positions, sizes, default colours are in the file), mounts sigma with its default settings,
 * and highlights a hovered node's neighbours the way sigma's reducer example does. It marks the same
 * load phases as the app (`atlas:*` performance marks) and exposes the small part of `window.__atlas`
 * the benchmark reads.
 */
import Graph from 'graphology';
import Sigma from 'sigma';

interface BareInspector {
  status(): string;
  error(): string | null;
  totalCount(): { nodes: number; edges: number };
  renderer(): { renders: number; firstRenderAt: number | null; lastRenderAt: number | null } | null;
  hover(id: string | null): void;
  screenPosition(id: string): { x: number; y: number } | null;
  nodeAt(x: number, y: number): string | null;
  sampleNodes(count: number): string[];
}

// the app's Window declares its own `__atlas`; this page's is a different, smaller object
const page = window as unknown as { __atlas?: BareInspector };

async function main(container: HTMLElement): Promise<void> {
  let status = 'loading';
  let error: string | null = null;
  const stats = { renders: 0, firstRenderAt: null as number | null, lastRenderAt: null as number | null };
  let sigma: Sigma | null = null;
  let hovered: string | null = null;
  let neighbours = new Set<string>();
  const graph = new Graph();
  page.__atlas = {
    status: () => status,
    error: () => error,
    totalCount: () => ({ nodes: graph.order, edges: graph.size }),
    renderer: () => (sigma ? { ...stats } : null),
    hover(id) {
      hovered = id;
      neighbours = new Set(id === null ? [] : graph.neighbors(id));
      sigma?.refresh({ skipIndexation: true });
    },
    screenPosition(id) {
      const d = sigma?.getNodeDisplayData(id);
      if (!sigma || !d) return null;
      const p = sigma.framedGraphToViewport(d);
      const rect = container.getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    nodeAt(x, y) {
      const rect = container.getBoundingClientRect();
      // private in sigma's types: the lookup sigma's pointer events make
      const pick = sigma as unknown as {
        getNodeAtPosition(p: { x: number; y: number }): string | null;
      } | null;
      return pick?.getNodeAtPosition({ x: x - rect.left, y: y - rect.top }) ?? null;
    },
    sampleNodes(count) {
      const nodes = graph.nodes();
      return Array.from(
        { length: Math.min(count, nodes.length) },
        (_, i) => nodes[Math.floor((i * nodes.length) / count)]!,
      );
    },
  };
  try {
    const url = new URL(
      new URLSearchParams(window.location.search).get('graph') ?? '../graph.json',
      window.location.href,
    );
    performance.mark('atlas:fetch-start');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.href}: ${response.status} ${response.statusText}`);
    const text = await response.text();
    performance.mark('atlas:fetched');
    const file = JSON.parse(text) as { graph: Parameters<Graph['import']>[0] };
    performance.mark('atlas:parsed');
    graph.import(file.graph);
    performance.mark('atlas:assembled');
    sigma = new Sigma(graph, container, {
      nodeReducer(node, data) {
        if (hovered === null || node === hovered || neighbours.has(node))
          return hovered === null ? data : { ...data, highlighted: true };
        return { ...data, color: '#e2e2e2', label: '' };
      },
      edgeReducer(edge, data) {
        if (hovered === null || graph.hasExtremity(edge, hovered)) return data;
        return { ...data, hidden: true };
      },
    });
    sigma.on('afterRender', () => {
      stats.renders += 1;
      stats.firstRenderAt ??= performance.now();
      stats.lastRenderAt = performance.now();
    });
    sigma.on('enterNode', ({ node }) => page.__atlas?.hover(node));
    sigma.on('leaveNode', () => page.__atlas?.hover(null));
    performance.mark('atlas:mounted');
    status = 'ready';
  } catch (e) {
    status = 'error';
    error = e instanceof Error ? e.message : String(e);
  }
}

const container = document.getElementById('graph');
if (container) void main(container);
