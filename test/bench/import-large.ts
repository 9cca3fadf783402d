/**
 * Benchmark: a large register imported end to end through the UI into the embedded store, in
 * Chromium. Prints read time, database check + write time and rows/s, the time until the map shows
 * every enterprise, and the longest main-thread task (Long Tasks API) and timer gap.
 *   npm run build && npm run bench:import [-- 200000]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { preview } from 'vite';
import { launch, openMap } from '../e2e/browser';
import { largeRegister, mainThreadBlocks, watchMainThread } from '../e2e/helpers';

const rows = Number(process.argv[2] ?? 200_000);
const file = join(mkdtempSync(join(tmpdir(), 'lianjian-bench-')), 'large.csv');
writeFileSync(file, largeRegister(rows));

// LIANJIAN_DIST: a build of one's own (as for the browser tests), else dist/.
const server = await preview({ root: fileURLToPath(new URL('../..', import.meta.url)), build: { outDir: process.env.LIANJIAN_DIST ?? 'dist' }, preview: { port: 4186, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launch();
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await openMap(page, 'http://127.0.0.1:4186/?dataset=linpu');
  const before = await page.evaluate(() => window.__lianjian!.enterpriseCount);
  await watchMainThread(page);
  await page.getByTestId('import-button').click();
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  const readMs = Date.now() - t0;
  const t1 = Date.now();
  await page.getByTestId('import-commit').click();
  // Waits on conditions, never a fixed sleep: the progress bar reaching 100 % (the rows written), then
  // the done message, or an error alert, whichever comes first.
  const full = page.waitForFunction(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '100', undefined, { timeout: 900_000 })
    .then(() => Date.now() - t1, () => 0);
  const error = page.locator('.ant-alert-error').first();
  const outcome = await Promise.race([
    page.getByText(`已写入 ${rows} 行`).waitFor({ timeout: 900_000 }).then(() => null),
    error.waitFor({ timeout: 900_000 }).then(() => error.textContent()),
  ]);
  if (outcome !== null) throw new Error(`import failed: ${outcome}`);
  // The bar may never have been seen at 100 % (the message replaced it at once): then 0.
  const written = await Promise.race([full, Promise.resolve(0)]);
  await page.waitForFunction((n) => window.__lianjian?.enterpriseCount === n, before + rows, { timeout: 900_000 });
  const shownMs = Date.now() - t1;
  const { longestTaskMs, longestGapMs } = await mainThreadBlocks(page);
  console.log(JSON.stringify({
    rows, readMs, readRowsPerSecond: Math.round(rows / (readMs / 1000)),
    checkAndWriteMs: written, writeRowsPerSecond: written ? Math.round(rows / (written / 1000)) : null,
    commitToMapMs: shownMs, longestTaskMs, longestTimerGapMs: longestGapMs,
  }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
