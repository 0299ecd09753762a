/**
 * The fetcher's HTTP client: Node's global fetch with an AbortController timeout per attempt,
 * retries by the pure policy of src/online/retry.ts, and a pacer that keeps a minimum interval
 * between requests to one service. Every attempt, retries included, waits for the pacer: a retry
 * never reaches a service sooner than its documented interval (arXiv: one request every three
 * seconds, https://info.arxiv.org/help/api/tou.html#rate-limits). The clock, sleep and randomness
 * are injected, so tests run fast.
 */
import type { AttemptOutcome, RetryPolicy } from '../../src/online/retry';
import { describeOutcome, retryDecision } from '../../src/online/retry';
import { BadResponseError, ServiceError } from '../../src/online/errors';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export interface HttpOptions {
  policy: RetryPolicy;
  /** Per attempt: connecting, the headers and the whole body. */
  timeoutMs: number;
  clock: Clock;
  fetch?: typeof globalThis.fetch;
  /** Called before each retry's wait (for logs). */
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
  /** Waits for the service's minimum interval; called before every attempt, retries included. */
  pace?: () => Promise<void>;
  /** Statuses the service documents as "slow down, then retry" besides 429/408/5xx. */
  retryStatuses?: readonly number[];
  /**
   * An outcome that must stop the whole source at once (no retry), e.g. OpenAlex's 429 "daily
   * limit exceeded": return the error to throw, or null to go on as the policy says.
   */
  stopOn?: (outcome: AttemptOutcome) => Error | null;
}

export interface RequestSpec<T> {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Parses the body text; a BadResponseError (or SyntaxError from JSON.parse) is retried. */
  parse: (text: string) => T;
  /** The service's own message in an error answer (e.g. arXiv's Atom error entry), if any. */
  errorDetail?: (status: number, text: string) => string | null;
}

/** A request that failed for good: the last outcome, and how many attempts were made. */
export class RequestFailed extends Error {
  readonly outcome: AttemptOutcome | null;
  readonly attempts: number;
  constructor(message: string, outcome: AttemptOutcome | null, attempts: number) {
    super(message);
    this.name = 'RequestFailed';
    this.outcome = outcome;
    this.attempts = attempts;
  }
  /** The service could not be reached at all (no network, refused, DNS). */
  get unreachable(): boolean {
    return this.outcome?.kind === 'network';
  }
}

function networkCode(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return (e as Error).message || 'unknown';
}

type Attempt<T> = { ok: true; value: T } | { ok: false; outcome: AttemptOutcome };

async function attempt<T>(spec: RequestSpec<T>, options: HttpOptions): Promise<Attempt<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const res = await (options.fetch ?? globalThis.fetch)(spec.url, {
      method: spec.method ?? 'GET',
      headers: spec.headers,
      body: spec.body,
      signal: controller.signal,
      redirect: 'follow',
    });
    const text = await res.text();
    if (!res.ok) {
      const detail = spec.errorDetail?.(res.status, text) ?? null;
      return {
        ok: false,
        outcome: {
          kind: 'http',
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          ...(detail ? { detail } : {}),
        },
      };
    }
    try {
      return { ok: true, value: spec.parse(text) };
    } catch (e) {
      if (e instanceof SyntaxError || e instanceof BadResponseError) {
        return { ok: false, outcome: { kind: 'bad-body', detail: e.message.slice(0, 160) } };
      }
      throw e;
    }
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    if (controller.signal.aborted)
      return { ok: false, outcome: { kind: 'timeout', afterMs: options.timeoutMs } };
    if (e instanceof TypeError) return { ok: false, outcome: { kind: 'network', code: networkCode(e) } };
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Sends a request, retrying as the policy says; throws RequestFailed (or ServiceError) for good. */
export async function request<T>(spec: RequestSpec<T>, options: HttpOptions): Promise<T> {
  const { policy, clock } = options;
  for (let n = 1; n <= policy.maxAttempts; n++) {
    await options.pace?.();
    let result: Attempt<T>;
    try {
      result = await attempt(spec, options);
    } catch (e) {
      if (e instanceof ServiceError) throw new RequestFailed(e.message, null, n);
      throw e;
    }
    if (result.ok) return result.value;
    const stop = options.stopOn?.(result.outcome);
    if (stop) throw stop;
    const decision = retryDecision(
      n,
      result.outcome,
      policy,
      clock.random,
      clock.now(),
      options.retryStatuses,
    );
    if (!decision.retry) throw new RequestFailed(decision.reason, result.outcome, n);
    options.onRetry?.({ url: spec.url, attempt: n, delayMs: decision.delayMs, reason: decision.reason });
    await clock.sleep(decision.delayMs);
  }
  // unreachable: the policy refuses a retry at maxAttempts
  throw new RequestFailed(`gave up after ${policy.maxAttempts} attempts`, null, policy.maxAttempts);
}

/** Keeps at least `intervalMs` between the starts of consecutive requests. */
export function createPacer(intervalMs: number, clock: Clock): () => Promise<void> {
  let last = -Infinity;
  return async () => {
    const wait = last + intervalMs - clock.now();
    if (wait > 0) await clock.sleep(wait);
    last = clock.now();
  };
}

export { describeOutcome };
