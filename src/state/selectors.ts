/** Derived data, memoized on the plan view so that deck.gl sees stable references. */
import type { PlanView } from '../core/model/plan-view';
import type { Recommendation } from '../core/model/report';
import { boxOrNull, emptyBox, extendBox, extendBoxByOutline, type Bbox } from '../core/spatial/bbox';

const recommendationIndex = new WeakMap<PlanView, Map<string, Recommendation>>();
const enterpriseIndex = new WeakMap<PlanView, Map<string, number>>();
const leafOfEnterprise = new WeakMap<PlanView, Map<string, Recommendation>>();

export function recommendationsById(view: PlanView): Map<string, Recommendation> {
  let map = recommendationIndex.get(view);
  if (!map) recommendationIndex.set(view, (map = new Map(view.report.recommendations.map((r) => [r.id, r]))));
  return map;
}

export function enterpriseIndexById(view: PlanView): Map<string, number> {
  let map = enterpriseIndex.get(view);
  if (!map) enterpriseIndex.set(view, (map = new Map(view.enterprises.map((e, i) => [e.id, i]))));
  return map;
}

/** The enterprises of the view with these ids, in their order (ids the view no longer has are left out). */
export function enterprisesWithIds(view: PlanView, ids: readonly string[]): PlanView['enterprises'] {
  const index = enterpriseIndexById(view);
  return ids.map((id) => view.enterprises[index.get(id) ?? -1]).filter((e) => e !== undefined);
}

/** The leaf recommendation (org or work coverage) an enterprise is placed in, if any. */
export function recommendationOfEnterprise(view: PlanView, enterpriseId: string): Recommendation | undefined {
  let map = leafOfEnterprise.get(view);
  if (!map) {
    map = new Map();
    for (const r of view.report.recommendations) {
      if (r.kind === 'building_community' || r.kind === 'zone_org' || r.kind === 'new_zone') continue;
      for (const id of r.enterprise_ids) map.set(id, r);
    }
    leafOfEnterprise.set(view, map);
  }
  return map.get(enterpriseId);
}

/** Bounding box of a recommendation's enterprises (or its hull), for zooming to it. */
export function recommendationBbox(view: PlanView, rec: Pick<Recommendation, 'enterprise_ids' | 'geometry'>): Bbox | null {
  const index = enterpriseIndexById(view);
  const box = emptyBox();
  for (const id of rec.enterprise_ids) {
    const i = index.get(id);
    if (i !== undefined) extendBox(box, view.positions[i * 2], view.positions[i * 2 + 1]);
  }
  if (rec.geometry) extendBoxByOutline(box, rec.geometry);
  return boxOrNull(box);
}
