/**
 * The data path after start: every batch of changes from the repository (this page's own writes
 * before they resolve, other tabs' and other people's through the feed) is applied here and only
 * here — plan items, slides and snapshots at once, the register patched in the planning worker,
 * which plans again. Nothing re-reads the store after a change.
 */
import type { ChangeSet, Repository, StoreContents } from '../data/repository';
import { changeCount } from '../data/rpc-repository';
import type { PlanView } from '../core/model/plan-view';
import type { Slide } from '../core/model/records';
import { onlyReplaces, patchRows } from '../core/model/row-changes';
import { patchSnapshots, patchStoreContents } from '../data/contents-patch';
import type { PlanSession } from '../worker/client';
import type { Scenario, ScenarioComparison } from '../core/scenarios';
import type { RegisterPatch } from '../worker/protocol';
import { useAppStore } from './store';
import { usePlanningStore } from './planning';
import { usePresentationStore } from './presentation';
import { enterpriseIndexById } from './selectors';
import { useRuleProfileStore } from './rule-profile';
import { applyFollowUpChanges, useFollowUpStore } from './followup';

const DEFAULT_DECK = 'default';
const bySlideOrder = (a: Slide, b: Slide) => a.position - b.position || a.id.localeCompare(b.id);

let session: PlanSession | null = null;
let sent = 0;
/** Everything the page holds of the store, patched like the rest: what `keepContents` saves for the next visit. */
let contents: StoreContents | null = null;

/** Hands the data path the planning session that holds the register, and the contents it was started from. */
export function attachPlanSession(next: PlanSession, from: StoreContents): void {
  session?.close();
  session = next;
  sent = 0;
  // The greedy comparison and the what-if arrive after their plan (whose view is shown by then) and fill in its figures.
  next.onFollowUp((report) => {
    const view = useAppStore.getState().view;
    if (view) useAppStore.getState().replacePlan({ ...view, report: { ...view.report, ...report } });
  });
  contents = from;
  keepAll?.();
  useRuleProfileStore.getState().setProfile(from.ruleProfile ?? null);
  useFollowUpStore.getState().set({ notes: from.inspectionNotes ?? [], registerChanges: from.registerChanges ?? [] });
}

/** How long changes must be quiet before the whole contents are written again (it serialises the whole register). */
const KEEP_DELAY_MS = 1000;

/** Where the page keeps what it shows for the next visit: the whole contents now and then, each batch of changes in between. */
export interface ContentsKeeper {
  writeAll(contents: StoreContents, seq: number): Promise<void>;
  append(changes: ChangeSet): Promise<void>;
  /** Journal rows over the last whole write above which the whole contents are written again. */
  journalLimit: number;
}

let keepChanges: ((changes: ChangeSet) => void) | null = null;
/** After a full read (a restore) the kept copy is written whole again. */
let keepAll: (() => void) | null = null;

/**
 * Keeps what the page holds, with its feed position: the next visit draws it at once and the store
 * confirms it. `kept` says how far the keeper's copy already is (null: it has nothing usable).
 */
export function keepContents(keeper: ContentsKeeper, seq: () => number, kept: { seq: number; journalRows: number } | null): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let journalRows = kept?.journalRows ?? 0;
  const mark = () => performance.mark('lianjian:kept');
  const writeAll = () => {
    timer = null;
    if (!contents) return;
    journalRows = 0;
    void keeper.writeAll(contents, seq()).then(mark, () => undefined);
  };
  const scheduleWriteAll = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(writeAll, KEEP_DELAY_MS);
  };
  keepChanges = (changes) => {
    // A whole write is due: it will hold these changes too.
    if (timer) return scheduleWriteAll();
    journalRows += changeCount(changes);
    if (journalRows > keeper.journalLimit) return scheduleWriteAll();
    void keeper.append(changes).then(mark, () => undefined);
  };
  keepAll = scheduleWriteAll;
  if (!kept || kept.seq !== seq() || journalRows > keeper.journalLimit) scheduleWriteAll();
}

function registerPatchOf(changes: ChangeSet): RegisterPatch | null {
  const { enterprises, areas, buildings, zones, organizations, ruleProfile } = changes;
  // A changed rule profile replans the same register with the new rules.
  if (changeCount(changes, ['enterprises', 'areas', 'buildings', 'zones', 'organizations']) === 0) return null;
  return ruleProfile ? { enterprises, areas, buildings, zones, organizations, rules: ruleProfile.rules } : { enterprises, areas, buildings, zones, organizations };
}

function patchContents(changes: ChangeSet) {
  if (!contents) return;
  contents = patchStoreContents(contents, changes);
  keepChanges?.(changes);
}

/** Applies one batch of changes to everything the page shows. */
export function applyChanges(changes: ChangeSet): void {
  applyToPage(changes);
  patchContents(changes);
}

function applyToPage(changes: ChangeSet): void {
  if (changes.ruleProfile) useRuleProfileStore.getState().setProfile(changes.ruleProfile);
  applyFollowUpChanges(changes);
  const planning = usePlanningStore.getState();
  if (changes.planItems.upserted.length + changes.planItems.deleted.length > 0) {
    planning.setPlanItems(patchRows(planning.planItems, changes.planItems));
  }
  const slides = { upserted: changes.slides.upserted.filter((s) => s.deck === DEFAULT_DECK), deleted: changes.slides.deleted };
  if (slides.upserted.length + slides.deleted.length > 0) {
    const presentation = usePresentationStore.getState();
    presentation.setSlides(patchRows(presentation.slides, slides).sort(bySlideOrder));
  }
  const snapshots = patchSnapshots(useAppStore.getState().snapshots, changes.snapshots);
  if (snapshots !== useAppStore.getState().snapshots) useAppStore.setState({ snapshots });
  const patch = registerPatchOf(changes);
  if (!patch || !session) return;
  const view = useAppStore.getState().view;
  const replacesOnly = view !== null && patch.areas.upserted.length + patch.buildings.upserted.length + patch.zones.upserted.length === 0
    && onlyReplaces(enterpriseIndexById(view), patch.enterprises);
  const mine = ++sent;
  const planned = session.patch(patch);
  // An edit of rows already shown is shown at once (same rows, same places); the figures follow from the worker.
  if (view && replacesOnly && patch.enterprises.upserted.length > 0) {
    useAppStore.getState().showRows(session.enterprises.slice(0, view.enterprises.length));
    performance.mark('lianjian:rows-shown');
  }
  planned.then(
    (next: PlanView) => {
      if (mine !== sent) return;
      useAppStore.getState().replacePlan(next);
      // Read by `npm run bench:ux`: when the figures and recommendations of a change are shown.
      performance.mark('lianjian:replanned');
    },
    (error: Error) => useAppStore.getState().setFailed(error.message),
  );
}

/** What a tab says on its channel after a change: the feed position, and the rows when they are few. */
interface FeedWakeUp {
  seq: number;
  afterSeq: number;
  changes: ChangeSet | null;
}

/** Above this many rows a wake-up carries only the position (a structured clone of a big import would cost more than the pull). */
const SHARED_ROWS_LIMIT = 2000;

/**
 * Follows the feed: other tabs of this device say when they wrote (BroadcastChannel) and this tab
 * pulls; a shared store (pollMs set) is also pulled when the page regains focus and every pollMs.
 * The embedded store is not polled: only this device's tabs write it, and each pull costs a storage sync.
 */
export function followFeed(repository: Repository, channelName: string, pollMs: number | null): () => void {
  const pull = () => void repository.pullChanges().catch(() => undefined);
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
  // The embedded store has one user, so a tab's rows are every tab's rows: hand them over with the
  // wake-up (small batches) and the other tabs skip the round trip to the store.
  const shareRows = repository.kind === 'local';
  const handedOver = new WeakSet<ChangeSet>();
  const stopListening = repository.onChanges((changes, afterSeq) => {
    applyChanges(changes);
    if (handedOver.has(changes)) return;
    const rows = shareRows && changeCount(changes) <= SHARED_ROWS_LIMIT ? changes : null;
    channel?.postMessage({ seq: changes.lastSeq, afterSeq, changes: rows } satisfies FeedWakeUp);
  });
  if (channel) {
    channel.onmessage = (event: MessageEvent<FeedWakeUp>) => {
      const { seq, afterSeq, changes } = event.data;
      if (seq <= repository.feedSeq) return;
      if (!changes) return pull();
      handedOver.add(changes);
      void repository.acceptChanges(changes, afterSeq).then((taken) => taken || pull(), pull);
    };
  }
  if (pollMs === null) {
    return () => {
      stopListening();
      channel?.close();
    };
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible') pull();
  };
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', pull);
  const timer = setInterval(() => document.visibilityState === 'visible' && pull(), pollMs);
  return () => {
    stopListening();
    channel?.close();
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('focus', pull);
    clearInterval(timer);
  };
}

/** Plans the register the worker keeps under each scenario's rules (the scenario panel); the shown plan stays. */
export function compareScenarios(scenarios: Scenario[], options?: { sides?: boolean }): Promise<ScenarioComparison> {
  if (!session) return Promise.reject(new Error('no plan yet'));
  return session.compareScenarios(scenarios, options);
}
