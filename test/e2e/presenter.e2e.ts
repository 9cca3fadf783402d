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
import { compareScenarios } from '../../src/core/scenarios';
import { coverageRampColor } from '../../src/map/layers/palette';
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

/** The colour of one pixel of a screenshot. */
function pixel(png: Buffer, x: number, y: number): [number, number, number] {
  const image = PNG.sync.read(png);
  const p = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [image.data[p], image.data[p + 1], image.data[p + 2]];
}

/** Picks an option of an antd Select by its text. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  // The list closes (an animation): the next Select's list is then the only one shown.
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => undefined);
  await page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
}

/** Both maps of the side-by-side view stand still and have drawn. */
async function splitSettled(page: Page) {
  await mapSettled(page);
  await page.waitForFunction(() => window.__lianjianSplit?.settled() === true);
  await nextPaint(page);
}

async function takeSnapshot(page: Page, date: string) {
  await page.getByTestId('tab-bulletin').click();
  const input = page.locator('input[data-testid="bulletin-date"], [data-testid="bulletin-date"] input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.getByTestId('bulletin-take').click();
  await page.getByText(`已生成 ${date} 的快照`).waitFor();
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

  // The standalone recommendation the side-by-side cases accept as a plan item (formed by the snapshot case).
  const rec = plan.report.recommendations.slice(0, 8).find((r) => r.kind === 'standalone')!;
  const target = dataset.enterprises.find((e) => e.id === rec.enterprise_ids[0] && e.lon !== null)!;

  it('side by side, 现状 | 计划完成后: an enterprise a plan item forms has different colours on the two halves', async () => {
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

  it('swipe, 现状 | 计划完成后: the enterprise a plan item forms shows 现状 left of the line and 计划完成后 right of it', async () => {
    await page.getByTestId('tab-slides').click();
    await page.getByTestId('split-toggle').click();
    await page.getByTestId('split-mode').getByText('卷帘').click();
    await page.getByTestId('split-handle').waitFor();
    await page.waitForFunction(() => window.__lianjianSplit !== undefined && window.__lianjianSplit.frames > 0);
    const lon = target.lon as number, lat = target.lat as number;
    await page.evaluate((b) => window.__lianjian!.fitBounds(b), [lon - 0.0015, lat - 0.001, lon + 0.0015, lat + 0.001] as Box);
    await page.waitForFunction(() => window.__lianjianSplit!.changed > 0);
    const map = (await page.getByTestId('map').boundingBox())!;
    const drag = async (share: number) => {
      const h = (await page.getByTestId('split-handle').boundingBox())!;
      await page.mouse.move(h.x + h.width / 2, h.y + 120);
      await page.mouse.down();
      await page.mouse.move(map.x + share * map.width, h.y + 120, { steps: 6 });
      await page.mouse.up();
      await page.locator(`[data-testid="split-handle"][aria-valuenow="${Math.round(share * 100)}"]`).waitFor();
      await splitSettled(page);
    };
    const purple = rgb(CATEGORY_COLORS[CoverageCategory.UNCOVERED_MUST]);
    const red = rgb(CATEGORY_COLORS[CoverageCategory.OWN_ORG]);
    const seen: Record<string, number>[] = [];
    for (const share of [0.3, 0.7]) {
      await drag(share);
      const [lx, ly] = await page.evaluate(([a, b]) => window.__lianjian!.project(a, b), [lon, lat]);
      const [rx, ry] = await page.evaluate(([a, b]) => window.__lianjianSplit!.project(a, b), [lon, lat]);
      const swipeBox = (await page.getByTestId('split-map').boundingBox())!;
      // The swipe map starts at the line and draws every place where the main map draws it.
      expect(Math.abs(swipeBox.x - (map.x + share * map.width))).toBeLessThan(2);
      expect(Math.abs(swipeBox.x + rx - (map.x + lx))).toBeLessThan(1.5);
      expect(Math.abs(swipeBox.y + ry - (map.y + ly))).toBeLessThan(1.5);
      const shot = await page.screenshot({ path: resolve(out, `split-swipe-${Math.round(share * 100)}.png`) });
      seen.push({ share, lineX: share * map.width, enterpriseX: lx, purple: near(shot, map.x + lx, map.y + ly, purple), red: near(shot, map.x + lx, map.y + ly, red) });
    }
    report.swipe = seen;
    // Line at 30 %: the enterprise (in the middle) is right of it, on the swipe map: 计划完成后, its own organization.
    expect(seen[0].enterpriseX).toBeGreaterThan(seen[0].lineX + 20);
    expect(seen[0].red, 'right of the swipe line the enterprise is not drawn in 计划完成后 colours').toBeGreaterThan(0);
    expect(seen[0].purple).toBe(0);
    // Line at 70 %: it is left of the line, on the main map: 现状, uncovered must-cover.
    expect(seen[1].enterpriseX).toBeLessThan(seen[1].lineX - 20);
    expect(seen[1].purple, 'left of the swipe line the enterprise is not drawn in 现状 colours').toBeGreaterThan(0);
    expect(seen[1].red).toBe(0);
    await page.getByTestId('split-mode').getByText('并排').click();
    await page.locator('[data-testid="split-map"].side').waitFor();
  });

  it('side by side, scenario A | scenario B from 方案比较: an enterprise whose coverage differs between the scenarios has different colours on the two halves; as a slide too', async () => {
    const expected = compareScenarios(dataset, [{ name: 'a', rules: {} }, { name: 'b', rules: { jointMaxUnits: 8 } }], { sides: true });
    const [a, b] = expected.sides!;
    const k = dataset.enterprises.findIndex((e, i) => e.lon !== null && a.categories[i] !== b.categories[i]);
    expect(k, 'the two scenarios colour no mapped enterprise differently').toBeGreaterThanOrEqual(0);
    const e = dataset.enterprises[k];
    await page.getByTestId('scenarios-button').click();
    await page.getByTestId('scenarios-compare').click();
    await page.getByTestId('scenarios-table').waitFor({ timeout: 60_000 });
    // Scenario A: the rules in force; B: joint branches of at most 8 units (the panel's first variant).
    await page.getByTestId('scenarios-show-map').click();
    await page.getByTestId('split-map').waitFor();
    await page.waitForFunction(() => window.__lianjianSplit?.sides.join() === 'coverage,coverage' && window.__lianjianSplit.changed > 0, undefined, { timeout: 60_000 });
    await expect(page.getByTestId('split-title-left').innerText()).resolves.toBe('现行规则');
    await expect(page.getByTestId('split-title-right').innerText()).resolves.toBe('联合党支部≤8家');
    // Each side's figures are those with every recommendation formed, and say so.
    await expect(page.getByTestId('split-if-formed-left').innerText()).resolves.toBe('全部组建后：');
    const lon = e.lon as number, lat = e.lat as number;
    await page.evaluate((box) => window.__lianjian!.fitBounds(box), [lon - 0.0015, lat - 0.001, lon + 0.0015, lat + 0.001] as Box);
    await splitSettled(page);
    const left = (await page.getByTestId('map').boundingBox())!;
    const right = (await page.getByTestId('split-map').boundingBox())!;
    const [lx, ly] = await page.evaluate(([x, y]) => window.__lianjian!.project(x, y), [lon, lat]);
    const [rx, ry] = await page.evaluate(([x, y]) => window.__lianjianSplit!.project(x, y), [lon, lat]);
    const shot = await page.screenshot({ path: resolve(out, 'split-scenarios.png') });
    const colourA = rgb(CATEGORY_COLORS[a.categories[k]]), colourB = rgb(CATEGORY_COLORS[b.categories[k]]);
    const seen = {
      enterprise: e.name, categories: [a.categories[k], b.categories[k]],
      leftA: near(shot, left.x + lx, left.y + ly, colourA), leftB: near(shot, left.x + lx, left.y + ly, colourB),
      rightA: near(shot, right.x + rx, right.y + ry, colourA), rightB: near(shot, right.x + rx, right.y + ry, colourB),
      changed: await page.evaluate(() => window.__lianjianSplit!.changed),
    };
    report.splitScenarios = seen;
    expect(seen.leftA, 'the left half (scenario A) does not show the enterprise in its scenario-A colour').toBeGreaterThan(0);
    expect(seen.leftB).toBe(0);
    expect(seen.rightB, 'the right half (scenario B) does not show the enterprise in its scenario-B colour').toBeGreaterThan(0);
    expect(seen.rightA).toBe(0);
    // Ringed: a different coverage, or a different organization (a regrouping changes no colour).
    const mapped = dataset.enterprises.filter((x, i) => x.lon !== null && (a.categories[i] !== b.categories[i] || a.groups[i] !== b.groups[i])).length;
    const recoloured = dataset.enterprises.filter((x, i) => x.lon !== null && a.categories[i] !== b.categories[i]).length;
    expect(mapped).toBeGreaterThan(recoloured);
    expect(seen.changed).toBe(mapped);
    await page.getByTestId('split-changed').filter({ hasText: String(mapped) }).waitFor();

    // As a slide, presented on two screens: the presenter view (and the audience) plan the scenarios themselves.
    await page.getByTestId('slide-title').fill('第 4 页 · 两个方案');
    await page.getByTestId('slide-add').click();
    await page.getByTestId('slide-item').nth(3).waitFor();
    await page.getByTestId('split-toggle').click();
    await page.getByTestId('split-map').waitFor({ state: 'detached' });
    await page.getByTestId('slides-present-two').click();
    await page.getByTestId('presenter-view').waitFor();
    for (let n = 0; n < 3; n++) await page.keyboard.press('ArrowRight');
    await page.getByTestId('presenter-counter').filter({ hasText: '4 / 4' }).waitFor();
    await page.waitForFunction(() => window.__lianjianSplit?.sides.join() === 'coverage,coverage' && window.__lianjianSplit.changed > 0, undefined, { timeout: 60_000 });
    await audience.getByTestId('presentation-counter').filter({ hasText: '4 / 4' }).waitFor();
    await audience.waitForFunction((want) => window.__lianjianSplit?.sides.join() === 'coverage,coverage' && window.__lianjianSplit.changed === want, mapped, { timeout: 60_000 });
    await audience.getByTestId('split-title-right').filter({ hasText: '联合党支部≤8家' }).waitFor();
    await splitSettled(page);
    await splitSettled(audience);
    await page.screenshot({ path: resolve(out, 'presenter-view-split.png') });
    await audience.screenshot({ path: resolve(out, 'audience-split.png') });
    const presenterLeft = (await page.getByTestId('map').boundingBox())!;
    const presenterRight = (await page.getByTestId('split-map').boundingBox())!;
    const panel = (await page.getByTestId('presenter-view').boundingBox())!;
    // In the presenter view the two halves share the space left of the presenter's panel.
    expect(presenterRight.x + presenterRight.width).toBeLessThanOrEqual(panel.x + 2);
    expect(Math.abs(presenterLeft.width - presenterRight.width)).toBeLessThan(4);
    await page.keyboard.press('Escape');
    await page.getByTestId('presenter-view').waitFor({ state: 'detached' });
  });

  it('side by side, two snapshot dates: says when fewer than two dates exist; then the areas are filled by their 组建率 at each date, in different colours', async () => {
    await page.getByTestId('tab-slides').click();
    await page.getByTestId('split-toggle').click();
    await page.getByTestId('split-compare').getByText('两个快照日期').click();
    const before = await page.evaluate(() => document.querySelector('[data-testid="split-few-dates"]') !== null);
    if (before) await expect(page.getByTestId('split-few-dates').innerText()).resolves.toContain('快照日期不足两个');
    await page.getByTestId('split-toggle').click();
    await takeSnapshot(page, '2011-11-01');
    // Between the two dates: the accepted standalone and the branches under two umbrellas are formed.
    await page.getByTestId('tab-recommendations').click();
    for (const umbrella of plan.report.recommendations.slice(0, 2)) {
      await page.locator(`[data-testid="recommendation-item"][data-rec-id="${umbrella.id}"]`).getByTestId('recommendation-accept-branches').click();
      await page.locator(`[data-testid="recommendation-item"][data-rec-id="${umbrella.id}"]`).getByText('其下党组织均已采纳').waitFor();
    }
    await page.getByTestId('tab-plan').click();
    const open = page.locator('[data-testid="plan-item"]:not([data-status="formed"])');
    await open.first().waitFor();
    let formed = 0;
    while ((await open.count()) > 0) {
      const item = open.first();
      const id = await item.getAttribute('data-recommendation-id');
      if ((await item.getAttribute('data-status')) !== 'forming') {
        await item.getByTestId('plan-item-next').click();
        await page.locator(`[data-testid="plan-item"][data-status="forming"][data-recommendation-id="${id}"]`).waitFor();
      }
      await page.locator(`[data-testid="plan-item"][data-recommendation-id="${id}"]`).getByTestId('plan-item-next').click();
      await page.getByTestId('plan-form-ok').click();
      await page.locator(`[data-testid="plan-item"][data-status="formed"][data-recommendation-id="${id}"]`).waitFor({ timeout: 60_000 });
      formed++;
    }
    await takeSnapshot(page, '2011-11-16');
    const street = dataset.areas.find((x) => x.level === 'street')!;
    const row = page.getByTestId('bulletin-table').locator('tbody tr.ant-table-row').first();
    const newly = Number((await row.getByTestId('bulletin-newly-covered').innerText()).replace('+', ''));
    expect(newly).toBeGreaterThan(10);

    await page.getByTestId('tab-slides').click();
    await page.getByTestId('split-toggle').click();
    await page.getByTestId('split-compare').getByText('两个快照日期').click();
    await choose(page, 'split-date-a', '2011-11-01');
    await choose(page, 'split-date-b', '2011-11-16');
    await page.getByTestId('split-title-left').filter({ hasText: '快照 2011-11-01' }).waitFor();
    await page.getByTestId('split-title-right').filter({ hasText: '快照 2011-11-16' }).waitFor();
    await page.waitForFunction(() => window.__lianjianSplit?.sides.join() === 'snapshot,snapshot');
    const rateLeft = 0, rateRight = newly / plan.report.summary.enterprises;
    await expect(page.getByTestId('split-rate-left').innerText()).resolves.toBe(`${(rateLeft * 100).toFixed(2)}%`);
    await expect(page.getByTestId('split-rate-right').innerText()).resolves.toBe(`${(rateRight * 100).toFixed(2)}%`);
    await page.evaluate((box) => window.__lianjian!.fitBounds(box), [120.2, 30.0, 120.32, 30.1] as Box);
    await splitSettled(page);
    const left = (await page.getByTestId('map').boundingBox())!;
    const right = (await page.getByTestId('split-map').boundingBox())!;
    const shot = await page.screenshot({ path: resolve(out, 'split-snapshots.png') });
    // At the same places of the street on each half (its enterprises' positions, not drawn on snapshot sides):
    // the fills differ by the ramp colours' difference times the fill's opacity (the basemap under it is the same).
    const places = dataset.enterprises.filter((x) => x.lon !== null && x.street === street.name).slice(0, 60);
    const diffs: number[] = [];
    for (const x of places) {
      const [lx, ly] = await page.evaluate(([p, q]) => window.__lianjian!.project(p, q), [x.lon as number, x.lat as number]);
      const [rx, ry] = await page.evaluate(([p, q]) => window.__lianjianSplit!.project(p, q), [x.lon as number, x.lat as number]);
      if (lx < 20 || ly < 20 || lx > left.width - 20 || ly > left.height - 200) continue;
      const l = pixel(shot, left.x + lx, left.y + ly), r = pixel(shot, right.x + rx, right.y + ry);
      diffs.push(r[1] - l[1]);
    }
    diffs.sort((p, q) => p - q);
    const median = diffs[Math.floor(diffs.length / 2)];
    const want = (coverageRampColor(rateRight, 215)[1] - coverageRampColor(rateLeft, 215)[1]) * (215 / 255);
    report.splitSnapshots = { formed, newly, rateRight, places: diffs.length, medianGreenDiff: median, want };
    expect(diffs.length).toBeGreaterThan(10);
    expect(want).toBeGreaterThan(4);
    expect(Math.abs(median - want), 'the right half (later date) is not filled with its higher rate').toBeLessThan(2);
    await page.getByTestId('split-snapshot-note').waitFor();
    await expect(page.getByTestId('legend').isVisible()).resolves.toBe(false);

    // As a slide of the exported file: each half fills the street with its date's rate (the player's 0.85 over the district's fill).
    await page.getByTestId('slide-title').fill('第 5 页 · 两个快照日期');
    await page.getByTestId('slide-add').click();
    await page.getByTestId('slide-item').nth(4).waitFor();
    await page.getByTestId('split-toggle').click();
    await page.getByTestId('split-map').waitFor({ state: 'detached' });
    const download = page.waitForEvent('download');
    await page.getByTestId('deck-export').click();
    const path = resolve(out, 'presentation-snapshots.html');
    await (await download).saveAs(path);
    const offline = await browser.newContext({ viewport: { width: 1920, height: 1080 }, offline: true });
    const viewer = await offline.newPage();
    await viewer.goto(pathToFileURL(path).href);
    await viewer.waitForFunction(() => document.body.dataset.slide === '1');
    for (let n = 2; n <= 5; n++) {
      await viewer.keyboard.press('ArrowRight');
      await viewer.waitForFunction((want) => document.body.dataset.slide === want, String(n));
    }
    const fifth = await viewer.screenshot({ path: resolve(out, 'presentation-file-5.png') });
    const blend = (rate: number) => rgb(coverageRampColor(rate, 255)).map((c, j) => Math.round(0.85 * c + 0.15 * [251, 243, 228][j])) as [number, number, number];
    const image = PNG.sync.read(fifth);
    const halves = [0, 1].map((h) => {
      let early = 0, late = 0;
      for (let y = 200; y < image.height - 60; y += 2) for (let x = h * 960 + 10; x < h * 960 + 950; x += 2) {
        const p = (y * image.width + x) * 4;
        const c = [image.data[p], image.data[p + 1], image.data[p + 2]];
        const close = (w: number[]) => Math.abs(c[0] - w[0]) <= 3 && Math.abs(c[1] - w[1]) <= 3 && Math.abs(c[2] - w[2]) <= 3;
        if (close(blend(rateLeft))) early++;
        if (close(blend(rateRight))) late++;
      }
      return { early, late };
    });
    report.fileSnapshots = halves;
    expect(halves[0].early, 'the file\'s left half is not filled with the earlier rate').toBeGreaterThan(500);
    expect(halves[0].late).toBeLessThan(halves[0].early / 20);
    expect(halves[1].late, 'the file\'s right half is not filled with the later rate').toBeGreaterThan(500);
    expect(halves[1].early).toBeLessThan(halves[1].late / 20);
    await offline.close();
  });
});
