/**
 * How much of a big graph's render a frame draws (src/render/draw-budget.ts): the budget follows the
 * measured frames towards the target, by at most a factor of two a frame; a render never takes more
 * than MOST_FRAMES frames; a frame's budget goes to the draws in their order.
 */
import { describe, expect, it } from 'vitest';
import {
  FRAME_TARGET_MS,
  frameItems,
  MAX_BUDGET,
  MIN_BUDGET,
  MOST_FRAMES,
  nextBudget,
  spendBudget,
} from '../../src/render/draw-budget';

describe('nextBudget', () => {
  it('keeps the budget when the frame says nothing about its cost', () => {
    expect(nextBudget(8000, 8000, 0)).toBe(8000);
    expect(nextBudget(8000, 8000, Number.NaN)).toBe(8000);
    expect(nextBudget(8000, Number.NaN, 20)).toBe(8000);
    // a frame that drew less than half its budget: its fixed costs dominate
    expect(nextBudget(8000, 3999, 5)).toBe(8000);
  });

  it('scales the budget to the items a frame of the target draws', () => {
    // 8,000 items took 64 ms: 4,000 take the target's 32 ms
    expect(nextBudget(8000, 8000, 2 * FRAME_TARGET_MS)).toBe(4000);
    expect(nextBudget(8000, 8000, FRAME_TARGET_MS)).toBe(8000);
    expect(nextBudget(8000, 8000, 40, 50)).toBe(10_000);
    // more drawn than the budget (a render held to MOST_FRAMES): the rate is what counts
    expect(nextBudget(8000, 12_000, 48, 32)).toBe(8000);
  });

  it('moves by at most a factor of two a frame, within its bounds', () => {
    expect(nextBudget(8000, 8000, 1000)).toBe(4000);
    expect(nextBudget(8000, 8000, 1)).toBe(16_000);
    expect(nextBudget(MIN_BUDGET, MIN_BUDGET, 1000)).toBe(MIN_BUDGET);
    expect(nextBudget(MAX_BUDGET, MAX_BUDGET, 1)).toBe(MAX_BUDGET);
  });

  it('on a steady machine, settles where a frame costs the target', () => {
    // a frame costs 10 ms plus 3 µs an item
    const cost = (items: number) => 10 + items * 0.003;
    let budget = 1024;
    for (let i = 0; i < 30; i++) budget = nextBudget(budget, budget, cost(budget));
    expect(cost(budget)).toBeGreaterThan(FRAME_TARGET_MS * 0.9);
    expect(cost(budget)).toBeLessThan(FRAME_TARGET_MS * 1.1);
  });
});

describe('frameItems', () => {
  it('is the budget, unless the render would then take more than MOST_FRAMES', () => {
    expect(frameItems(8192, 30_000)).toBe(8192);
    expect(frameItems(8192, 0)).toBe(8192);
    expect(frameItems(1024, 500_000)).toBe(Math.ceil(500_000 / MOST_FRAMES));
    expect(Math.ceil(500_000 / frameItems(1024, 500_000))).toBeLessThanOrEqual(MOST_FRAMES);
  });
});

describe('spendBudget', () => {
  it('gives the budget to the draws in their order', () => {
    expect(spendBudget([100, 50, 200], 120)).toEqual([100, 20, 0]);
    expect(spendBudget([100, 50, 200], 1000)).toEqual([100, 50, 200]);
    expect(spendBudget([100, 50], 0)).toEqual([0, 0]);
    expect(spendBudget([100, 50], -5)).toEqual([0, 0]);
    expect(spendBudget([], 100)).toEqual([]);
  });

  it('spends no more than the budget and no more than is left', () => {
    const left = [7, 0, 13, 1, 40];
    for (const budget of [0, 1, 7, 8, 20, 61, 62, 100]) {
      const spent = spendBudget(left, budget);
      expect(spent.reduce((a, b) => a + b, 0)).toBe(Math.min(budget, 61));
      spent.forEach((n, i) => expect(n).toBeLessThanOrEqual(left[i]!));
    }
  });
});
