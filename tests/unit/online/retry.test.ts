import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  checkRetryPolicy,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  retryDecision,
} from '../../../src/online/retry';
import type { RetryPolicy } from '../../../src/online/retry';

const policy: RetryPolicy = {
  maxAttempts: 4,
  maxNetworkAttempts: 2,
  baseDelayMs: 1000,
  maxDelayMs: 5000,
  maxWaitMs: 60_000,
};
const NOW = Date.parse('2026-11-29T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
  });
  it('returns null for missing or unreadable values', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-3', NOW)).toBeNull();
    expect(parseRetryAfter('1.5', NOW)).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap, with half of each step jittered', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(2, policy, () => 0)).toBe(1000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, policy, () => 1)).toBe(5000);
    expect(backoffDelay(10, policy, () => 0)).toBe(2500);
  });
  it('spreads retries: different random draws give different waits', () => {
    const waits = new Set([0.1, 0.4, 0.7, 0.9].map((r) => backoffDelay(2, policy, () => r)));
    expect(waits.size).toBe(4);
  });
});

describe('retryDecision', () => {
  const decide = (attempt: number, outcome: Parameters<typeof retryDecision>[1]) =>
    retryDecision(attempt, outcome, policy, () => 0, NOW);

  it('honours Retry-After on 429, and backs off without it', () => {
    expect(decide(1, { kind: 'http', status: 429, retryAfter: '12' })).toMatchObject({
      retry: true,
      delayMs: 12_000,
    });
    expect(decide(2, { kind: 'http', status: 429, retryAfter: null })).toMatchObject({
      retry: true,
      delayMs: 1000,
    });
  });
  it('gives up when Retry-After asks for more than the limit, saying so', () => {
    const d = decide(1, { kind: 'http', status: 429, retryAfter: '3600' });
    expect(d.retry).toBe(false);
    expect(d.reason).toContain('3600 s, more than the 60 s limit');
  });
  it('retries 5xx, timeouts, network errors and bad bodies; not other 4xx', () => {
    for (const o of [
      { kind: 'http', status: 500 },
      { kind: 'http', status: 503 },
      { kind: 'timeout', afterMs: 30_000 },
      { kind: 'network', code: 'ECONNRESET' },
      { kind: 'bad-body', detail: 'Unexpected end of JSON input' },
    ] as const) {
      expect(decide(1, o).retry).toBe(true);
    }
    for (const status of [400, 401, 403, 404]) {
      const d = decide(1, { kind: 'http', status });
      expect(d).toEqual({ retry: false, reason: `HTTP ${status}` });
    }
  });
  it("retries the statuses a service documents as 'slow down' (OpenAlex's 403), only when told", () => {
    const forbidden = { kind: 'http', status: 403 } as const;
    expect(retryDecision(1, forbidden, policy, () => 0, NOW).retry).toBe(false);
    expect(retryDecision(1, forbidden, policy, () => 0, NOW, [403])).toEqual({
      retry: true,
      delayMs: 500,
      reason: 'HTTP 403',
    });
    expect(retryDecision(4, forbidden, policy, () => 0, NOW, [403]).retry).toBe(false);
    expect(
      decide(1, { kind: 'http', status: 400, detail: 'Response would exceed maximum size' }).reason,
    ).toBe('HTTP 400: Response would exceed maximum size');
  });
  it('stops at maxAttempts whatever the outcome', () => {
    const d = decide(4, { kind: 'http', status: 429, retryAfter: '1' });
    expect(d.retry).toBe(false);
    expect(d.reason).toBe('HTTP 429 (rate limited); gave up after 4 attempts');
    expect(decide(4, { kind: 'timeout', afterMs: 1500 }).reason).toBe(
      'no answer within 1.5 s; gave up after 4 attempts',
    );
  });
});

describe('checkRetryPolicy', () => {
  it('accepts the default and refuses unbounded or negative settings', () => {
    expect(checkRetryPolicy(DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY);
    expect(() => checkRetryPolicy({ ...policy, maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => checkRetryPolicy({ ...policy, maxAttempts: Infinity })).toThrow(/maxAttempts/);
    expect(() => checkRetryPolicy({ ...policy, baseDelayMs: -1 })).toThrow(/baseDelayMs/);
    expect(() => checkRetryPolicy({ ...policy, maxNetworkAttempts: 5 })).toThrow(/maxNetworkAttempts/);
  });
});
