/**
 * `npm run bench:ux`: start-up and edit times of the built app as a person meets them, in Chromium
 * with software WebGL, for each bundled dataset: first visit (a fresh profile), later visit (the
 * same profile), 保存 → the new value shown → the figures and recommendations updated (with the
 * planning worker's own time for that replan, from the view it sent), and another
 * tab's change → shown in this tab. Prints a table (medians of --runs, default 1). Needs `npm run build` (or LIANJIAN_DIST: a build elsewhere).
 *   npm run bench:ux [-- --datasets linpu,hangzhou --runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM } from '../e2e/browser';

const { values } = parseArgs({ options: { datasets: { type: 'string', default: 'linpu,hangzhou' }, runs: { type: 'string', default: '1' } } });
const PORT = 4181;
const ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

async function open(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 900 } });
  // The page's main thread busy for 0.2 s or more at a time (listed with the start-up marks).
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration >= 200) window.__longTasks!.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  return context;
}

/**
 * From navigation: `shown`, the map painted with figures (kept contents, labelled as such while the
 * store opens); `answers`, the page free to run a script again (input is handled); `ready`, the
 * store open and the figures confirmed by it (editing possible).
 */
async function visit(page: Page, url: string): Promise<{ shown: number; answers: number; ready: number; steps: string }> {
  const started = Date.now();
  await page.goto(url);
  // A frame drawn by deck.gl after the figures were set, with the figures laid out in the page, checked
  // at each animation frame in one go (maplibre's 'idle' comes later, once its workers are done). A
  // second round trip for the figures would instead wait behind whatever the page does after that
  // frame; on software WebGL that is maplibre compiling its shaders (about 1 s, listed as a long task).
  await page.waitForFunction(() => (window.__lianjian?.frames ?? 0) > 0 && performance.getEntriesByName('lianjian:shown').length > 0
    && (document.querySelector('[data-testid="summary"]')?.getClientRects().length ?? 0) > 0, undefined, { timeout: 600_000, polling: 'raf' });
  const shown = Date.now() - started;
  // When the page next runs a script of ours: before it, input would wait (software WebGL's shader compiles).
  await page.evaluate(() => null);
  const answers = Date.now() - started;
  await page.waitForFunction(() => performance.getEntriesByName('lianjian:ready').length > 0, undefined, { timeout: 600_000, polling: 50 });
  return { shown, answers, ready: Date.now() - started, steps: await bootSteps(page) };
}

/** The page's own start-up marks (ms from navigation), to see where a slow start spent its time. */
const bootSteps = (page: Page) =>
  page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('lianjian:'));
    const steps = [['html', nav?.responseEnd ?? 0] as const, ['dom', nav?.domContentLoadedEventEnd ?? 0] as const, ...marks.map((m) => [m.name.slice('lianjian:'.length), m.startTime] as const)];
    const long = (window.__longTasks ?? []).map(([at, ms]) => `${(at / 1000).toFixed(2)}+${(ms / 1000).toFixed(2)}`);
    return `${steps.map(([name, at]) => `${name} ${(at / 1000).toFixed(2)}`).join(', ')}; long tasks ${long.join(' ')}`;
  });

declare global {
  interface Window {
    __saveClickedAt?: number;
    __longTasks?: [number, number][];
  }
}

const marks = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

/** Selects an enterprise through the app (as the worklist or search does), not by picking on the map. */
async function select(page: Page, id: string) {
  await page.evaluate((target) => window.__lianjianApp!.select(target), id);
  await page.getByTestId('detail-employees').waitFor();
}

/**
 * Times from the click itself (the event's timestamp, epoch ms: input queued behind page work counts)
 * to the first animation frame that has the new value in the page, not from when Playwright starts
 * checking that the button can be clicked (it waits for frames, which a software-rendered map delays).
 */
async function edit(page: Page, value: number): Promise<{ clickedAt: number; shownMs: number; replannedMs: number; workerMs: number }> {
  await page.getByTestId('detail-edit').click();
  await page.getByTestId('edit-employees').fill(String(value));
  const before = await marks(page, 'lianjian:replanned');
  await page.evaluate(() => {
    const button = document.querySelector('[data-testid="edit-save"]')!;
    button.addEventListener('click', (event) => { window.__saveClickedAt = performance.timeOrigin + event.timeStamp; }, { capture: true, once: true });
  });
  await page.getByTestId('edit-save').click();
  const shownAt = await shownAtFrame(page, String(value));
  const clickedAt = await page.evaluate(() => window.__saveClickedAt!);
  const replannedAt = await (await page.waitForFunction((n) => {
    const entries = performance.getEntriesByName('lianjian:replanned');
    return entries.length > n ? performance.timeOrigin + entries[entries.length - 1].startTime : null;
  }, before, { timeout: 120_000, polling: 20 })).jsonValue();
  // The planning worker's own time for that change (patch, plan, view), as the view it sent says.
  const workerMs = await page.evaluate(() => window.__lianjianApp!.workerMs() ?? Number.NaN);
  return { clickedAt, shownMs: shownAt - clickedAt, replannedMs: (replannedAt as number) - clickedAt, workerMs };
}

/**
 * Epoch ms of the first animation frame at which the enterprise detail shows `value` (a tab in the
 * background has no frames: there, the first check every 20 ms that finds it).
 */
async function shownAtFrame(page: Page, value: string, polling: 'raf' | number = 'raf'): Promise<number> {
  const handle = await page.waitForFunction((v) => (document.querySelector('[data-testid="detail-employees"]')?.textContent === v ? performance.timeOrigin + performance.now() : null), value, { timeout: 120_000, polling });
  return (await handle.jsonValue()) as number;
}

interface UxRun { first: number; firstReady: number; later: number; laterAnswers: number; laterReady: number; shown: number; replanned: number; worker: number; elsewhere: number; laterSteps: string }

async function measure(dataset: string, base: string): Promise<UxRun> {
  const url = `${base}?dataset=${dataset}`;
  const profile = mkdtempSync(join(tmpdir(), 'lianjian-ux-'));
  try {
    let context: BrowserContext = await open(profile);
    const first = await visit(context.pages()[0] ?? (await context.newPage()), url);
    // The page keeps what it showed soon after the store confirms it: let that happen, as a person's visit would.
    await context.pages()[0].waitForFunction(() => performance.getEntriesByName('lianjian:kept').length > 0, undefined, { timeout: 120_000 });
    await context.close();
    context = await open(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    const later = await visit(page, url);
    const id = await page.evaluate(() => window.__lianjianApp!.enterpriseIds(1)[0]);
    await select(page, id);
    const saved = await edit(page, 40_000 + Math.floor(Math.random() * 1000));
    const other = await context.newPage();
    await visit(other, url);
    await select(other, id);
    const value = 50_000 + Math.floor(Math.random() * 1000);
    const otherShown = shownAtFrame(other, String(value), 20);
    const { clickedAt } = await edit(page, value);
    const elsewhere = (await otherShown) - clickedAt;
    await context.close();
    return { first: first.shown, firstReady: first.ready, later: later.shown, laterAnswers: later.answers, laterReady: later.ready, shown: saved.shownMs, replanned: saved.replannedMs, worker: saved.workerMs, elsewhere, laterSteps: later.steps };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const server = await preview({ root: resolve(import.meta.dirname, '../..'), build: { outDir: process.env.LIANJIAN_DIST ?? 'dist' }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
try {
  const rows: string[][] = [];
  for (const dataset of values.datasets!.split(',')) {
    const runs: UxRun[] = [];
    for (let k = 0; k < Number(values.runs); k++) runs.push(await measure(dataset, `http://127.0.0.1:${PORT}/`));
    const m = (key: Exclude<keyof UxRun, 'laterSteps'>) => s(median(runs.map((r) => r[key])));
    rows.push([dataset, `${m('first')} (${m('firstReady')})`, `${m('later')} (${m('laterAnswers')}, ${m('laterReady')})`, m('shown'), `${m('replanned')} (${m('worker')})`, m('elsewhere')]);
    console.log(`${dataset}: ${JSON.stringify(runs)}`);
  }
  const header = ['dataset', 'first visit → map + figures (store open)', 'later visit (page answers, store open)', '保存 → value shown', '保存 → figures + recommendations (of it, the worker\'s replan)', 'other tab\'s change → shown'];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
} finally {
  await server.close();
}
