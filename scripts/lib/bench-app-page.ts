/**
 * The page side of `npm run bench:app`: the probes installed in both pages (long tasks, the first
 * draw on a canvas, hover and pan timing) and one measured load of a page.
 */
import type { Browser, Page } from 'playwright-core';
import { createRng } from '../../src/graph/random';

/**
 * Installed before any page script (through the DevTools protocol, so the app's CSP does not apply):
 * records long tasks and the first draw on a canvas (a WebGL draw call that draws something, or a
 * 2D fill, stroke, text or image), the same way in both pages; and the first WebGL draw outside our
 * page's preview canvas (src/render/preview.ts: the papers alone, drawn before the graph model is
 * built), which starts the full frame with links and labels.
 */
const INIT_SCRIPT = `(() => {
  const b = (window.__bench = { longTasks: [], firstDraw: null, fullDraw: null, painted: [] });
  // when each frame's commit is done (a task queued from the frame's callbacks runs after it): what
  // a draw made before a frame's commit is on screen at that frame's entry
  const paint = () => {
    if (b.painted.length < 20000) setTimeout(() => b.painted.push(performance.now()), 0);
    requestAnimationFrame(paint);
  };
  requestAnimationFrame(paint);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration, 'task']);
  }).observe({ type: 'longtask', buffered: true });
  // Chromium's longtask entries leave out the microtasks run once a task is done, where the work
  // after a scheduler.yield() runs (traced: a 186 ms continuation with no longtask entry); the long
  // animation frames' scripts have it: each script of 50 ms or more counts as a long task too
  if ((PerformanceObserver.supportedEntryTypes || []).includes('long-animation-frame'))
    new PerformanceObserver((list) => {
      for (const f of list.getEntries())
        for (const s of f.scripts)
          if (s.duration >= 50) b.longTasks.push([s.startTime, s.duration, s.invoker.split('/').pop()]);
    }).observe({ type: 'long-animation-frame', buffered: true });
  const wrap = (proto, name, countAt, instancesAt) => {
    const f = proto && proto[name];
    if (!f) return;
    proto[name] = function (...args) {
      if (args[countAt] > 0 && (instancesAt === null || args[instancesAt] > 0)) {
        if (b.firstDraw === null) b.firstDraw = performance.now();
        if (b.fullDraw === null && this.canvas.className !== 'graph-preview') b.fullDraw = performance.now();
      }
      return f.apply(this, args);
    };
  };
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    wrap(C.prototype, 'drawArrays', 2, null);
    wrap(C.prototype, 'drawElements', 1, null);
    wrap(C.prototype, 'drawArraysInstanced', 2, 3);
    wrap(C.prototype, 'drawElementsInstanced', 1, 4);
  }
  for (const name of ['fill', 'stroke', 'fillText', 'drawImage']) {
    const proto = window.CanvasRenderingContext2D.prototype;
    const f = proto[name];
    proto[name] = function (...args) {
      if (b.firstDraw === null) b.firstDraw = performance.now();
      return f.apply(this, args);
    };
  }
})();`;

/**
 * Runs in the page (as source text: the bundler's helpers must not leak into it, and the app's CSP
 * forbids eval). Hovers `count` nodes spread over the graph (the page's `sampleNodes`) and un-hovers each; each latency runs
 * from the hover to the second animation frame after its render (the first frame drawn with it).
 */
const HOVER_PROBE = `async function (count) {
  const atlas = window.__atlas;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const ids = atlas.sampleNodes(count);
  const out = [];
  for (const id of ids) {
    for (const target of [id, null]) {
      const before = atlas.renderer().renders;
      const t0 = performance.now();
      atlas.hover(target);
      for (let i = 0; i < 100 && atlas.renderer().renders <= before; i++) await frame();
      if (atlas.renderer().renders <= before) throw new Error('no render after hovering ' + target);
      await frame();
      await frame();
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  return out;
}`;

/**
 * Runs in the page: up to `count` points where a hover can be made with the pointer (on a node
 * spread over the graph as `sampleNodes` spreads them, inside the graph's container and not under a
 * panel), and a point over no node for the un-hovers (null if none is found on a grid).
 */
const POINTER_TARGETS = `function (count) {
  const atlas = window.__atlas;
  const box = document.getElementById('graph').getBoundingClientRect();
  const inGraph = (p) =>
    p.x > box.left + 2 && p.x < box.right - 2 && p.y > box.top + 2 && p.y < box.bottom - 2 &&
    document.getElementById('graph').contains(document.elementFromPoint(p.x, p.y));
  const points = [];
  for (const id of atlas.sampleNodes(count * 4)) {
    const p = atlas.screenPosition(id);
    if (p && inGraph(p) && atlas.nodeAt(p.x, p.y) !== null) points.push({ x: p.x, y: p.y });
    if (points.length === count) break;
  }
  let empty = null;
  for (let i = 1; i < 40 && !empty; i++)
    for (let j = 1; j < 25 && !empty; j++) {
      const p = { x: box.left + (i * box.width) / 40, y: box.top + (j * box.height) / 25 };
      if (inGraph(p) && atlas.nodeAt(p.x, p.y) === null) empty = p;
    }
  return { points, empty };
}`;

/**
 * Runs in the page: records the pointer's moves (their event time: when the browser took the
 * input), the animation frames and the end of each frame's commit (a task queued from the frame's
 * callbacks runs after it), while `on` is true.
 */
const POINTER_RECORDER = `function () {
  const b = window.__bench;
  const rec = (b.pointer = { moves: [], frames: [], commits: [], on: true });
  window.addEventListener('mousemove', (e) => { if (rec.on) rec.moves.push(e.timeStamp); }, { capture: true, passive: true });
  const tick = () => {
    if (!rec.on) return;
    rec.frames.push(performance.now());
    setTimeout(() => rec.commits.push(performance.now()), 0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;

/**
 * Runs in the page after a pointer move: waits (up to 120 frames) for the render the move caused
 * and for the first animation frame after the commit that carries it, and returns the latency from
 * the move's event time to that frame, the same end as HOVER_PROBE's; null if the move caused no
 * render (it landed on the node already hovered, or on none twice).
 */
const POINTER_LATENCY = `async function (before) {
  const atlas = window.__atlas;
  const rec = window.__bench.pointer;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  for (let i = 0; i < 120; i++) {
    const stats = atlas.renderer();
    if (stats.renders > before && rec.moves.length > 0) {
      const commit = rec.commits.find((t) => t > stats.lastRenderAt);
      const shown = commit === undefined ? undefined : rec.frames.find((t) => t > commit);
      if (shown !== undefined) return shown - rec.moves[0];
    }
    await frame();
  }
  return null;
}`;

/**
 * Hovers with the pointer as a person does: real mouse events through the browser's input
 * pipeline (which hands moves to the page with the next frame), sigma finding the node under the
 * pointer, the page's own enter and leave handlers. Moves onto `count` nodes, each followed by a
 * move onto empty space, at seeded phases of the frame; each latency runs from the move's event
 * time to the first animation frame after the commit carrying its render (the end HOVER_PROBE
 * uses). Returns the latencies, and the moves that caused no render.
 */
async function pointerHovers(page: Page, count: number): Promise<{ latencies: number[]; missed: number }> {
  const { points, empty } = (await page.evaluate(`(${POINTER_TARGETS})(${count})`)) as {
    points: Array<{ x: number; y: number }>;
    empty: { x: number; y: number } | null;
  };
  // a seeded share of a frame interval before each move, so that moves land at any phase of a frame
  const rng = createRng(count);
  const wait = () => sleep(rng() * 16.7);
  const latencies: number[] = [];
  let missed = 0;
  if (empty) await page.mouse.move(empty.x, empty.y);
  await page.evaluate(`(${POINTER_RECORDER})()`);
  try {
    for (const p of points) {
      for (const to of empty ? [p, empty] : [p]) {
        const before = (await page.evaluate(
          '(() => { const r = window.__bench.pointer; r.moves = []; return window.__atlas.renderer().renders; })()',
        )) as number;
        await wait();
        await page.mouse.move(to.x, to.y);
        const latency = (await page.evaluate(`(${POINTER_LATENCY})(${before})`)) as number | null;
        if (latency === null) missed++;
        else latencies.push(latency);
      }
    }
  } finally {
    await page.evaluate('window.__bench.pointer.on = false');
  }
  return { latencies, missed };
}

export interface Load {
  firstFrame: number;
  /**
   * The end of the commit of the frame that carries the first frame; for our page's preview drawn
   * by WebGL, the first after it is put on its canvas once rasterised (`atlas:preview-shown`).
   */
  firstShown: number;
  /**
   * The first draw with links and labels (the first frame, but where a preview came first); for our
   * page, the first render put on screen once rasterised (src/render/deferred-present.ts).
   */
  fullFrame: number;
  /** The end of the commit of the frame that carries the full frame: when it is on screen. */
  shown: number;
  free: number;
  longest: number;
  /** When the longest task after the first frame started (ms) and what ran it ("task", or a script's invoker). */
  longestAt: { start: number; what: string } | null;
  phases: Record<string, number>;
  heap: number;
}

export interface Measured {
  loads: Load[];
  hover: number[];
  /** Hovers with the pointer (pointerHovers), ms; and its moves that caused no render. */
  pointer: number[];
  pointerMissed: number;
  pan: number[];
  /** From releasing the pointer to the page drawn and still again (see panFrames), ms. */
  panSettled: number;
}

export const PHASES = ['fetched', 'parsed', 'assembled', 'mounted'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(page: Page, name: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (
    !(await page.evaluate(
      "!!window.__atlas && (window.__atlas.status() === 'error' || (window.__atlas.status() === 'ready' && window.__bench.firstDraw !== null))",
    ))
  ) {
    if (Date.now() > deadline) throw new Error(`${name}: no first frame after 300 s`);
    await sleep(50);
  }
  const [status, error] = (await page.evaluate('[window.__atlas.status(), window.__atlas.error()]')) as [
    string,
    string | null,
  ];
  if (status !== 'ready') throw new Error(`${name}: the page did not start: ${error}`);
}

/** Waits until no long task has run for `settle` ms; returns first frame, main thread free and the longest task after the first frame (with when and what). */
async function waitFree(
  page: Page,
  settle: number,
): Promise<
  Pick<Load, 'firstFrame' | 'firstShown' | 'fullFrame' | 'shown' | 'free' | 'longest' | 'longestAt'>
> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const r = (await page.evaluate(`(() => {
      const b = window.__bench;
      const ends = b.longTasks.map(([s, d]) => s + d);
      const free = Math.max(b.firstDraw, ...ends);
      const after = b.longTasks.filter(([s, d]) => s + d > b.firstDraw);
      const top = after.reduce((m, t) => (m === null || t[1] > m[1] ? t : m), null);
      const longest = top ? top[1] : 0;
      const longestAt = top ? { start: top[0], what: top[2] } : null;
      // our page shows its first render once rasterised (src/render/deferred-present.ts), a big
      // graph's after the last of the frames it is drawn over: its full frame is that present
      const stats = window.__atlas?.renderer() ?? null;
      const drawing = stats?.drawing ?? null;
      const fullFrame = stats && stats.firstPresentAt !== undefined
        ? (stats.firstPresentAt ?? NaN)
        : drawing ? (drawing.firstCompleteAt ?? NaN) : (b.fullDraw ?? NaN);
      const shown = b.painted.find((t) => t > fullFrame) ?? NaN;
      const previewShown = performance.getEntriesByName('atlas:preview-shown')[0]?.startTime ?? 0;
      const firstShown = b.painted.find((t) => t > Math.max(b.firstDraw, previewShown)) ?? NaN;
      return { firstFrame: b.firstDraw, firstShown, fullFrame, shown, free, longest, longestAt, now: performance.now(), drawing: !!drawing?.pending };
    })()`)) as {
      firstFrame: number;
      firstShown: number;
      fullFrame: number;
      shown: number;
      free: number;
      longest: number;
      longestAt: Load['longestAt'];
      now: number;
      drawing: boolean;
    };
    if ((r.now - r.free >= settle && !r.drawing && !Number.isNaN(r.shown)) || Date.now() > deadline) return r;
    await sleep(200);
  }
}

export async function loadOnce(
  browser: Browser,
  url: string,
  name: string,
  settle: number,
  interact: { hovers: number } | null,
): Promise<{
  load: Load;
  hover: number[];
  pointer: { latencies: number[]; missed: number };
  pan: number[];
  panSettled: number;
  counts: { nodes: number; edges: number };
}> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(INIT_SCRIPT);
    const cdp = await page.context().newCDPSession(page);
    await page.goto(url);
    await waitReady(page, name);
    const { firstFrame, firstShown, fullFrame, shown, free, longest, longestAt } = await waitFree(
      page,
      settle,
    );
    const marks = (await page.evaluate(
      "Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))",
    )) as Record<string, number>;
    const phases = Object.fromEntries(PHASES.map((p) => [p, marks[`atlas:${p}`] ?? Number.NaN]));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    const counts = (await page.evaluate('window.__atlas.totalCount()')) as { nodes: number; edges: number };
    let hover: number[] = [];
    let pointer = { latencies: [] as number[], missed: 0 };
    let pan: number[] = [];
    let panSettled = Number.NaN;
    if (interact) {
      if (interact.hovers > 0)
        hover = (await page.evaluate(`(${HOVER_PROBE})(${interact.hovers})`)) as number[];
      if (interact.hovers > 0) pointer = await pointerHovers(page, interact.hovers);
      ({ frames: pan, settled: panSettled } = await panFrames(page));
    }
    return {
      load: { firstFrame, firstShown, fullFrame, shown, free, longest, longestAt, phases, heap },
      hover,
      pointer,
      pan,
      panSettled,
      counts,
    };
  } finally {
    await page.close();
  }
}

/** Quiet frames in a row that end the wait after a pan: frames at most SMOOTH_MS apart for STILL_MS. */
const SMOOTH_MS = 50;
const STILL_MS = 500;

/**
 * Drags the view across the graph's container. Returns the animation frame intervals while the
 * pointer moves, and how long after its release the page is still again: the end of the last
 * frame interval over SMOOTH_MS, once STILL_MS pass without one (the graph drawn where the view
 * went, whether it was drawn during the drag or after it).
 */
async function panFrames(page: Page): Promise<{ frames: number[]; settled: number }> {
  const box = await page.locator('#graph').boundingBox();
  if (!box) return { frames: [], settled: Number.NaN };
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  await page.evaluate(`(() => {
    const b = window.__bench;
    b.frames = [];
    b.panning = true;
    const tick = (t) => { b.frames.push(t); if (b.panning) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(x0 + i * 8, y0 + i * 4);
    await sleep(16);
  }
  const released = (await page.evaluate(
    '(window.__bench.released = window.__bench.frames.length, performance.now())',
  )) as number;
  await page.mouse.up();
  const deadline = Date.now() + 120_000;
  for (;;) {
    const r = (await page.evaluate(`(() => {
      const f = window.__bench.frames;
      let lastSlow = f[window.__bench.released - 1] ?? 0;
      for (let i = window.__bench.released; i < f.length; i++) if (f[i] - f[i - 1] > ${SMOOTH_MS}) lastSlow = f[i];
      // a render our page draws over several frames ends with its last
      const drawing = window.__atlas?.renderer()?.drawing ?? null;
      if (drawing?.lastCompleteAt > ${released}) lastSlow = Math.max(lastSlow, drawing.lastCompleteAt);
      return { lastSlow, now: f[f.length - 1] ?? 0, pending: !!drawing?.pending };
    })()`)) as { lastSlow: number; now: number; pending: boolean };
    if ((r.now - r.lastSlow >= STILL_MS && !r.pending) || Date.now() > deadline) {
      const frames = (await page.evaluate(
        '(window.__bench.panning = false, window.__bench.frames.slice(0, window.__bench.released))',
      )) as number[];
      return {
        frames: frames.slice(1).map((t, i) => t - frames[i]!),
        settled: Math.max(0, r.lastSlow - released),
      };
    }
    await sleep(100);
  }
}
