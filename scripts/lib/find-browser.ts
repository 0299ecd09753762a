/**
 * Finds a Chromium for the end-to-end tests, the app benchmark and the screenshot script, in this order:
 *   1. `CHROMIUM_PATH` from the environment (it must exist);
 *   2. a system Chromium or Chrome;
 *   3. the Chromium shipped inside the `@sparticuz/chromium` dev dependency (its binary is part of the
 *      package tarball, so `npm install` brings it; it is unpacked once into the temporary directory).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export type BrowserSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

/** The sentence shown when no browser can be found. */
export const NO_BROWSER_MESSAGE =
  'No Chromium found: set CHROMIUM_PATH to a Chromium or Chrome executable (no system browser is installed and the bundled @sparticuz/chromium does not run on this platform).';

export class BrowserNotFoundError extends Error {
  constructor(message = NO_BROWSER_MESSAGE) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}

export interface FindBrowserDeps {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  exists: (path: string) => boolean;
  /** Unpacks the packaged Chromium and returns its path; undefined when the package is not installed. */
  packaged: () => Promise<string | undefined>;
}

/** The browser to use, by the order above. Pure apart from what `deps` does. */
export async function findBrowser(deps: FindBrowserDeps): Promise<FoundBrowser> {
  const fromEnv = deps.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!deps.exists(fromEnv))
      throw new BrowserNotFoundError(
        `CHROMIUM_PATH is set to ${fromEnv}, which does not exist: point it at a Chromium or Chrome executable.`,
      );
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_BROWSERS.find((p) => deps.exists(p));
  if (system) return { path: system, source: 'system' };
  // The packaged binary is a Linux x64 build.
  if (deps.platform === 'linux' && deps.arch === 'x64') {
    const path = await deps.packaged();
    if (path && deps.exists(path)) return { path, source: '@sparticuz/chromium' };
  }
  throw new BrowserNotFoundError();
}

/** Unpacks `@sparticuz/chromium` (once: later calls find the unpacked binary) and returns its path. */
export async function unpackPackagedChromium(): Promise<string | undefined> {
  let mod: { default: { executablePath: () => Promise<string> } };
  try {
    mod = (await import('@sparticuz/chromium')) as typeof mod;
  } catch {
    return undefined;
  }
  return mod.default.executablePath();
}

/**
 * With no system fonts, Chromium would draw labels as empty boxes: point fontconfig at the fonts the
 * package unpacks (Open Sans) then. A machine with fonts keeps its own configuration.
 */
export function ensureFonts(env: NodeJS.ProcessEnv = process.env): void {
  if (env.FONTCONFIG_PATH) return;
  const probe = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  const hasSystemFonts = probe.status === 0 && probe.stdout.trim() !== '';
  const packagedFonts = join(tmpdir(), 'fonts');
  if (!hasSystemFonts && existsSync(join(packagedFonts, 'fonts.conf'))) env.FONTCONFIG_PATH = packagedFonts;
}

/** The browser of this machine, found as described at the top of this file. */
export async function findMachineBrowser(): Promise<FoundBrowser> {
  const found = await findBrowser({
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    exists: existsSync,
    packaged: unpackPackagedChromium,
  });
  if (found.source === '@sparticuz/chromium') ensureFonts();
  return found;
}
