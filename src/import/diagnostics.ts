/**
 * Diagnostics an importer returns instead of silently dropping input: errors (the CLI exits
 * non-zero) and warnings (imported, but a person should look), each with the input's line.
 */
export interface Diagnostic {
  level: 'error' | 'warning';
  /** 1-based line in the input, when the input has lines. */
  line?: number;
  message: string;
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = d.line !== undefined ? `${file}:${d.line}` : file;
  return `${where}: ${d.level}: ${d.message}`;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.level === 'error');
}
