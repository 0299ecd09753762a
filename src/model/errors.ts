/**
 * A data error names where the problem is: file, line (when the format has lines),
 * record and field, and what is wrong.
 */
export interface DataErrorLocation {
  file: string;
  line?: number;
  /** The record's id or index, e.g. "paper 2208.01618" or "row 12". */
  record?: string;
  field?: string;
}

export class DataError extends Error {
  readonly location: DataErrorLocation;
  readonly problem: string;

  constructor(location: DataErrorLocation, problem: string) {
    super(formatDataError(location, problem));
    this.name = 'DataError';
    this.location = location;
    this.problem = problem;
  }
}

export function formatDataError(loc: DataErrorLocation, problem: string): string {
  const where = loc.line !== undefined ? `${loc.file}:${loc.line}` : loc.file;
  const parts = [where];
  if (loc.record) parts.push(loc.record);
  if (loc.field) parts.push(`field "${loc.field}"`);
  return `${parts.join(': ')}: ${problem}`;
}

/** Several data errors at once, so a curator sees every problem of a file in one run. */
export class DataErrors extends Error {
  readonly errors: DataError[];
  constructor(errors: DataError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'DataErrors';
    this.errors = errors;
  }
}
