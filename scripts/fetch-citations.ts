/**
 * `npm run fetch:citations`: fills graph-data/cache/ with every paper's references and citation
 * counts from Semantic Scholar and OpenAlex, and its abstract, first-version date and categories
 * from arXiv. Cached entries are not fetched again, so an interrupted run resumes where it stopped.
 * Thin CLI: options and environment here; the run is scripts/lib/fetch-run.ts.
 * Exit codes: 0 everything fetched or cached, 1 some papers failed, 2 bad options, 3 no network,
 * 4 OpenAlex's daily budget spent (what was fetched is kept; run again the next day).
 */
import { DataErrors } from '../src/model/errors';
import { realClock } from './lib/http-client';
import type { FetchConfig } from './lib/fetch-run';
import { allDone, FetchConfigError, runFetch, summaryText } from './lib/fetch-run';
import { parseCliArgs, UsageError, USAGE } from './lib/fetch-args';

function log(line: string): void {
  process.stderr.write(`fetch-citations: ${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  let config: FetchConfig | 'help';
  try {
    config = parseCliArgs(argv, process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`fetch-citations: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (config === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const tty = process.stderr.isTTY === true;
  let lastPrinted = 0;
  const progress = (line: string, final: boolean) => {
    if (tty) {
      process.stderr.write(`\r\u001b[2K${line}${final ? '\n' : ''}`);
    } else if (final || Date.now() - lastPrinted >= 2000) {
      lastPrinted = Date.now();
      process.stderr.write(`${line}\n`);
    }
  };
  const interrupted = (signal: string, code: number) => () => {
    if (tty) process.stderr.write('\n');
    log(`${signal}: stopped; every entry written so far is kept, run the command again to resume`);
    process.exit(code);
  };
  process.once('SIGINT', interrupted('interrupted', 130));
  process.once('SIGTERM', interrupted('terminated', 143));
  if (config.sources.includes('openalex') && !config.endpoints.openalex.apiKey)
    log(
      'OPENALEX_API_KEY is not set: OpenAlex allows only $0.01 of requests a day without a key (a free key gives $1); see --help',
    );
  try {
    const result = await runFetch(config, { clock: realClock, log, progress });
    for (const line of summaryText(config, result)) process.stdout.write(`${line}\n`);
    if (result.unreachable) return 3;
    if (result.budgetSpent) return 4;
    return allDone(result) ? 0 : 1;
  } catch (e) {
    if (e instanceof FetchConfigError) {
      log(e.message);
      return 2;
    }
    if (e instanceof DataErrors) {
      for (const err of e.errors) log(err.message);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    log(`failed: ${err.code ? err.message : (err.stack ?? String(e))}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
