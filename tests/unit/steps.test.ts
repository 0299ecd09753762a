/**
 * Work in steps (graph/steps.ts) and the graph assembly that uses it: sliced runs pause when their
 * budget is spent, never before, and give the same result as a run at once.
 */
import { describe, expect, it } from 'vitest';
import { checkMetaShape, decodeGraphBinary } from '../../src/graph/binary/decode';
import {
  completeGraph,
  completeGraphSteps,
  visualGraph,
  visualGraphSteps,
} from '../../src/graph/binary/visual';
import { computeFacets, facetSteps } from '../../src/graph/facets';
import { datedMonthsSteps, playbackOrder } from '../../src/graph/playback';
import {
  forEachInSteps,
  forEachOfInSteps,
  runSteps,
  runStepsSliced,
  STEP_ITEMS,
  type Steps,
} from '../../src/graph/steps';
import { encoded, synthetic } from './binary/support';

function* counting(n: number, onStep: () => void): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    onStep();
    yield;
  }
  return sum;
}

/** A clock that moves `stepMs` at each step of `counting`. */
function fakeTime(stepMs: number) {
  let t = 0;
  return { now: () => t, step: () => (t += stepMs) };
}

describe('runSteps', () => {
  it('runs the steps to the end and returns the result', () => {
    let steps = 0;
    expect(runSteps(counting(10, () => steps++))).toBe(55);
    expect(steps).toBe(10);
  });
});

describe('forEachInSteps', () => {
  it('calls for every index in order, yielding after every `every` items', () => {
    const seen: number[] = [];
    const steps = forEachInSteps(7, (i) => seen.push(i), { every: 3 });
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(yields).toBe(2);
    expect(r.value).toBe(true);
  });

  it('stops after a yield once told to, and says so', () => {
    const seen: number[] = [];
    let stopped = false;
    const steps = forEachInSteps(10, (i) => seen.push(i), { every: 4, stop: () => stopped });
    steps.next();
    stopped = true;
    expect(steps.next()).toEqual({ done: true, value: false });
    expect(seen).toEqual([0, 1, 2, 3]);
  });
});

describe('forEachOfInSteps', () => {
  it("calls for every item of an iterable in order, yielding after each step's worth", () => {
    const count = STEP_ITEMS * 2 + 5;
    const seen: number[] = [];
    function* items() {
      for (let i = 0; i < count; i++) yield i;
    }
    const steps = forEachOfInSteps(items(), (i) => seen.push(i));
    let yields = 0;
    let pendingAtYield = -1;
    for (let r = steps.next(); !r.done; r = steps.next()) {
      yields++;
      pendingAtYield = seen.length;
    }
    expect(seen).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(yields).toBe(2);
    // the last yield came after a whole step's worth, not at the end
    expect(pendingAtYield).toBe(STEP_ITEMS * 2);
  });
});

describe('runStepsSliced', () => {
  it('refuses a budget that is not positive', async () => {
    const pause = () => Promise.resolve();
    await expect(
      runStepsSliced(
        counting(3, () => {}),
        { budgetMs: 0, pause },
      ),
    ).rejects.toThrow(/budgetMs must be positive, got 0/);
    await expect(
      runStepsSliced(
        counting(3, () => {}),
        { budgetMs: NaN, pause },
      ),
    ).rejects.toThrow(/budgetMs/);
  });

  it('pauses each time the budget is spent, and gives the same result', async () => {
    const clock = fakeTime(10);
    const log: string[] = [];
    const pause = async () => {
      log.push('pause');
    };
    const result = await runStepsSliced(
      counting(10, () => {
        clock.step();
        log.push('step');
      }),
      { budgetMs: 25, pause, now: clock.now },
    );
    expect(result).toBe(55);
    // 10 ms a step, 25 ms a slice: a pause after every third step
    expect(log.join(' ')).toBe('step step step pause step step step pause step step step pause step');
  });

  it('runs a job shorter than its budget in one slice, without a pause', async () => {
    const clock = fakeTime(1);
    let pauses = 0;
    const pause = async () => void pauses++;
    await runStepsSliced(counting(20, clock.step), { budgetMs: 50, pause, now: clock.now });
    expect(pauses).toBe(0);
  });

  it('lets other work run in its pauses', async () => {
    const clock = fakeTime(10);
    const order: string[] = [];
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    const job = runStepsSliced(
      counting(6, () => {
        clock.step();
        order.push('job');
      }),
      { budgetMs: 20, pause, now: clock.now },
    );
    setTimeout(() => order.push('other'), 0);
    await job;
    expect(order.indexOf('other')).toBeGreaterThan(0);
    expect(order.indexOf('other')).toBeLessThan(order.length - 1);
  });

  it('rejects with what the steps throw', async () => {
    function* failing(): Steps<number> {
      yield;
      throw new Error('edge 7 is a self-loop');
    }
    const pause = () => Promise.resolve();
    await expect(runStepsSliced(failing(), { budgetMs: 1, pause })).rejects.toThrow(/edge 7/);
  });
});

describe('the graph assembled in steps', () => {
  it('equals the graph assembled at once, and yields between bounded chunks', () => {
    const loaded = synthetic(5000);
    const file = encoded(loaded);
    const bin = decodeGraphBinary(file.buffer, 'g.bin', checkMetaShape);
    const atOnce = visualGraph(bin, 'g.bin');
    completeGraph(atOnce, bin, file.side);

    const steps = visualGraphSteps(bin, 'g.bin');
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    const graph = r.value;
    // 5,000 papers and their links in chunks of 2,048 items
    expect(yields).toBeGreaterThanOrEqual(Math.floor((bin.nodeCount + bin.edgeCount) / 2048) - 1);
    const completion = completeGraphSteps(graph, bin, file.side, 'g.side.json');
    let completionYields = 0;
    while (!completion.next().done) completionYields++;
    expect(completionYields).toBeGreaterThan(1);
    expect(graph.export()).toEqual(atOnce.export());
  });
});

describe("the filters' counts in steps", () => {
  it('match the counts made at once, and yield between bounded chunks', () => {
    const { graph, meta } = synthetic(5000);
    const atOnce = computeFacets(graph, meta.taxonomy);
    let yields = 0;
    const steps = facetSteps(graph, meta.taxonomy);
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(r.value).toEqual(atOnce);
    // a step every 2,048 papers or links
    expect(yields).toBe(Math.floor((graph.order + graph.size) / 2048));
    let degree = 0;
    graph.forEachNode((n) => (degree = Math.max(degree, graph.degree(n))));
    expect(atOnce.maxDegree).toBe(degree);
    expect(atOnce.maxDegree).toBeGreaterThan(4);

    const months = datedMonthsSteps(graph);
    let monthYields = 0;
    let m = months.next();
    for (; !m.done; m = months.next()) monthYields++;
    expect(monthYields).toBeGreaterThan(1);
    expect(m.value).toEqual(playbackOrder(graph).nodeMonths);
  });
});
