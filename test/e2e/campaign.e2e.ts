/**
 * The campaign's working methods in the browser (issue 16) on the 临浦镇 demo: the overview's counts,
 * the transfer worklist, 已转接 through the database (the enterprise's formal members rise, the figures
 * follow), the campaign filters and the what-if line. Screenshots in test-results/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openMap } from './browser';
import { builtFile } from './helpers';
import { parseEnterprisesCsv } from '../../src/core/io/enterprises-csv';
import { pendingTransfers } from '../../src/core/campaign/members';
import { isOperating } from '../../src/core/model/scope';

const out = resolve(__dirname, '../../test-results');
const url = () => `${inject('baseUrl')}?dataset=linpu`;
const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, ''));

describe('理顺党员组织关系 · 党群联动 · 重点企业 (临浦镇)', () => {
  let browser: Browser;
  let page: Page;
  const register = parseEnterprisesCsv(readFileSync(builtFile('data/linpu/enterprises.csv'), 'utf8')).enterprises;
  const pendingInAll = register.reduce((n, e) => n + pendingTransfers(e), 0);
  /** The enterprise whose transfer the second case completes. */
  let transferredId = '';

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await openMap(page, url());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the overview shows members elsewhere, transferred, mass organizations without a Party organization, key enterprises and the what-if', async () => {
    expect(pendingInAll).toBeGreaterThan(0);
    await page.getByTestId('campaign-overview').waitFor();
    expect(await numberIn(page, 'campaign-elsewhere')).toBe(register.reduce((n, e) => n + (e.membersElsewhere ?? 0), 0));
    expect(await numberIn(page, 'campaign-transferred')).toBe(register.reduce((n, e) => n + (e.membersTransferred ?? 0), 0));
    expect(await numberIn(page, 'campaign-key')).toBe(register.filter((e) => e.keyCategory).length);
    // The what-if (a second plan) follows the plan: wait for it, then read it.
    await page.getByTestId('what-if-line').filter({ hasText: new RegExp(`若 ${pendingInAll} 名在外党员完成转接：\\d+ 家企业可单独组建，可新增 \\d+ 个联合党支部，覆盖 \\d+ 家应建企业`) }).waitFor();
    await page.getByTestId('campaign-overview').screenshot({ path: resolve(out, 'campaign-overview.png') });
  });

  it('marks a transfer 已转接 from the worklist: the formal members rise through the database, the counts follow', async () => {
    await page.getByTestId('tab-worklist').click();
    await page.getByTestId('tab-transfers').click();
    await page.getByTestId('transfer-worklist').waitFor();
    await expect(page.getByTestId('transfer-total').innerText()).resolves.toContain(`${pendingInAll} 名党员待转接`);
    const transferredBefore = register.reduce((n, e) => n + (e.membersTransferred ?? 0), 0);
    // The first row: open its enterprise, read its formal members and what is pending.
    await page.getByTestId('transfer-row-name').first().click();
    await page.getByTestId('detail-panel').waitFor();
    const name = await page.getByTestId('detail-name').innerText();
    const target = register.find((e) => e.name === name && pendingTransfers(e) > 0)!;
    expect(target).toBeDefined();
    transferredId = target.id;
    const pending = pendingTransfers(target);
    const formalBefore = Number(await page.getByTestId('detail-party-members').innerText());
    expect(formalBefore).toBe(target.partyMembers ?? 0);
    await page.getByTestId('detail-panel').screenshot({ path: resolve(out, 'campaign-detail-before.png') });

    await page.getByTestId('detail-panel').getByTestId('transfer-mark').click();
    await page.getByTestId('transfer-confirm').click();
    await page.getByTestId('detail-party-members').filter({ hasText: String(formalBefore + pending) }).waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('detail-transfer-status').innerText()).resolves.toMatch(/^已转接/);
    await expect(page.getByTestId('detail-elsewhere').innerText()).resolves.toContain('待转 0 名');
    await page.getByTestId('transfer-total').filter({ hasText: `${pendingInAll - pending} 名党员待转接` }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: resolve(out, 'campaign-transfer-done.png') });

    await page.getByRole('tab', { name: '概览' }).click();
    await page.getByTestId('campaign-transferred').filter({ hasText: String(transferredBefore + pending) }).waitFor({ timeout: 60_000 });
    // The what-if follows the replanned register.
    await page.getByTestId('what-if-line').filter({ hasText: `若 ${pendingInAll - pending} 名在外党员` }).waitFor();
  });

  it('filters the map and the figures to 已建群团未建党组织', async () => {
    const shown = async () => (await page.getByTestId('filter-count').innerText()).replace(/\s/g, '');
    await page.getByTestId('filter-campaign').click();
    await page.getByText('已建群团未建党组织', { exact: true }).last().click();
    const massOrgs = register.filter((e) => e.orgId === '' && (e.tradeUnion || e.youthLeague || e.womensFederation)).length;
    await page.getByTestId('filter-count').filter({ hasText: `显示 ${massOrgs.toLocaleString('zh-CN')}` }).waitFor({ timeout: 30_000 }).catch(async () => {
      throw new Error(`filter count is "${await shown()}", expected ${massOrgs} enterprises`);
    });
    expect(await numberIn(page, 'campaign-mass-org')).toBe(massOrgs);
    // The what-if follows the filter too, not only an area: the members still elsewhere in what it shows.
    const pendingShown = register
      .filter((e) => e.orgId === '' && (e.tradeUnion || e.youthLeague || e.womensFederation) && isOperating(e.status) && e.id !== transferredId)
      .reduce((n, e) => n + pendingTransfers(e), 0);
    expect(pendingShown).toBeLessThan(pendingInAll);
    await page.getByTestId('what-if-line').filter({ hasText: pendingShown > 0 ? `若 ${pendingShown} 名在外党员完成转接` : '当前范围内没有待转接的党员' }).waitFor({ timeout: 30_000 })
      .catch(async () => { throw new Error(`what-if line is "${await page.getByTestId('what-if-line').innerText()}", expected ${pendingShown} pending`); });
    await page.screenshot({ path: resolve(out, 'campaign-filter-mass-org.png') });
  });

  it('edits a mass organization in the form (through update_enterprise), shown by name', async () => {
    // The filter is still on (已建群团未建党组织): the enterprise opened before is still in the panel.
    await page.getByTestId('detail-edit').click();
    await page.getByTestId('edit-form').waitFor();
    await page.getByTestId('edit-union').click();
    await page.locator('.ant-select-dropdown:visible').getByText('有', { exact: true }).click();
    await page.getByTestId('edit-save').click();
    await page.getByTestId('detail-mass-orgs').filter({ hasText: '工会 有' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('campaign-detail').screenshot({ path: resolve(out, 'campaign-detail-edited.png') });
  });
});
