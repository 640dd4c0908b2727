import { configDefaults, defineConfig } from 'vitest/config';

// Relative base so `npm run build` output works from any static host or sub-path.
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['test/**/*.test.ts'],
    // The slow equivalence tests (two files, two workers) run under `npm run test:slow` (which .ci/run calls), not `npm test`.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.SLOW_TESTS ? [] : ['test/steady-equivalence*.test.ts']),
    ],
    // Every engine run in the suite is checked against the outcome invariants (see the file).
    setupFiles: ['test/support/setup-invariants.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
