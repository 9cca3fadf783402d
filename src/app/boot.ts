/**
 * Start-up: pick the repository from configuration (Supabase when VITE_SUPABASE_URL and
 * VITE_SUPABASE_ANON_KEY are set, else the embedded store), read the data from it, plan in a worker.
 */
import { useAppStore } from '../state/store';
import { createPlanSession } from '../worker/client';
import { followFeed, attachPlanSession } from '../state/sync';
import { usePlanningStore } from '../state/planning';
import { usePresentationStore } from '../state/presentation';
import { autoSnapshotEnabled } from '../state/bulletin-settings';
import { halfMonthSnapshotDue, snapshotDates } from '../core/bulletin/bulletin';
import { openBrowserStore, type BrowserStore } from '../data/local/browser-store';
import { connectSupabase, createSupabaseRepository } from '../data/supabase/supabase-repository';
import type { Repository } from '../data/repository';
import type { Problem } from '../core/io/problems';
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
  const today = new Date().toLocaleDateString('sv-SE');
  const dates = snapshotDates(useAppStore.getState().snapshots);
  if (halfMonthSnapshotDue(today, dates)) await repository.takeBulletinSnapshot(today);
}

/** How often a shared store is asked for changes while the page is visible (other people's edits within 3 s). */
const SHARED_POLL_MS = 2000;

declare global {
  interface Window {
    /** Read by `npm run bench:ux` and the browser tests: select as the worklist does, list ids. */
    __lianjianApp?: { select(id: string): void; enterpriseIds(count: number): string[] };
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
  };
}

const boots = new Map<string, Promise<void>>();

/** Starts the app once per page and dataset (React's development double effects would otherwise boot twice). */
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
  try {
    const baseUrl = datasetUrl(config.dataset);
    const meta = await fetchMeta(baseUrl, config.dataset);
    const supabaseUrl = import.meta.env.VITE_SUPABASE_URL as string | undefined;
    const supabaseKey = import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined;
    let repository: Repository;
    let problems: Problem[] = [];
    if (supabaseUrl && supabaseKey) {
      progress('connect');
      repository = createSupabaseRepository(connectSupabase(supabaseUrl, supabaseKey));
      useAppStore.setState({ storage: { kind: 'supabase', persisted: null, firstStart: false, bootMs: 0 }, localStore: null });
    } else {
      const persisted = await requestPersistence();
      let opened: BrowserStore = await openBrowserStore(`lianjian-${config.dataset}`, baseUrl, progress);
      repository = opened.store.repository;
      problems = opened.problems;
      useAppStore.setState({
        storage: { kind: 'local', persisted, firstStart: opened.firstStart, bootMs: performance.now() - started },
        localStore: {
          exportDump: () => opened.store.exportDump(),
          restore: async (dump) => {
            useAppStore.getState().setLoading();
            opened = await opened.restore(dump);
            repository = opened.store.repository;
            useAppStore.setState({ repository });
            await useAppStore.getState().refresh?.();
          },
        },
      });
    }
    // The one full read (at start, and after a restore); afterwards changes arrive through the feed.
    let stopFollowing: (() => void) | null = null;
    const refresh = async () => {
      progress('read');
      const contents = await repository.readDataset(meta.name, { onProgress: (read) => progress('read', read) });
      progress('plan');
      const session = createPlanSession();
      const view = await session.start({ dataset: contents, meta, limit: config.limit, problems });
      attachPlanSession(session);
      usePlanningStore.getState().setPlanItems(contents.planItems);
      usePresentationStore.getState().setSlides(contents.slides);
      useAppStore.setState({ snapshots: contents.snapshots });
      useAppStore.getState().setPlan(view);
      stopFollowing?.();
      stopFollowing = followFeed(repository, `lianjian-feed:${config.dataset}`, repository.kind === 'supabase' ? SHARED_POLL_MS : null);
    };
    useAppStore.setState({ repository, refresh });
    await refresh();
    performance.mark('lianjian:ready');
    exposeForBenchmarks();
    await takeDueSnapshot(repository);
    const storage = useAppStore.getState().storage;
    if (storage) useAppStore.setState({ storage: { ...storage, bootMs: performance.now() - started } });
  } catch (error) {
    useAppStore.getState().setFailed((error as Error).message);
  }
}
