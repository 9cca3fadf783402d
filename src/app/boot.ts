/**
 * Start-up: pick the repository from configuration (Supabase when VITE_SUPABASE_URL and
 * VITE_SUPABASE_ANON_KEY are set, else the embedded store), read the data from it, plan in a worker.
 */
import { useAppStore } from '../state/store';
import { repository as openRepository, setLocalStore, setRepository } from '../state/services';
import { createPlanSession } from '../worker/client';
import { attachPlanSession, followFeed, keepContents } from '../state/sync';
import { usePlanningStore } from '../state/planning';
import { usePresentationStore } from '../state/presentation';
import { autoSnapshotEnabled } from '../state/bulletin-settings';
import { halfMonthSnapshotDue, snapshotDates } from '../core/bulletin/bulletin';
import { todayInChina } from '../core/followup/status-light';
import type { BrowserStore } from '../data/local/browser-store';
import type { Repository, StoreContents } from '../data/repository';
import { appendCachedChanges, dropCachedContents, fetchBuiltContents, JOURNAL_ROWS_LIMIT, readCachedContents, writeCachedContents } from '../data/local/contents-cache';
import type { Problem } from '../core/io/problems';
import type { Area } from '../core/model/types';
import { datasetUrl, type PageConfig } from './config';

interface DatasetMeta {
  name: string;
  notice: string | null;
  synthetic: boolean;
}

async function fetchMeta(baseUrl: string, fallback: string): Promise<DatasetMeta> {
  try {
    const response = await fetch(new URL('dataset.json', baseUrl));
    const meta = response.ok ? await response.json() : {};
    return { name: typeof meta.name === 'string' ? meta.name : fallback, notice: typeof meta.notice === 'string' ? meta.notice : null, synthetic: meta.synthetic === true };
  } catch {
    return { name: fallback, notice: null, synthetic: false };
  }
}

/** A shared store's name when it holds no areas yet (Chinese, then English, as the demo datasets' names). */
const SHARED_STORE_NAME = '共享工作区 Shared workspace';

/**
 * In shared mode the data is the shared store's, not a bundled dataset's: no demo notice, and the
 * place it covers is named after its top areas (the district a district's staff see, or the city's).
 */
export function sharedStoreMeta(areas: readonly Area[], fallback: string): DatasetMeta {
  const ids = new Set(areas.map((a) => a.id));
  const tops = areas.filter((a) => a.parent === null || !ids.has(a.parent)).map((a) => a.name);
  return { name: tops.length > 0 ? tops.join('、') : fallback, notice: null, synthetic: false };
}

async function requestPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

/** With the half-monthly setting on, the first start on or after the 1st / 16th takes that period's snapshot. */
async function takeDueSnapshot(repository: Repository): Promise<void> {
  if (!autoSnapshotEnabled()) return;
  const today = todayInChina();
  const dates = snapshotDates(useAppStore.getState().snapshots);
  if (halfMonthSnapshotDue(today, dates)) await repository.takeBulletinSnapshot(today);
}

/** How long the store waits for the map's first frame of kept contents before it starts anyway. */
const FIRST_FRAME_WAIT_MS = 5000;

/** Resolves once the map has drawn a frame (the map canvas counts them), or after `limitMs`. */
function mapPainted(limitMs: number): Promise<void> {
  const until = performance.now() + limitMs;
  return new Promise((resolve) => {
    const check = () => ((window.__lianjian?.frames ?? 0) > 0 || performance.now() > until ? resolve() : requestAnimationFrame(check));
    check();
  });
}

/** How often a shared store is asked for changes while the page is visible (other people's edits within 3 s). */
const SHARED_POLL_MS = 2000;

declare global {
  interface Window {
    /** Read by `npm run bench:ux` and the browser tests: select as the worklist does, list ids. */
    __lianjianApp?: { select(id: string): void; enterpriseIds(count: number): string[]; workerMs(): number | null };
  }
}

function exposeForBenchmarks() {
  window.__lianjianApp = {
    select: (id) => {
      const { view, selectEnterprise } = useAppStore.getState();
      const index = view?.enterprises.findIndex((e) => e.id === id) ?? -1;
      selectEnterprise(index >= 0 ? index : null);
    },
    enterpriseIds: (count) => (useAppStore.getState().view?.enterprises ?? []).slice(0, count).map((e) => e.id),
    workerMs: () => useAppStore.getState().view?.workerMs ?? null,
  };
}

/**
 * The two stores' code is loaded when it is needed, beside the first paint: PGlite's client and
 * supabase-js (with the sign-in screens) are not part of the page's first JavaScript.
 */
const loadSharedStore = () =>
  Promise.all([import('../data/supabase/supabase-repository'), import('../data/supabase/supabase-auth'), import('./sign-in')]).then(
    ([repository, auth, signIn]) => ({ ...repository, ...auth, ...signIn }),
  );

/**
 * Resolves once the start-up has taken its first step (the data handed to the planning worker, the
 * store or the shared store being opened), has failed, or after `limitMs`.
 */
export function bootUnderWay(limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const started = () => {
      const { boot, status } = useAppStore.getState();
      return boot !== null || status !== 'loading';
    };
    if (started()) return resolve();
    const timer = setTimeout(done, limitMs);
    const unsubscribe = useAppStore.subscribe(() => {
      if (started()) done();
    });
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

const boots = new Map<string, Promise<void>>();

/** Starts the app once per page and dataset (main.tsx starts it; a second call finds that start). */
export function bootApp(config: PageConfig): Promise<void> {
  const key = `${config.dataset}|${config.limit ?? ''}`;
  let boot = boots.get(key);
  if (!boot) boots.set(key, (boot = startApp(config)));
  return boot;
}

async function startApp(config: PageConfig): Promise<void> {
  const state = useAppStore.getState();
  state.setLoading();
  const progress = (step: string, done?: number, total?: number) => {
    performance.mark(`lianjian:boot ${step}`);
    useAppStore.setState({ boot: { step, done, total } });
  };
  const started = performance.now();
  // A save is shown once committed and durable a moment later: leaving in between would lose it.
  window.addEventListener('beforeunload', (event) => {
    if (useAppStore.getState().pendingWrites > 0) event.preventDefault();
  });
  try {
    const baseUrl = datasetUrl(config.dataset);
    const supabaseUrl = import.meta.env.VITE_SUPABASE_URL as string | undefined;
    const supabaseKey = import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined;
    const shared = Boolean(supabaseUrl && supabaseKey);
    const storeName = `lianjian-${config.dataset}`;
    // Both reads start at once: on a later visit the page waits on whichever comes last, not on their sum.
    const metaRead = shared ? null : fetchMeta(baseUrl, config.dataset);
    const cachedRead = shared ? Promise.resolve(null) : readCachedContents(storeName);
    const bundledMeta = metaRead ? await metaRead : null;
    const show = async (contents: StoreContents, problems: Problem[]) => {
      progress('plan');
      const meta = bundledMeta ?? sharedStoreMeta(contents.areas, SHARED_STORE_NAME);
      const session = createPlanSession();
      const view = await session.start({ dataset: { ...contents, name: meta.name }, meta, limit: config.limit, problems });
      attachPlanSession(session, contents);
      usePlanningStore.getState().setPlanItems(contents.planItems);
      usePresentationStore.getState().setSlides(contents.slides);
      useAppStore.setState({ snapshots: contents.snapshots });
      useAppStore.getState().setPlan(view);
      performance.mark('lianjian:shown');
    };
    // The one full read (at start when nothing is kept, and after a restore); then changes come through the feed.
    let stopFollowing: (() => void) | null = null;
    const follow = (repository: Repository) => {
      stopFollowing?.();
      const stopFeed = followFeed(repository, `lianjian-feed:${config.dataset}`, repository.kind === 'supabase' ? SHARED_POLL_MS : null);
      const stopPending = repository.onPendingWrites((count) => useAppStore.setState({ pendingWrites: count }));
      stopFollowing = () => {
        stopFeed();
        stopPending();
      };
      setRepository(repository);
    };
    const fullRead = async (repository: Repository, problems: Problem[] = []) => {
      progress('read');
      await show(await repository.readDataset(bundledMeta?.name ?? '', { onProgress: (read) => progress('read', read) }), problems);
      follow(repository);
    };

    if (supabaseUrl && supabaseKey) {
      progress('connect');
      const { connectSupabase, createSupabaseRepository, createSupabaseAuth, signInToSharedStore } = await loadSharedStore();
      const client = connectSupabase(supabaseUrl, supabaseKey);
      // SMS codes only where the project enables a phone provider (VITE_SUPABASE_PHONE=true; see the README).
      const phone = import.meta.env.VITE_SUPABASE_PHONE === 'true';
      await signInToSharedStore(createSupabaseAuth(client, { phone })); // resolves once a staff member is signed in
      const repository = createSupabaseRepository(client);
      useAppStore.setState({ storage: { kind: 'supabase', persisted: null, firstStart: false, opening: false, bootMs: 0 } });
      setLocalStore(null);
      await fullRead(repository);
    } else {
      const storeModule = import('../data/local/browser-store');
      const persisted = requestPersistence();
      // The store opens in its worker while the page draws what it kept from the last visit (or, on a
      // first visit, what the build read from the store image); the store then confirms it.
      // The kept contents are read before the store starts: the store's own IndexedDB traffic (loading
      // its files, or writing a first visit's image) would otherwise queue this read behind it.
      // The store starts once the map has painted them: compiling its WebAssembly takes every core
      // for seconds and would otherwise hold back the first frame.
      const cached = await cachedRead;
      const kept = cached ?? (await fetchBuiltContents(baseUrl));
      if (kept) {
        await show(kept.contents, []);
        useAppStore.setState({ storage: { kind: 'local', persisted: null, firstStart: false, opening: true, bootMs: performance.now() - started } });
        await mapPainted(FIRST_FRAME_WAIT_MS);
      } else progress('engine');
      const { openBrowserStore } = await storeModule;
      let opened: BrowserStore = await openBrowserStore(storeName, baseUrl, () => {});
      performance.mark('lianjian:store-open');
      const repository = () => opened.store.repository;
      const confirm = async () => {
        if (kept && kept.storeId === opened.store.storeId && (await repository().feedHead()) >= kept.seq) {
          repository().resumeFrom(kept.seq);
          follow(repository());
          await repository().pullChanges();
        } else await fullRead(repository(), opened.problems);
      };
      await confirm();
      useAppStore.setState({ storage: { kind: 'local', persisted: await persisted, firstStart: opened.firstStart, opening: false, bootMs: performance.now() - started } });
      setLocalStore({
        exportDump: () => opened.store.exportDump(),
        restore: async (dump) => {
          useAppStore.getState().setLoading();
          setRepository(null);
          await dropCachedContents(storeName);
          opened = await opened.restore(dump);
          await fullRead(repository());
        },
      });
      keepContents({
        writeAll: (contents, seq) => writeCachedContents(storeName, { storeId: opened.store.storeId, seq, contents }),
        append: (changes) => appendCachedChanges(storeName, opened.store.storeId, changes),
        journalLimit: JOURNAL_ROWS_LIMIT,
      }, () => repository().feedSeq, cached && cached.storeId === opened.store.storeId ? { seq: cached.seq, journalRows: cached.journalRows } : null);
      // In the background: the first save would otherwise wait seconds for a cold engine.
      void opened.store.warmUp().then(() => performance.mark('lianjian:warm'), () => undefined);
    }
    performance.mark('lianjian:ready');
    exposeForBenchmarks();
    await takeDueSnapshot(openRepository());
    const storage = useAppStore.getState().storage;
    if (storage) useAppStore.setState({ storage: { ...storage, bootMs: performance.now() - started } });
  } catch (error) {
    useAppStore.getState().setFailed((error as Error).message);
  }
}
