/** Launching Chromium for end-to-end tests, the app benchmark and the screenshot script. */
import { chromium, type Browser } from 'playwright-core';
import { findMachineBrowser } from '../../scripts/lib/find-browser';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // software WebGL (SwiftShader) with --disable-gpu
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

/**
 * Launches Chromium headless. `executablePath` defaults to the machine's browser
 * (CHROMIUM_PATH, a system Chromium, or the one `npm install` brings).
 */
export async function launchBrowser(executablePath?: string): Promise<Browser> {
  const path = executablePath ?? (await findMachineBrowser()).path;
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
}
