import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  findBrowser,
  NO_BROWSER_MESSAGE,
  type FindBrowserDeps,
} from '../../scripts/lib/find-browser';

function deps(over: Partial<FindBrowserDeps> & { files?: string[] } = {}): FindBrowserDeps {
  const files = new Set(over.files ?? []);
  return {
    env: {},
    platform: 'linux',
    arch: 'x64',
    exists: (p) => files.has(p),
    packaged: async () => undefined,
    ...over,
  };
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, over a system browser', async () => {
    const found = await findBrowser(
      deps({ env: { CHROMIUM_PATH: '/opt/chrome' }, files: ['/opt/chrome', '/usr/bin/chromium'] }),
    );
    expect(found).toEqual({ path: '/opt/chrome', source: 'CHROMIUM_PATH' });
  });

  it('says so when CHROMIUM_PATH points at nothing, instead of falling back silently', async () => {
    await expect(
      findBrowser(deps({ env: { CHROMIUM_PATH: '/nope' }, files: ['/usr/bin/chromium'] })),
    ).rejects.toThrow(/CHROMIUM_PATH is set to \/nope, which does not exist/);
  });

  it('takes a system Chromium or Chrome next', async () => {
    expect(await findBrowser(deps({ files: ['/usr/bin/google-chrome'] }))).toEqual({
      path: '/usr/bin/google-chrome',
      source: 'system',
    });
    expect(await findBrowser(deps({ files: ['/usr/bin/chromium', '/usr/bin/google-chrome'] }))).toEqual({
      path: '/usr/bin/chromium',
      source: 'system',
    });
  });

  it('falls back to the packaged Chromium on Linux x64', async () => {
    const found = await findBrowser(
      deps({ files: ['/tmp/chromium'], packaged: async () => '/tmp/chromium' }),
    );
    expect(found).toEqual({ path: '/tmp/chromium', source: '@sparticuz/chromium' });
  });

  it('does not try the packaged Linux x64 binary on another platform', async () => {
    let asked = false;
    const packaged = async () => {
      asked = true;
      return '/tmp/chromium';
    };
    await expect(
      findBrowser(deps({ platform: 'darwin', arch: 'arm64', files: ['/tmp/chromium'], packaged })),
    ).rejects.toThrow(BrowserNotFoundError);
    expect(asked).toBe(false);
  });

  it('fails with one sentence naming CHROMIUM_PATH when nothing is found', async () => {
    const err = await findBrowser(deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrowserNotFoundError);
    expect((err as Error).message).toBe(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE).toMatch(/CHROMIUM_PATH/);
    expect(NO_BROWSER_MESSAGE.split(/\.\s/).length).toBe(1);
  });
});
