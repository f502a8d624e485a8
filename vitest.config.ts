import { defineConfig } from 'vitest/config'

// Two projects, run one after the other by scripts/test.mjs: fast unit tests next to the code
// (happy-dom, fake-indexeddb), then end-to-end tests under test/ in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        // The kits import the SDK by its package name: tsconfig's `paths` send it to the source.
        resolve: { tsconfigPaths: true },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for the page (lazy chunks, IndexedDB, another tab) to get there: a
          // ceiling, not a timing assertion, and 1 s is too short on a loaded machine.
          expect: { poll: { timeout: 10_000 } },
          // Each file drives its own Chromium; two at once is what two cores carry.
          maxWorkers: 2,
        },
      },
    ],
  },
})
