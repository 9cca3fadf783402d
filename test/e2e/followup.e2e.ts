/**
 * The follow-up loop (督办) in Chromium on the Linpu demo, in a fresh embedded store: an accepted plan
 * item past its due date shows red on the worklist, the plan list and in the 督办 rollups; an inspection
 * note is recorded and is still there after a reload; the leader of the town is set and shown in the
 * overview; a register re-import with one new row lists it as 新登记 (must-cover flagged, tagged on the
 * worklist).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { countColours, launch, mapSettled, nextPaint, openMap } from './browser';
import { builtFile } from './helpers';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import { UMBRELLA_KINDS } from '../../src/core/model/report';
import { checkCharacter } from '../../src/core/io/credit-code';
import { readXlsxRows } from '../../src/core/io/xlsx';

const out = resolve(__dirname, '../../test-results');
const url = () => `${inject('baseUrl')}?dataset=linpu`;
const { dataset } = readDatasetFolder(builtFile('data/linpu'));
const plan = planDataset(dataset);
const town = dataset.areas.find((a) => a.level === 'street')!;
const OWNER = '督办测试负责人';

async function pickOption(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Opens a tab of the side panel, through the tab bar's overflow menu when the bar has no room for it. */
async function openTab(page: Page, testId: string, label: string) {
  const more = page.locator('.app-sider .ant-tabs-nav-more');
  if (await more.isVisible()) {
    await more.hover();
    const entry = page.locator('.ant-tabs-dropdown:visible .ant-tabs-dropdown-menu-item').filter({ hasText: label });
    await page.locator('.ant-tabs-dropdown:visible').waitFor();
    if ((await entry.count()) > 0) {
      await entry.click();
      return;
    }
    await page.mouse.move(0, 0);
  }
  await page.getByTestId(testId).click();
}

describe('the follow-up loop in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await openMap(page, url());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an accepted item past its due date is red on the plan list, the worklist and in the 督办 rollups', async () => {
    const rec = plan.report.recommendations.find((r) => !UMBRELLA_KINDS.has(r.kind) && r.kind !== 'work_coverage' && r.must_cover > 0);
    if (!rec) throw new Error('no leaf recommendation with must-cover enterprises');
    await openTab(page, 'tab-recommendations', '规划建议');
    await page.locator(`[data-testid="recommendation-item"][data-rec-id="${rec.id}"]`).getByTestId('recommendation-accept').click();
    await page.getByText('已采纳为计划项').waitFor();
    await openTab(page, 'tab-plan', '组建计划');
    const item = page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"]`);
    // No deadline yet: grey (未定时限), the gap 三定 closes.
    await expect(item.getByTestId('status-light').getAttribute('data-light')).resolves.toBe('undated');
    await item.getByTestId('plan-item-owner').fill(OWNER);
    await item.getByTestId('plan-item-apply').click();
    await page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"] [data-testid="plan-item-owner"][value="${OWNER}"]`).waitFor();
    const picker = page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"] .ant-picker input`);
    await picker.click();
    await picker.fill('2011-11-10');
    await picker.press('Enter');
    await page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"] [data-testid="status-light"][data-light="overdue"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"] [data-testid="status-light"]`).innerText()).resolves.toBe('已逾期');
    await page.screenshot({ path: resolve(out, 'followup-plan-list.png') });
    // On the map the item's outline is drawn in its light: red pixels of exactly the overdue colour.
    await page.locator(`[data-testid="plan-item"][data-recommendation-id="${rec.id}"]`).getByTestId('plan-item-title').click();
    await mapSettled(page);
    const map = await page.getByTestId('map').screenshot({ path: resolve(out, 'followup-map-outline.png') });
    expect(countColours(map, [[207, 19, 34]], 4).matching[0]).toBeGreaterThan(50);

    await openTab(page, 'tab-worklist', '工作清单');
    await pickOption(page, 'worklist-owner', OWNER);
    const lights = page.getByTestId('worklist').getByTestId('status-light');
    await lights.first().waitFor();
    expect(new Set(await lights.evaluateAll((els) => els.map((e) => e.getAttribute('data-light'))))).toEqual(new Set(['overdue']));
    // Red as 红黄绿 says: the tag's colour is the overdue light's.
    await expect(lights.first().evaluate((e) => getComputedStyle(e).backgroundColor)).resolves.toBe('rgb(207, 19, 34)');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: resolve(out, 'followup-worklist.png') });

    await openTab(page, 'tab-followup', '督办');
    const ownerRow = page.getByTestId('rollup-owners').locator('tr').filter({ hasText: OWNER });
    await expect(ownerRow.getByTestId('rollup-overdue').innerText()).resolves.toBe('1');
  });

  it('records an inspection note against the town; it is there after a reload', async () => {
    await openTab(page, 'tab-followup', '督办');
    await page.getByTestId('followup-notes').click();
    await pickOption(page, 'note-target', town.name);
    await page.getByTestId('note-inspector').fill('区委组织部督查组');
    await page.getByTestId('note-finding').fill('东藩村两家企业未落实联络员');
    await page.getByTestId('note-save').click();
    await page.getByText('督查记录已保存').waitFor();
    await page.getByTestId('inspection-note').filter({ hasText: '东藩村两家企业未落实联络员' }).waitFor();

    await openMap(page, url());
    await openTab(page, 'tab-followup', '督办');
    await page.getByTestId('followup-notes').click();
    const note = page.getByTestId('inspection-note').filter({ hasText: '东藩村两家企业未落实联络员' });
    await note.waitFor({ timeout: 30_000 });
    await expect(note.getByTestId('note-about').innerText()).resolves.toBe(town.name);
    await expect(note.innerText()).resolves.toContain('区委组织部督查组');
    await page.screenshot({ path: resolve(out, 'followup-notes.png') });
  });

  it('sets the town\'s leader in charge, shown in the overview ranking', async () => {
    await page.getByTestId('followup-areas').click();
    await page.locator(`[data-testid="area-leader"][data-area="${town.id}"]`).click();
    await page.getByTestId('leader-input').fill('陈镇长');
    await page.getByTestId('leader-save').click();
    await page.getByText(`${town.name}的包干领导已设为陈镇长`).waitFor();
    await page.locator(`[data-testid="area-leader"][data-area="${town.id}"]`).filter({ hasText: '陈镇长' }).waitFor();
    await page.screenshot({ path: resolve(out, 'followup-areas.png') });
    await page.getByText('概览', { exact: true }).click();
    await page.getByTestId('overview').locator('.ant-segmented-item').filter({ hasText: '街道' }).click();
    const townRow = page.getByTestId('area-table').locator('tr').filter({ hasText: town.name });
    await townRow.getByTestId('area-leader-cell').filter({ hasText: '陈镇长' }).waitFor();
    await page.screenshot({ path: resolve(out, 'followup-overview-leader.png') });
  });

  it('a re-import with one new row lists it as 新登记, must-cover flagged and tagged on the worklist', async () => {
    const first17 = '91330109MA2FU0P1';
    const stem = `${first17}X`.slice(0, 17);
    const code = `${stem}${checkCharacter(stem)}`;
    const known = dataset.enterprises.find((e) => e.creditCode && e.lon !== null)!;
    const dir = mkdtempSync(join(tmpdir(), 'lianjian-followup-'));
    const file = join(dir, 'linpu-register-update.csv');
    const header = '单位名称,统一社会信用代码,区县,乡镇街道,地址,经度,纬度,从业人员,正式党员,预备党员,注册资本（万元）,所属行业,经营状态,业主是否党员,所属党组织,工作覆盖';
    const rows = [
      [known.name, known.creditCode, '萧山区', town.name, known.address, known.lon, known.lat, known.employees ?? '', known.partyMembers ?? '', known.probationaryMembers ?? '',
        known.registeredCapital ?? '', known.industry, known.status, known.ownerIsMember === null ? '' : known.ownerIsMember ? '是' : '否', known.orgId, known.workCovered ? '是' : '否'],
      ['临浦督办新登记科技有限公司', code, '萧山区', town.name, '临浦镇峙山路8号', 120.2702, 30.0581, 48, 0, 0, 500, '制造业', '在营', '否', '', '否'],
    ];
    writeFileSync(file, `${header}\n${rows.map((r) => r.map((v) => (String(v).includes(',') ? `"${String(v)}"` : String(v))).join(',')).join('\n')}\n`);

    await page.getByTestId('import-button').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-commit').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page.getByText('新登记 1 家，移出或注销 0 家').waitFor({ timeout: 60_000 });

    await openTab(page, 'tab-followup', '督办');
    await page.getByTestId('followup-registrations').click();
    const row = page.getByTestId('new-registrations').locator('tr').filter({ hasText: '临浦督办新登记科技有限公司' });
    await row.waitFor({ timeout: 30_000 });
    await expect(row.getByTestId('registration-must-cover').innerText()).resolves.toBe('应建');
    await expect(page.getByTestId('new-registrations').locator('tr').filter({ hasText: known.name }).count()).resolves.toBe(0);
    await page.screenshot({ path: resolve(out, 'followup-registrations.png') });

    await openTab(page, 'tab-worklist', '工作清单');
    await page.getByTestId('worklist-owner').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '未列入计划' }).first().click();
    // The new enterprise is the register's last row: scroll the (virtual) table to its end.
    const tagged = page.getByTestId('worklist').locator('.ant-table-row').filter({ hasText: '临浦督办新登记科技有限公司' });
    await page.getByTestId('worklist').locator('.ant-table-tbody-virtual-holder').hover();
    for (let k = 0; k < 60 && (await tagged.count()) === 0; k++) {
      await page.mouse.wheel(0, 1200);
      await nextPaint(page);
    }
    await page.screenshot({ path: resolve(out, 'followup-worklist-new.png') });
    await tagged.getByTestId('worklist-new-registration').waitFor({ timeout: 30_000 });
  });

  it('the weekly meeting sheet lists the overdue item under its owner, as XLSX too; the bulletin counts it with the new registration', async () => {
    await openTab(page, 'tab-followup', '督办');
    await page.getByTestId('weekly-collapse').getByText('每周例会表').click();
    const sheet = page.getByTestId('weekly-sheet');
    await sheet.locator('tr').filter({ hasText: OWNER }).filter({ hasText: '逾期' }).first().waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('weekly-xlsx').click()]);
    const rows = await readXlsxRows(new Uint8Array(readFileSync(await file.path())));
    expect(rows[0].slice(0, 3)).toEqual(['责任人', '事项', '拟建党组织']);
    expect(rows.some((r) => r[0] === OWNER && r[1] === '逾期' && r[5] === '已逾期')).toBe(true);
    await page.screenshot({ path: resolve(out, 'followup-weekly.png') });

    await openTab(page, 'tab-bulletin', '通报');
    await page.getByTestId('bulletin-take').click();
    await page.getByTestId('bulletin-table').getByTestId('bulletin-overdue').first().waitFor({ timeout: 30_000 });
    const district = page.getByTestId('bulletin-table').locator('tr').filter({ hasText: '萧山区' });
    await expect(district.getByTestId('bulletin-overdue').innerText()).resolves.toBe('1');
    await expect(district.getByTestId('bulletin-new-registrations').innerText()).resolves.toBe('1（0）');
    await page.screenshot({ path: resolve(out, 'followup-bulletin.png') });
  });
});
