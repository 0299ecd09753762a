/**
 * Progress and summary text of a fetch run: counts, a bar and an ETA, then what was fetched, what
 * came from the cache and what failed, with reasons. Pure.
 */

export interface SourceTally {
  /** Papers to handle in this run (with an id this source can be asked by). */
  total: number;
  fetched: number;
  /** Of `fetched`: answers "not found". */
  notFound: number;
  fromCache: number;
  failed: Map<string, string>;
}

export function emptyTally(total: number): SourceTally {
  return { total, fetched: 0, notFound: 0, fromCache: 0, failed: new Map() };
}

export function done(t: SourceTally): number {
  return t.fetched + t.fromCache + t.failed.size;
}

/** "1:05", "12:00:07". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * Remaining time estimated from the pace of the papers fetched so far in this run (cache hits are
 * instant and not counted); null before the first fetch.
 */
export function eta(t: SourceTally, elapsedMs: number): number | null {
  const handled = t.fetched + t.failed.size;
  if (handled === 0) return null;
  return (elapsedMs / handled) * (t.total - done(t));
}

/** One progress line: "s2 [#####.....] 50/100 · 2 failed · ETA 0:42". */
export function progressLine(label: string, t: SourceTally, elapsedMs: number, width = 20): string {
  const n = done(t);
  const filled = t.total === 0 ? width : Math.round((n / t.total) * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const parts = [`${label} ${bar} ${n}/${t.total}`];
  if (t.fromCache > 0) parts.push(`${t.fromCache} cached`);
  if (t.failed.size > 0) parts.push(`${t.failed.size} failed`);
  const left = eta(t, elapsedMs);
  parts.push(
    n >= t.total
      ? `done in ${formatDuration(elapsedMs)}`
      : `ETA ${left === null ? '…' : formatDuration(left)}`,
  );
  return parts.join(' · ');
}

/** The summary lines of one source; failures listed one per line (at most `maxListed`). */
export function summaryLines(label: string, t: SourceTally, maxListed = 20): string[] {
  const notFound = t.notFound > 0 ? ` (${t.notFound} not known to the service)` : '';
  const lines = [
    `${label}: ${t.fetched} fetched${notFound}, ${t.fromCache} from cache, ${t.failed.size} failed`,
  ];
  const failures = [...t.failed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, reason] of failures.slice(0, maxListed)) lines.push(`  failed ${id}: ${reason}`);
  if (failures.length > maxListed) lines.push(`  … and ${failures.length - maxListed} more`);
  return lines;
}
