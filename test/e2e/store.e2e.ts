import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, openMap } from './browser';
import { loneEnterprise, openEnterprise, savesWritten } from './helpers';

const out = resolve(__dirname, '../../test-results');
const url = () => `${inject('baseUrl')}?dataset=linpu`;

async function editEmployees(page: Page, value: number) {
  await page.getByTestId('detail-edit').click();
  await page.getByTestId('edit-employees').fill(String(value));
  await page.getByTestId('edit-save').click();
}

describe('the embedded store (PGlite + PostGIS in IndexedDB) in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const target = loneEnterprise();
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    writeFileSync(resolve(out, 'store-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    await browser?.close();
  });

  it('boots on first start: migrations, demo data loaded into the store, map drawn', async () => {
    const started = Date.now();
    await openMap(page, url());
    timings.firstBootMs = Date.now() - started;
    await expect(page.getByTestId('storage-tag').innerText()).resolves.toMatch(/本机存储/);
    await expect(page.getByTestId('summary').innerText()).resolves.toMatch(/587/);
  });

  it('saves an edit, and a reload keeps it (warm boot from IndexedDB)', async () => {
    await openEnterprise(page, target);
    await editEmployees(page, 4321);
    await page.getByTestId('detail-employees').filter({ hasText: '4321' }).waitFor({ timeout: 60_000 });
    await savesWritten(page);
    // What the next visit draws first keeps the edit as one small journal entry, not a rewrite of the register.
    await page.waitForFunction(() => new Promise<boolean>((done) => {
      const open = indexedDB.open('lianjian-contents');
      open.onsuccess = () => {
        const read = open.result.transaction('contents').objectStore('contents').getAll(IDBKeyRange.bound('lianjian-linpu#', 'lianjian-linpu#\uffff'));
        read.onsuccess = () => {
          open.result.close();
          done((read.result as string[]).some((entry) => entry.length < 20_000 && entry.includes('"employees":4321')));
        };
        read.onerror = () => done(false);
      };
      open.onerror = () => done(false);
    }), undefined, { timeout: 30_000 });
    const started = Date.now();
    await page.reload();
    await openMap(page, url());
    timings.warmBootMs = Date.now() - started;
    await openEnterprise(page, target);
    await expect(page.getByTestId('detail-employees').innerText()).resolves.toBe('4321');
  });

  it('exports the whole store as a file', async () => {
    await page.getByTestId('storage-menu').click();
    const download = page.waitForEvent('download');
    await page.getByText('导出整个数据库…').click();
    await page.getByText('导出整个数据库…').waitFor({ state: 'hidden' });
    const file = await (await download).path();
    const size = readFileSync(file).length;
    timings.exportBytes = size;
    expect(size).toBeGreaterThan(100_000);
  });

  it('refuses a stale edit from a second page instead of overwriting', async () => {
    const second = await context.newPage();
    await openMap(second, url());
    await openEnterprise(second, target);
    await second.getByTestId('detail-edit').click();
    // The first page saves in the meantime…
    await editEmployees(page, 1111);
    await page.getByTestId('detail-employees').filter({ hasText: '1111' }).waitFor({ timeout: 60_000 });
    // …so the second page's edit, made on the older version, is refused.
    await second.getByTestId('edit-employees').fill('2222');
    await second.getByTestId('edit-save').click();
    await second.getByText('已被他人修改').waitFor({ timeout: 30_000 });
    await savesWritten(page);
    await page.reload();
    await openMap(page, url());
    await openEnterprise(page, target);
    await expect(page.getByTestId('detail-employees').innerText()).resolves.toBe('1111');
    await second.close();
  });

  it('shows an edit made in another tab without a reload (the feed, woken by the other tab)', async () => {
    const second = await context.newPage();
    await openMap(second, url());
    await openEnterprise(second, target);
    await expect(second.getByTestId('detail-employees').innerText()).resolves.toBe('1111');
    await editEmployees(page, 3333);
    await page.getByTestId('detail-employees').filter({ hasText: '3333' }).waitFor({ timeout: 60_000 });
    await second.getByTestId('detail-employees').filter({ hasText: '3333' }).waitFor({ timeout: 30_000 });
    await second.close();
  });
});
