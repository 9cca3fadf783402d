import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // PGlite finds its .wasm / .data / postgis.tar.gz next to its modules (import.meta.url): keep them out of pre-bundling.
  optimizeDeps: {
    exclude: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'],
    // Used only inside workers, so the dev server would find them late and reload the page.
    include: ['@turf/convex', '@turf/helpers', 'flatbush', 'kdbush', 'polylabel', 'papaparse', 'gcoord', 'sweepline-intersections'],
  },
  assetsInclude: ['**/*.tar.gz'],
  build: { chunkSizeWarningLimit: 4000, sourcemap: false },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
