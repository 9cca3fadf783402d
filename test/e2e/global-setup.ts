/**
 * Serves the built app (dist/, or LIANJIAN_DIST when set: a build of one's own with
 * `vite build --outDir`) for the browser tests. Fails loudly when there is no build.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  const root = resolve(__dirname, '../..');
  const outDir = resolve(root, process.env.LIANJIAN_DIST ?? 'dist');
  if (!existsSync(resolve(outDir, 'index.html'))) throw new Error(`${outDir} is missing: run \`npm run build\` before the browser tests`);
  server = await preview({ root, build: { outDir }, preview: { port: 4179, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  project.provide('baseUrl', 'http://127.0.0.1:4179/');
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
