/**
 * Chromium from Debian (never a downloaded browser), driven by playwright-core, with software WebGL.
 * playwright's launch() gives every run a fresh temporary profile (user-data dir) of its own.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
    ],
  });
}

/** Opens the app and waits until the map has drawn, deck.gl has rendered at least once, and the store has opened. */
export async function openMap(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const webgl = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
  if (!webgl) throw new Error('WebGL2 is not available in this Chromium: the map cannot render');
  try {
    // Drawn, and the store open: until then the map shows the contents kept from the last visit, read-only.
    await page.waitForFunction(() => window.__lianjian?.ready === true && window.__lianjian.frames > 0 && performance.getEntriesByName('lianjian:ready').length > 0, undefined, { timeout: 180_000 });
  } catch (e) {
    throw new Error(`the map never became ready (${(e as Error).message}); page errors: ${errors.join(' | ') || 'none'}`);
  }
}

export interface PixelCounts {
  total: number;
  matching: number[];
  nonBackground: number;
}

/** Counts pixels within `tolerance` of each colour, and pixels that differ from the top-left corner's colour. */
export function countColours(png: Buffer, colours: readonly [number, number, number][], tolerance = 6): PixelCounts {
  const image = PNG.sync.read(png);
  const matching = colours.map(() => 0);
  const [br, bg, bb] = [image.data[0], image.data[1], image.data[2]];
  let nonBackground = 0;
  for (let p = 0; p < image.data.length; p += 4) {
    const r = image.data[p], g = image.data[p + 1], b = image.data[p + 2];
    if (Math.abs(r - br) + Math.abs(g - bg) + Math.abs(b - bb) > 30) nonBackground++;
    colours.forEach(([cr, cg, cb], k) => {
      if (Math.abs(r - cr) <= tolerance && Math.abs(g - cg) <= tolerance && Math.abs(b - cb) <= tolerance) matching[k]++;
    });
  }
  return { total: image.width * image.height, matching, nonBackground };
}

/** Waits until the map has stopped moving and drawn what it loaded, then for a painted frame (no fixed sleep). */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__lianjian!.settled(), undefined, { timeout: 60_000 });
  await nextPaint(page);
}

/** Waits for the next frames the page paints. */
export async function nextPaint(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
