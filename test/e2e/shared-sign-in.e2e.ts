/**
 * The shared store's sign-in in the browser (issue 13): the app built with VITE_SUPABASE_URL, served
 * with /auth/v1 → the GoTrue stand-in (test/support, standing in for Supabase Auth, tests only) and
 * /rest/v1 → a real PostgREST in front of the test PostgreSQL (test/support/shared-stack.ts). Sign up → awaiting approval → a city
 * admin approves → the user gets in with their district's data only, kept across a reload; sign-out;
 * a street user signs in with an email code. Needs LIANJIAN_PG_URL (test/db/pg-cluster.sh start).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser';
import { point, square, startSharedStack, type SharedStack } from '../support/shared-stack';

describe('signing in to the shared store in the browser', () => {
  let stack: SharedStack;
  let browser: Browser;
  let page: Page;
  const sql = (text: string, params?: unknown[]) => stack.sql(text, params);

  beforeAll(async () => {
    stack = await startSharedStack({
      name: 'shared',
      ports: { app: 4181, postgrest: 54385, auth: 54386 },
      seed: async (db) => {
        await db(`insert into public.areas (id, name, level, parent_id, district_id, geom) values
          ('330103', '下城区', 'district', null, '330103', ${square(120.15, 30.26, 120.2, 30.3)}),
          ('330104', '江干区', 'district', null, '330104', ${square(120.2, 30.26, 120.25, 30.3)}),
          ('330103001', '武林街道', 'street', '330103', '330103', ${square(120.15, 30.26, 120.175, 30.3)})`);
        await db(`insert into public.enterprises (id, district_id, street_id, name, employees, geom) values
          ('ent-w1', '330103', '330103001', '武林一号', 10, ${point(120.16, 30.27)}),
          ('ent-w2', '330103', '330103001', '武林二号', 20, ${point(120.17, 30.28)}),
          ('ent-k1', '330104', null, '凯旋一号', 40, ${point(120.22, 30.27)})`);
      },
    });
    browser = await launch();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('sign up → awaiting approval (nothing else shown) → request filed', async () => {
    await page.goto(stack.app);
    await page.getByText('联建 · 登录').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '没有账号？注册' }).click();
    const form = page.getByTestId('password-form');
    await form.getByLabel('邮箱').fill('new@xiacheng.example');
    await form.getByLabel('密码').fill('district-password');
    await form.getByRole('button', { name: '注 册' }).or(form.getByRole('button', { name: '注册' })).click();
    const awaiting = page.getByTestId('awaiting-approval');
    await awaiting.waitFor({ timeout: 30_000 });
    expect(await awaiting.textContent()).toContain('new@xiacheng.example 已登录，但尚未获批为工作人员');
    expect(await page.getByTestId('signed-in').count()).toBe(0);
    await awaiting.getByLabel('姓名 / 单位').fill('下城新人');
    // Districts and streets are chosen by name (area_choices), not typed as codes.
    await awaiting.getByTestId('request-district').click();
    await page.locator('.ant-select-item-option[title="下城区"]').click();
    await awaiting.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('申请已提交，等待市级管理员或本区县管理员审批。').waitFor({ timeout: 30_000 });
    const { rows } = await sql(`select name, district_id, status from public.staff_requests`);
    expect(rows).toEqual([{ name: '下城新人', district_id: '330103', status: 'pending' }]);
  });

  it('a city admin approves with role and area; the user gets in and reads only that district, across a reload', async () => {
    const { rows } = await sql(`select user_id from public.staff_requests`);
    const target = rows[0].user_id as string;
    const admin = await fetch(`${stack.auth.url}/signup`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@city.example', password: 'admin-password' }),
    }).then((r) => r.json() as Promise<{ access_token: string; user: { id: string } }>);
    await sql(`insert into public.staff (user_id, name, role, is_admin) values ($1, '市委组织部', 'city', true)`, [admin.user.id]);
    const approved = await fetch(`http://127.0.0.1:${stack.postgrestPort}/rpc/set_staff`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.access_token}` },
      body: JSON.stringify({ target, new_role: 'district', district: '330103' }),
    });
    expect(approved.status).toBe(200);

    await page.getByRole('button', { name: '刷新审批状态' }).click();
    const badge = page.getByTestId('signed-in');
    await badge.waitFor({ timeout: 30_000 });
    // The scope by name (area_choices answers before the data is read): never the code 330103.
    await page.getByTestId('signed-in-scope').filter({ hasText: '下城区' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('signed-in-scope').textContent()).toBe('下城新人 · 区县 · 下城区');
    await page.waitForFunction(() => (window.__lianjianApp?.enterpriseIds(100).length ?? 0) > 0, undefined, { timeout: 120_000 });
    expect((await page.evaluate(() => window.__lianjianApp!.enterpriseIds(100))).sort()).toEqual(['ent-w1', 'ent-w2']);

    await page.reload();
    await page.getByTestId('signed-in').waitFor({ timeout: 60_000 });
    expect(await page.getByText('联建 · 登录').count()).toBe(0);
  });

  it('signs out back to the sign-in screen', async () => {
    // Sign-out is in the signed-in user's menu (the header keeps one button for who is signed in).
    await page.getByTestId('signed-in-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByText('联建 · 登录').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('signed-in').count()).toBe(0);
  });

  it('signs in with an email code (the stand-in hands the test the code it would email)', async () => {
    await page.getByRole('tab', { name: '邮箱验证码' }).click();
    const form = page.getByTestId('code-form');
    await form.getByLabel('邮箱').fill('wulin@xiacheng.example');
    await form.getByRole('button', { name: '发送验证码' }).click();
    await form.getByText('验证码已发送至 wulin@xiacheng.example').waitFor({ timeout: 30_000 });
    const code = stack.auth.codes.get('wulin@xiacheng.example')!;
    await form.getByLabel('6 位验证码').fill(code === '000000' ? '111111' : '000000');
    await form.getByRole('button', { name: '验证并登录' }).click();
    await form.getByText('验证码错误或已过期。').waitFor({ timeout: 30_000 });
    await form.getByLabel('6 位验证码').fill(code);
    await form.getByRole('button', { name: '验证并登录' }).click();
    await page.getByTestId('awaiting-approval').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('awaiting-approval').textContent()).toContain('wulin@xiacheng.example');
  });
});
