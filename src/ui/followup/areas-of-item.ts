/** Where a plan item lies: the districts and streets of its members (its own district when it has none). */
import type { PlanView } from '../../core/model/plan-view';
import type { PlanItem } from '../../core/model/records';
import { enterpriseIndexById } from '../../state/selectors';

export function areasOfItem(view: PlanView): (item: PlanItem) => string[] {
  const index = enterpriseIndexById(view);
  return (item) => {
    const areas = new Set<string>();
    for (const id of item.enterpriseIds) {
      const i = index.get(id);
      if (i === undefined) continue;
      if (view.district[i] >= 0) areas.add(view.areaList[view.district[i]].id);
      if (view.street[i] >= 0) areas.add(view.areaList[view.street[i]].id);
    }
    if (areas.size === 0 && item.districtId) areas.add(item.districtId);
    return [...areas];
  };
}
