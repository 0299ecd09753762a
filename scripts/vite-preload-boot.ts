import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** The meta tag that carries the datasets list beside the page (see src/graph/prefetch.ts). */
export const DATASETS_META = 'lineage-atlas-datasets';

/**
 * Adds `<link rel="modulepreload">` for the first frame's chunk and the chunks it imports
 * (src/boot/first-frame.ts: sigma, graphology, the renderer) to the built page, so that the browser
 * loads them while it loads the page's small first module, not after: main.ts imports the boot
 * chunk dynamically, as it must start the graph's download before any large code is evaluated.
 * Also copies the datasets list (`datasets.json` of the public directory, when there is one) into a
 * meta tag, so that the page requests the default graph's binary without waiting for the list; the
 * page still reads the list itself, and a copy that no longer matches the files only costs the
 * first frame's head start (the binary's inputs hash is checked). And inlines the page's own
 * stylesheet (see below). Only in `vite build`.
 */
export function preloadBootPlugin(
  entries = ['src/boot/early-picture.ts', 'src/boot/first-frame.ts'],
): Plugin {
  let config: ResolvedConfig | null = null;
  return {
    name: 'lineage-atlas-preload-boot',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler(page, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const files: string[] = [];
        const visit = (file: string) => {
          const chunk = bundle[file];
          // the page's entry is loaded by its own script tag
          if (files.includes(file) || (chunk?.type === 'chunk' && chunk.isEntry)) return;
          files.push(file);
          if (chunk?.type === 'chunk') for (const dep of chunk.imports) visit(dep);
        };
        for (const entry of entries) {
          const isEntry = (id: string | null) => id?.replaceAll('\\', '/').endsWith(entry) ?? false;
          // its own chunk, or the group it was put in (vite.config.ts)
          const boot = chunks.find((c) => isEntry(c.facadeModuleId) || c.moduleIds.some(isEntry));
          if (!boot) throw new Error(`preloadBootPlugin: no chunk for ${entry}`);
          visit(boot.fileName);
        }
        const tags = files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `./${file}` } as Record<string, string>,
          injectTo: 'head' as const,
        }));
        const list = config?.publicDir ? join(config.publicDir, 'datasets.json') : null;
        if (list && existsSync(list)) {
          const text = JSON.stringify(JSON.parse(readFileSync(list, 'utf8')));
          tags.unshift({ tag: 'meta', attrs: { name: DATASETS_META, content: text }, injectTo: 'head' });
        }
        // the page's own stylesheet inline: a stylesheet link would hold back the first module's
        // execution (scripts wait for the style sheets before them) while the chunks load
        const html = page.replace(
          /<link rel="stylesheet"[^>]*href="\.\/(assets\/[^"]+\.css)"[^>]*>/,
          (link, file: string) => {
            const asset = bundle[file];
            if (asset?.type !== 'asset') return link;
            const css = String(asset.source).replaceAll('</', '<\\/');
            return `<style>${css}</style>`;
          },
        );
        return { html, tags };
      },
    },
  };
}
