/** Shared steps of the browser tests: finding a clickable enterprise and clicking it on the map. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { parseEnterprisesCsv } from '../../src/core/io/enterprises-csv';
import { distanceM } from '../../src/core/spatial/geo';
import type { Enterprise } from '../../src/core/model/types';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The demo enterprise farthest from its nearest neighbour: clicking it cannot hit another point. */
export function loneEnterprise(dataset = 'linpu'): Enterprise {
  const csv = readFileSync(resolve(root, `dist/data/${dataset}/enterprises.csv`), 'utf8');
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

/** Hovers, then clicks the enterprise's point, and waits for its detail panel. */
export async function openEnterprise(page: Page, e: Enterprise): Promise<void> {
  const [x, y] = await page.evaluate(([lon, lat]) => window.__lianjian!.project(lon, lat), [e.lon as number, e.lat as number]);
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('no map on the page');
  await page.mouse.move(box.x + x - 20, box.y + y - 20);
  await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
  await page.waitForTimeout(300);
  await page.mouse.click(box.x + x, box.y + y);
  await page.getByTestId('detail-name').filter({ hasText: e.name }).waitFor({ timeout: 30_000 });
}
