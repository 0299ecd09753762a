import { defineConfig } from 'vitest/config';
import { cspPlugin } from './scripts/vite-csp.ts';
import { preloadBootPlugin } from './scripts/vite-preload-boot.ts';

export default defineConfig({
  base: './',
  plugins: [cspPlugin(), preloadBootPlugin()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // the boot chunks with what they import (the early picture's first, which the first
          // frame's imports in turn): src/main.ts
          groups: [
            { name: 'early-picture', test: /src[\\/]boot[\\/]early-picture\.ts$/, priority: 2 },
            { name: 'first-frame', test: /src[\\/]boot[\\/]first-frame\.ts$/, priority: 1 },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // one browser at a time: the machine has two cores
          fileParallelism: false,
        },
      },
    ],
  },
});
