/**
 * The stored rule profile in Chromium: changing a rule in 规则设置 stores it, the plan is computed
 * again with it (the figures become the core's for that profile), and a reload plans with it too.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openMap } from './browser';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import type { RuleProfile } from '../../src/core/model/types';
import { compareScenarios } from '../../src/core/scenarios';
import { builtFile } from './helpers';

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
    await page.getByTestId('rule-mustCoverMinEmployees').fill(String(changed.mustCoverMinEmployees));
    await page.getByTestId('rule-mustCoverAnyMember').click();
    await page.getByTestId('rules-save').click();
    await page.getByText('规则已保存').waitFor({ timeout: 60_000 });
    await page.getByTestId('summary-must-cover').filter({ hasText: mustCoverText(changed) }).waitFor({ timeout: 60_000 });
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
});
