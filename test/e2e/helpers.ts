/** Shared steps of the browser tests: finding a clickable enterprise and clicking it on the map, paging the recommendation list. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { parseEnterprisesCsv } from '../../src/core/io/enterprises-csv';
import { distanceM } from '../../src/core/spatial/geo';
import type { Enterprise } from '../../src/core/model/types';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The folder of the build under test (see global-setup: LIANJIAN_DIST or dist/). */
export function builtFile(relative: string): string {
  return resolve(root, process.env.LIANJIAN_DIST ?? 'dist', relative);
}

/** The demo enterprise farthest from its nearest neighbour: clicking it cannot hit another point. */
export function loneEnterprise(dataset = 'linpu'): Enterprise {
  const csv = readFileSync(builtFile(`data/${dataset}/enterprises.csv`), 'utf8');
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
  // Picking has found it when its tooltip shows. deck.gl picks on pointer moves only: a hover that
  // came before the frame holding a just-added point found nothing and never looked again, so the
  // pointer comes back until the tooltip shows (30 s in all).
  const tooltip = page.locator('.deck-tooltip').filter({ hasText: e.name });
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.mouse.move(box.x + x - 20, box.y + y - 20);
    await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    try {
      await tooltip.waitFor({ timeout: Math.max(1, Math.min(3_000, deadline - Date.now())) });
      break;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
  await page.mouse.click(box.x + x, box.y + y);
  await page.getByTestId('detail-name').filter({ hasText: e.name }).waitFor({ timeout: 30_000 });
}

/** A synthetic register of `rows` enterprises in Linpu, as a CSV with a Chinese header and CRLF. */
export function largeRegister(rows: number): string {
  const lines = ['编号,企业名称,统一社会信用代码,区县,乡镇街道,经度,纬度,职工人数,正式党员,预备党员,注册资本(万元),行业,经营状况'];
  for (let i = 0; i < rows; i++) {
    lines.push(`B${i},"批量企业${i}有限公司",,萧山区,临浦镇,${(120.23 + (i % 500) * 0.0001).toFixed(6)},${(30.04 + Math.floor(i / 500) * 0.0001).toFixed(6)},${i % 97},${i % 3},0,${i % 500},制造业,正常`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Watches the main thread: the largest gap between ticks of a 10 ms timer (back-to-back tasks count
 * as one block) and the longest task the Long Tasks API reports.
 */
export async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __tasks: number[] };
    w.__longest = 0;
    w.__tasks = [];
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.__longest = Math.max(w.__longest, now - last - 10);
      last = now;
    }, 10);
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

/** What `watchMainThread` saw since it started or was last reset. */
export async function mainThreadBlocks(page: Page, reset = false): Promise<{ longestGapMs: number; longestTaskMs: number }> {
  return page.evaluate((again) => {
    const w = window as unknown as { __longest: number; __tasks: number[] };
    const seen = { longestGapMs: Math.round(w.__longest), longestTaskMs: Math.round(Math.max(0, ...w.__tasks)) };
    if (again) {
      w.__longest = 0;
      w.__tasks = [];
    }
    return seen;
  }, reset);
}

/**
 * Waits until no save is pending: a save is shown once committed and written to the browser's storage a
 * moment later (the header's 保存中… tag meanwhile); a reload before that would lose it (and is refused).
 */
export async function savesWritten(page: Page): Promise<void> {
  await page.getByTestId('saving').waitFor({ state: 'hidden', timeout: 60_000 });
}

/** The recommendation list showing only one kind (its label, e.g. 联合党支部). */
export async function showKind(page: Page, label: string) {
  await page.getByTestId('tab-recommendations').click();
  await page.getByTestId('recommendations').locator('.ant-select').first().click();
  await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click();
  // The list shows the kind chosen (rows are read right after this).
  const chosen = page.getByTestId('recommendations').locator('.ant-select').first();
  await expect.poll(() => chosen.innerText()).toMatch(new RegExp(`(^|\\s)${label}(\\s|$)`));
}

/**
 * Pages the recommendation list to the one with `id`: from the first page on, waiting after every
 * click until the page it asked for is the active one (reading the rows before the list has
 * re-rendered skipped pages, and a loop that only pages forwards then clicked the last page's
 * disabled "next" for ever); fails with the pages seen when the last page does not hold it either.
 */
export async function pageTo(page: Page, id: string) {
  const list = page.getByTestId('recommendations');
  const row = list.locator(`[data-testid="recommendation-item"][data-rec-id="${id}"]`);
  const showing = (n: number) => list.locator(`.ant-pagination-item-active[title="${n}"]`).waitFor();
  const first = list.locator('.ant-pagination-item-1');
  if ((await first.count()) > 0) {
    await first.click();
    await showing(1);
  }
  for (let seen = 1; (await row.count()) === 0; seen++) {
    const next = list.locator('.ant-pagination-next');
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true' || (await next.getAttribute('class'))?.includes('disabled')) {
      throw new Error(`recommendation ${id} is on none of the ${seen} pages of the list`);
    }
    await next.click();
    await showing(seen + 1);
  }
  return row;
}
