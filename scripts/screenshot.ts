/**
 * Saves a screenshot of the explorer's default view on the bundled graph to docs/screenshot.png.
 *   npm run build:graph && npm run build && npm run screenshot [-- --out docs/screenshot.png --width 1440 --height 900]
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/e2e/browser';
import { startStaticServer } from './static-server';

const USAGE = `Usage: npm run build:graph && npm run build && npm run screenshot -- [options]

Saves a screenshot of the explorer's default view on the bundled graph.

Options:
  --out FILE     where to write the PNG (default: docs/screenshot.png)
  --width N      viewport width (default: 1440)
  --height N     viewport height (default: 900)
  --dark         dark colour scheme
  --help         show this help`;

function parse() {
  try {
    return parseArgs({
      options: {
        out: { type: 'string', default: 'docs/screenshot.png' },
        width: { type: 'string', default: '1440' },
        height: { type: 'string', default: '900' },
        dark: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`screenshot: ${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const { values } = parse();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html') || !existsSync('dist/graph.json')) {
    throw new Error(
      'dist/ has no app or no graph.json: run `npm run build:graph` then `npm run build` first.',
    );
  }
  const server = await startStaticServer('dist');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({
      viewport: { width: Number(values.width), height: Number(values.height) },
      colorScheme: values.dark ? 'dark' : 'light',
    });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      () => window.__atlas?.status() !== 'loading' && window.__atlas?.renderer()?.firstRenderAt != null,
      null,
      { timeout: 30_000 },
    );
    const error = await page.evaluate(() => window.__atlas!.error());
    if (error) throw new Error(`the app reported: ${error}`);
    await page.waitForTimeout(500);
    mkdirSync(dirname(values.out), { recursive: true });
    const tmp = `${values.out}.tmp.png`;
    await page.screenshot({ path: tmp });
    renameSync(tmp, values.out);
    console.log(`wrote ${values.out}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
