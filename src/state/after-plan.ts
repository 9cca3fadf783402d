/**
 * "Before / after the plan": what coverage becomes when every plan item that is not yet formed is
 * formed. Members of an organization item count as covered (standalone ones as their own
 * organization), members of a work-coverage item as work-covered.
 */
import { Flag } from '../core/model/enterprise-table';
import { coverageCategory } from '../core/coverage/category';
import { summarize } from '../core/coverage/coverage';
import type { Summary } from '../core/model/report';
import type { PlanItem } from '../core/model/records';
import type { PlanView } from '../core/model/plan-view';
import { enterpriseIndexById } from './selectors';

export interface AfterPlan {
  flags: Uint8Array;
  categories: Uint8Array;
  summary: Summary;
}

const cache = new WeakMap<PlanView, WeakMap<PlanItem[], AfterPlan>>();

export function afterPlan(view: PlanView, planItems: PlanItem[]): AfterPlan {
  let byItems = cache.get(view);
  if (!byItems) cache.set(view, (byItems = new WeakMap()));
  let result = byItems.get(planItems);
  if (result) return result;
  const flags = view.flags.slice();
  const index = enterpriseIndexById(view);
  for (const item of planItems) {
    if (item.status === 'formed') continue;
    for (const id of item.enterpriseIds) {
      const i = index.get(id);
      if (i === undefined || !(flags[i] & Flag.OPERATING) || flags[i] & Flag.COVERED) continue;
      if (item.kind === 'work_coverage') flags[i] |= Flag.WORK_COVERED;
      else flags[i] |= Flag.COVERED | (item.kind === 'standalone' ? Flag.OWN_ORG : 0);
    }
  }
  result = { flags, categories: Uint8Array.from(flags, (f) => coverageCategory(f)), summary: summarize(flags) };
  byItems.set(planItems, result);
  return result;
}
