/** Errors of the online sources' response parsers. */

/**
 * A response that parsed but does not have the documented shape (or is not the expected XML):
 * the client retries it like a truncated body, a bounded number of times.
 */
export class BadResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadResponseError';
  }
}

/** A service answered with an error that retrying will not fix (e.g. arXiv's "Error" entry). */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-negative integer field, or null when absent/null; anything else is a bad response. */
export function countField(obj: Record<string, unknown>, key: string, where: string): number | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new BadResponseError(`${where}: "${key}" is not a count (${JSON.stringify(v)})`);
  return v;
}
