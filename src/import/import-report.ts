/**
 * What an import did, told back: a summary (entries seen, papers written, papers with an arXiv id,
 * skips by reason, duplicates merged) and a report of every skipped line with its reason, written
 * beside the data (`import-report.json`). Pure: the import's result in, text out.
 */
import type { PaperRecord } from '../model/paper';
import type { Diagnostic, SkipReason } from './diagnostics';
import { SKIP_REASONS, skippedLines } from './diagnostics';

/** The file name of the report, in the imported data directory. */
export const IMPORT_REPORT_FILE = 'import-report.json';

export interface ImportSummary {
  /** Entries read: every entry imported or skipped (a paper listed twice counts twice). */
  entries: number;
  /** Papers written. */
  papers: number;
  /** Of them, papers with an arXiv id. */
  withArxiv: number;
  /** Entries left out, in all. */
  skipped: number;
  /** Entries left out, by reason (reasons with none are absent). */
  skips: Partial<Record<SkipReason, number>>;
  /** Entries that named a paper listed before, merged into it. */
  duplicates: number;
  errors: number;
  warnings: number;
}

/** One skipped line of the input. */
export interface SkipRow {
  line: number;
  reason: SkipReason;
  message: string;
}

/** What the summary needs of an import's result (`ListDataset` has it all). */
export interface ImportOutcome {
  papers: readonly PaperRecord[];
  /** Entries the reader kept (before merging duplicates). */
  entries: number;
  duplicates: number;
  diagnostics: readonly Diagnostic[];
}

/** Every skipped line, in line order (a warning that counts several lines gives one row a line). */
export function skipRows(diags: readonly Diagnostic[]): SkipRow[] {
  const rows: SkipRow[] = [];
  for (const d of diags) {
    if (!d.skip) continue;
    for (const line of skippedLines(d)) rows.push({ line, reason: d.skip.reason, message: d.message });
  }
  return rows.sort((a, b) => a.line - b.line || a.reason.localeCompare(b.reason));
}

export function importSummary(outcome: ImportOutcome): ImportSummary {
  const rows = skipRows(outcome.diagnostics);
  const skips: Partial<Record<SkipReason, number>> = {};
  for (const reason of SKIP_REASONS) {
    const n = rows.filter((r) => r.reason === reason).length;
    if (n > 0) skips[reason] = n;
  }
  // an entry skipped for want of a year was read as an entry first: count it once
  const readThenSkipped = skips['no-year'] ?? 0;
  return {
    entries: outcome.entries + rows.length - readThenSkipped,
    papers: outcome.papers.length,
    withArxiv: outcome.papers.filter((p) => p.arxiv !== null).length,
    skipped: rows.length,
    skips,
    duplicates: outcome.duplicates,
    errors: outcome.diagnostics.filter((d) => d.level === 'error').length,
    warnings: outcome.diagnostics.filter((d) => d.level === 'warning').length,
  };
}

/** The summary as the CLI prints it, one line a figure. */
export function formatSummary(s: ImportSummary): string[] {
  const n = (x: number): string => x.toLocaleString('en');
  const reasons = Object.entries(s.skips).map(([r, k]) => `${n(k)} ${r}`);
  return [
    `entries seen: ${n(s.entries)}`,
    `papers written: ${n(s.papers)} (${n(s.withArxiv)} with an arXiv id)`,
    `skipped: ${n(s.skipped)}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`,
    `duplicates merged: ${n(s.duplicates)}`,
  ];
}

/** The report file's text: where the input came from, the summary and every skipped line. */
export function importReport(input: string, summary: ImportSummary, rows: readonly SkipRow[]): string {
  return `${JSON.stringify({ input, summary, skipped: rows }, null, 2)}\n`;
}
