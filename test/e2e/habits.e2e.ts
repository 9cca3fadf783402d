/**
 * The everyday map habits and the planner's language, in Chromium on the Linpu demo at 1366×768:
 * search with a result list (fly to, highlight, detail), names instead of codes in the detail panel
 * and the edit history, a whole-number check, the URL that keeps the view, the legend that folds and
 * keeps zoom targets clear, explanatory empty states, and the English interface.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, mapSettled, openMap } from './browser';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import { UMBRELLA_KINDS } from '../../src/core/model/report';
import { builtFile } from './helpers';

const root = resolve(__dirname, '../..');
const out = resolve(root, 'test-results');
const url = () => `${inject('baseUrl')}?dataset=linpu`;
const { dataset } = readDatasetFolder(builtFile('data/linpu'));
const plan = planDataset(dataset);
const district = dataset.areas.find((a) => a.level === 'district')!;
const street = dataset.areas.find((a) => a.level === 'street')!;
/** An enterprise with a unique credit code, mapped. */
const firm = dataset.enterprises.find((e) => e.lon !== null && e.creditCode.length === 18 && dataset.enterprises.filter((o) => o.name === e.name).length === 1)!;

async function search(page: Page, text: string) {
  const input = page.getByTestId('filter-search').locator('input');
  await input.fill('');
  await input.fill(text);
  await page.getByTestId('search-result').first().waitFor();
}

describe('map habits and names in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const bootTexts: string[] = [];

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Every text the boot screen shows, as it changes.
    await page.exposeFunction('__bootText', (text: string) => bootTexts.push(text));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const step = document.querySelector('[data-testid="boot-screen"]');
        if (step) (window as unknown as { __bootText(t: string): void }).__bootText(step.textContent ?? '');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await openMap(page, url());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the boot screen speaks plainly: no SQL files, engine or table names', () => {
    expect(bootTexts.length).toBeGreaterThan(0);
    const all = bootTexts.join('\n');
    for (const word of ['.sql', 'PGlite', 'PostGIS', 'enterprises', 'buildings', 'areas']) expect(all).not.toContain(word);
  });

  it('search lists enterprises by credit code; choosing one flies to it, highlights it and opens its detail with area names', async () => {
    await search(page, firm.creditCode.slice(0, 16));
    const hit = page.locator('[data-testid="search-result"][data-kind="enterprise"]').filter({ hasText: firm.name });
    await hit.click();
    await page.getByTestId('detail-name').filter({ hasText: firm.name }).waitFor();
    await mapSettled(page);
    const [x, y] = await page.evaluate(([lon, lat]) => window.__lianjian!.project(lon, lat), [firm.lon as number, firm.lat as number]);
    const map = (await page.getByTestId('map').boundingBox())!;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(map.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(map.height);
    await expect(page.getByTestId('detail-area').innerText()).resolves.toBe(`${district.name} · ${street.name}`);
    await page.screenshot({ path: resolve(out, 'habits-search-enterprise.png') });
  });

  it('an edit refuses 2.5 members; a saved edit shows in the history with field label, old → new, staff name and local time', async () => {
    const before = firm.partyMembers ?? 0;
    await page.getByTestId('detail-edit').click();
    const members = page.getByTestId('edit-party-members');
    await members.fill('2.5');
    await page.getByTestId('edit-save').click();
    await page.getByText('应为整数').waitFor();
    await members.fill(String(before + 2));
    await page.getByTestId('edit-save').click();
    await page.getByText('已保存').waitFor({ timeout: 30_000 });
    const change = page.getByTestId('history-change').filter({ hasText: '正式党员' });
    await change.waitFor({ timeout: 30_000 });
    await expect(change.innerText()).resolves.toBe(`正式党员：${before} → ${before + 2}`);
    const title = await page.getByTestId('history-title').first().innerText();
    expect(title).toContain('本机用户');
    expect(title).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    expect(title).not.toMatch(/0{8}|T\d{2}:/);
  });

  it('the URL keeps the view: dataset, camera, filter and the selected enterprise come back after a reload', async () => {
    await page.getByTestId('filter-area').click();
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: district.name }).first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('area') && new URLSearchParams(location.search).has('e') && new URLSearchParams(location.search).has('at'));
    const before = await page.evaluate(() => window.__lianjian!.camera());
    const link = page.url();
    expect(new URL(link).searchParams.get('dataset')).toBe('linpu');
    await page.goto('about:blank');
    await openMap(page, link);
    await page.getByTestId('detail-name').filter({ hasText: firm.name }).waitFor({ timeout: 60_000 });
    await page.waitForFunction((want) => {
      const c = window.__lianjian!.camera();
      return Math.abs(c.zoom - want.zoom) < 0.05 && Math.abs(c.center[0] - want.center[0]) < 1e-4 && Math.abs(c.center[1] - want.center[1]) < 1e-4;
    }, before);
    await expect(page.getByTestId('overview-scope').innerText()).resolves.toContain(district.name);
  });

  it('a building from the search list: highlighted, zoomed to, its detail shown', async () => {
    await page.getByTestId('detail-slot').getByRole('button', { name: /关\s*闭/ }).click();
    const building = dataset.buildings[0];
    await search(page, building.name);
    await page.locator('[data-testid="search-result"][data-kind="building"]').filter({ hasText: building.name }).first().click();
    await page.getByTestId('place-name').filter({ hasText: building.name }).waitFor();
    await page.waitForFunction(() => (new URLSearchParams(location.search).get('place') ?? '').startsWith('building:'));
    await page.getByTestId('place-detail').getByRole('button').click();
  });

  it('the legend folds (folded at first on 1366×768), shows the 组建率 scale, and a recommendation zoomed to is not under it', async () => {
    const legend = page.getByTestId('legend');
    await expect(legend.getAttribute('data-folded')).resolves.toBe('true');
    await page.getByTestId('legend-fold').click();
    await page.getByTestId('legend-scale').waitFor();
    await page.screenshot({ path: resolve(out, 'habits-legend.png') });
    // Clear the area filter, then zoom to the recommendation with the most enterprises.
    await page.getByText('清除筛选').click();
    const rec = [...plan.report.recommendations].filter((r) => !UMBRELLA_KINDS.has(r.kind)).sort((a, b) => b.enterprise_ids.length - a.enterprise_ids.length)[0];
    await page.getByTestId('tab-recommendations').click();
    const item = page.locator(`[data-testid="recommendation-item"][data-rec-id="${rec.id}"]`);
    while (!(await item.isVisible())) await page.locator('.recommendations .ant-pagination-next').click();
    await item.click();
    await mapSettled(page);
    const box = (await legend.boundingBox())!;
    const map = (await page.getByTestId('map').boundingBox())!;
    const byId = new Map(dataset.enterprises.map((e) => [e.id, e]));
    for (const id of rec.enterprise_ids) {
      const e = byId.get(id)!;
      if (e.lon === null) continue;
      const [x, y] = await page.evaluate(([lon, lat]) => window.__lianjian!.project(lon, lat), [e.lon, e.lat as number]);
      const px = map.x + x, py = map.y + y;
      const under = px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height;
      expect(under, `${e.name} lies under the legend`).toBe(false);
      expect(x >= 0 && x <= map.width && y >= 0 && y <= map.height, `${e.name} is off the map`).toBe(true);
    }
    await page.screenshot({ path: resolve(out, 'habits-recommendation-1366.png') });
  });

  it('empty states explain themselves; a recommendation never counts "0 家企业"', async () => {
    if (plan.report.clusters.length === 0) await expect(page.getByTestId('no-clusters').innerText()).resolves.toContain('本数据集没有未覆盖集聚区');
    const counts = await page.getByTestId('recommendation-count').allInnerTexts();
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((c) => c.startsWith('0 家企业'))).toEqual([]);
  });

  it('in English: the tabs fit, no "1 enterprises", the demo tag is English, the trend chart has its width', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByTestId('tab-bulletin').filter({ hasText: 'Bulletin' }).waitFor();
    await expect(page.locator('.app-sider .ant-tabs-nav-operations:not(.ant-tabs-nav-operations-hidden)').count()).resolves.toBe(0);
    await expect(page.getByTestId('synthetic-tag').innerText()).resolves.toBe('Synthetic demo data');
    await page.getByTestId('tab-recommendations').click();
    const counts = await page.getByTestId('recommendation-count').allInnerTexts();
    expect(counts.filter((c) => /\b1 enterprises\b/.test(c))).toEqual([]);
    await page.getByTestId('tab-bulletin').click();
    await page.getByTestId('bulletin-take').click();
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    await page.waitForFunction(() => ((document.querySelector('[data-testid="trend-chart"] canvas') as HTMLCanvasElement | null)?.getBoundingClientRect().width ?? 0) > 300);
    const area = page.getByTestId('bulletin-area').first();
    await expect(area.innerText()).resolves.toBe(district.name);
    expect((await area.boundingBox())!.width).toBeGreaterThan(40);
    await page.screenshot({ path: resolve(out, 'habits-english-bulletin.png') });
    await page.getByText('中文', { exact: true }).click();
  });
});
