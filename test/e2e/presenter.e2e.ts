/**
 * The meeting room, in Chromium at 1920×1080 on the Linpu demo: the presenter's window and the
 * audience window kept in step (slide, camera, figures, pointer, keys pressed on either), projector
 * sizes, two maps side by side (现状 | 计划完成后) with different colours for an enterprise a plan item
 * forms, and the exported HTML presentation opened from a file:// URL with the network off.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { countColours, launch, mapSettled, nextPaint, openMap } from './browser';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import { CATEGORY_COLORS, COVERAGE_PALETTES } from '../../src/map/layers/palette';

const CATEGORY_COLORS_CONTRAST = COVERAGE_PALETTES.contrast;
import { CoverageCategory } from '../../src/core/coverage/category';
import { builtFile } from './helpers';

const root = resolve(__dirname, '../..');
const out = resolve(root, 'test-results');
const url = () => `${inject('baseUrl')}?dataset=linpu`;
const { dataset } = readDatasetFolder(builtFile('data/linpu'));
const plan = planDataset(dataset);
const rgb = (c: readonly number[]) => [c[0], c[1], c[2]] as [number, number, number];
type Box = [number, number, number, number];

/** Pixels of the screenshot within `radius` of (x, y) that are within `tolerance` of the colour. */
function near(png: Buffer, x: number, y: number, colour: [number, number, number], radius = 2, tolerance = 14): number {
  const image = PNG.sync.read(png);
  let n = 0;
  for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) {
    const p = ((Math.round(y) + dy) * image.width + Math.round(x) + dx) * 4;
    if (Math.abs(image.data[p] - colour[0]) <= tolerance && Math.abs(image.data[p + 1] - colour[1]) <= tolerance && Math.abs(image.data[p + 2] - colour[2]) <= tolerance) n++;
  }
  return n;
}

async function fontPx(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

describe('the meeting room in Chromium (1920×1080)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let audience: Page;
  const report: Record<string, unknown> = {};
  const cameras: { center: [number, number]; zoom: number }[] = [];

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
    page = await context.newPage();
    await openMap(page, url());
  });

  afterAll(async () => {
    writeFileSync(resolve(out, 'presenter.json'), `${JSON.stringify(report, null, 2)}\n`);
    await browser?.close();
  });

  it('the presenter advances and the audience window follows: slide, camera, figures, pointer; keys on the audience screen drive the presenter', async () => {
    const enterprise = dataset.enterprises.find((e) => e.lon !== null && e.name.includes('实业'))!;
    const views: { box: Box; search: string; title: string; note: string }[] = [
      { box: [120.2, 30.0, 120.32, 30.1], search: '', title: '第 1 页 · 临浦全貌', note: '先看全镇：应建未建的企业集中在镇区。' },
      { box: [(enterprise.lon as number) - 0.004, (enterprise.lat as number) - 0.003, (enterprise.lon as number) + 0.004, (enterprise.lat as number) + 0.003], search: '实业', title: '第 2 页 · 实业公司', note: '只看名称含“实业”的企业。' },
    ];
    await page.getByTestId('tab-slides').click();
    for (const [k, v] of views.entries()) {
      await page.evaluate((b) => window.__lianjian!.fitBounds(b), v.box);
      await page.getByTestId('filter-search').locator('input').fill(v.search);
      await page.getByTestId('filter-search').locator('input').press('Enter');
      await mapSettled(page);
      cameras.push(await page.evaluate(() => window.__lianjian!.camera()));
      await page.getByTestId('slide-title').fill(v.title);
      await page.getByTestId('slide-note').fill(v.note);
      await page.getByTestId('slide-add').click();
      await page.getByTestId('slide-item').nth(k).waitFor();
    }

    const popup = context.waitForEvent('page');
    await page.getByTestId('slides-present-two').click();
    audience = await popup;
    await openMap(audience, audience.url());
    expect(new URL(audience.url()).searchParams.get('audience')).toBe('1');
    // The presenter's laptop: notes, next slide, clock; the audience: the slide without controls.
    await page.getByTestId('presenter-view').waitFor();
    await expect(page.getByTestId('presenter-notes').innerText()).resolves.toBe(views[0].note);
    await expect(page.getByTestId('presenter-next-title').innerText()).resolves.toBe(views[1].title);
    await page.getByTestId('presenter-elapsed').filter({ hasText: /^00:00:\d\d$/ }).waitFor();
    await audience.getByTestId('presentation-title').filter({ hasText: views[0].title }).waitFor();
    await expect(audience.getByTestId('presentation-toggle').count()).resolves.toBe(0);
    await expect(audience.locator('.app-header').isVisible()).resolves.toBe(false);
    const all = plan.report.summary.enterprises.toLocaleString('zh-CN');
    await audience.getByTestId('presentation-enterprises').filter({ hasText: all }).waitFor();
    await page.getByTestId('slide-preview').waitFor();
    await page.screenshot({ path: resolve(out, 'presenter-view-1.png') });

    // → on the presenter: the audience shows slide 2, at the slide's camera, with the slide's figures.
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('presenter-counter').filter({ hasText: '2 / 2' }).waitFor();
    await audience.getByTestId('presentation-title').filter({ hasText: views[1].title }).waitFor();
    await audience.getByTestId('presentation-counter').filter({ hasText: '2 / 2' }).waitFor();
    await audience.waitForFunction((want) => {
      const c = window.__lianjian!.camera();
      return Math.abs(c.zoom - want.zoom) < 0.01 && Math.abs(c.center[0] - want.center[0]) < 1e-5 && Math.abs(c.center[1] - want.center[1]) < 1e-5;
    }, cameras[1]);
    const audienceCamera = await audience.evaluate(() => window.__lianjian!.camera());
    expect(audienceCamera.zoom).toBeCloseTo(cameras[1].zoom, 2);
    report.audienceCamera = audienceCamera;
    const presenterFigure = await page.getByTestId('presentation-enterprises').innerText();
    await audience.getByTestId('presentation-enterprises').filter({ hasText: presenterFigure }).waitFor();
    expect(presenterFigure).not.toBe(all);
    report.slide2Enterprises = presenterFigure;

    // Pointing on the presenter's map puts the red dot on the same place of the audience's map.
    const [px, py] = await page.evaluate(([lon, lat]) => window.__lianjian!.project(lon, lat), [enterprise.lon as number, enterprise.lat as number]);
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(mapBox.x + px - 30, mapBox.y + py - 30);
    await page.mouse.move(mapBox.x + px, mapBox.y + py, { steps: 3 });
    await audience.getByTestId('audience-pointer').waitFor();
    await mapSettled(audience);
    const [ax, ay] = await audience.evaluate(([lon, lat]) => window.__lianjian!.project(lon, lat), [enterprise.lon as number, enterprise.lat as number]);
    const dot = (await audience.getByTestId('audience-pointer').boundingBox())!;
    const audienceMap = (await audience.getByTestId('map').boundingBox())!;
    expect(Math.abs(dot.x + dot.width / 2 - (audienceMap.x + ax))).toBeLessThan(4);
    expect(Math.abs(dot.y + dot.height / 2 - (audienceMap.y + ay))).toBeLessThan(4);
    await page.screenshot({ path: resolve(out, 'presenter-view.png') });
    await audience.screenshot({ path: resolve(out, 'audience-screen.png') });

    // A clicker plugged into the projector's side: ← there moves the presenter back.
    await audience.keyboard.press('ArrowLeft');
    await page.getByTestId('presenter-counter').filter({ hasText: '1 / 2' }).waitFor();
    await audience.getByTestId('presentation-title').filter({ hasText: views[0].title }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('presenter-view').waitFor({ state: 'detached' });
    await audience.getByTestId('audience-waiting').waitFor();
  });

  it('projector sizes at 1920×1080: the audience screen\'s title, figures and legend are legible from the back of the room', async () => {
    await page.getByTestId('slides-present').click();
    await page.getByTestId('presentation').waitFor();
    report.single = {
      title: await fontPx(page, '[data-testid="presentation-title"]'),
      figures: await fontPx(page, '.presentation-figures b'),
      legend: await fontPx(page, '.legend .legend-row'),
    };
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    await page.getByTestId('slides-present-two').click();
    await audience.getByTestId('presentation-title').waitFor();
    await nextPaint(audience);
    const sizes = {
      title: await fontPx(audience, '[data-testid="presentation-title"]'),
      figures: await fontPx(audience, '.presentation-figures b'),
      legend: await fontPx(audience, '.legend .legend-row'),
      viewport: audience.viewportSize(),
    };
    report.audience = sizes;
    expect(sizes.title).toBeGreaterThanOrEqual(32);
    expect(sizes.figures).toBeGreaterThanOrEqual(40);
    expect(sizes.legend).toBeGreaterThanOrEqual(18);
    expect((report.single as { legend: number }).legend).toBeGreaterThanOrEqual(18);
    // The high-contrast colours reach the audience window too.
    await page.getByTestId('presenter-view').getByTestId('palette-switch').getByText('高对比（色盲友好）').click();
    const vermillion = `rgb(${rgb(CATEGORY_COLORS_CONTRAST[CoverageCategory.UNCOVERED_MUST]).join(', ')})`;
    await audience.waitForFunction((want) => {
      const swatch = document.querySelectorAll<HTMLElement>('.legend .legend-categories .swatch')[3];
      return swatch !== undefined && getComputedStyle(swatch).backgroundColor === want;
    }, vermillion);
    await page.getByTestId('presenter-end').click();
    await page.getByTestId('presenter-view').waitFor({ state: 'detached' });
    await page.getByTestId('slides').getByTestId('palette-switch').getByText('标准配色').click();
  });

  it('side by side, 现状 | 计划完成后: an enterprise a plan item forms has different colours on the two halves', async () => {
    const rec = plan.report.recommendations.slice(0, 8).find((r) => r.kind === 'standalone')!;
    const target = dataset.enterprises.find((e) => e.id === rec.enterprise_ids[0] && e.lon !== null)!;
    await page.getByTestId('tab-recommendations').click();
    await page.locator(`[data-testid="recommendation-item"][data-rec-id="${rec.id}"]`).getByTestId('recommendation-accept').click();
    await page.getByText('已采纳为计划项').waitFor();
    await page.getByTestId('tab-slides').click();
    await page.getByTestId('filter-search').locator('input').fill('');
    await page.getByTestId('filter-search').locator('input').press('Enter');
    await page.getByTestId('split-toggle').click();
    await page.getByTestId('split-map').waitFor();
    await page.waitForFunction(() => window.__lianjianSplit !== undefined && window.__lianjianSplit.frames > 0);
    const lon = target.lon as number, lat = target.lat as number;
    await page.evaluate((b) => window.__lianjian!.fitBounds(b), [lon - 0.0015, lat - 0.001, lon + 0.0015, lat + 0.001] as Box);
    await mapSettled(page);
    await page.waitForFunction(() => window.__lianjianSplit!.settled());
    await page.waitForFunction(() => window.__lianjianSplit!.changed > 0);
    await nextPaint(page);
    const left = (await page.getByTestId('map').boundingBox())!;
    const right = (await page.getByTestId('split-map').boundingBox())!;
    expect(Math.abs(left.width - right.width)).toBeLessThan(4);
    const [lx, ly] = await page.evaluate(([a, b]) => window.__lianjian!.project(a, b), [lon, lat]);
    const [rx, ry] = await page.evaluate(([a, b]) => window.__lianjianSplit!.project(a, b), [lon, lat]);
    // Same camera: the enterprise sits at the same place in each half.
    expect(Math.abs(lx - rx)).toBeLessThan(1.5);
    expect(Math.abs(ly - ry)).toBeLessThan(1.5);
    const shot = await page.screenshot({ path: resolve(out, 'split-view.png') });
    const purple = rgb(CATEGORY_COLORS[CoverageCategory.UNCOVERED_MUST]);
    const red = rgb(CATEGORY_COLORS[CoverageCategory.OWN_ORG]);
    const seen = {
      leftPurple: near(shot, left.x + lx, left.y + ly, purple), leftRed: near(shot, left.x + lx, left.y + ly, red),
      rightPurple: near(shot, right.x + rx, right.y + ry, purple), rightRed: near(shot, right.x + rx, right.y + ry, red),
    };
    report.split = { enterprise: target.name, ...seen, changed: await page.evaluate(() => window.__lianjianSplit!.changed) };
    expect(seen.leftPurple, 'the left half (现状) does not show it as uncovered must-cover').toBeGreaterThan(0);
    expect(seen.leftRed).toBe(0);
    expect(seen.rightRed, 'the right half (计划完成后) does not show it with its own organization').toBeGreaterThan(0);
    expect(seen.rightPurple).toBe(0);
    await expect(page.getByTestId('split-label-left').innerText()).resolves.toContain('现状');
    await expect(page.getByTestId('split-label-right').innerText()).resolves.toContain('计划完成后');
    await page.getByTestId('split-rate-right').filter({ hasNotText: (await page.getByTestId('split-rate-left').innerText()) }).waitFor();
    // Kept as a slide of its own kind.
    await page.getByTestId('slide-title').fill('第 3 页 · 现状与计划完成后');
    await page.getByTestId('slide-add').click();
    await page.getByTestId('slide-item').nth(2).waitFor();
    await page.getByTestId('split-toggle').click();
    await page.getByTestId('split-map').waitFor({ state: 'detached' });
  });

  it('exports the slides as one HTML file that opens from file:// with the network off, paints its map and advances with →', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('deck-export').click();
    const path = resolve(out, 'presentation.html');
    await (await download).saveAs(path);
    const html = readFileSync(path, 'utf8');
    report.htmlBytes = statSync(path).size;
    expect(html).toContain('数据快照');
    // Only what the slides show: no enterprise names, credit codes or addresses travel.
    const leaked = dataset.enterprises.filter((e) => (e.name && html.includes(e.name)) || (e.creditCode && html.includes(e.creditCode)));
    expect(leaked.map((e) => e.name)).toEqual([]);

    const offline = await browser.newContext({ viewport: { width: 1920, height: 1080 }, offline: true });
    const requests: string[] = [];
    const viewer = await offline.newPage();
    viewer.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    viewer.on('pageerror', (e) => errors.push(e.message));
    await viewer.goto(pathToFileURL(path).href);
    await viewer.waitForFunction(() => document.body.dataset.slide === '1');
    const first = await viewer.screenshot({ path: resolve(out, 'presentation-file-1.png') });
    const colours = [CoverageCategory.UNCOVERED_MUST, CoverageCategory.UNCOVERED_OTHER].map((c) => rgb(CATEGORY_COLORS[c]));
    const counts = countColours(first, colours, 4);
    report.file1 = counts;
    expect(counts.matching[0] + counts.matching[1], 'no enterprise painted in the file').toBeGreaterThan(200);
    await viewer.keyboard.press('ArrowRight');
    await viewer.waitForFunction(() => document.body.dataset.slide === '2');
    await viewer.screenshot({ path: resolve(out, 'presentation-file-2.png') });
    await viewer.keyboard.press('ArrowRight');
    await viewer.waitForFunction(() => document.body.dataset.slide === '3');
    const third = await viewer.screenshot({ path: resolve(out, 'presentation-file-3.png') });
    // The side-by-side slide: the formed enterprise's own-organization red on the right half.
    const redCount = countColours(third, [rgb(CATEGORY_COLORS[CoverageCategory.OWN_ORG])], 4).matching[0];
    report.file3Red = redCount;
    expect(redCount).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await offline.close();
  });
});
