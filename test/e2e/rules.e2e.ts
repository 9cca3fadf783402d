/**
 * The stored rule profile in Chromium: changing a rule in 规则设置 stores it, the plan is computed
 * again with it (the figures become the core's for that profile), and a reload plans with it too.
 * A recommendation that a rule change makes take in an accepted item's members asks before it empties
 * that item, and the emptied item cannot be moved on to 组建中.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openMap } from './browser';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import type { RuleProfile } from '../../src/core/model/types';
import type { Recommendation } from '../../src/core/model/report';
import { compareScenarios } from '../../src/core/scenarios';
import { builtFile, pageTo, showKind } from './helpers';

const url = () => `${inject('baseUrl')}?dataset=linpu`;

describe('rule settings change the plan (embedded store, Chromium)', () => {
  let browser: Browser;
  let page: Page;
  const { dataset } = readDatasetFolder(builtFile('data/linpu'));
  const mustCoverText = (rules: Partial<RuleProfile>) => {
    const { summary } = planDataset({ ...dataset, rules }).report;
    return `${summary.must_cover_covered.toLocaleString('zh-CN')} / ${summary.must_cover.toLocaleString('zh-CN')}`;
  };
  const changed = { mustCoverMinEmployees: 10, mustCoverAnyMember: false };

  beforeAll(async () => {
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const shownMustCover = () => page.getByTestId('summary-must-cover').locator('.ant-statistic-content').innerText();

  it('plans with the stored (default) profile at first', async () => {
    expect(mustCoverText(changed)).not.toBe(mustCoverText({}));
    await openMap(page, url());
    await expect(shownMustCover()).resolves.toBe(mustCoverText({}));
  });

  it('a rule changed in 规则设置 is saved and the plan follows it', async () => {
    await page.getByTestId('rules-button').click();
    await page.getByText('默认值依据').waitFor();
    // A value below the least is refused where it was typed, never turned into 0 (= 不限), and blocks saving.
    const units = page.getByTestId('rule-jointMaxUnits');
    const before = await units.inputValue();
    await units.fill('-3');
    await units.press('Tab');
    await page.getByTestId('rule-jointMaxUnits-error').filter({ hasText: '请填写不小于 0 的整数' }).waitFor();
    await expect(units.inputValue()).resolves.toBe('-3');
    await expect(page.getByTestId('rules-save').isDisabled()).resolves.toBe(true);
    await page.getByTestId('rule-mustCoverMinEmployees').fill('');
    await page.getByTestId('rules-invalid').filter({ hasText: '有 2 项取值需要改正' }).waitFor();
    await units.fill(before);
    await expect(page.getByTestId('rule-jointMaxUnits-error').count()).resolves.toBe(0);
    await page.getByTestId('rule-mustCoverMinEmployees').fill(String(changed.mustCoverMinEmployees));
    await expect(page.getByTestId('rules-invalid').count()).resolves.toBe(0);
    await page.getByTestId('rule-mustCoverAnyMember').click();
    await page.getByTestId('rules-save').click();
    await page.getByText('规则已保存').waitFor({ timeout: 60_000 });
    await page.getByTestId('summary-must-cover').filter({ hasText: mustCoverText(changed) }).waitFor({ timeout: 60_000 });
    // What the change did, before → after, as the core plans it under each profile.
    const [was, now] = [{}, changed].map((rules) => planDataset({ ...dataset, rules }).report.plan_effect);
    const effect = ([['应建未建', 'uncovered_must_cover'], ['应建纳入组织', 'must_cover_in_orgs'], ['新建组织', 'new_orgs'], ['工作覆盖', 'must_cover_to_work_coverage']] as const)
      .map(([label, key]) => `${label} ${was[key].toLocaleString('zh-CN')} → ${now[key].toLocaleString('zh-CN')}`).join('；');
    expect(was.uncovered_must_cover).not.toBe(now.uncovered_must_cover);
    await expect(page.getByTestId('rules-effect').innerText()).resolves.toBe(effect);
  });

  it('after a reload the plan is made with the stored profile', async () => {
    await page.reload();
    await openMap(page, url());
    await page.getByTestId('summary-must-cover').filter({ hasText: mustCoverText(changed) }).waitFor({ timeout: 60_000 });
    await page.getByTestId('rules-button').click();
    await expect(page.getByTestId('rule-mustCoverMinEmployees').inputValue()).resolves.toBe(String(changed.mustCoverMinEmployees));
  });

  it('方案比较 plans the register under the current rules and a variant, and shows the core\'s figures for each', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('scenarios-button').click();
    await page.getByTestId('scenarios-compare').click();
    await page.getByTestId('scenarios-table').waitFor({ timeout: 60_000 });
    const expected = compareScenarios(dataset, [
      { name: 'current', rules: changed },
      { name: 'units8', rules: { ...changed, jointMaxUnits: 8 } },
      { name: 'unitsUnlimited', rules: { ...changed, jointMaxUnits: 0 } },
    ]).rows[0].figures;
    for (const [k, figures] of expected.entries()) {
      for (const key of ['mustCover', 'mustCoverInOrgs', 'newOrgs', 'workCoverage', 'umbrellas'] as const) {
        await expect(page.getByTestId(`scenario-cell-total-${k}-${key}`).innerText()).resolves.toBe(String(figures[key]));
      }
    }
  });

  it('accepting a recommendation that takes in an accepted item\'s members asks first; the emptied item cannot move on', async () => {
    const larger = { ...changed, jointMaxUnits: 8 };
    const before = planDataset({ ...dataset, rules: changed }).report.recommendations.filter((r) => r.kind === 'joint_branch');
    const after = planDataset({ ...dataset, rules: larger }).report.recommendations.filter((r) => r.kind === 'joint_branch');
    const kept = new Set(after.map((r) => r.id));
    const pair = before.filter((r) => !kept.has(r.id))
      .map((r) => [r, after.find((a) => r.enterprise_ids.every((id) => a.enterprise_ids.includes(id)))] as const)
      .find(([, a]) => a !== undefined);
    if (!pair) throw new Error('no joint branch that a limit of 8 units takes in whole into another');
    const [first, second] = pair as readonly [Recommendation, Recommendation];
    await page.keyboard.press('Escape');
    await showKind(page, '联合党支部');
    await (await pageTo(page, first.id)).getByTestId('recommendation-accept').click();
    await page.getByTestId('tab-plan').click();
    const emptied = page.locator(`[data-testid="plan-item"][data-recommendation-id="${first.id}"]`);
    await emptied.waitFor({ timeout: 30_000 });
    await expect(emptied.getByTestId('plan-item-blocked').count()).resolves.toBe(0);

    await page.getByTestId('rules-button').click();
    await page.getByTestId('rule-jointMaxUnits').fill(String(larger.jointMaxUnits));
    await page.getByTestId('rules-save').click();
    await page.getByText('规则已保存').waitFor({ timeout: 60_000 });
    // Replanned: the item's recommendation is now the larger branch.
    await emptied.locator(`[data-testid="plan-item-drift"][data-current-id="${second.id}"]`).waitFor({ timeout: 60_000 });

    await showKind(page, '联合党支部');
    await (await pageTo(page, second.id)).getByTestId('recommendation-accept').click();
    const title = first.name.replace('（建议）', '');
    await page.getByTestId('recommendation-move-confirm').filter({ hasText: `其中 ${first.enterprise_ids.length} 家企业已在计划项「${title}」中` }).waitFor();
    await page.getByRole('button', { name: '仍然采纳' }).click();
    await page.getByTestId('tab-plan').click();
    await page.locator(`[data-testid="plan-item"][data-recommendation-id="${second.id}"]`).waitFor({ timeout: 30_000 });
    await emptied.getByTestId('plan-item-blocked').filter({ hasText: '还没有选入企业' }).waitFor({ timeout: 30_000 });
    await expect(emptied.getByTestId('plan-item-next').isDisabled()).resolves.toBe(true);
  });

  it('方案比较 offers no preset that is the rules in force, and gives each figure\'s change against them', async () => {
    const rules = { ...changed, jointMaxUnits: 8 };
    const [now, unlimited] = compareScenarios(dataset, [{ name: 'current', rules }, { name: 'unitsUnlimited', rules: { ...rules, jointMaxUnits: 0 } }]).rows[0].figures;
    await page.getByTestId('scenarios-button').click();
    await page.getByTestId('scenarios-pick').click();
    await page.locator('.ant-select-item-option-disabled').filter({ hasText: '联合党支部≤8家（即现行规则）' }).waitFor();
    await page.getByTestId('scenarios-compare').click();
    // The last comparison's table (three scenarios) stays until this one (two) replaces it.
    await expect.poll(() => page.getByTestId('scenario-cell-total-2-newOrgs').count(), { timeout: 60_000 }).toBe(0);
    await page.getByTestId('scenario-cell-total-1-newOrgs').waitFor({ timeout: 60_000 });
    expect(unlimited.newOrgs).not.toBe(now.newOrgs);
    await expect(page.getByTestId('scenario-cell-total-1-newOrgs').innerText()).resolves.toBe(String(unlimited.newOrgs));
    const change = unlimited.newOrgs - now.newOrgs;
    await expect(page.getByTestId('scenario-cell-total-1-newOrgs-delta').innerText()).resolves.toBe(change > 0 ? `+${change}` : `−${-change}`);
  });
});
