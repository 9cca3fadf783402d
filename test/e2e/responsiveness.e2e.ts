/**
 * On the 67k-enterprise Hangzhou demo: how long filtering and selection take from the user's input to
 * the updated figures on screen, and to the next map frame. Measured in the page (event time → DOM
 * mutation → next deck.gl frame), written to test-results/responsiveness.json and printed; the
 * assertions check that each step really changed what is shown.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openMap } from './browser';

const out = resolve(__dirname, '../../test-results');
const ALL_SHOWN = /^显示 70,053 \/ 70,053 家$/;

interface Timing {
  toDomMs: number;
  toFrameMs: number;
}

/** Arms a probe: the time of the next input event, of the first change under `testId`, and of the next map frame after it. */
async function arm(page: Page, testId: string): Promise<void> {
  await page.evaluate((id) => {
    const w = window as unknown as { __probe: { input?: number; dom?: number; frame?: number } };
    w.__probe = {};
    const target = document.querySelector(`[data-testid="${id}"]`);
    if (!target) throw new Error(`no element ${id}`);
    const onInput = () => {
      if (w.__probe.input === undefined) w.__probe.input = performance.now();
    };
    for (const type of ['keydown', 'mousedown', 'click']) document.addEventListener(type, onInput, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (w.__probe.input === undefined || w.__probe.dom !== undefined) return;
      w.__probe.dom = performance.now();
      observer.disconnect();
      const frames = window.__lianjian!.frames;
      const waitFrame = () => {
        if (window.__lianjian!.frames > frames) w.__probe.frame = performance.now();
        else requestAnimationFrame(waitFrame);
      };
      requestAnimationFrame(waitFrame);
    });
    observer.observe(target, { subtree: true, childList: true, characterData: true });
  }, testId);
}

async function read(page: Page): Promise<Timing> {
  await page.waitForFunction(() => (window as unknown as { __probe: { frame?: number } }).__probe.frame !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => {
    const p = (window as unknown as { __probe: { input: number; dom: number; frame: number } }).__probe;
    return { toDomMs: Math.round(p.dom - p.input), toFrameMs: Math.round(p.frame - p.input) };
  });
}

describe('filtering and selection on the 67k-enterprise Hangzhou demo', () => {
  let browser: Browser;
  let page: Page;
  const timings: Record<string, Timing> = {};

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await openMap(page, `${inject('baseUrl')}?dataset=hangzhou`);
  });

  afterAll(async () => {
    writeFileSync(resolve(out, 'responsiveness.json'), `${JSON.stringify(timings, null, 2)}\n`);
    console.log('responsiveness (ms, input → figures / → next map frame):', JSON.stringify(timings));
    await browser?.close();
  });

  it('loads all 70,053 listed enterprises', async () => {
    await expect(page.evaluate(() => window.__lianjian!.enterpriseCount)).resolves.toBe(70_053);
  });

  it('search by name narrows the map and the figures', async () => {
    const before = await page.getByTestId('filter-count').innerText();
    await page.getByTestId('filter-search').locator('input').fill('科技');
    await arm(page, 'filter-count');
    await page.getByTestId('filter-search').locator('input').press('Enter');
    timings.search = await read(page);
    expect(await page.getByTestId('filter-count').innerText()).not.toBe(before);
  });

  it('a click on a row of the area table filters to that district and zooms to it', async () => {
    await page.getByTestId('filter-search').locator('input').fill('');
    await page.getByTestId('filter-search').locator('input').press('Enter');
    await page.getByTestId('filter-count').filter({ hasText: ALL_SHOWN }).waitFor();
    const row = page.locator('[data-testid="area-table"] tr.area-row').first();
    const name = (await row.getByTestId('area-name').innerText()).trim();
    await arm(page, 'overview-scope');
    await row.click();
    timings.areaRow = await read(page);
    await expect(page.getByTestId('overview-scope').innerText()).resolves.toContain(name);
    expect(await page.getByTestId('filter-count').innerText()).not.toMatch(ALL_SHOWN);
  });

  it('the on-screen scope follows at once', async () => {
    await arm(page, 'overview-scope');
    await page.getByTestId('filter-screen').click();
    timings.onScreen = await read(page);
    await expect(page.getByTestId('overview-scope').innerText()).resolves.toContain('当前视野');
    await page.screenshot({ path: resolve(out, 'hangzhou-filtered.png') });
    await page.getByTestId('filter-screen').click();
  });

  it('selecting an enterprise on the worklist opens its detail', async () => {
    await page.getByTestId('tab-worklist').click();
    const row = page.locator('[data-testid="worklist"] .ant-table-row').first();
    await row.waitFor();
    const name = (await row.locator('.ant-table-cell').first().innerText()).trim();
    await arm(page, 'detail-slot');
    await row.click();
    timings.selectFromList = await read(page);
    await page.getByTestId('detail-name').filter({ hasText: name }).waitFor();
  });

  it('a click on an enterprise on the map opens its detail (GPU picking: software-rendered here)', async () => {
    // The enterprise the worklist zoomed to is on screen (clear of the detail panel): point at it.
    const at = await page.evaluate(() => window.__lianjian!.selectedPosition());
    expect(at, 'no selected enterprise on the map').not.toBeNull();
    await page.getByTestId('detail-slot').getByRole('button', { name: /关\s*闭/ }).click();
    const [x, y] = await page.evaluate(([lon, lat]) => window.__lianjian!.project(lon, lat), at as [number, number]);
    const map = (await page.getByTestId('map').boundingBox())!;
    const point = { x: map.x + x, y: map.y + y };
    await page.mouse.move(point.x - 12, point.y - 12);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    // Picking has found an enterprise under the pointer when its tooltip shows.
    await page.locator('.deck-tooltip').filter({ hasText: '职工' }).waitFor({ timeout: 120_000 });
    await arm(page, 'detail-slot');
    await page.mouse.click(point.x, point.y);
    timings.mapPick = await read(page);
    await page.getByTestId('detail-name').waitFor();
  });
});
