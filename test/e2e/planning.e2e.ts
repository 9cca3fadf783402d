/**
 * The planning workspace in Chromium, on the Linpu demo in a fresh embedded store: draw a plan item
 * over a building, see its live checks, save, reload; accept a recommendation and carry it to 已组建,
 * and watch the worklist and 组建率 follow.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, mapSettled, openMap } from './browser';
import { loneEnterprise, builtFile, savesWritten } from './helpers';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import { Flag } from '../../src/core/model/enterprise-table';
import { checkPlanItem } from '../../src/core/recommend/plan-item-check';
import { pointsInPolygon } from '../../src/core/spatial/points-in-polygon';
import { UMBRELLA_KINDS } from '../../src/core/model/report';
import type { Enterprise, PolygonGeometry } from '../../src/core/model/types';

const root = resolve(__dirname, '../..');
const out = resolve(root, 'test-results');
const url = () => `${inject('baseUrl')}?dataset=linpu`;

const { dataset } = readDatasetFolder(builtFile('data/linpu'));
const plan = planDataset(dataset);
const positions = Float64Array.from(dataset.enterprises.flatMap((e) => [e.lon ?? Number.NaN, e.lat ?? Number.NaN]));
// What a drawn outline takes by default: operating, uncovered, must-cover enterprises.
const candidate = (i: number) => (plan.table.flags[i] & Flag.OPERATING) !== 0 && (plan.table.flags[i] & Flag.COVERED) === 0 && (plan.table.flags[i] & Flag.MUST_COVER) !== 0;

/** A building whose uncovered enterprises (taken by a box drawn just around it) form a valid joint branch of 2+ units. */
function pickBuilding(): { box: [number, number, number, number]; outline: PolygonGeometry; members: Enterprise[] } {
  for (let b = 0; b < dataset.buildings.length; b++) {
    const ring = (dataset.buildings[b].geometry.type === 'Polygon' ? dataset.buildings[b].geometry.coordinates : dataset.buildings[b].geometry.coordinates[0])[0] as number[][];
    const pad = 0.00008;
    const box: [number, number, number, number] = [
      Math.min(...ring.map((p) => p[0])) - pad, Math.min(...ring.map((p) => p[1])) - pad, Math.max(...ring.map((p) => p[0])) + pad, Math.max(...ring.map((p) => p[1])) + pad,
    ];
    const outline: PolygonGeometry = { type: 'Polygon', coordinates: [[[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]], [box[0], box[1]]]] };
    const members = pointsInPolygon(positions, outline).filter(candidate).map((i) => dataset.enterprises[i]);
    if (members.length >= 2 && checkPlanItem('joint_branch', members, plan.rules).violations.length === 0) return { box, outline, members };
  }
  throw new Error('no building in the Linpu demo holds a valid joint branch');
}

async function screenPoint(page: Page, lon: number, lat: number): Promise<[number, number]> {
  const [x, y] = await page.evaluate(([a, b]) => window.__lianjian!.project(a, b), [lon, lat]);
  const map = await page.getByTestId('map').boundingBox();
  return [map!.x + x, map!.y + y];
}

const figure = (page: Page, id: string) => page.getByTestId(id).innerText();

async function chooseOwner(page: Page, owner: string) {
  await page.getByTestId('worklist-owner').click();
  await page.locator('.ant-select-item-option').filter({ hasText: owner }).click();
}

describe('the planning workspace in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const building = pickBuilding();
  const title = '临浦测试楼宇联合党支部';

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await openMap(page, url());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws a polygon over a building: live checks show its members and units; saved, it survives a reload', async () => {
    await page.evaluate((box) => window.__lianjian!.fitBounds(box), [building.box[0] - 0.002, building.box[1] - 0.002, building.box[2] + 0.002, building.box[3] + 0.002] as [number, number, number, number]);
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-tool').getByText('画多边形').click();
    const [w, s, e, n] = building.box;
    await mapSettled(page);
    for (const [lon, lat] of [[w, s], [e, s], [e, n], [w, n]]) {
      const [x, y] = await screenPoint(page, lon, lat);
      const drawn = await page.evaluate(() => window.__lianjian!.mapFrames);
      await page.mouse.click(x, y);
      // The drawing tool has taken the corner when maplibre draws the outline again.
      await page.waitForFunction((before) => window.__lianjian!.mapFrames > before, drawn);
    }
    await page.keyboard.press('Enter');
    const formal = building.members.reduce((sum, m) => sum + (m.partyMembers ?? 0), 0);
    const all = building.members.reduce((sum, m) => sum + (m.partyMembers ?? 0) + (m.probationaryMembers ?? 0), 0);
    await page.getByTestId('check-units').filter({ hasText: String(building.members.length) }).waitFor({ timeout: 20_000 });
    expect(await figure(page, 'check-formal')).toBe(String(formal));
    expect(await figure(page, 'check-members')).toBe(String(all));
    await expect(page.getByTestId('check-ok').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: resolve(out, 'planning-draw.png') });

    // Undo takes the drawn members back out; redo puts them in again.
    await page.getByTestId('draft-undo').click();
    await page.getByTestId('check-units').filter({ hasText: /^0$/ }).waitFor();
    await page.getByTestId('draft-redo').click();
    await page.getByTestId('check-units').filter({ hasText: String(building.members.length) }).waitFor();

    await page.getByTestId('draft-title').fill(title);
    await page.getByTestId('draft-save').click();
    await page.getByTestId('plan-item-title').filter({ hasText: title }).waitFor({ timeout: 30_000 });

    await savesWritten(page);
    await page.reload();
    await openMap(page, url());
    await page.getByTestId('tab-plan').click();
    const saved = page.getByTestId('plan-item').filter({ hasText: title });
    await saved.waitFor({ timeout: 30_000 });
    await expect(saved.innerText()).resolves.toMatch(new RegExp(`${building.members.length} 家企业`));
  });

  it('a violated rule is shown with its reason and blocks saving as a branch', async () => {
    const lone = loneEnterprise();
    const expected = checkPlanItem('joint_branch', [lone], plan.rules).violations.map((v) => v.rule);
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-tool').getByText('点选企业').click();
    await page.evaluate(([lon, lat]) => window.__lianjian!.fitBounds([lon - 0.002, lat - 0.002, lon + 0.002, lat + 0.002]), [lone.lon as number, lone.lat as number]);
    await mapSettled(page);
    const [x, y] = await screenPoint(page, lone.lon as number, lone.lat as number);
    await page.mouse.move(x - 10, y - 10);
    await page.mouse.move(x, y, { steps: 3 });
    await page.locator('.deck-tooltip').filter({ hasText: lone.name }).waitFor({ timeout: 30_000 });
    await page.mouse.click(x, y);
    await page.getByTestId('check-units').filter({ hasText: /^1$/ }).waitFor({ timeout: 20_000 });
    const shown = await page.getByTestId('check-violation').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')));
    expect(shown).toEqual(expected);
    await expect(page.getByTestId('draft-save').isDisabled()).resolves.toBe(expected.length > 0);
    if (expected.length > 0) await expect(page.getByTestId('draft-blocked').innerText()).resolves.toMatch(/不符合组建规则/);
    await page.getByTestId('draft-cancel').click();
  });

  it('accepting a recommendation puts it on the worklist; 已组建 covers its enterprises and 组建率 rises', async () => {
    const taken = new Set(building.members.map((m) => m.id));
    const recs = plan.report.recommendations;
    const pageOne = recs.slice(0, 8);
    const rec = pageOne.find((r) => !UMBRELLA_KINDS.has(r.kind) && r.kind !== 'work_coverage' && r.must_cover > 0 && r.enterprise_ids.every((id) => !taken.has(id)));
    if (!rec) throw new Error('no leaf recommendation with must-cover enterprises on the first page');
    const summary = plan.report.summary;
    const pct = (covered: number) => `${((covered / summary.enterprises) * 100).toFixed(2)}%`;

    await page.getByTestId('tab-worklist').click();
    const before = summary.must_cover - summary.must_cover_covered;
    await page.getByTestId('worklist-count').filter({ hasText: `${before} 家` }).waitFor();
    await page.getByText('概览', { exact: true }).click();
    expect(await page.getByTestId('summary-coverage-rate').innerText()).toContain(pct(summary.covered));

    // Accepted (拟建) and given an owner: on the worklist under that owner, still uncovered.
    await page.getByTestId('tab-recommendations').click();
    await page.locator(`[data-testid="recommendation-item"][data-rec-id="${rec.id}"]`).getByTestId('recommendation-accept').click();
    await page.getByText('已采纳为计划项').waitFor();
    await page.getByTestId('tab-plan').click();
    const item = () => page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"]`);
    // The owner is typed and 推进 pressed at once, without 保存: the owner is kept (it used to be lost).
    await item().getByTestId('plan-item-owner').fill('张明');
    await item().getByTestId('plan-item-next').click();
    await page.locator(`[data-testid="plan-item"][data-status="forming"][data-recommendation-id="${rec.id}"]`).waitFor({ timeout: 30_000 });
    await expect(item().getByTestId('plan-item-owner').inputValue()).resolves.toBe('张明');
    await page.getByTestId('tab-worklist').click();
    await page.getByTestId('worklist-count').filter({ hasText: `${before} 家` }).waitFor();
    await chooseOwner(page, '张明');
    await page.getByTestId('worklist-count').filter({ hasText: `${rec.must_cover} 家` }).waitFor();
    await page.screenshot({ path: resolve(out, 'planning-worklist.png') });

    // 组建中 → 已组建 asks first, saying what will happen; then its enterprises count as covered.
    await page.getByTestId('tab-plan').click();
    await item().getByTestId('plan-item-next').click();
    await expect(page.getByTestId('plan-form-confirm').innerText()).resolves.toContain(`${rec.enterprise_ids.length} 家企业计为已覆盖`);
    await page.getByTestId('plan-form-ok').click();
    await page.locator(`[data-testid="plan-item"][data-status="formed"][data-recommendation-id="${rec.id}"]`).waitFor({ timeout: 60_000 });
    await page.getByText('概览', { exact: true }).click();
    await page.getByTestId('summary-coverage-rate').filter({ hasText: pct(summary.covered + rec.enterprise_ids.length) }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: resolve(out, 'planning-overview.png') });
    await page.getByTestId('tab-worklist').click();
    await page.getByTestId('worklist-count').filter({ hasText: /^0 家$/ }).waitFor({ timeout: 30_000 });
    await chooseOwner(page, '全部责任人');
    await page.getByTestId('worklist-count').filter({ hasText: `${before - rec.must_cover} 家` }).waitFor({ timeout: 30_000 });

    // A member's detail names its new organization (the item's title), not its id plan-<uuid>.
    await page.evaluate((id) => window.__lianjianApp!.select(id), rec.enterprise_ids[0]);
    const org = (await page.getByTestId('detail-org').innerText()).trim();
    expect(org).not.toMatch(/^plan-/);
    expect(org.length).toBeGreaterThan(2);
  });
});
