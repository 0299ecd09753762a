import { describe, expect, it } from 'vitest';
import {
  checkVideoOptions,
  defaultSeconds,
  evenSize,
  planSummary,
  planVideo,
} from '../../src/export/video/plan';

describe('video plan', () => {
  const range: [number, number] = [24000, 24072];

  it('has fps × seconds frames, from the first month to the last, never going back', () => {
    const plan = planVideo(range, { width: 320, height: 200, fps: 5, seconds: 3 });
    expect(plan.frames).toBe(15);
    expect(plan.months).toHaveLength(15);
    expect(plan.months[0]).toBe(range[0]);
    expect(plan.months.at(-1)).toBe(range[1]);
    for (let i = 1; i < plan.months.length; i++)
      expect(plan.months[i]!).toBeGreaterThanOrEqual(plan.months[i - 1]!);
    // evenly spread: 72 months over 14 steps
    expect(plan.months[7]).toBe(range[0] + 36);
  });

  it('a sweep of one month, or a single frame, shows the last month', () => {
    expect(planVideo([100, 100], { width: 64, height: 64, fps: 5, seconds: 1 }).months).toEqual([
      100, 100, 100, 100, 100,
    ]);
    expect(planVideo(range, { width: 64, height: 64, fps: 1, seconds: 1 }).months).toEqual([range[1]]);
  });

  it('says the length before recording', () => {
    const plan = planVideo(range, { width: 320, height: 200, fps: 5, seconds: 3 });
    expect(planSummary(plan, range)).toBe('3 s · 15 frames at 5 fps · 73 months, about 24 a second');
    expect(defaultSeconds(range, 6)).toBe(12);
    expect(defaultSeconds([0, 1], 24)).toBe(1);
  });

  it('checks the options and keeps sizes even', () => {
    expect(checkVideoOptions({ width: 320, height: 200, fps: 5, seconds: 3 })).toBeNull();
    expect(checkVideoOptions({ width: 10, height: 200, fps: 5, seconds: 3 })).toMatch(/^Width must be/);
    expect(checkVideoOptions({ width: 320, height: Number.NaN, fps: 5, seconds: 3 })).toMatch(
      /^Height must be/,
    );
    expect(checkVideoOptions({ width: 320, height: 200, fps: 5, seconds: 0 })).toMatch(/^The length must be/);
    expect(evenSize(321)).toBe(322);
    expect(evenSize(320)).toBe(320);
  });
});
