/**
 * The present group's bookkeeping (src/render/deferred-present.ts) over a recording stand-in for a
 * WebGL 2 context and a window whose animation frames the test runs: what is drawn goes to the
 * group's framebuffers, nothing is copied while any layer's fence is pending, the layers are copied
 * onto their canvases in rank order a copy a frame, a layer only cleared is not copied, and a
 * released group gives each context back as it was. The e2e test (tests/e2e/deferred-present.test.ts)
 * checks the same in Chromium, pixels included.
 */
import { describe, expect, it } from 'vitest';
import { createPresentGroup, FENCE_PATIENCE_MS } from '../../src/render/deferred-present';

const GL = {
  FRAMEBUFFER: 0x8d40,
  READ_FRAMEBUFFER: 0x8ca8,
  DRAW_FRAMEBUFFER: 0x8ca9,
  RENDERBUFFER: 0x8d41,
  RGBA8: 0x8058,
  COLOR_ATTACHMENT0: 0x8ce0,
  FRAMEBUFFER_COMPLETE: 0x8cd5,
  SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
  SYNC_STATUS: 0x9114,
  SIGNALED: 0x9119,
  UNSIGNALED: 0x9118,
  COLOR_BUFFER_BIT: 0x4000,
  NEAREST: 0x2600,
};

interface Sync {
  signaled: boolean;
}

/** Records what is asked of it; its fences signal when the test says. */
class RecordingGL {
  readonly canvas = {
    style: {
      visibility: '',
      removeProperty(this: { visibility: string }, k: 'visibility') {
        this[k] = '';
      },
    },
  };
  drawingBufferWidth = 100;
  drawingBufferHeight = 50;
  readonly log: string[] = [];
  readonly syncs: Sync[] = [];
  bound: unknown = null;
  lost = false;
  constructor(readonly name: string) {
    Object.assign(this, GL);
  }
  createFramebuffer() {
    return { fb: this.name };
  }
  createRenderbuffer() {
    return { rb: this.name };
  }
  bindRenderbuffer() {}
  renderbufferStorage(_t: number, _f: number, w: number, h: number) {
    this.log.push(`storage ${w}x${h}`);
  }
  framebufferRenderbuffer() {}
  checkFramebufferStatus() {
    return GL.FRAMEBUFFER_COMPLETE;
  }
  bindFramebuffer(target: number, fb: unknown) {
    if (target !== GL.READ_FRAMEBUFFER) this.bound = fb;
  }
  drawArrays() {
    this.log.push(`draw into ${this.bound === null ? 'canvas' : 'group'}`);
  }
  drawElements() {}
  drawArraysInstanced() {}
  drawElementsInstanced() {}
  clear() {
    this.log.push('clear');
  }
  fenceSync() {
    const s = { signaled: false };
    this.syncs.push(s);
    return s;
  }
  getSyncParameter(s: Sync) {
    return s.signaled ? GL.SIGNALED : GL.UNSIGNALED;
  }
  deleteSync() {}
  flush() {
    this.log.push('flush');
  }
  blitFramebuffer() {
    this.log.push('copy');
  }
  isContextLost() {
    return this.lost;
  }
  deleteFramebuffer() {
    this.log.push('delete');
  }
  deleteRenderbuffer() {}
  signalAll() {
    for (const s of this.syncs) s.signaled = true;
  }
}

/**
 * A window whose animation frames run when the test calls `frame()`, then the tasks (timers) they
 * queued, as a browser runs them after the frame's commit.
 */
function frames() {
  let queue: Array<() => void> = [];
  let tasks: Array<() => void> = [];
  let id = 0;
  const clock = { now: 0 };
  const win = {
    requestAnimationFrame(cb: () => void) {
      queue.push(cb);
      return ++id;
    },
    cancelAnimationFrame() {
      queue = [];
    },
    setTimeout(cb: () => void) {
      tasks.push(cb);
      return ++id;
    },
    performance: { now: () => clock.now },
  };
  const runTasks = () => {
    const t = tasks;
    tasks = [];
    for (const cb of t) cb();
  };
  /** The animation frame's callbacks only. */
  const animationFrame = async () => {
    // the microtasks of the task before (the fences) first
    await Promise.resolve();
    const q = queue;
    queue = [];
    for (const cb of q) cb();
  };
  return {
    clock,
    win: win as unknown as Window,
    animationFrame,
    runTasks,
    async frame() {
      await animationFrame();
      runTasks();
    },
  };
}

const asGL = (g: RecordingGL) => g as unknown as WebGL2RenderingContext;

describe('createPresentGroup', () => {
  it('refuses a WebGL 1 context and leaves it alone', () => {
    const group = createPresentGroup({ win: frames().win });
    const gl1 = { canvas: { style: { visibility: '' } }, bindFramebuffer() {} };
    expect(group.add(gl1 as unknown as WebGLRenderingContext)).toBe(false);
    expect(Object.keys(gl1)).toEqual(['canvas', 'bindFramebuffer']);
    expect(gl1.canvas.style.visibility).toBe('');
    expect(group.deferring()).toBe(false);
  });

  it('draws into its framebuffers, behind hidden canvases, until the GPU is done', async () => {
    const { win, frame, animationFrame, runTasks } = frames();
    const group = createPresentGroup({ win });
    const nodes = new RecordingGL('nodes');
    expect(group.add(asGL(nodes))).toBe(true);
    expect(nodes.canvas.style.visibility).toBe('hidden');
    expect(nodes.log).toContain('storage 100x50');
    // how sigma draws on the canvas: its framebuffer bound by null
    asGL(nodes).bindFramebuffer(GL.FRAMEBUFFER, null);
    asGL(nodes).drawArrays(4, 0, 3);
    expect(nodes.log.at(-1)).toBe('draw into group');
    // a framebuffer of its own (picking) is left as asked
    const picking = {};
    asGL(nodes).bindFramebuffer(GL.FRAMEBUFFER, picking);
    expect(nodes.bound).toBe(picking);
    await frame();
    expect(nodes.syncs).toHaveLength(1);
    await frame();
    expect(nodes.log).not.toContain('copy');
    nodes.signalAll();
    let shown = false;
    void group.presented().then(() => (shown = true));
    // the copy not in the frame that found the GPU done (its commit would wait for the copy), but
    // in a task after it, sent to the GPU at once
    await animationFrame();
    expect(nodes.log).not.toContain('copy');
    runTasks();
    expect(nodes.log.filter((l) => l === 'copy')).toHaveLength(1);
    expect(nodes.log[nodes.log.indexOf('copy') + 1]).toBe('flush');
    expect(nodes.canvas.style.visibility).toBe('');
    await Promise.resolve();
    expect(shown).toBe(true);
    expect(group.firstPresentAt()).not.toBeNull();
  });

  it('does not copy a layer drawn again between the frame that found it done and the copy', async () => {
    const { win, frame, animationFrame, runTasks } = frames();
    const group = createPresentGroup({ win });
    const nodes = new RecordingGL('nodes');
    group.add(asGL(nodes));
    asGL(nodes).drawArrays(4, 0, 3);
    await frame();
    nodes.signalAll();
    await animationFrame();
    // a render in between: its fence is pending when the copy's task runs
    asGL(nodes).drawArrays(4, 0, 3);
    await Promise.resolve();
    runTasks();
    expect(nodes.log).not.toContain('copy');
    await frame();
    expect(nodes.log).not.toContain('copy');
    nodes.signalAll();
    await frame();
    expect(nodes.log.filter((l) => l === 'copy')).toHaveLength(1);
    expect(nodes.canvas.style.visibility).toBe('');
  });

  it('copies one layer a frame in rank order, once every layer is done; a layer only cleared is shown, not copied', async () => {
    const { win, frame } = frames();
    const group = createPresentGroup({ win });
    const edges = new RecordingGL('edges');
    const nodes = new RecordingGL('nodes');
    const hover = new RecordingGL('hover');
    group.add(asGL(edges), 1);
    group.add(asGL(hover), 2);
    group.add(asGL(nodes), 0);
    for (const gl of [edges, nodes]) asGL(gl).drawArrays(4, 0, 3);
    asGL(hover).clear(GL.COLOR_BUFFER_BIT);
    await frame();
    nodes.signalAll();
    hover.signalAll();
    await frame();
    // the links still drawing: nothing copied (a canvas's read-back would wait for them)
    expect([nodes, edges].map((g) => g.log.includes('copy'))).toEqual([false, false]);
    edges.signalAll();
    await frame();
    expect([nodes, edges].map((g) => g.log.includes('copy'))).toEqual([true, false]);
    expect(hover.canvas.style.visibility).toBe('');
    expect(edges.canvas.style.visibility).toBe('hidden');
    await frame();
    expect(edges.log.includes('copy')).toBe(true);
    expect(edges.canvas.style.visibility).toBe('');
    expect(hover.log).not.toContain('copy');
  });

  it('gives the contexts back once released and shown: their own methods, the canvas bound', async () => {
    const { win, frame } = frames();
    let presents = 0;
    const group = createPresentGroup({ win, onPresent: () => (presents += 1) });
    const nodes = new RecordingGL('nodes');
    group.add(asGL(nodes));
    expect(Object.getOwnPropertyNames(nodes)).toContain('bindFramebuffer');
    asGL(nodes).drawArrays(4, 0, 3);
    group.release();
    await frame();
    nodes.signalAll();
    await frame();
    expect(presents).toBe(1);
    expect(group.deferring()).toBe(false);
    expect(
      Object.getOwnPropertyNames(nodes).filter(
        (n) => n === 'bindFramebuffer' || n.startsWith('drawA') || n.startsWith('drawE') || n === 'clear',
      ),
    ).toEqual([]);
    expect(nodes.bound).toBeNull();
    expect(nodes.log).toContain('delete');
    // later draws go to the canvas
    asGL(nodes).drawArrays(4, 0, 3);
    expect(nodes.log.at(-1)).toBe('draw into canvas');
  });

  it('keeps a canvas shown until its copy when asked (a moved picture), and says each copy as it is made', async () => {
    const { win, frame } = frames();
    const shows: string[] = [];
    const group = createPresentGroup({ win });
    const edges = new RecordingGL('edges');
    const nodes = new RecordingGL('nodes');
    group.add(asGL(edges), 1, { keepShown: true });
    group.add(asGL(nodes), 0, { keepShown: true });
    expect(group.canvases()).toEqual([nodes.canvas, edges.canvas]);
    const names = new Map<unknown, string>([
      [nodes.canvas, 'nodes'],
      [edges.canvas, 'edges'],
    ]);
    group.configure({
      onShow: (c) => shows.push(`${names.get(c)} ${nodes.log.filter((l) => l === 'copy').length}`),
    });
    // still showing what they showed, not hidden
    expect([nodes, edges].map((g) => g.canvas.style.visibility)).toEqual(['', '']);
    // a render: the papers drawn, the links cleared only (none in view): both canvases showed a
    // drawing, so both are copied
    asGL(nodes).drawArrays(4, 0, 3);
    asGL(edges).clear(GL.COLOR_BUFFER_BIT);
    group.release();
    await frame();
    for (const g of [nodes, edges]) g.signalAll();
    await frame();
    // the papers' copy, said in its task after it
    expect(shows).toEqual(['nodes 1']);
    await frame();
    expect(shows).toEqual(['nodes 1', 'edges 1']);
    expect(edges.log).toContain('copy');
    expect(group.deferring()).toBe(false);
    expect(group.canvases()).toEqual([]);
  });

  it('takes a fence that never signals as done after FENCE_PATIENCE_MS, and copies', async () => {
    const { win, frame, clock } = frames();
    const group = createPresentGroup({ win });
    const nodes = new RecordingGL('nodes');
    group.add(asGL(nodes));
    asGL(nodes).drawArrays(4, 0, 3);
    await frame();
    clock.now = FENCE_PATIENCE_MS - 1;
    await frame();
    expect(nodes.log).not.toContain('copy');
    clock.now = FENCE_PATIENCE_MS + 1;
    await frame();
    expect(nodes.log).toContain('copy');
  });

  it('a release with nothing drawn gives back at the next frame; a lost context ends the group', async () => {
    const { win, frame } = frames();
    const group = createPresentGroup({ win });
    const a = new RecordingGL('a');
    group.add(asGL(a));
    group.release();
    await frame();
    expect(group.deferring()).toBe(false);
    expect(a.canvas.style.visibility).toBe('');

    const other = createPresentGroup({ win });
    const b = new RecordingGL('b');
    other.add(asGL(b));
    asGL(b).drawArrays(4, 0, 3);
    let done = false;
    void other.presented().then(() => (done = true));
    b.lost = true;
    await frame();
    await frame();
    expect(done).toBe(true);
    expect(other.deferring()).toBe(false);
  });
});
