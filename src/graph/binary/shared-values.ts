/**
 * Equal values given one instance, before the side table's worker posts its records (side-worker.ts).
 * Structured cloning keeps the references a message shares, so the page rebuilds each distinct
 * value of a message once, not once a record: links' provenance and kinds, papers' tasks and
 * taxonomy repeat a lot (the bundled graph's 1,811 links have 260 distinct provenances; a field
 * imported from one source, one), and at 10⁵ papers the records' rebuilding, and the collections
 * of what it made, were most of the side table's 3.5 s on the page.
 * The graph's attributes are never changed in place, so sharing them is safe.
 */

/**
 * A function that gives each object or array field of a record the first instance seen of an equal
 * value (equal as JSON), over all the records it is given; the record is changed in place and returned.
 */
export function sharedValues(): <R>(record: R) => R {
  const seen = new Map<string, unknown>();
  return (record) => {
    if (typeof record !== 'object' || record === null) return record;
    const r = record as Record<string, unknown>;
    for (const k in r) {
      const v = r[k];
      if (typeof v !== 'object' || v === null) continue;
      const key = JSON.stringify(v);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, v);
      else r[k] = first;
    }
    return record;
  };
}
