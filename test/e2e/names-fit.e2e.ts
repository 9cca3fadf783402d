/**
 * Names fit on a 1366 × 768 laptop, in zh-CN and English (Linpu demo, a fresh embedded store): the
 * worklist's area column shows the whole district and street names (wrapped between words, never cut
 * by an ellipsis), a plan item card's title is not cut by its status light and kind tags, and the
 * legend names what the map draws for plan items (outline by deadline: overdue / due within 7 days /
 * on track / no deadline, formed). Screenshots in test-results/names-fit-*.png.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, mapSettled, openMap } from './browser';
import { builtFile } from './helpers';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import { UMBRELLA_KINDS } from '../../src/core/model/report';

const out = resolve(__dirname, '../../test-results');
const { dataset } = readDatasetFolder(builtFile('data/linpu'));
const plan = planDataset(dataset);

const LABELS = {
  'zh-CN': { plan: '组建计划', worklist: '工作清单', recommendations: '规划建议', legend: '计划项（边框按完成时限）', overdue: '已逾期' },
  en: { plan: 'Plan', worklist: 'To-do', recommendations: 'Advice', legend: 'Plan items (outline by deadline)', overdue: 'Overdue' },
} as const;

/** Opens a tab of the side panel, through the tab bar's overflow menu when the bar has no room for it. */
async function openTab(page: Page, testId: string, label: string) {
  const more = page.locator('.app-sider .ant-tabs-nav-more');
  if (await more.isVisible()) {
    await more.hover();
    await page.locator('.ant-tabs-dropdown:visible').waitFor();
    const entry = page.locator('.ant-tabs-dropdown:visible .ant-tabs-dropdown-menu-item').filter({ hasText: label });
    if ((await entry.count()) > 0) {
      await entry.click();
      return;
    }
    await page.mouse.move(0, 0);
  }
  await page.getByTestId(testId).click();
}

/** Elements whose text is cut (content wider or taller than the box that clips it). */
async function clipped(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.flatMap((el) => {
    const e = el as HTMLElement;
    const style = getComputedStyle(e);
    const cut = e.scrollWidth > e.clientWidth + 1 || style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth;
    return cut ? [`${e.innerText} (${e.scrollWidth} > ${e.clientWidth})`] : [];
  }));
}

describe('names fit at 1366 × 768', () => {
  let browser: Browser;
  // The first leaf recommendation with must-cover enterprises (on the list's first page; its title names a place and its kind).
  const rec = plan.report.recommendations.find((r) => !UMBRELLA_KINDS.has(r.kind) && r.kind !== 'work_coverage' && r.must_cover > 0);

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`${lang}: worklist areas whole, plan item titles uncut, the legend says what the outlines mean`, async () => {
      if (!rec) throw new Error('no leaf recommendation with must-cover enterprises');
      const words = LABELS[lang];
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await openMap(page, `${inject('baseUrl')}?dataset=linpu&lang=${lang}`);
      const item = page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"]`);
      await openTab(page, 'tab-plan', words.plan);
      await page.getByTestId('plan-items').waitFor();
      if ((await item.count()) === 0) {
        await openTab(page, 'tab-recommendations', words.recommendations);
        await page.locator(`[data-testid="recommendation-item"][data-rec-id="${rec.id}"]`).getByTestId('recommendation-accept').click();
        await openTab(page, 'tab-plan', words.plan);
      }
      await item.waitFor({ timeout: 60_000 });
      // The title: inside its card's head, clear of the tags, its text not clipped.
      const title = item.getByTestId('plan-item-title');
      const [titleBox, headBox] = await Promise.all([title.boundingBox(), item.locator('.ant-card-head').boundingBox()]);
      expect(titleBox && headBox && titleBox.x + titleBox.width <= headBox.x + headBox.width + 0.5).toBe(true);
      expect(await clipped(page, '.plan-item .ant-card-head-title')).toEqual([]);
      const tagsBox = await item.getByTestId('plan-item-tags').boundingBox();
      expect(tagsBox && titleBox && tagsBox.y >= titleBox.y + titleBox.height - 0.5).toBe(true);
      await mapSettled(page);
      await page.screenshot({ path: resolve(out, `names-fit-${lang}-plan.png`) });

      await openTab(page, 'tab-worklist', words.worklist);
      await page.getByTestId('worklist-count').waitFor();
      const cells = page.getByTestId('worklist-area-cell');
      await cells.first().waitFor();
      // Each shown cell names the enterprise's district and street in full, and nothing in the column is cut.
      const names = new Map(dataset.areas.map((a) => [a.id, a.name]));
      const town = dataset.areas.find((a) => a.level === 'street')!;
      const district = names.get(town.parent ?? '') ?? '';
      const texts = await cells.allInnerTexts();
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.some((text) => text.includes(town.name) && text.includes(district))).toBe(true);
      expect(await clipped(page, '[data-testid="worklist-area-cell"], [data-testid="worklist-area-cell"] > span, [data-testid="worklist"] .ant-table-thead th')).toEqual([]);
      const cellBoxes = await cells.evaluateAll((els) => els.map((el) => {
        const td = el.closest('.ant-table-cell')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.right <= td.right + 0.5 && r.left >= td.left - 0.5;
      }));
      expect(cellBoxes.every(Boolean)).toBe(true);
      await mapSettled(page);
      await page.screenshot({ path: resolve(out, `names-fit-${lang}-worklist.png`) });

      // The legend, unfolded: the plan items' row and one row per outline colour the map draws.
      const legend = page.getByTestId('legend');
      if ((await legend.getAttribute('data-folded')) === 'true') await page.getByTestId('legend-fold').click();
      await legend.getByText(words.legend).waitFor();
      const lights = page.getByTestId('legend-plan-lights').locator('[data-light]');
      await expect(lights.evaluateAll((els) => els.map((el) => el.getAttribute('data-light')))).resolves.toEqual(['overdue', 'due_soon', 'on_track', 'undated', 'formed']);
      await expect(lights.first().innerText()).resolves.toBe(words.overdue);
      // Unfolded, it stays inside the map (below the filter bar).
      const [legendBox, filterBox] = await Promise.all([legend.boundingBox(), page.getByTestId('filter-bar').boundingBox()]);
      expect(legendBox && filterBox && legendBox.y >= filterBox.y + filterBox.height - 0.5, `legend top ${legendBox?.y}, filter bar bottom ${filterBox && filterBox.y + filterBox.height}`).toBe(true);
      await mapSettled(page);
      await page.screenshot({ path: resolve(out, `names-fit-${lang}-legend.png`) });
      await page.close();
    }, 240_000);
  }
});
