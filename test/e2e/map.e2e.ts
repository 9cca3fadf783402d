import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CATEGORY_COLORS } from '../../src/map/layers/palette';
import { CoverageCategory } from '../../src/core/coverage/category';
import { countColours, launch, openMap } from './browser';
import { loneEnterprise, openEnterprise } from './helpers';

const root = resolve(__dirname, '../..');
const out = resolve(root, 'test-results');
const rgb = (k: number) => CATEGORY_COLORS[k].slice(0, 3) as [number, number, number];

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
    await openEnterprise(page, target);
    await expect(page.getByTestId('detail-name').innerText()).resolves.toBe(target.name);
    await page.screenshot({ path: resolve(out, 'app-linpu-detail.png') });
  });

  it('switches the interface to English', async () => {
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByTestId('legend').innerText()).resolves.toMatch(/Legend[\s\S]*Uncovered, must cover/);
    await page.getByText('中文', { exact: true }).click();
  });
});
