/** Derived data, memoized on the plan view so that deck.gl sees stable references. */
import type { PlanView } from '../worker/protocol';
import type { Recommendation } from '../core/model/report';

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
export function recommendationBbox(view: PlanView, rec: Pick<Recommendation, 'enterprise_ids' | 'geometry'>): [number, number, number, number] | null {
  const index = enterpriseIndexById(view);
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const id of rec.enterprise_ids) {
    const i = index.get(id);
    if (i === undefined) continue;
    const lon = view.positions[i * 2];
    const lat = view.positions[i * 2 + 1];
    if (lon !== lon) continue;
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  if (rec.geometry) {
    for (const [lon, lat] of rec.geometry.coordinates[0]) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
