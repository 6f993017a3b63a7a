import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/shared/**/*.test.ts', 'tests/extension/**/*.test.{ts,tsx}', 'shared/**/*.test.ts', 'extension/**/*.test.{ts,tsx}'],
        },
        // The panel's components and their tests are Preact (server .tsx files name hono/jsx themselves).
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/build-extension.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          // The extension's worker and the server answer asynchronously; a loaded CI machine is slow.
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});
