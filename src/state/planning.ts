/**
 * The planning workspace's state: saved plan items, the filter, the map tool, and the plan item being
 * edited (the draft) with its undo / redo history. Writes go through `plan-actions.ts`.
 */
import { create } from 'zustand';
import type { OrgLevel, PolygonGeometry } from '../core/model/types';
import type { RecommendationKind } from '../core/model/report';
import type { PlanItem } from '../core/model/records';
import { EMPTY_FILTER, type EnterpriseFilter } from './filter';

export type MapTool = 'select' | 'pick' | 'polygon' | 'freehand';

export interface Draft {
  /** The saved item this draft edits; null for a new one. */
  itemId: string | null;
  version: number | null;
  title: string;
  kind: RecommendationKind;
  level: OrgLevel | null;
  enterpriseIds: string[];
  geometry: PolygonGeometry | null;
  recommendationId: string | null;
}

export type DraftChange = Partial<Omit<Draft, 'itemId' | 'version'>>;

const HISTORY_LIMIT = 100;

export interface PlanningState {
  planItems: PlanItem[];
  filter: EnterpriseFilter;
  tool: MapTool;
  /** The figures and lists follow what is on screen. */
  followScreen: boolean;
  /** Drawing an outline or clicking a building / zone takes only its uncovered must-cover enterprises (the default). */
  mustCoverOnly: boolean;
  draft: Draft | null;
  past: Draft[];
  future: Draft[];
  setPlanItems(items: PlanItem[]): void;
  setFilter(change: Partial<EnterpriseFilter>): void;
  resetFilter(): void;
  setTool(tool: MapTool): void;
  setFollowScreen(on: boolean): void;
  setMustCoverOnly(on: boolean): void;
  startDraft(draft: Draft): void;
  /** An undoable change to the draft. */
  editDraft(change: DraftChange): void;
  toggleMember(enterpriseId: string): void;
  addMembers(enterpriseIds: readonly string[]): void;
  undo(): void;
  redo(): void;
  closeDraft(): void;
}

export function newDraft(kind: RecommendationKind = 'joint_branch'): Draft {
  return { itemId: null, version: null, title: '', kind, level: 'branch', enterpriseIds: [], geometry: null, recommendationId: null };
}

export function draftOf(item: PlanItem): Draft {
  return {
    itemId: item.id, version: item.version, title: item.title, kind: item.kind, level: item.level,
    enterpriseIds: [...item.enterpriseIds], geometry: item.geometry, recommendationId: item.recommendationId,
  };
}

export const usePlanningStore = create<PlanningState>()((set, get) => {
  const change = (next: (draft: Draft) => Draft) => {
    const { draft, past } = get();
    if (!draft) return;
    const updated = next(draft);
    if (updated === draft) return;
    set({ draft: updated, past: [...past, draft].slice(-HISTORY_LIMIT), future: [] });
  };
  return {
    planItems: [],
    filter: EMPTY_FILTER,
    tool: 'select',
    followScreen: false,
    mustCoverOnly: true,
    draft: null,
    past: [],
    future: [],
    setPlanItems: (planItems) => set({ planItems }),
    setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
    resetFilter: () => set({ filter: EMPTY_FILTER }),
    setTool: (tool) => set({ tool }),
    setFollowScreen: (followScreen) => set({ followScreen }),
    setMustCoverOnly: (mustCoverOnly) => set({ mustCoverOnly }),
    startDraft: (draft) => set({ draft, past: [], future: [], tool: 'pick' }),
    editDraft: (patch) => change((d) => ({ ...d, ...patch })),
    toggleMember: (id) =>
      change((d) => ({ ...d, enterpriseIds: d.enterpriseIds.includes(id) ? d.enterpriseIds.filter((x) => x !== id) : [...d.enterpriseIds, id] })),
    addMembers: (ids) =>
      change((d) => {
        const have = new Set(d.enterpriseIds);
        const added = ids.filter((id) => !have.has(id));
        return added.length === 0 ? d : { ...d, enterpriseIds: [...d.enterpriseIds, ...added] };
      }),
    undo: () => {
      const { draft, past, future } = get();
      if (!draft || past.length === 0) return;
      set({ draft: past[past.length - 1], past: past.slice(0, -1), future: [draft, ...future] });
    },
    redo: () => {
      const { draft, past, future } = get();
      if (!draft || future.length === 0) return;
      set({ draft: future[0], past: [...past, draft], future: future.slice(1) });
    },
    closeDraft: () => set({ draft: null, past: [], future: [], tool: 'select' }),
  };
});
