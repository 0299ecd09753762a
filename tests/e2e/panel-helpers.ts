/** Shared steps of the search, details and filters end-to-end tests. */
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

/** Opens the built app on a fixture graph and waits until it is ready; collects page errors. */
export async function openFixture(
  browser: Browser,
  fixture: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}/?graph=/fixtures/graphs/${fixture}`);
  await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });
  return { page, errors };
}

export function selected(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__atlas?.state()?.selected ?? null);
}

export function filters(page: Page) {
  return page.evaluate(() => window.__atlas?.state()?.filters ?? null);
}

export function visibleCount(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => window.__atlas!.visibleCount());
}

/** What a hostile fixture would set if any of its markup ran. */
export function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
}
