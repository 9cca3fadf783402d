/** The worklist: every operating must-cover enterprise not yet in an organization, with its plan item. */
import { useAppStore } from './store';
import { usePlanningStore } from './planning';
import { planItemOfEnterprise } from './plan-actions';
import { Flag } from '../core/model/enterprise-table';
import type { PlanItem } from '../core/model/records';
import type { PlanView } from '../core/model/plan-view';

export interface WorklistRow {
  index: number;
  id: string;
  name: string;
  area: string;
  districtId: string | null;
  streetId: string | null;
  employees: number | null;
  members: number;
  item: PlanItem | null;
}

const cache = new WeakMap<PlanView, WeakMap<PlanItem[], WorklistRow[]>>();

/** Memoized per (view, plan items), so the tab and the export share one pass. */
export function worklistRowsOf(view: PlanView, planItems: PlanItem[]): WorklistRow[] {
  let byItems = cache.get(view);
  if (!byItems) cache.set(view, (byItems = new WeakMap()));
  let rows = byItems.get(planItems);
  if (!rows) byItems.set(planItems, (rows = computeRows(view, planItems)));
  return rows;
}

export function useWorklistRows(): WorklistRow[] {
  const view = useAppStore((s) => s.view);
  const planItems = usePlanningStore((s) => s.planItems);
  return view ? worklistRowsOf(view, planItems) : [];
}

function computeRows(view: PlanView, planItems: PlanItem[]): WorklistRow[] {
  const itemOf = planItemOfEnterprise(planItems);
  const rows: WorklistRow[] = [];
  for (let i = 0; i < view.enterprises.length; i++) {
    const f = view.flags[i];
    if (!(f & Flag.OPERATING) || !(f & Flag.MUST_COVER) || f & Flag.COVERED) continue;
    const e = view.enterprises[i];
    const district = view.district[i] >= 0 ? view.areaList[view.district[i]] : null;
    const street = view.street[i] >= 0 ? view.areaList[view.street[i]] : null;
    rows.push({
      index: i, id: e.id, name: e.name, area: [district?.name, street?.name].filter(Boolean).join(' '),
      districtId: district?.id ?? null, streetId: street?.id ?? null, employees: e.employees,
      members: (e.partyMembers ?? 0) + (e.probationaryMembers ?? 0), item: itemOf.get(e.id) ?? null,
    });
  }
  return rows;
}
