/**
 * Map labels on a projector (issue 15): while presenting at 1080p, the district names (deck.gl) and the
 * street names (MapLibre) are drawn larger, at least 18 px type. Measured on screenshots: the height
 * of the label's ink (its fill colour, the white halo aside) around where the label is written.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launch, mapSettled, nextPaint, openMap } from './browser';
import { builtFile } from './helpers';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { labelPoint } from '../../src/core/spatial/label-point';

const out = resolve(__dirname, '../../test-results');
const DISTRICT_INK: [number, number, number] = [31, 41, 51]; // label-layer.ts getColor
const STREET_INK: [number, number, number] = [0x52, 0x60, 0x6d]; // basemap-style.ts street-label text-color
/** A CJK glyph's ink is about 0.85–0.95 of its type size: 18 px type leaves at least 15 px of ink. */
const MIN_INK_PX = 15;

type Box = [number, number, number, number];

/**
 * The tallest compact blob of `ink`-coloured pixels inside `box` (x0, y0, x1, y1) — a label; boundary
 * lines are long and thin and are left out by their shape.
 */
function inkHeight(png: Buffer, box: Box, ink: [number, number, number], tolerance: number): number {
  const image = PNG.sync.read(png);
  const x0 = Math.max(0, Math.round(box[0])), x1 = Math.min(image.width, Math.round(box[2]));
  const y0 = Math.max(0, Math.round(box[1])), y1 = Math.min(image.height, Math.round(box[3]));
  const w = x1 - x0, h = y1 - y0;
  const mask = new Uint8Array(w * h);
  for (let yy = 0; yy < h; yy++) {
    for (let xx = 0; xx < w; xx++) {
      const p = ((y0 + yy) * image.width + x0 + xx) * 4;
      const [r, g, b] = [image.data[p], image.data[p + 1], image.data[p + 2]];
      // Near the ink colour, keeping its blue-grey cast (antialiased strokes of small type come out lighter).
      if (Math.abs(r - ink[0]) <= tolerance && Math.abs(g - ink[1]) <= tolerance && Math.abs(b - ink[2]) <= tolerance && b - r >= (ink[2] - ink[0]) / 2) mask[yy * w + xx] = 1;
    }
  }
  // Blobs, joining pixels up to 3 px apart (the strokes of one character, the characters of one name).
  const seen = new Int32Array(w * h).fill(-1);
  let best = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start] >= 0) continue;
    const stack = [start];
    seen[start] = start;
    let minX = w, maxX = 0, minY = h, maxY = 0, count = 0;
    while (stack.length > 0) {
      const k = stack.pop() as number;
      const kx = k % w, ky = (k - kx) / w;
      count++;
      minX = Math.min(minX, kx); maxX = Math.max(maxX, kx); minY = Math.min(minY, ky); maxY = Math.max(maxY, ky);
      for (let dy = -3; dy <= 3; dy++) {
        for (let dx = -3; dx <= 3; dx++) {
          const nx = kx + dx, ny = ky + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const n = ny * w + nx;
          if (mask[n] && seen[n] < 0) {
            seen[n] = start;
            stack.push(n);
          }
        }
      }
    }
    const bw = maxX - minX + 1, bh = maxY - minY + 1;
    const compact = bh < 80 && bw < 6 * Math.max(bh, 8) && count > bw * bh * 0.08;
    if (compact) best = Math.max(best, bh);
  }
  return best;
}

describe('map labels on a projector (1920 × 1080)', () => {
  let browser: Browser;
  let page: Page;
  const { dataset } = readDatasetFolder(builtFile('data/linpu'));
  const district = dataset.areas.find((a) => a.level === 'district')!;
  const street = dataset.areas.find((a) => a.level === 'street')!;
  const districtAt = labelPoint(district.geometry);
  const streetAt = labelPoint(street.geometry);
  const measured: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openMap(page, `${inject('baseUrl')}?dataset=linpu`);
  });

  afterAll(async () => {
    writeFileSync(resolve(out, 'labels.json'), JSON.stringify(measured, null, 2));
    await browser?.close();
  });

  const fit = (at: [number, number], pad: number) => page.evaluate((b) => window.__lianjian!.fitBounds(b), [at[0] - pad, at[1] - pad, at[0] + pad, at[1] + pad] as [number, number, number, number]);

  /** The label's ink height: around its anchor (district names, deck.gl), or anywhere on the map (street names, placed by MapLibre). */
  async function measure(name: string, at: [number, number] | null, ink: [number, number, number], tolerance: number): Promise<number> {
    await mapSettled(page);
    await nextPaint(page);
    const map = (await page.getByTestId('map').boundingBox())!;
    // The whole map but its corners' controls (zoom buttons, attribution, scale bar).
    let box: Box = [map.x + 4, map.y + 4, map.x + map.width - 60, map.y + map.height - 60];
    if (at) {
      const [x, y] = await page.evaluate(([lon, lat]) => window.__lianjian!.project(lon, lat), at);
      box = [map.x + x - 160, map.y + y - 80, map.x + x + 160, map.y + y + 80];
    }
    const png = await page.screenshot({ path: resolve(out, `labels-${name}.png`) });
    measured[name] = inkHeight(png, box, ink, tolerance);
    return measured[name];
  }

  it('in the workspace the labels keep their everyday size; presenting, both are drawn with at least 18 px type', async () => {
    // Only the areas (and their names) on the map: enterprise dots, buildings and zones off.
    const on = page.getByTestId('legend').locator('button.ant-switch[aria-checked="true"]');
    const labels = await on.evaluateAll((list) => list.map((b) => b.getAttribute('aria-label') ?? ''));
    for (const label of labels.filter((l) => l !== '行政区划')) await page.getByTestId('legend').getByLabel(label, { exact: true }).click();
    await page.getByTestId('legend-fold').click();
    await fit(districtAt, 0.03);
    const districtDesk = await measure('district-workspace', districtAt, DISTRICT_INK, 24);
    await fit(streetAt, 0.02);
    const streetDesk = await measure('street-workspace', null, STREET_INK, 50);
    expect(districtDesk).toBeGreaterThan(8);
    expect(streetDesk).toBeGreaterThan(6);

    // One slide at the street's camera, presented full screen.
    await page.getByTestId('tab-slides').click();
    await page.getByTestId('slide-title').fill('标签字号');
    await page.getByTestId('slide-add').click();
    await page.getByTestId('slide-item').first().waitFor();
    await page.getByTestId('slides-present').click();
    await page.getByTestId('presentation-title').filter({ hasText: '标签字号' }).waitFor();
    const streetShown = await measure('street-presenting', null, STREET_INK, 50);
    await fit(districtAt, 0.03);
    const districtShown = await measure('district-presenting', districtAt, DISTRICT_INK, 24);

    expect(districtShown).toBeGreaterThanOrEqual(MIN_INK_PX);
    expect(streetShown).toBeGreaterThanOrEqual(MIN_INK_PX);
    expect(districtShown).toBeGreaterThan(districtDesk);
    expect(streetShown).toBeGreaterThan(streetDesk);
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
  });
});
