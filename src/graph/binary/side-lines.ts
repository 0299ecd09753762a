/**
 * Reading the side table as it downloads. The build writes it a record a line (encode.ts: the
 * header's line, `"nodes":[`, a node a line, `],`, `"edges":[`, a link a line, `]}`), so each
 * complete line can be parsed and handed on before the rest has arrived: the page starts putting
 * records into the graph while the file is still coming in and being parsed, where one `JSON.parse`
 * of the whole file (88 MB at 10⁵ papers) had to end first. A file laid out otherwise (valid JSON
 * all the same, e.g. written by hand on one line) is read whole at its end, as `parseSideTable` reads it.
 */
import { GraphBinaryError, type GraphBinary } from './decode';
import { checkSideHeader, parseSideTable } from './side-table';

type Counts = Pick<GraphBinary, 'nodeCount' | 'edgeCount' | 'payloadCrc'>;

/** Records of one kind, in order from `start`, as they are read. */
export interface SideRecords {
  of: 'nodes' | 'edges';
  start: number;
  records: Record<string, unknown>[];
}

type Mode = 'header' | 'nodes-open' | 'nodes' | 'edges-open' | 'edges' | 'end' | 'whole';

const HEADER = /^\{"format":.*,$/;

/**
 * Takes the side table's text in pieces (`push`, then `end`) and gives its records back in runs of
 * at most `chunk`, checked as `parseSideTable` checks them: the header against the binary's counts
 * and CRC first, each record line as JSON, and the counts. Problems throw a `GraphBinaryError`
 * naming `file` and the line; the runs given before a problem stand.
 */
export class SideLineReader {
  private mode: Mode = 'header';
  private rest = '';
  private line = 0;
  private run: Record<string, unknown>[] = [];
  private runStart = 0;
  private count = 0;
  private whole: string[] = [];

  constructor(
    private readonly bin: Counts,
    private readonly file: string,
    private readonly chunk: number,
  ) {}

  /** Reads what `text` completes; returns the full runs so far. */
  push(text: string): SideRecords[] {
    if (this.mode === 'whole') {
      this.whole.push(text);
      return [];
    }
    const out: SideRecords[] = [];
    const rest = this.rest + text;
    let from = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', from)) {
      this.readLine(rest.slice(from, nl), out);
      from = nl + 1;
      if ((this.mode as Mode) === 'whole') {
        // laid out otherwise (only the first line tells): kept whole, to be parsed at the end
        this.whole.push(rest);
        this.rest = '';
        return out;
      }
    }
    this.rest = rest.slice(from);
    return out;
  }

  /** The text has ended: reads its last line, checks that nothing is missing; returns the last runs. */
  end(): SideRecords[] {
    const out: SideRecords[] = [];
    const last = this.rest;
    this.rest = '';
    if (this.mode !== 'whole' && last !== '') {
      this.readLine(last, out);
      if ((this.mode as Mode) === 'whole') this.whole.push(last);
    } else if (last !== '') this.whole.push(last);
    if (this.mode === 'whole') return this.readWhole();
    if (this.mode !== 'end') {
      const where =
        this.mode === 'header' ? 'the header' : this.mode.startsWith('nodes') ? 'the papers' : 'the links';
      this.fail(
        null,
        `is not valid JSON (truncated or corrupted?): it ends in ${where}, at line ${this.line}`,
      );
    }
    return out;
  }

  private readLine(line: string, out: SideRecords[]): void {
    this.line += 1;
    switch (this.mode) {
      case 'header': {
        if (!HEADER.test(line)) {
          this.mode = 'whole';
          return;
        }
        let header: unknown;
        try {
          header = JSON.parse(`${line.slice(0, -1)}}`);
        } catch {
          this.mode = 'whole';
          return;
        }
        checkSideHeader(header, this.bin, (where, problem) => this.fail(where, problem));
        this.mode = 'nodes-open';
        return;
      }
      case 'nodes-open':
        return this.expect(line, '"nodes":[', 'nodes', () => this.open('nodes'));
      case 'edges-open':
        return this.expect(line, '"edges":[', 'edges', () => this.open('edges'));
      case 'nodes':
      case 'edges': {
        if (line === ']' || line === '],' || line === ']}') return this.close(line, out);
        this.record(line, out);
        return;
      }
      case 'end':
        if (line.trim() !== '') this.fail(`line ${this.line}`, 'unexpected text after the end of the table');
        return;
    }
  }

  private expect(line: string, wanted: string, field: string, then: () => void): void {
    if (line !== wanted) this.fail(`line ${this.line}`, `expected ${wanted} (the field "${field}")`);
    then();
  }

  private open(of: 'nodes' | 'edges'): void {
    this.mode = of;
    this.count = 0;
    this.runStart = 0;
    this.run = [];
  }

  private record(line: string, out: SideRecords[]): void {
    const text = line.endsWith(',') ? line.slice(0, -1) : line;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      this.fail(
        `line ${this.line}`,
        `is not valid JSON (truncated or corrupted?): ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record))
      this.fail(`line ${this.line}`, `expected a record (a JSON object)`);
    this.run.push(record as Record<string, unknown>);
    this.count += 1;
    if (this.run.length === this.chunk) this.flush(out);
  }

  private close(line: string, out: SideRecords[]): void {
    const of = this.mode as 'nodes' | 'edges';
    const expected = of === 'nodes' ? this.bin.nodeCount : this.bin.edgeCount;
    if (this.count !== expected)
      this.fail(`field "${of}"`, `expected ${expected} records, as the binary has (it has ${this.count})`);
    const closing = of === 'nodes' ? '],' : ']}';
    if (line !== closing)
      this.fail(`line ${this.line}`, `expected ${closing} at the end of the field "${of}"`);
    this.flush(out);
    this.mode = of === 'nodes' ? 'edges-open' : 'end';
  }

  private flush(out: SideRecords[]): void {
    if (this.run.length > 0)
      out.push({ of: this.mode as 'nodes' | 'edges', start: this.runStart, records: this.run });
    this.runStart += this.run.length;
    this.run = [];
  }

  private readWhole(): SideRecords[] {
    const side = parseSideTable(this.whole.join(''), this.bin, this.file);
    this.whole = [];
    const out: SideRecords[] = [];
    for (const of of ['nodes', 'edges'] as const)
      for (let start = 0; start < side[of].length; start += this.chunk)
        out.push({ of, start, records: side[of].slice(start, start + this.chunk) });
    return out;
  }

  private fail(where: string | null, problem: string): never {
    throw new GraphBinaryError(this.file, where, problem);
  }
}
