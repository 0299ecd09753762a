/**
 * Shared plumbing of the import CLIs: options, diagnostics output, atomic writes of unchanged-or-new
 * files. The importers themselves are pure (src/import/).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../../src/import/diagnostics';
import type { Diagnostic } from '../../src/import/diagnostics';
import { DataError, DataErrors } from '../../src/model/errors';
import { writeFileAtomic } from './graph-data-fs';

export interface CliOption {
  name: string;
  default: string;
  help: string;
  /** A flag without a value (`--force`): read as "true", else the default. */
  flag?: boolean;
}

/** Parse `--name value` options; prints usage and exits on --help or an unknown option. */
export function cliOptions(
  usage: string,
  options: readonly CliOption[],
  argv = process.argv.slice(2),
): Record<string, string> {
  const spec: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const o of options) spec[o.name] = { type: o.flag ? 'boolean' : 'string' };
  const text = [
    usage,
    '',
    'Options:',
    ...options.map((o) =>
      o.flag
        ? `  --${o.name}  ${o.help}`
        : `  --${o.name} <value>  ${o.help}${o.default ? ` (default: ${o.default})` : ''}`,
    ),
    '  --help  show this help',
  ].join('\n');
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${text}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(text);
    process.exit(0);
  }
  const out: Record<string, string> = {};
  for (const o of options) {
    const v = values[o.name];
    out[o.name] = typeof v === 'string' ? v : v === true ? 'true' : o.default;
  }
  return out;
}

/** True when the module with this `import.meta.url` is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(resolve(script)).href === moduleUrl;
}

/** Read a UTF-8 input file, exiting with a clear message when it is missing. */
export function readInput(path: string, what: string): string {
  if (!existsSync(path)) fail(`${path}: ${what} not found`);
  return readFileSync(path, 'utf8');
}

/** Print diagnostics; returns the number of errors among them. */
export function report(file: string, diags: readonly Diagnostic[]): number {
  for (const d of diags) (d.level === 'error' ? console.error : console.warn)(formatDiagnostic(file, d));
  return diags.filter((d) => d.level === 'error').length;
}

/** Write `text` atomically unless the file already holds exactly it. Returns whether it wrote. */
export function writeOutput(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) {
    console.log(`${path}: unchanged`);
    return false;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, text);
  console.log(`${path}: written`);
  return true;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Run a CLI body, turning data errors into messages and a non-zero exit. */
export function runCli(main: () => number): void {
  try {
    process.exitCode = main();
  } catch (e) {
    if (e instanceof DataErrors || e instanceof DataError) fail(e.message);
    throw e;
  }
}
