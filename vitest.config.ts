import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and end-to-end tests build the site and start chromium: generous, not timed.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: keep chromium-heavy files from starving each other.
    maxWorkers: 2,
  },
});
