/**
 * Diagnostics an importer returns instead of silently dropping input: errors (the CLI exits
 * non-zero) and warnings (imported, but a person should look), each with the input's line. A
 * warning that leaves input out names why (`skip`), so a run can count and report what it skipped.
 */
export interface Diagnostic {
  level: 'error' | 'warning';
  /** 1-based line in the input, when the input has lines. */
  line?: number;
  message: string;
  /** Set when the diagnostic leaves input out: why, and the lines left out (default: `line`). */
  skip?: { reason: SkipReason; lines?: number[] };
}

/**
 * Why input was left out:
 * - `not-a-paper`: an entry with no year, no arXiv id, no DOI and no recognised venue (a tool, a product);
 * - `no-year`: a paper whose year is printed nowhere near it;
 * - `note`: a bold line addressed to readers ("please cite…");
 * - `no-paper-link`: a list item or table row without a paper link or year;
 * - `skipped-heading`: an entry under a heading the section map skips.
 */
export const SKIP_REASONS = ['not-a-paper', 'no-year', 'note', 'no-paper-link', 'skipped-heading'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = d.line !== undefined ? `${file}:${d.line}` : file;
  return `${where}: ${d.level}: ${d.message}`;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.level === 'error');
}

/** The lines a diagnostic leaves out (none when it is no skip). */
export function skippedLines(d: Diagnostic): number[] {
  if (!d.skip) return [];
  return d.skip.lines ?? (d.line !== undefined ? [d.line] : []);
}

/**
 * `--strict`: every skip the input caused becomes an error (skips the user asked for, under a
 * heading the section map skips, stay warnings).
 */
export function strictly(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map((d) =>
    d.skip && d.skip.reason !== 'skipped-heading' && d.level === 'warning' ? { ...d, level: 'error' } : d,
  );
}
