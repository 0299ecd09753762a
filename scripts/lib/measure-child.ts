/**
 * Runs a script in this process and, on exit, writes this process's peak resident set size
 * (bytes) to the file named by MEASURE_RSS_FILE: a portable way for a benchmark to learn the peak
 * memory of a child process. Usage: node --import tsx scripts/lib/measure-child.ts SCRIPT [ARGS...]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
const out = process.env.MEASURE_RSS_FILE;
if (!script || !out) {
  process.stderr.write('usage: MEASURE_RSS_FILE=FILE node --import tsx scripts/lib/measure-child.ts SCRIPT [ARGS...]\n');
  process.exit(2);
}
process.on('exit', () => {
  // maxRSS is in kilobytes
  writeFileSync(out, String(process.resourceUsage().maxRSS * 1024));
});
process.argv = [process.argv[0] as string, resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
