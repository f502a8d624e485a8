import { defineConfig } from 'vitest/config'

// Three projects, run one after the other by scripts/test.mjs: fast unit tests next to the code
// (happy-dom, fake-indexeddb), the collector in Node, then end-to-end tests under test/ in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        // The kits import the SDK by its package name: tsconfig's `paths` send it to the source.
        resolve: { tsconfigPaths: true },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.{ts,tsx}'],
          exclude: ['packages/collector/**'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        // The collector: a Node service, tested in Node against real SQLite and a throwaway
        // PostgreSQL cluster (packages/collector/test/postgres.ts), real SMTP and HTTP peers.
        test: {
          name: 'collector',
          include: ['packages/collector/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 10_000 } },
          maxWorkers: 2,
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
