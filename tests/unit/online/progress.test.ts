import { describe, expect, it } from 'vitest';
import { emptyTally, eta, formatDuration, progressLine, summaryLines } from '../../../src/online/progress';

describe('fetch progress', () => {
  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_600_000 * 2 + 7000)).toBe('2:00:07');
  });

  it('estimates the time left from the pace of fetched papers, ignoring cache hits', () => {
    const t = emptyTally(100);
    expect(eta(t, 5000)).toBeNull();
    t.fromCache = 50;
    t.fetched = 10;
    // 10 papers in 20 s: 40 left take 80 s
    expect(eta(t, 20_000)).toBe(80_000);
    expect(progressLine('OpenAlex', t, 20_000, 10)).toBe(
      'OpenAlex [######....] 60/100 · 50 cached · ETA 1:20',
    );
    t.failed.set('x', 'HTTP 500');
    t.fetched = 49;
    expect(progressLine('OpenAlex', t, 30_000, 10)).toBe(
      'OpenAlex [##########] 100/100 · 50 cached · 1 failed · done in 0:30',
    );
  });

  it('summarises fetched, cached and failed papers with reasons, listing at most a few', () => {
    const t = emptyTally(5);
    t.fetched = 2;
    t.notFound = 1;
    t.fromCache = 0;
    t.failed.set('b', 'HTTP 500; gave up after 6 attempts');
    t.failed.set('a', 'no answer within 30 s; gave up after 6 attempts');
    t.failed.set('c', 'HTTP 404');
    expect(summaryLines('arXiv', t, 2)).toEqual([
      'arXiv: 2 fetched (1 not known to the service), 0 from cache, 3 failed',
      '  failed a: no answer within 30 s; gave up after 6 attempts',
      '  failed b: HTTP 500; gave up after 6 attempts',
      '  … and 1 more',
    ]);
  });
});
