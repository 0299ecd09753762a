/**
 * When to retry a request and how long to wait first: a pure policy, so the HTTP client stays thin
 * and tests need no clock.
 *
 * - 429: the `Retry-After` the service gives (seconds or an HTTP date), else exponential backoff
 *   with jitter; a wait longer than `maxWaitMs` gives up instead.
 * - 5xx, timeouts, network errors and truncated or invalid bodies: exponential backoff with jitter.
 * - Other 4xx: no retry (the request itself is wrong), except the statuses a caller names as
 *   retryable (OpenAlex documents 403 as "rate limit exceeded; slow down").
 * Every loop is bounded by `maxAttempts` (`maxNetworkAttempts` when the service cannot be reached).
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /**
   * Attempts when the service cannot be reached at all (refused, DNS): fewer, so a machine without
   * network hears so in seconds.
   */
  maxNetworkAttempts: number;
  /** Backoff before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Cap of one backoff. */
  maxDelayMs: number;
  /** A Retry-After longer than this gives up rather than wait. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxNetworkAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxWaitMs: 300_000,
};

export function checkRetryPolicy(p: RetryPolicy): RetryPolicy {
  if (!Number.isInteger(p.maxAttempts) || p.maxAttempts < 1 || p.maxAttempts > 100)
    throw new Error(`retry policy: maxAttempts must be an integer in [1, 100], got ${p.maxAttempts}`);
  if (
    !Number.isInteger(p.maxNetworkAttempts) ||
    p.maxNetworkAttempts < 1 ||
    p.maxNetworkAttempts > p.maxAttempts
  )
    throw new Error(
      `retry policy: maxNetworkAttempts must be an integer in [1, maxAttempts], got ${p.maxNetworkAttempts}`,
    );
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxWaitMs'] as const) {
    if (!Number.isFinite(p[key]) || p[key] < 0)
      throw new Error(`retry policy: ${key} must be a non-negative number, got ${p[key]}`);
  }
  return p;
}

/** What one attempt gave. */
export type AttemptOutcome =
  | { kind: 'http'; status: number; retryAfter?: string | null; detail?: string | null }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'network'; code: string }
  | { kind: 'bad-body'; detail: string };

export type RetryDecision =
  { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

/** A short description of an outcome, for logs and the failure summary. */
export function describeOutcome(o: AttemptOutcome): string {
  switch (o.kind) {
    case 'http': {
      const head = o.status === 429 ? 'HTTP 429 (rate limited)' : `HTTP ${o.status}`;
      return o.detail ? `${head}: ${o.detail}` : head;
    }
    case 'timeout':
      return `no answer within ${Math.round(o.afterMs / 100) / 10} s`;
    case 'network':
      return `network error ${o.code}`;
    case 'bad-body':
      return `invalid response (${o.detail})`;
  }
}

/**
 * Milliseconds a `Retry-After` value asks to wait: delta-seconds ("120") or an HTTP date
 * (relative to `nowMs`, never negative); null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return null;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** Exponential backoff with "equal jitter": half the step fixed, half random. `attempt` counts from 1. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * Math.min(1, Math.max(0, random())));
}

function isRetryableStatus(status: number, extra: readonly number[]): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599) || extra.includes(status);
}

/**
 * Whether to try again after attempt number `attempt` (from 1) ended with `outcome`.
 * `extraRetryStatuses` are statuses a service documents as "slow down" (OpenAlex's 403).
 */
export function retryDecision(
  attempt: number,
  outcome: AttemptOutcome,
  policy: RetryPolicy,
  random: () => number,
  nowMs: number,
  extraRetryStatuses: readonly number[] = [],
): RetryDecision {
  const reason = describeOutcome(outcome);
  if (outcome.kind === 'http' && !isRetryableStatus(outcome.status, extraRetryStatuses))
    return { retry: false, reason };
  const limit = outcome.kind === 'network' ? policy.maxNetworkAttempts : policy.maxAttempts;
  if (attempt >= limit) {
    return { retry: false, reason: `${reason}; gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}` };
  }
  if (outcome.kind === 'http' && outcome.status === 429) {
    const asked = parseRetryAfter(outcome.retryAfter, nowMs);
    if (asked !== null) {
      if (asked > policy.maxWaitMs) {
        return {
          retry: false,
          reason: `${reason}; Retry-After asks for ${Math.ceil(asked / 1000)} s, more than the ${Math.round(policy.maxWaitMs / 1000)} s limit`,
        };
      }
      return { retry: true, delayMs: asked, reason: `${reason}, Retry-After ${Math.ceil(asked / 1000)} s` };
    }
  }
  return { retry: true, delayMs: backoffDelay(attempt, policy, random), reason };
}
