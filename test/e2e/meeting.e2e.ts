/**
 * What goes to the coordination meeting, in Chromium on the Linpu demo: the half-monthly bulletin
 * (two snapshots with a plan item formed in between), a three-slide deck presented after a reload,
 * a 4K map PNG, and the printed bulletin and area report as PDF.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { countColours, launch, mapSettled, openMap } from './browser';
import { readXlsxRows } from '../../src/core/io/xlsx';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import { UMBRELLA_KINDS } from '../../src/core/model/report';
import { CATEGORY_COLORS } from '../../src/map/layers/palette';
import { CoverageCategory } from '../../src/core/coverage/category';
import { builtFile, savesWritten } from './helpers';

const root = resolve(__dirname, '../..');
const out = resolve(root, 'test-results');
const url = () => `${inject('baseUrl')}?dataset=linpu`;
const { dataset } = readDatasetFolder(builtFile('data/linpu'));
const plan = planDataset(dataset);

async function takeSnapshot(page: Page, date: string) {
  await page.getByTestId('tab-bulletin').click();
  const input = page.locator('input[data-testid="bulletin-date"], [data-testid="bulletin-date"] input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.getByTestId('bulletin-take').click();
  await page.getByText(`已生成 ${date} 的快照`).waitFor();
}

async function pdf(page: Page, name: string, format: 'A4' | 'A3'): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ path: resolve(out, name), format, landscape: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe('bulletin, presentation and print in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const report: Record<string, unknown> = {};

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1500, height: 950 }, acceptDownloads: true });
    // The print dialog would block a headless page; the PDF is made with page.pdf() instead.
    await context.addInitScript(() => { window.print = () => undefined; });
    page = await context.newPage();
    await openMap(page, url());
  });

  afterAll(async () => {
    writeFileSync(resolve(out, 'meeting.json'), `${JSON.stringify(report, null, 2)}\n`);
    await browser?.close();
  });

  it('two snapshots with a plan item formed in between: the bulletin shows the deltas and the ranking', async () => {
    await takeSnapshot(page, '2011-11-01');
    const rec = plan.report.recommendations.slice(0, 8).find((r) => !UMBRELLA_KINDS.has(r.kind) && r.kind !== 'work_coverage')!;
    await page.getByTestId('tab-recommendations').click();
    await page.locator(`[data-testid="recommendation-item"][data-rec-id="${rec.id}"]`).getByTestId('recommendation-accept').click();
    await page.getByText('已采纳为计划项').waitFor();
    await page.getByTestId('tab-plan').click();
    const item = () => page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"]`);
    await item().getByTestId('plan-item-next').click();
    await page.locator(`[data-testid="plan-item"][data-status="forming"][data-recommendation-id="${rec.id}"]`).waitFor();
    await item().getByTestId('plan-item-next').click();
    await page.getByTestId('plan-form-ok').click();
    await page.locator(`[data-testid="plan-item"][data-status="formed"][data-recommendation-id="${rec.id}"]`).waitFor({ timeout: 60_000 });
    await takeSnapshot(page, '2011-11-16');

    const row = page.getByTestId('bulletin-table').locator('tbody tr.ant-table-row').first();
    await expect(row.getByTestId('bulletin-rank').innerText()).resolves.toBe('1');
    // The ranking names its areas: the 地区 column used to render 0 px wide.
    const district = dataset.areas.find((a) => a.level === 'district')!;
    await expect(row.getByTestId('bulletin-area').innerText()).resolves.toBe(district.name);
    const areaBox = await row.getByTestId('bulletin-area').boundingBox();
    expect(areaBox?.width ?? 0, 'the area name is squeezed out').toBeGreaterThan(40);
    await expect(row.getByTestId('bulletin-newly-covered').innerText()).resolves.toBe(`+${rec.enterprise_ids.length}`);
    await expect(row.getByTestId('bulletin-new-orgs').innerText()).resolves.toBe('+1');
    await expect(row.getByTestId('bulletin-items-done').innerText()).resolves.toBe('+1');
    const points = (rec.enterprise_ids.length / plan.report.summary.enterprises) * 100;
    await expect(row.getByTestId('bulletin-points').innerText()).resolves.toBe(`+${points.toFixed(2)}`);
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    await page.screenshot({ path: resolve(out, 'bulletin.png') });

    const download = page.waitForEvent('download');
    await page.getByTestId('bulletin-xlsx').click();
    const rows = await readXlsxRows(readFileSync(await (await download).path()));
    expect(rows[0][1]).toBe('地区');
    expect(rows[1][5]).toBe(String(rec.enterprise_ids.length));

    await page.getByTestId('bulletin-print').click();
    report.bulletinPdfPages = await pdf(page, 'bulletin.pdf', 'A4');
    expect(report.bulletinPdfPages).toBeGreaterThan(0);
  });

  it('a three-slide deck survives a reload; presenting, the arrow key moves to slide 2 with its camera and filter', async () => {
    const town = dataset.areas.find((a) => a.level === 'street')!;
    const cameras: { center: [number, number]; zoom: number }[] = [];
    const enterprise = dataset.enterprises.find((e) => e.lon !== null)!;
    const views: { box: [number, number, number, number]; search: string }[] = [
      { box: [120.2, 30.0, 120.32, 30.1], search: '' },
      { box: [(enterprise.lon as number) - 0.004, (enterprise.lat as number) - 0.003, (enterprise.lon as number) + 0.004, (enterprise.lat as number) + 0.003], search: '有限公司' },
      { box: [120.24, 30.03, 120.27, 30.06], search: '' },
    ];
    await page.getByTestId('tab-slides').click();
    for (const [k, v] of views.entries()) {
      await page.evaluate((b) => window.__lianjian!.fitBounds(b), v.box);
      await page.getByTestId('filter-search').locator('input').fill(v.search);
      await page.getByTestId('filter-search').locator('input').press('Enter');
      await mapSettled(page);
      cameras.push(await page.evaluate(() => window.__lianjian!.camera()));
      await page.getByTestId('slide-title').fill(`第 ${k + 1} 页 · ${town.name}`);
      await page.getByTestId('slide-add').click();
      await page.getByTestId('slide-item').nth(k).waitFor();
    }
    await savesWritten(page);
    await page.reload();
    await openMap(page, url());
    await page.getByTestId('tab-slides').click();
    await page.getByTestId('slide-item').nth(2).waitFor();
    await expect(page.getByTestId('slide-item').count()).resolves.toBe(3);
    await page.getByTestId('slides-present').click();
    await page.getByTestId('presentation-title').filter({ hasText: '第 1 页' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('presentation-title').filter({ hasText: '第 2 页' }).waitFor();
    await page.getByTestId('presentation-counter').filter({ hasText: '2 / 3' }).waitFor();
    // The slide's camera is reached when the map stands at it.
    await page.waitForFunction((want) => {
      const c = window.__lianjian!.camera();
      return Math.abs(c.zoom - want.zoom) < 0.05 && Math.abs(c.center[0] - want.center[0]) < 1e-4 && Math.abs(c.center[1] - want.center[1]) < 1e-4;
    }, cameras[1]);
    const camera = await page.evaluate(() => window.__lianjian!.camera());
    expect(camera.zoom).toBeCloseTo(cameras[1].zoom, 1);
    expect(camera.center[0]).toBeCloseTo(cameras[1].center[0], 3);
    expect(camera.center[1]).toBeCloseTo(cameras[1].center[1], 3);
    await expect(page.getByTestId('filter-search').locator('input').inputValue()).resolves.toBe('有限公司');
    await page.getByTestId('presentation-toggle').getByText('计划完成后').click();
    // While the map shows the forecast, it says so in words.
    await expect(page.getByTestId('after-plan-badge').innerText()).resolves.toContain('计划完成后');
    await page.screenshot({ path: resolve(out, 'presentation.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    // Leaving the presentation returns the workspace to the situation now: no after-plan colouring left behind.
    await page.getByTestId('after-plan-badge').waitFor({ state: 'detached' });
    await expect(page.getByTestId('after-plan').getAttribute('aria-checked')).resolves.toBe('false');
  });

  it('exports the map as a 3840 px PNG with the map on it', async () => {
    await page.getByTestId('filter-search').locator('input').fill('');
    await page.getByTestId('filter-search').locator('input').press('Enter');
    await page.evaluate((b) => window.__lianjian!.fitBounds(b), [120.2, 30.0, 120.32, 30.1] as [number, number, number, number]);
    await page.getByTestId('image-button').click();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('image-export').click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    writeFileSync(resolve(out, 'map-3840.png'), bytes);
    const image = PNG.sync.read(bytes);
    report.pngWidth = image.width;
    report.pngHeight = image.height;
    expect(image.width).toBe(3840);
    const purple = CATEGORY_COLORS[CoverageCategory.UNCOVERED_MUST].slice(0, 3) as [number, number, number];
    const counts = countColours(bytes, [purple]);
    expect(counts.nonBackground / counts.total, 'the PNG is blank').toBeGreaterThan(0.02);
    expect(counts.matching[0], 'no enterprise pixels in the PNG').toBeGreaterThan(500);
  });

  it('prints the area report as an A3 landscape PDF', async () => {
    await page.getByText('概览', { exact: true }).click();
    await page.getByTestId('overview').getByText('A3').click();
    await page.getByTestId('report-print').click();
    // The report's map is rendered at 2400 px first: in software WebGL that takes a while.
    await page.locator('.print-root [data-testid="area-report"] img').waitFor({ state: 'attached', timeout: 150_000 });
    await page.waitForFunction(() => (document.querySelector('.print-root img') as HTMLImageElement | null)?.complete === true);
    // Recommendations are listed by name (and members), never by their codes.
    const ids = new Set(plan.report.recommendations.map((r) => r.id));
    const named = await page.locator('.print-root [data-testid="report-recommendation"] td:first-child').allInnerTexts();
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => ids.has(n.trim()))).toEqual([]);
    report.reportPdfPages = await pdf(page, 'area-report.pdf', 'A3');
    expect(report.reportPdfPages).toBeGreaterThan(1);
  });
});
