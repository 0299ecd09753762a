/**
 * Sigma whose first indexing runs in slices. Sigma's constructor ends with a full refresh: every
 * node and edge through the reducers, then `process` (extent, normalisation, label grid, the
 * programs' buffers), then the first draw, all in one task: 1.4–1.7 s at 10⁵ papers and 3×10⁵ links,
 * during which the page cannot answer. `SlicedSigma` leaves the constructor's refresh out, and
 * `prepare` does the same work in steps (graph/steps.ts), then draws.
 *
 * The steps are sigma 3.0.3's own `refresh()` and `process()`, in the same order and on the same
 * fields, cut between items; nothing else of sigma changes. They reach sigma's private fields
 * (`SigmaInternals`), so sigma is pinned by the lockfile, and an end-to-end test checks that the
 * buffers, indices and label grid equal those of sigma's own refresh. Anything that asks for a
 * refresh meanwhile (a resize, a changed setting) gets sigma's own full refresh at the end instead.
 * Like any big graph, it is then drawn over several frames (progressive-draws.ts).
 */
import type Sigma from 'sigma';
import { Camera } from 'sigma';
import type { Settings } from 'sigma/settings';
import type { Coordinates, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { createNormalizationFunction, graphExtent, matrixFromCamera, zIndexOrdering } from 'sigma/utils';
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import {
  forEachInSteps,
  runSteps,
  runStepsSliced,
  STEP_ITEMS,
  type SliceOptions,
  type Steps,
} from '../graph/steps';
import { ProgressiveSigma } from './progressive-draws';

type Extent = { x: [number, number]; y: [number, number] };

/** The private parts of sigma 3.0.3 that its refresh and process use (sigma.ts). */
interface SigmaInternals {
  graph: Graph;
  settings: Settings;
  nodeDataCache: Record<string, NodeDisplayData>;
  edgeDataCache: Record<string, EdgeDisplayData>;
  nodeExtent: Extent;
  customBBox: Extent | null;
  normalizationFunction: ReturnType<typeof createNormalizationFunction>;
  labelGrid: {
    resizeAndClear(dimensions: { width: number; height: number }, cellSize: number): void;
    add(key: string, size: number, position: Coordinates): void;
    organize(): void;
  };
  nodePrograms: Record<string, { reallocate(capacity: number): void }>;
  edgePrograms: Record<string, { reallocate(capacity: number): void }>;
  nodeZExtent: [number, number];
  edgeZExtent: [number, number];
  itemIDsIndex: Record<number, { type: 'node' | 'edge'; id: string }>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  needToProcess: boolean;
  clearNodeIndices(): void;
  clearEdgeIndices(): void;
  addNode(key: string): void;
  addEdge(key: string): void;
  addNodeToProgram(node: string, fingerprint: number, position: number): void;
  addEdgeToProgram(edge: string, fingerprint: number, position: number): void;
  getGraphDimensions(): { width: number; height: number };
  emit(event: string): void;
}

/** The public parts of sigma the process uses. */
interface SigmaView {
  resize(): unknown;
  getDimensions(): { width: number; height: number };
  getStagePadding(): number;
  framedGraphToViewport(coordinates: Coordinates, override?: { matrix?: Float32Array }): Coordinates;
}

type Phase = 'constructing' | 'preparing' | 'ready' | 'killed';

export class SlicedSigma<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends ProgressiveSigma<N, E, G> {
  // no initialisers: sigma's constructor calls refresh() before a subclass's fields would be set
  declare private slicedPhase: Phase | undefined;
  declare private refreshAsked: boolean | undefined;
  override refresh(...args: Parameters<Sigma<N, E, G>['refresh']>): this {
    if (this.slicedPhase === 'ready') return super.refresh(...args);
    // the constructor's first refresh is what `prepare` does; one asked meanwhile comes after it
    if (this.slicedPhase === 'preparing') this.refreshAsked = true;
    return this;
  }

  constructor(graph: Graph<N, E, G>, container: HTMLElement, settings?: Partial<Settings<N, E, G>>) {
    super(graph, container, settings);
    // nothing is drawn before `prepare` has indexed the graph (a camera move would ask for a
    // render); sigma's render is private, so it is shadowed on the instance
    const self = this as unknown as { render: () => unknown };
    const render = self.render.bind(this);
    self.render = () => (this.slicedPhase === 'ready' ? render() : this);
  }

  override kill(): void {
    this.slicedPhase = 'killed';
    super.kill();
  }

  /**
   * Indexes the graph in slices of `slices` (or at once without), then draws the first frame.
   * Resolves false when the renderer was killed meanwhile (nothing drawn), true once drawn.
   */
  async prepare(slices?: SliceOptions): Promise<boolean> {
    if (this.slicedPhase === 'ready' || this.slicedPhase === 'killed') return this.slicedPhase === 'ready';
    this.slicedPhase = 'preparing';
    // the programs sigma's constructor asked for, a task each (deferred-sigma.ts)
    if (!slices) this.registerKeptNow();
    else if (!(await this.registerKeptPrograms(slices.pause))) return false;
    const steps = firstRefreshSteps(
      this,
      this as unknown as SigmaInternals,
      () => this.slicedPhase === 'killed',
    );
    if (slices) {
      // not in the task that made the renderer (its contexts), nor in the last program's
      await slices.pause();
      await runStepsSliced(steps, slices);
      // nor in the last slice's: the first render (18 ms at 10⁴ papers) made it a 50–58 ms task
      if ((this.slicedPhase as Phase) !== 'killed') await slices.pause();
    } else runSteps(steps);
    if ((this.slicedPhase as Phase) === 'killed') return false;
    this.slicedPhase = 'ready';
    this.firstDrawAllowed = true;
    if (this.refreshAsked) {
      this.refreshAsked = false;
      super.refresh();
    } else {
      const self = this as unknown as SigmaInternals & { render: () => unknown };
      self.needToProcess = false;
      self.render();
    }
    return true;
  }
}

/** Sigma 3.0.3's full `refresh()` (re-indexing every item) and `process()`, in steps. */
function* firstRefreshSteps(sigma: SigmaView, s: SigmaInternals, killed: () => boolean): Steps<void> {
  const graph = s.graph;
  const nodes = graph.nodes();
  const edges = graph.edges();
  // refresh(): every item through the reducers
  const steps = { stop: killed };
  s.clearEdgeIndices();
  s.clearNodeIndices();
  if (!(yield* forEachInSteps(nodes.length, (i) => s.addNode(nodes[i]!), steps))) return;
  if (!(yield* forEachInSteps(edges.length, (i) => s.addEdge(edges[i]!), steps))) return;
  // process()
  sigma.resize();
  s.emit('beforeProcess');
  const settings = s.settings;
  const dimensions = sigma.getDimensions();
  s.nodeExtent = graphExtent(graph);
  if (!settings.autoRescale) {
    const { width, height } = dimensions;
    const { x, y } = s.nodeExtent;
    s.nodeExtent = {
      x: [(x[0] + x[1]) / 2 - width / 2, (x[0] + x[1]) / 2 + width / 2],
      y: [(y[0] + y[1]) / 2 - height / 2, (y[0] + y[1]) / 2 + height / 2],
    };
  }
  s.normalizationFunction = createNormalizationFunction(s.customBBox || s.nodeExtent);
  const nullCameraMatrix = matrixFromCamera(
    new Camera().getState(),
    dimensions,
    s.getGraphDimensions(),
    sigma.getStagePadding(),
  );
  s.labelGrid.resizeAndClear(dimensions, settings.labelGridCellSize);
  const nodesPerPrograms: Record<string, number> = {};
  const nodeIndices: Record<string, number> = {};
  const edgeIndices: Record<string, number> = {};
  const itemIDsIndex: SigmaInternals['itemIDsIndex'] = {};
  let incrID = 1;
  const placed = yield* forEachInSteps(
    nodes.length,
    (i) => {
      const node = nodes[i]!;
      const data = s.nodeDataCache[node]!;
      const attrs = graph.getNodeAttributes(node) as { x: number; y: number };
      data.x = attrs.x;
      data.y = attrs.y;
      s.normalizationFunction.applyTo(data);
      if (typeof data.label === 'string' && !data.hidden)
        s.labelGrid.add(node, data.size, sigma.framedGraphToViewport(data, { matrix: nullCameraMatrix }));
      nodesPerPrograms[data.type] = (nodesPerPrograms[data.type] || 0) + 1;
    },
    steps,
  );
  if (!placed) return;
  s.labelGrid.organize();
  for (const type in s.nodePrograms) {
    s.nodePrograms[type]!.reallocate(nodesPerPrograms[type] || 0);
    nodesPerPrograms[type] = 0;
  }
  let nodeOrder = nodes;
  if (settings.zIndex && s.nodeZExtent[0] !== s.nodeZExtent[1])
    nodeOrder = zIndexOrdering(s.nodeZExtent, (n: string) => s.nodeDataCache[n]!.zIndex, nodes);
  const nodesAdded = yield* forEachInSteps(
    nodeOrder.length,
    (i) => {
      const node = nodeOrder[i]!;
      nodeIndices[node] = incrID;
      itemIDsIndex[incrID] = { type: 'node', id: node };
      incrID++;
      const data = s.nodeDataCache[node]!;
      s.addNodeToProgram(node, nodeIndices[node]!, nodesPerPrograms[data.type]!++);
    },
    steps,
  );
  if (!nodesAdded) return;
  const edgesPerPrograms: Record<string, number> = {};
  const counted = yield* forEachInSteps(
    edges.length,
    (i) => {
      const type = s.edgeDataCache[edges[i]!]!.type;
      edgesPerPrograms[type] = (edgesPerPrograms[type] || 0) + 1;
    },
    { ...steps, every: 8 * STEP_ITEMS },
  );
  if (!counted) return;
  let edgeOrder = edges;
  if (settings.zIndex && s.edgeZExtent[0] !== s.edgeZExtent[1])
    edgeOrder = zIndexOrdering(s.edgeZExtent, (e: string) => s.edgeDataCache[e]!.zIndex, edges);
  for (const type in s.edgePrograms) {
    s.edgePrograms[type]!.reallocate(edgesPerPrograms[type] || 0);
    edgesPerPrograms[type] = 0;
  }
  const edgesAdded = yield* forEachInSteps(
    edgeOrder.length,
    (i) => {
      const edge = edgeOrder[i]!;
      edgeIndices[edge] = incrID;
      itemIDsIndex[incrID] = { type: 'edge', id: edge };
      incrID++;
      const data = s.edgeDataCache[edge]!;
      s.addEdgeToProgram(edge, edgeIndices[edge]!, edgesPerPrograms[data.type]!++);
    },
    steps,
  );
  if (!edgesAdded) return;
  s.itemIDsIndex = itemIDsIndex;
  s.nodeIndices = nodeIndices;
  s.edgeIndices = edgeIndices;
  s.emit('afterProcess');
}

interface ProgramLike {
  array?: Float32Array;
  programs?: ProgramLike[];
}

/** FNV-1a over 32-bit words. */
function hashWords(words: ArrayLike<number>, h = 0x811c9dc5): number {
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) >>> 0;
  return h;
}

function hashText(text: string): number {
  const words = new Uint32Array(text.length);
  for (let i = 0; i < text.length; i++) words[i] = text.charCodeAt(i);
  return hashWords(words);
}

/**
 * A digest of what sigma's indexing made of the graph: the programs' buffers, the items' ids and
 * program positions, the extent and the label grid. Two renderers of one graph with equal digests
 * draw and pick alike (for the end-to-end test of `SlicedSigma` against sigma's own refresh).
 */
export function indexDigest(sigma: object): Record<string, number> {
  const s = sigma as unknown as SigmaInternals & {
    nodePrograms: Record<string, ProgramLike>;
    edgePrograms: Record<string, ProgramLike>;
    nodeProgramIndex: Record<string, number>;
    edgeProgramIndex: Record<string, number>;
    labelGrid: { cells: Record<string, unknown> };
  };
  const out: Record<string, number> = {};
  for (const [kind, programs] of [
    ['node', s.nodePrograms],
    ['edge', s.edgePrograms],
  ] as const)
    for (const type of Object.keys(programs).sort()) {
      // a compound program (an arrow: its line and its head) holds programs of its own
      const parts = (p: ProgramLike): Float32Array[] =>
        p.array ? [p.array] : (p.programs ?? []).flatMap(parts);
      parts(programs[type]!).forEach((array, i) => {
        out[`${kind} program ${type} ${i}`] = hashWords(new Uint32Array(array.buffer));
      });
    }
  const entries = (o: object) => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  out['item ids'] = hashText(entries(s.itemIDsIndex));
  out['node ids'] = hashText(entries(s.nodeIndices));
  out['edge ids'] = hashText(entries(s.edgeIndices));
  out['node positions'] = hashText(entries(s.nodeProgramIndex));
  out['edge positions'] = hashText(entries(s.edgeProgramIndex));
  out['extent'] = hashText(JSON.stringify(s.nodeExtent));
  out['label grid'] = hashText(entries(s.labelGrid.cells));
  return out;
}
