/** Figures that follow the filter: the scope's summary, the per-area table, memoized on (view, filter). */
import { useAppStore } from './store';
import { usePlanningStore } from './planning';
import { filterMask, type EnterpriseFilter } from './filter';
import { rollUpAreas, summarize } from '../core/coverage/coverage';
import type { AreaRow, Summary } from '../core/model/report';
import type { PlanView } from '../core/model/plan-view';

let last: { view: PlanView; filter: EnterpriseFilter; mask: Uint8Array | null } | null = null;

export function maskFor(view: PlanView, filter: EnterpriseFilter): Uint8Array | null {
  if (last && last.view === view && last.filter === filter) return last.mask;
  last = { view, filter, mask: filterMask(view, filter) };
  return last.mask;
}

export function useFilterMask(): Uint8Array | null {
  const view = useAppStore((s) => s.view);
  const filter = usePlanningStore((s) => s.filter);
  return view ? maskFor(view, filter) : null;
}

const summaries = new WeakMap<PlanView, Map<Uint8Array | null, Summary>>();
const areaTables = new WeakMap<PlanView, Map<Uint8Array | null, AreaRow[]>>();

function memo<T>(cache: WeakMap<PlanView, Map<Uint8Array | null, T>>, view: PlanView, mask: Uint8Array | null, make: () => T): T {
  let byMask = cache.get(view);
  if (!byMask) cache.set(view, (byMask = new Map()));
  let value = byMask.get(mask);
  if (value === undefined) {
    if (byMask.size > 8) byMask.clear();
    byMask.set(mask, (value = make()));
  }
  return value;
}

export function scopeSummary(view: PlanView, mask: Uint8Array | null): Summary {
  return memo(summaries, view, mask, () => summarize(view.flags, mask ?? undefined));
}

export function areaTable(view: PlanView, mask: Uint8Array | null): AreaRow[] {
  return memo(areaTables, view, mask, () => rollUpAreas(view.flags, view.areaList, view.district, view.street, mask ?? undefined));
}
