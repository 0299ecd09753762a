/**
 * Options of the `algo(graph, options)` functions: defaults merged, unknown keys and bad values
 * reported with the function's name, so a typo fails loudly instead of silently using a default.
 */

/** Merges `options` over `defaults`; throws on a key `defaults` does not have, or on a non-object. */
export function mergeOptions<T extends object>(fn: string, defaults: T, options: Partial<T> | undefined): T {
  if (options === undefined) return { ...defaults };
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new Error(`${fn}: options must be an object, got ${options === null ? 'null' : typeof options}`);
  for (const key of Object.keys(options)) {
    if (!Object.prototype.hasOwnProperty.call(defaults, key))
      throw new Error(`${fn}: unknown option "${key}" (known: ${Object.keys(defaults).join(', ')})`);
  }
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Throws unless `value` is an integer ≥ `min`. */
export function checkInt(fn: string, name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, got ${String(value)}`);
}

/** Throws unless `value` is one of `allowed`. */
export function checkOneOf<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new Error(`${fn}: ${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}
