/**
 * The recommendation actions in Chromium: an umbrella's "采纳其下 N 个党组织为计划项" makes one plan item
 * per branch under it; a new-zone proposal's "新建为区域" creates the zone, named in words, and the next
 * plan groups the cluster by it; an accepted item whose recommendation changes after an edit says so.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openMap } from './browser';
import { builtFile, pageTo, showKind } from './helpers';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import { recommendationDrift } from '../../src/core/recommend/drift';
import { UMBRELLA_KINDS, type Recommendation } from '../../src/core/model/report';
import type { Dataset } from '../../src/core/model/types';

const out = resolve(__dirname, '../../test-results');
const HANGZHOU_LIMIT = 5000;

/** A joint branch and a member-less member of it whose 3 formal members (own organization) change the branch, as the core plans it. */
function branchThatChanges(dataset: Dataset, recs: readonly Recommendation[], taken: ReadonlySet<string>) {
  const byId = new Map(dataset.enterprises.map((e) => [e.id, e]));
  for (const rec of recs.filter((r) => r.kind === 'joint_branch' && r.enterprise_ids.length >= 4 && !taken.has(r.id)).slice(0, 12)) {
    for (const id of rec.enterprise_ids) {
      const e = byId.get(id);
      if (!e || e.partyMembers || e.probationaryMembers) continue;
      const edited = { ...dataset, enterprises: dataset.enterprises.map((x) => (x.id === id ? { ...x, partyMembers: 3 } : x)) };
      const drift = recommendationDrift({ recommendationId: rec.id, enterpriseIds: rec.enterprise_ids }, planDataset(edited, { compareWithGreedy: false }).report.recommendations);
      if (drift?.state === 'changed') return { rec, member: e, drift };
    }
  }
  throw new Error('no joint branch in the Linpu demo changes when one member gets 3 formal members');
}

const leavesUnder = (recs: readonly Recommendation[], umbrella: string) => {
  const byId = new Map(recs.map((r) => [r.id, r]));
  return recs.filter((r) => {
    if (UMBRELLA_KINDS.has(r.kind)) return false;
    for (let p = r.parent_id; p !== null; p = byId.get(p)?.parent_id ?? null) if (p === umbrella) return true;
    return false;
  });
};

describe('recommendation actions in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('on Linpu', () => {
    const { dataset } = readDatasetFolder(builtFile('data/linpu'));
    const recs = planDataset(dataset, { compareWithGreedy: false }).report.recommendations;

    beforeAll(async () => {
      await openMap(page, `${inject('baseUrl')}?dataset=linpu`);
    });

    it('an umbrella (楼宇社区党组织) accepts every branch under it as a plan item (拟建), then says they are all accepted', async () => {
      const umbrella = recs.find((r) => r.kind === 'building_community') as Recommendation;
      const leaves = leavesUnder(recs, umbrella.id);
      expect(leaves.length).toBeGreaterThan(1);
      await showKind(page, '楼宇社区党组织');
      const row = page.locator(`[data-testid="recommendation-item"][data-rec-id="${umbrella.id}"]`);
      const button = row.getByTestId('recommendation-accept-branches');
      await expect(button.innerText()).resolves.toBe(`采纳其下 ${leaves.length} 个党组织为计划项`);
      await button.click();
      await page.getByText(`已把 ${leaves.length} 个党组织采纳为计划项（拟建）`).waitFor({ timeout: 60_000 });
      await row.getByText('其下党组织均已采纳').waitFor();
      await page.getByTestId('tab-plan').click();
      for (const leaf of leaves) {
        const item = page.locator(`[data-testid="plan-item"][data-status="proposed"][data-recommendation-id="${leaf.id}"]`);
        await item.waitFor({ timeout: 30_000 });
        // Titled under the umbrella's name, in words.
        await expect(item.getByTestId('plan-item-title').innerText()).resolves.toMatch(/ · /);
        await expect(item.getByTestId('plan-item-drift').count()).resolves.toBe(0);
      }
      await page.screenshot({ path: resolve(out, 'actions-umbrella.png') });
    });

    it('an accepted branch whose recommendation changes after an edit says "建议已变化：成员 +a −b" and shows the current one', async () => {
      // Not one of the branches the umbrella test accepted.
      const umbrella = recs.find((r) => r.kind === 'building_community') as Recommendation;
      const { rec, member, drift } = branchThatChanges(dataset, recs, new Set(leavesUnder(recs, umbrella.id).map((r) => r.id)));
      if (drift?.state !== 'changed') throw new Error('unreachable');
      await showKind(page, '联合党支部');
      const row = await pageTo(page, rec.id);
      await row.getByTestId('recommendation-accept').click();
      await page.getByText('已采纳为计划项').first().waitFor();
      await page.getByTestId('tab-plan').click();
      const item = page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"]`);
      await item.waitFor();
      await expect(item.getByTestId('plan-item-drift').count()).resolves.toBe(0);

      // The edit: one member-less member now has 3 formal members (an organization of its own).
      await page.evaluate((id) => window.__lianjianApp!.select(id), member.id);
      await page.getByTestId('detail-name').filter({ hasText: member.name }).waitFor();
      await page.getByTestId('detail-edit').click();
      await page.getByTestId('edit-party-members').fill('3');
      await page.getByTestId('edit-save').click();
      await page.getByText('已保存').first().waitFor({ timeout: 30_000 });

      await page.getByTestId('tab-plan').click();
      const note = item.getByTestId('plan-item-drift');
      await note.waitFor({ timeout: 60_000 });
      await expect(note.getAttribute('data-drift')).resolves.toBe('changed');
      // The page's plan is the core's plan of the edited register: the same successor, the same members added and removed.
      await expect(note.getAttribute('data-current-id')).resolves.toBe(drift.current.id);
      await expect(note.innerText()).resolves.toContain(`建议已变化：成员 +${drift.added.length} −${drift.removed.length}`);
      await expect(note.innerText()).resolves.toContain(member.name);
      await item.scrollIntoViewIfNeeded();
      await item.screenshot({ path: resolve(out, 'actions-drift.png') });
      // 查看当前建议 selects the current recommendation (the list marks it).
      await note.getByTestId('plan-item-drift-show').click();
      await showKind(page, '联合党支部');
      const current = await pageTo(page, drift.current.id);
      await expect(current.getAttribute('class')).resolves.toContain('selected');
    });
  });

  describe(`on Hangzhou (first ${HANGZHOU_LIMIT} enterprises)`, () => {
    const { dataset } = readDatasetFolder(builtFile('data/hangzhou'));
    const limited = { ...dataset, enterprises: dataset.enterprises.slice(0, HANGZHOU_LIMIT) };
    const report = planDataset(limited, { compareWithGreedy: false }).report;

    beforeAll(async () => {
      await openMap(page, `${inject('baseUrl')}?dataset=hangzhou&limit=${HANGZHOU_LIMIT}`);
    });

    it('a new-zone proposal (uncovered cluster) creates the zone, named in words; the next plan no longer proposes it', async () => {
      const proposal = report.recommendations.find((r) => r.kind === 'new_zone') as Recommendation;
      expect(proposal).toBeDefined();
      const place = /^(.+?)周边 新区域/.exec(proposal.name)?.[1] as string;
      const name = `${place}周边区域`;
      await showKind(page, '新建区域联建');
      const row = page.locator(`[data-testid="recommendation-item"][data-rec-id="${proposal.id}"]`);
      await row.getByTestId('recommendation-create-zone').click();
      await page.getByTestId('create-zone-ok').click();
      await page.getByText(`已新建区域「${name}」，规划已重新计算`).waitFor({ timeout: 180_000 });
      await row.waitFor({ state: 'detached', timeout: 180_000 });
      // The zone is found by its name.
      await page.getByTestId('filter-search').locator('input').fill(place);
      await page.locator('[data-testid="search-result"][data-kind="zone"]').filter({ hasText: name }).first().waitFor({ timeout: 60_000 });
      await page.screenshot({ path: resolve(out, 'actions-new-zone.png') });
    });
  });
});
