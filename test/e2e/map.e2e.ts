import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseEnterprisesCsv } from '../../src/core/io/enterprises-csv';
import { distanceM } from '../../src/core/spatial/geo';
import { CATEGORY_COLORS } from '../../src/map/layers/palette';
import { CoverageCategory } from '../../src/core/coverage/category';
import { countColours, launch, openMap } from './browser';

const root = resolve(__dirname, '../..');
const out = resolve(root, 'test-results');
const rgb = (k: number) => CATEGORY_COLORS[k].slice(0, 3) as [number, number, number];

/** The demo enterprise farthest from its nearest neighbour: clicking it cannot hit another point. */
function loneEnterprise() {
  const csv = readFileSync(resolve(root, 'dist/data/linpu/enterprises.csv'), 'utf8');
  const list = parseEnterprisesCsv(csv).enterprises.filter((e) => e.lon !== null);
  let best = list[0];
  let bestGap = -1;
  for (const e of list) {
    let gap = Infinity;
    for (const o of list) if (o !== e) gap = Math.min(gap, distanceM(e.lon as number, e.lat as number, o.lon as number, o.lat as number));
    if (gap > bestGap) [best, bestGap] = [e, gap];
  }
  return best;
}

describe('the map in Chromium (software WebGL)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openMap(page, `${inject('baseUrl')}?dataset=linpu`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws enterprises in their coverage colours over the area basemap', async () => {
    const box = await page.getByTestId('map').boundingBox();
    expect(box?.height, 'the map has no height').toBeGreaterThan(300);
    const shot = await page.screenshot({ clip: box! });
    writeFileSync(resolve(out, 'map-linpu.png'), shot);
    const counts = countColours(shot, [rgb(CoverageCategory.UNCOVERED_MUST), rgb(CoverageCategory.UNCOVERED_OTHER)]);
    expect(counts.nonBackground / counts.total, 'the map is blank').toBeGreaterThan(0.05);
    expect(counts.matching[0], 'no uncovered must-cover (purple) enterprise pixels').toBeGreaterThan(50);
    expect(counts.matching[1], 'no grey enterprise pixels').toBeGreaterThan(50);
  });

  it('shows the legend and the figures in Chinese', async () => {
    await expect(page.getByTestId('legend').innerText()).resolves.toMatch(/图例[\s\S]*单独组建[\s\S]*应建未建/);
    await expect(page.getByTestId('summary').innerText()).resolves.toMatch(/组建率/);
  });

  it('opens the detail panel of a clicked enterprise', async () => {
    const target = loneEnterprise();
    const [x, y] = await page.evaluate(([lon, lat]) => window.__lianjian!.project(lon, lat), [target.lon as number, target.lat as number]);
    const box = await page.getByTestId('map').boundingBox();
    await page.mouse.move(box!.x + x - 20, box!.y + y - 20);
    await page.mouse.move(box!.x + x, box!.y + y, { steps: 4 });
    await page.waitForTimeout(500);
    await page.mouse.click(box!.x + x, box!.y + y);
    await expect(page.getByTestId('detail-name').innerText({ timeout: 30_000 })).resolves.toBe(target.name);
    await page.screenshot({ path: resolve(out, 'app-linpu-detail.png') });
  });

  it('switches the interface to English', async () => {
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByTestId('legend').innerText()).resolves.toMatch(/Legend[\s\S]*Uncovered, must cover/);
    await page.getByText('中文', { exact: true }).click();
  });
});
