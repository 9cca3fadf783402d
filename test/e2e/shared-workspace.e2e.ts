/**
 * The shared workspace in the browser (issue 13): the app built with VITE_SUPABASE_URL, served with
 * /auth/v1 → the GoTrue stand-in, /realtime/v1 → the Realtime stand-in (both test/support, standing in
 * for Supabase's servers, tests only) and /rest/v1 → a real PostgREST in front of the test PostgreSQL.
 *   the city admin sees the districts ranked and approves a sign-up in the staff panel → the newcomer
 *   gets in and sees only that district: its enterprises, its figures, its streets ranked;
 *   a change by the city (window A) appears in the district user's open detail panel (window B) without
 *   a reload, the wake-up sent by the database through Realtime;
 *   a street user cannot edit another street's enterprise and is told why (the control is disabled);
 *   a session ended elsewhere → back to the sign-in screen with a clear message.
 * Needs LIANJIAN_PG_URL (test/db/pg-cluster.sh start).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';
import { point, square, startSharedStack, type SharedStack } from '../support/shared-stack';
import type { GoTrueStandIn } from '../support/gotrue-stand-in';
import type { RealtimeStandIn } from '../support/realtime-stand-in';
import { createStaffUser } from '../support/start-shared';

let stack: SharedStack;
const sql = (text: string, params?: unknown[]) => stack.sql(text, params);

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(stack.app);
  await page.getByText('联建 · 登录').waitFor({ timeout: 120_000 });
  const form = page.getByTestId('password-form');
  await form.getByLabel('邮箱').fill(email);
  await form.getByLabel('密码').fill(password);
  await form.getByRole('button', { name: /登\s*录/ }).click();
}

const shownIds = (page: Page) => page.evaluate(() => window.__lianjianApp!.enterpriseIds(1000).sort());
const waitForRows = (page: Page) => page.waitForFunction(() => (window.__lianjianApp?.enterpriseIds(5).length ?? 0) > 0, undefined, { timeout: 180_000 });

describe('the shared workspace in the browser: staff panel, district scope, live changes, ended sessions', () => {
  let auth: GoTrueStandIn;
  let realtime: RealtimeStandIn;
  let browser: Browser;
  let cityContext: BrowserContext;
  let newcomerContext: BrowserContext;
  let city: Page;
  let newcomer: Page;

  beforeAll(async () => {
    stack = await startSharedStack({
      name: 'shared-workspace',
      ports: { app: 4183, postgrest: 54387, auth: 54388, realtime: 54389 },
      seed: async (db) => {
        await db(`insert into public.areas (id, name, level, parent_id, district_id, geom) values
          ('330103', '下城区', 'district', null, '330103', ${square(120.15, 30.26, 120.2, 30.3)}),
          ('330104', '江干区', 'district', null, '330104', ${square(120.2, 30.26, 120.25, 30.3)}),
          ('330103001', '武林街道', 'street', '330103', '330103', ${square(120.15, 30.26, 120.175, 30.3)}),
          ('330103002', '天水街道', 'street', '330103', '330103', ${square(120.175, 30.26, 120.2, 30.3)}),
          ('330104001', '凯旋街道', 'street', '330104', '330104', ${square(120.2, 30.26, 120.25, 30.3)})`);
        await db(`insert into public.enterprises (id, district_id, street_id, name, employees, status, geom) values
          ('ent-w1', '330103', '330103001', '武林一号', 10, '在营', ${point(120.16, 30.27)}),
          ('ent-w2', '330103', '330103001', '武林二号', 20, '在营', ${point(120.17, 30.28)}),
          ('ent-t1', '330103', '330103002', '天水一号', 30, '在营', ${point(120.18, 30.28)}),
          ('ent-k1', '330104', '330104001', '凯旋一号', 40, '在营', ${point(120.22, 30.27)}),
          ('ent-k2', '330104', '330104001', '凯旋二号', 50, '在营', ${point(120.23, 30.28)})`);
        // A plan item both the city and 下城区 see: the soft lock's card.
        await db(`insert into public.plan_items (id, district_id, title, kind, level) values
          ('aaaaaaaa-1111-4000-8000-00000000000a', '330103', '武林联合党支部', 'joint_branch', 'branch')`);
        await db(`insert into public.plan_item_enterprises (plan_item_id, enterprise_id, district_id) values
          ('aaaaaaaa-1111-4000-8000-00000000000a', 'ent-w1', '330103'), ('aaaaaaaa-1111-4000-8000-00000000000a', 'ent-w2', '330103')`);
      },
    });
    auth = stack.auth;
    realtime = stack.realtime!;
    await createStaffUser(auth.url, stack.adminUrl, {
      email: 'city@lianjian.example', password: 'city-password', name: '市委组织部', role: 'city', districtId: null, streetId: null, isAdmin: true,
    });
    browser = await launch();
    cityContext = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    newcomerContext = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    city = await cityContext.newPage();
    newcomer = await newcomerContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the city admin: name, role and scope in the header; every district, the districts ranked', async () => {
    await signIn(city, 'city@lianjian.example', 'city-password');
    await city.getByTestId('signed-in').waitFor({ timeout: 60_000 });
    await waitForRows(city);
    expect(await city.getByTestId('signed-in-scope').textContent()).toBe('市委组织部 · 市级管理员 · 全市');
    expect(await shownIds(city)).toEqual(['ent-k1', 'ent-k2', 'ent-t1', 'ent-w1', 'ent-w2']);
    expect(await city.getByTestId('area-table').getByTestId('area-name').allTextContents()).toEqual(expect.arrayContaining(['下城区', '江干区']));
    expect(await city.getByTestId('area-table').getByTestId('area-name').count()).toBe(2);
    // The shared store's data is nobody's demo: no 合成示例数据 tag, whatever ?dataset says.
    expect(await city.getByTestId('synthetic-tag').count()).toBe(0);
    // Realtime: the city's private channel is joined (the stand-in checked RLS on realtime.messages).
    await city.locator('[data-testid="live-status"][data-live="yes"]').waitFor({ timeout: 30_000 });
  });

  it('a newcomer signs up and asks; the city admin approves them in the staff panel; they get in with only 下城区', async () => {
    await newcomer.goto(stack.app);
    await newcomer.getByText('联建 · 登录').waitFor({ timeout: 120_000 });
    await newcomer.getByRole('button', { name: '没有账号？注册' }).click();
    const form = newcomer.getByTestId('password-form');
    await form.getByLabel('邮箱').fill('new@xiacheng.example');
    await form.getByLabel('密码').fill('district-password');
    await form.getByRole('button', { name: /注\s*册/ }).click();
    const awaiting = newcomer.getByTestId('awaiting-approval');
    await awaiting.waitFor({ timeout: 30_000 });
    await awaiting.getByLabel('姓名 / 单位').fill('下城新人');
    // Districts and streets are chosen by name (area_choices), not typed as codes.
    await awaiting.getByTestId('request-district').click();
    await newcomer.locator('.ant-select-item-option[title="下城区"]').click();
    await awaiting.getByRole('button', { name: '提交申请' }).click();
    await newcomer.getByText('申请已提交，等待市级管理员或本区县管理员审批。').waitFor({ timeout: 30_000 });

    await city.getByTestId('staff-button').click();
    const panel = city.getByTestId('staff-panel');
    await panel.getByTestId('request-name').filter({ hasText: '下城新人' }).waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('staff-requests').textContent()).toContain('下城区');
    await panel.getByTestId('approve').click();
    const dialog = city.getByTestId('assign-staff');
    await dialog.getByText('批准 下城新人').waitFor();
    await city.getByRole('button', { name: /保\s*存/ }).click();
    await city.getByText('已批准 下城新人').waitFor({ timeout: 30_000 });
    await panel.getByTestId('staff-tab-staff').click();
    const row = panel.getByTestId('staff-list').locator('tr', { hasText: '下城新人' });
    await row.waitFor();
    expect(await row.getByTestId('staff-area').textContent()).toBe('下城区');
    await panel.getByTestId('staff-tab-audit').click();
    const audit = panel.getByTestId('staff-audit').locator('tr', { hasText: '下城新人' }).filter({ hasText: '批准为' });
    await audit.waitFor();
    expect(await audit.textContent()).toContain('市委组织部');
    expect(await audit.textContent()).toContain('批准为 区县（下城区）');
    const { rows } = await sql(`select s.role, s.district_id, s.approved_by = c.user_id as by_city from public.staff s, public.staff c
      where s.name = '下城新人' and c.name = '市委组织部'`);
    expect(rows).toEqual([{ role: 'district', district_id: '330103', by_city: true }]);
    await city.screenshot({ path: 'test-results/shared-workspace-staff-panel.png' });
    await city.locator('.ant-drawer-close').click();
    await panel.waitFor({ state: 'detached' });

    await newcomer.getByRole('button', { name: '刷新审批状态' }).click();
    await newcomer.getByTestId('signed-in').waitFor({ timeout: 60_000 });
    await waitForRows(newcomer);
    expect(await newcomer.getByTestId('signed-in-scope').textContent()).toBe('下城新人 · 区县 · 下城区');
    expect(await shownIds(newcomer)).toEqual(['ent-t1', 'ent-w1', 'ent-w2']);
    // Its figures and its streets ranked (not the districts): 3 enterprises, 武林街道 and 天水街道.
    expect(await newcomer.getByTestId('overview-scope').textContent()).toContain('下城区');
    const streets = await newcomer.getByTestId('area-table').getByTestId('area-name').allTextContents();
    expect(streets.sort()).toEqual(['天水街道', '武林街道']);
    expect(await newcomer.getByTestId('overview').textContent()).toContain('在营企业3');
    // Not a city admin: no staff panel, no rule changes.
    expect(await newcomer.getByTestId('staff-button').count()).toBe(0);
    await newcomer.locator('[data-testid="live-status"][data-live="yes"]').waitFor({ timeout: 30_000 });
    await newcomer.screenshot({ path: 'test-results/shared-workspace-district.png' });
  });

  it('a change by the city appears in the district user\'s open detail panel without a reload (the database\'s wake-up through Realtime)', async () => {
    await newcomer.evaluate(() => window.__lianjianApp!.select('ent-w1'));
    await newcomer.getByTestId('detail-employees').filter({ hasText: '10' }).waitFor({ timeout: 30_000 });
    await city.evaluate(() => window.__lianjianApp!.select('ent-w1'));
    await city.getByTestId('detail-employees').filter({ hasText: '10' }).waitFor({ timeout: 30_000 });
    await city.getByTestId('detail-edit').click().catch(async (e: Error) => {
      await city.screenshot({ path: 'test-results/shared-workspace-edit-failed.png' });
      throw e;
    });
    await city.getByTestId('edit-employees').fill('77');
    const before = realtime.log.length;
    await city.getByTestId('edit-save').click();
    await newcomer.getByTestId('detail-employees').filter({ hasText: '77' }).waitFor({ timeout: 30_000 });
    expect(realtime.log.slice(before)).toContainEqual(['out', 'district:330103', 'broadcast feed']);
    // The edit history names the city's staff member (staff_names: the city is in every district's scope).
    await newcomer.getByTestId('history-title').filter({ hasText: '市委组织部' }).first().waitFor({ timeout: 30_000 });
  });

  it('the header in shared mode at 1366 × 768, zh-CN and English: one row that fits, no dataset selector, sign-out in the user\'s menu', async () => {
    const layout = (page: Page) => page.evaluate(() => {
      const header = document.querySelector('.app-header') as HTMLElement;
      const items = [...header.querySelectorAll(':scope > .ant-space > .ant-space-item')].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0);
      items.sort((a, b) => a.left - b.left);
      const centres = items.map((r) => r.top + r.height / 2);
      return {
        overflow: header.scrollWidth - header.clientWidth,
        right: Math.max(...items.map((r) => r.right)),
        width: header.clientWidth,
        height: header.getBoundingClientRect().height,
        spread: Math.max(...centres) - Math.min(...centres),
        overlaps: items.slice(1).filter((r, i) => r.left < items[i].right + 4).length,
      };
    });
    for (const [page, name] of [[city, 'city'], [newcomer, 'district']] as const) {
      await page.setViewportSize({ width: 1366, height: 768 });
      for (const language of ['zh-CN', 'en'] as const) {
        if (language === 'en') {
          await page.locator('.app-header').getByText('English', { exact: true }).click();
          await page.locator('html[lang="en"]').waitFor();
        }
        expect(await page.getByTestId('dataset-select').count()).toBe(0);
        expect(await page.getByTestId('storage-tag').count()).toBe(0);
        const fit = await layout(page);
        await page.locator('.app-header').screenshot({ path: `test-results/shared-workspace-header-${name}-${language}.png` });
        expect(fit).toMatchObject({ overflow: 0, height: 52, overlaps: 0 });
        expect(fit.right).toBeLessThanOrEqual(fit.width - 8);
        expect(fit.spread).toBeLessThanOrEqual(2);
      }
      expect(await page.getByTestId('signed-in-scope').textContent()).toBe(name === 'city' ? '市委组织部 · City admin · Whole city' : '下城新人 · District · 下城区');
      await page.getByTestId('signed-in-menu').click();
      await page.getByTestId('sign-out').waitFor();
      await page.screenshot({ path: `test-results/shared-workspace-page-${name}-en.png` });
      await page.keyboard.press('Escape');
      await page.getByTestId('sign-out').waitFor({ state: 'hidden' });
      await page.locator('.app-header').getByText('中文', { exact: true }).click();
      await page.locator('html[lang="zh-CN"]').waitFor();
    }
  });

  it('a street user: its scope in the header; another street\'s enterprise cannot be edited, with the reason; its own can', async () => {
    await createStaffUser(auth.url, stack.adminUrl, {
      email: 'wulin@xiacheng.example', password: 'street-password', name: '武林街道党建办', role: 'street', districtId: '330103', streetId: '330103001', isAdmin: false,
    });
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 800 } })).newPage();
    await signIn(page, 'wulin@xiacheng.example', 'street-password');
    await page.getByTestId('signed-in').waitFor({ timeout: 60_000 });
    await waitForRows(page);
    expect(await page.getByTestId('signed-in-scope').textContent()).toBe('武林街道党建办 · 乡镇街道 · 下城区 · 武林街道');
    expect(await shownIds(page)).toEqual(['ent-t1', 'ent-w1', 'ent-w2']);
    await page.evaluate(() => window.__lianjianApp!.select('ent-t1'));
    const refused = page.getByTestId('refused').filter({ has: page.getByTestId('detail-edit') });
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.getAttribute('data-reason')).toBe('这是天水街道的企业：乡镇街道工作人员只能修改本街道（武林街道）的企业');
    expect(await page.getByTestId('detail-edit').isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-results/shared-workspace-street.png' });
    await page.evaluate(() => window.__lianjianApp!.select('ent-w2'));
    await page.getByTestId('detail-employees').filter({ hasText: '20' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('detail-edit').isDisabled()).toBe(false);
    expect(await page.getByTestId('staff-button').count()).toBe(0);
    await page.context().close();
  });

  it('the soft lock: the district user sees on the plan item\'s card that the street user is editing it, and it clears when they stop', async () => {
    // Both on 下城区's channel (district:330103): the street user's presence carries the item it edits.
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 800 } })).newPage();
    await signIn(page, 'wulin@xiacheng.example', 'street-password');
    await page.getByTestId('signed-in').waitFor({ timeout: 60_000 });
    await waitForRows(page);
    await page.locator('[data-testid="live-status"][data-live="yes"]').waitFor({ timeout: 30_000 });
    const card = (p: Page) => p.getByTestId('plan-item').filter({ hasText: '武林联合党支部' });
    await newcomer.getByTestId('tab-plan').click();
    await card(newcomer).waitFor({ timeout: 30_000 });
    expect(await card(newcomer).getByTestId('plan-item-editing-by').count()).toBe(0);
    await page.getByTestId('tab-plan').click();
    await card(page).getByTestId('plan-item-edit').click();
    await page.getByTestId('draft-editor').waitFor({ timeout: 30_000 });
    const lock = card(newcomer).getByTestId('plan-item-editing-by');
    await lock.waitFor({ timeout: 30_000 });
    expect(await lock.textContent()).toBe('正在由 武林街道党建办 编辑');
    await card(newcomer).screenshot({ path: 'test-results/shared-workspace-soft-lock.png' });
    // The editor's own card shows no lock of its own.
    expect(await page.getByTestId('plan-item-editing-by').count()).toBe(0);
    await page.getByTestId('draft-cancel').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'detached', timeout: 30_000 });
    await lock.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await card(newcomer).isVisible()).toBe(true);
    await page.context().close();
  });

  it('the soft lock across the city and a district (each on its own channel; the city is present on the district\'s too)', async () => {
    const card = (p: Page) => p.getByTestId('plan-item').filter({ hasText: '武林联合党支部' });
    await city.getByTestId('tab-plan').click();
    await card(city).waitFor({ timeout: 30_000 });
    // The city edits: the district sees it.
    await card(city).getByTestId('plan-item-edit').click();
    await city.getByTestId('draft-editor').waitFor({ timeout: 30_000 });
    const lockForDistrict = card(newcomer).getByTestId('plan-item-editing-by');
    await lockForDistrict.waitFor({ timeout: 30_000 });
    expect(await lockForDistrict.textContent()).toBe('正在由 市委组织部 编辑');
    await city.getByTestId('draft-cancel').click();
    await lockForDistrict.waitFor({ state: 'detached', timeout: 30_000 });
    // The district edits: the city sees it.
    await card(newcomer).getByTestId('plan-item-edit').click();
    await newcomer.getByTestId('draft-editor').waitFor({ timeout: 30_000 });
    const lockForCity = card(city).getByTestId('plan-item-editing-by');
    await lockForCity.waitFor({ timeout: 30_000 });
    expect(await lockForCity.textContent()).toBe('正在由 下城新人 编辑');
    await card(city).screenshot({ path: 'test-results/shared-workspace-soft-lock-city.png' });
    await newcomer.getByTestId('draft-cancel').click();
    await lockForCity.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('a session ended elsewhere: back to the sign-in screen with a clear message', async () => {
    // Short-lived tokens make supabase-js refresh within its next tick; the refresh is refused.
    auth.setAccessTokenLifetime(40);
    const page = await (await browser.newContext()).newPage();
    await signIn(page, 'city@lianjian.example', 'city-password');
    await page.getByTestId('signed-in').waitFor({ timeout: 60_000 });
    auth.endSessions('city@lianjian.example');
    await page.getByText('登录已过期或已在别处退出，请重新登录。').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('signed-in').count()).toBe(0);
    await page.getByText('联建 · 登录').waitFor();
    auth.setAccessTokenLifetime(3600);
  });
});
