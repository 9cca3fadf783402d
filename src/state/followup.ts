/**
 * The follow-up loop's records (督查记录, what register imports found) as the page holds them, patched by
 * the data path (state/sync.ts) like plan items; and its writes, through the repository.
 */
import { create } from 'zustand';
import type { InspectionNote, NewInspectionNote, RegisterChange } from '../core/model/records';
import { patchRows } from '../core/model/row-changes';
import type { ChangeSet } from '../data/repository';
import { useAppStore } from './store';
import { repository } from './services';
import { newRegistrations, type NewRegistration } from '../core/followup/new-registrations';
import { addDays, todayInChina } from '../core/followup/status-light';
import { monthStart } from '../core/followup/rollups';
import { Flag } from '../core/model/enterprise-table';
import type { PlanView } from '../core/model/plan-view';
import { enterpriseIndexById } from './selectors';

export interface FollowUpState {
  notes: InspectionNote[];
  registerChanges: RegisterChange[];
  set(records: { notes?: InspectionNote[]; registerChanges?: RegisterChange[] }): void;
}

export const useFollowUpStore = create<FollowUpState>()((set) => ({
  notes: [],
  registerChanges: [],
  set: (records) => set(records),
}));

/** Applies a batch of feed changes (called from the data path only). */
export function applyFollowUpChanges(changes: Pick<ChangeSet, 'inspectionNotes' | 'registerChanges'>): void {
  const state = useFollowUpStore.getState();
  const size = (c: { upserted: unknown[]; deleted: string[] }) => c.upserted.length + c.deleted.length;
  if (size(changes.inspectionNotes) > 0) state.set({ notes: patchRows(state.notes, changes.inspectionNotes) });
  if (size(changes.registerChanges) > 0) state.set({ registerChanges: patchRows(useFollowUpStore.getState().registerChanges, changes.registerChanges) });
}

export function recordInspectionNote(note: NewInspectionNote): Promise<InspectionNote> {
  return repository().saveInspectionNote(note);
}

export function resolveInspectionNote(note: InspectionNote, resolved: boolean): Promise<InspectionNote> {
  return repository().saveInspectionNote({ id: note.id, version: note.version, resolved });
}

export function setAreaLeader(areaId: string, leader: string): Promise<void> {
  return repository().setAreaLeader(areaId, leader.trim());
}

// ─── Selectors ───────────────────────────────────────────────────────────────────────────────────

export interface NewRegistrationRow extends NewRegistration {
  index: number;
  name: string;
  area: string;
  mustCover: boolean;
  covered: boolean;
}

/** How far back the 新登记企业 list and the worklist's 新登记 tag reach: the previous month's first day. */
export function registrationsSince(today: string): string {
  return monthStart(addDays(monthStart(today), -1));
}

const rowsCache = new WeakMap<PlanView, WeakMap<RegisterChange[], NewRegistrationRow[]>>();

export function newRegistrationRowsOf(view: PlanView, changes: RegisterChange[], today: string): NewRegistrationRow[] {
  let byChanges = rowsCache.get(view);
  if (!byChanges) rowsCache.set(view, (byChanges = new WeakMap()));
  let rows = byChanges.get(changes);
  if (!rows) {
    const index = enterpriseIndexById(view);
    rows = newRegistrations(view.enterprises, changes, registrationsSince(today)).flatMap((r) => {
      const i = index.get(r.enterpriseId);
      if (i === undefined || !(view.flags[i] & Flag.OPERATING)) return [];
      const district = view.district[i] >= 0 ? view.areaList[view.district[i]] : null;
      const street = view.street[i] >= 0 ? view.areaList[view.street[i]] : null;
      return [{
        ...r, index: i, name: view.enterprises[i].name, area: [district?.name, street?.name].filter(Boolean).join(' '),
        mustCover: (view.flags[i] & Flag.MUST_COVER) !== 0, covered: (view.flags[i] & Flag.COVERED) !== 0,
      }];
    });
    byChanges.set(changes, rows);
  }
  return rows;
}

export function useNewRegistrationRows(): NewRegistrationRow[] {
  const view = useAppStore((s) => s.view);
  const changes = useFollowUpStore((s) => s.registerChanges);
  return view ? newRegistrationRowsOf(view, changes, todayInChina()) : [];
}

/** The ids of recent new registrations (the worklist tags them 新登记). */
export function useNewRegistrationIds(): ReadonlySet<string> {
  const rows = useNewRegistrationRows();
  return idsCache(rows);
}
const idSets = new WeakMap<NewRegistrationRow[], ReadonlySet<string>>();
function idsCache(rows: NewRegistrationRow[]): ReadonlySet<string> {
  let ids = idSets.get(rows);
  if (!ids) idSets.set(rows, (ids = new Set(rows.map((r) => r.enterpriseId))));
  return ids;
}
