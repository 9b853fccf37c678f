import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus tests parse 3,445 real specs; give them room on a 2-core CI machine.
    testTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
