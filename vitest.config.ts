import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A backstop for a hung process, not a speed test: no verdict may depend on how fast this
    // machine is, and a loaded 2-core machine can be many times slower than an idle one.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One worker process runs file after file: a new one per file cost its start and vitest's
    // set-up again (about a quarter of the suite's CPU), and dealer's modules, loaded once per worker
    // by the in-process runner (test/helpers/cli.ts), stay loaded. Test files share no state but the
    // sandboxes they make and remove.
    isolate: false,
    // Three workers keep both cores busy while one waits on a child process or an fsync.
    maxWorkers: 3,
    setupFiles: ['test/helpers/setup.ts'],
    coverage: {
      // `npm run coverage`, or CI's `DEALER_COVERAGE=1 npm test`: the suite with a threshold. Off in
      // a plain `npm test`, whose CPU it would raise by about a quarter.
      enabled: process.env.DEALER_COVERAGE === '1',
      // @vitest/coverage-v8 plus the CLI processes the tests start (see the module).
      provider: 'custom',
      customProviderModule: './test/coverage/provider.mjs',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      // Lines count a line run if any statement starting on it ran; statements are the stricter measure.
      thresholds: { lines: 85, statements: 85 },
      // The numbers are worth seeing even when a test failed.
      reportOnFailure: true,
    },
  },
});
