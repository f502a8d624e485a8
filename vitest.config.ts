import { configDefaults, defineConfig } from 'vitest/config'

// The projects, run one after the other by scripts/test.mjs: fast unit tests next to the code
// (happy-dom, fake-indexeddb), the collector in Node, end-to-end tests under test/ in Chromium, then
// the engine scenarios (test/engines) once per engine: e2e-chromium, e2e-firefox, e2e-webkit.
const engine = (name: 'chromium' | 'firefox' | 'webkit') => ({
  test: {
    name: 'e2e-' + name,
    include: ['test/engines/**/*.test.ts'],
    environment: 'node',
    // test/engines/setup.ts launches this engine for each file.
    env: { HETKI_ENGINE: name },
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A ceiling for conditions waited on, not a timing assertion: Firefox and WebKit run several
    // processes each, on two shared cores.
    expect: { poll: { timeout: 15_000 } },
    maxWorkers: 2,
  },
})
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
          // The engine scenarios and the fuzzers have projects of their own (below). (The fuzzers
          // once ran here too, beside the other files, whose waits they stretched: a command
          // line's --exclude does not reach a project's own list.)
          exclude: [...configDefaults.exclude, 'test/engines/**', 'test/fuzz/**'],
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
      {
        // The Chromium fuzzers (test/fuzz, docs/fuzzing.md) load the machine for half a minute:
        // run on their own, after the other end-to-end tests.
        test: {
          name: 'fuzz',
          include: ['test/fuzz/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 10_000 } },
          maxWorkers: 2,
        },
      },
      engine('chromium'),
      engine('firefox'),
      engine('webkit'),
    ],
  },
})
