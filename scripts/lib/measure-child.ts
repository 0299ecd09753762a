/**
 * Runs a script in this process and, on exit, writes this process's peak resident set size
 * (bytes) and CPU time (seconds) as JSON to the file named by MEASURE_FILE: a portable way for a
 * benchmark to learn what a child process used.
 * Usage: MEASURE_FILE=F node --import tsx scripts/lib/measure-child.ts SCRIPT [ARGS...]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
const out = process.env.MEASURE_FILE;
if (!script || !out) {
  process.stderr.write(
    'usage: MEASURE_FILE=FILE node --import tsx scripts/lib/measure-child.ts SCRIPT [ARGS...]\n',
  );
  process.exit(2);
}
process.on('exit', () => {
  const usage = process.resourceUsage(); // maxRSS in kilobytes, CPU times in microseconds
  const measured = {
    peakBytes: usage.maxRSS * 1024,
    userSeconds: usage.userCPUTime / 1e6,
    systemSeconds: usage.systemCPUTime / 1e6,
  };
  writeFileSync(out, JSON.stringify(measured));
});
process.argv = [process.argv[0] as string, resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
