import { defineConfig } from 'vitest/config';

// Tests that need the PostgreSQL cluster of test/db/pg-cluster.sh (CI starts it): `npm run test:db`.
export default defineConfig({
  test: {
    include: ['test/db/**/*.db.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
