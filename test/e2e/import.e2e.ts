import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import shpwrite from '@mapbox/shp-write';
import type { Browser, Page } from 'playwright-core';
import { launch, openMap } from './browser';
import { largeRegister, mainThreadBlocks, openEnterprise, watchMainThread } from './helpers';
import type { Enterprise } from '../../src/core/model/types';

const out = resolve(__dirname, '../../test-results');
const fixture = resolve(__dirname, '../fixtures/io/gbk-linpu-register.csv');
const LARGE_ROWS = 200_000;

/** A register of `rows` enterprises, as a spreadsheet would export it. */
describe('importing registers through the UI', () => {
  let browser: Browser;
  let page: Page;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await openMap(page, `${inject('baseUrl')}?dataset=linpu`);
  });

  afterAll(async () => {
    writeFileSync(resolve(out, 'import-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    await browser?.close();
  });

  it('reads a GBK CSV with a title row, previews every problem, commits, and the new enterprises are on the map', async () => {
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-file').setInputFiles(fixture);
    await expect(page.getByTestId('import-summary').innerText({ timeout: 60_000 })).resolves.toMatch(/5 行.*gb18030.*第 2 行/);
    // Problems by name in the UI language, never codes or column keys.
    const problems = await page.getByTestId('import-problems').innerText();
    for (const name of ['信用代码校验位错误', '经纬度填反', '缺少坐标']) expect(problems).toContain(name);
    for (const code of ['credit_code_check', 'latlon_swapped', 'missing_coordinates', 'party_members']) expect(problems).not.toContain(code);
    // The rows themselves, as they will be stored; the bad credit code is kept, with a visible warning.
    await page.getByTestId('import-rows').locator('tbody tr.ant-table-row').nth(4).waitFor();
    await expect(page.getByTestId('import-rows').locator('tbody tr.ant-table-row').count()).resolves.toBe(5);
    await expect(page.getByTestId('import-row-warning').first().innerText()).resolves.toBe('信用代码校验位错误');
    await page.screenshot({ path: resolve(out, 'import-preview.png') });
    await page.getByTestId('import-commit').click();
    await page.getByText('已写入 5 行').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => window.__lianjian?.enterpriseCount === 592, undefined, { timeout: 120_000 });
    await expect(page.getByTestId('summary').innerText()).resolves.toMatch(/592/);
    const added = { lon: 120.281, lat: 30.064, name: '临浦新材料有限公司' } as Enterprise;
    await openEnterprise(page, added);
    await expect(page.getByTestId('detail-name').innerText()).resolves.toBe('临浦新材料有限公司');
  });

  it('imports buildings from GeoJSON: a bow-tie is reported and refused, an unclosed ring is closed, a point is rejected', async () => {
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-what').getByText('图层（GeoJSON / Shapefile）').click();
    await page.getByTestId('place-file').setInputFiles(resolve(__dirname, '../fixtures/io/buildings-hazards.geojson'));
    await expect(page.getByTestId('place-summary').innerText()).resolves.toMatch(/3 个可用要素.*4 个问题/);
    const problems = await page.getByTestId('place-import').innerText();
    for (const name of ['图形无效', '图形已修复']) expect(problems).toContain(name);
    await page.getByTestId('place-commit').click();
    await page.getByText('已写入 2 个要素，1 个被拒绝').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('place-rejected').innerText()).resolves.toMatch(/bowtie/);
    await page.keyboard.press('Escape');
    await page.getByTestId('place-import').waitFor({ state: 'hidden' });
  });

  it('imports buildings from a zipped shapefile through the same checks', async () => {
    const ring = (x: number) => [[x, 30.045], [x + 0.001, 30.045], [x + 0.001, 30.046], [x, 30.046], [x, 30.045]];
    const bowTie = [[120.27, 30.045], [120.271, 30.046], [120.271, 30.045], [120.27, 30.046], [120.27, 30.045]];
    const zip = await shpwrite.zip({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'shp-tower', name: 'Shp Tower' }, geometry: { type: 'Polygon', coordinates: [ring(120.265)] } },
        { type: 'Feature', properties: { id: 'shp-bowtie', name: 'Shp Bow tie' }, geometry: { type: 'Polygon', coordinates: [bowTie] } },
      ],
    }, { outputType: 'arraybuffer', compression: 'STORE', types: { polygon: 'buildings' } });
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-what').getByText('图层（GeoJSON / Shapefile）').click();
    await page.getByTestId('place-file').setInputFiles({ name: 'buildings.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await expect(page.getByTestId('place-summary').innerText()).resolves.toMatch(/2 个可用要素.*1 个问题/);
    await page.getByTestId('place-commit').click();
    await page.getByText('已写入 1 个要素，1 个被拒绝').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('place-rejected').innerText()).resolves.toMatch(/shp-bowtie/);
    await page.keyboard.press('Escape');
    await page.getByTestId('place-import').waitFor({ state: 'hidden' });
  });

  it(`reads ${LARGE_ROWS.toLocaleString('en')} rows in a worker with progress and cancel, the page staying responsive`, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lj-large-')), 'large.csv');
    writeFileSync(file, largeRegister(LARGE_ROWS));
    // The longest time the main thread was blocked: the largest gap between ticks of a 10 ms timer.
    await watchMainThread(page);
    // The probe must see a block at all: a 120 ms busy loop on the page.
    await page.evaluate(async () => {
      const end = performance.now() + 120;
      while (performance.now() < end);
      await new Promise((r) => setTimeout(r, 200));
    });
    const seen = (await mainThreadBlocks(page, true)).longestGapMs;
    expect(seen).toBeGreaterThanOrEqual(100);
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-what').getByText('企业名录（CSV / XLSX）').click();
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-cancel').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-summary').innerText({ timeout: 180_000 })).resolves.toMatch(new RegExp(`${LARGE_ROWS} 行`));
    const seconds = (Date.now() - started) / 1000;
    timings.largeRows = LARGE_ROWS;
    timings.largeReadSeconds = seconds;
    timings.largeRowsPerSecond = Math.round(LARGE_ROWS / seconds);
    timings.longestMainThreadTaskMs = (await mainThreadBlocks(page)).longestGapMs;
    expect(timings.longestMainThreadTaskMs).toBeLessThan(200);
  });
});
