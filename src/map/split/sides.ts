/**
 * What each side of the side-by-side view colours: the situation now, after every plan item is formed,
 * or after every recommendation is formed; and which enterprises differ between two sides (the
 * enterprises a plan or a scenario changes, highlighted on the map).
 */
import { Flag } from '../../core/model/enterprise-table';
import { coverageCategory } from '../../core/coverage/category';
import { summarize } from '../../core/coverage/coverage';
import { UMBRELLA_KINDS } from '../../core/model/report';
import type { Summary } from '../../core/model/report';
import type { PlanItem } from '../../core/model/records';
import type { PlanView } from '../../core/model/plan-view';
import { afterPlan } from '../../state/after-plan';
import { enterpriseIndexById } from '../../state/selectors';
import type { SideKind } from '../../state/presentation';

export interface SideColouring {
  flags: Uint8Array;
  categories: Uint8Array;
  summary: Summary;
}

const recommendedCache = new WeakMap<PlanView, SideColouring>();

/** Every recommendation formed: members of an organization count as covered, of work coverage as work-covered. */
export function afterRecommendations(view: PlanView): SideColouring {
  const cached = recommendedCache.get(view);
  if (cached) return cached;
  const flags = view.flags.slice();
  const index = enterpriseIndexById(view);
  for (const rec of view.report.recommendations) {
    if (UMBRELLA_KINDS.has(rec.kind) || rec.kind === 'new_zone') continue;
    for (const id of rec.enterprise_ids) {
      const i = index.get(id);
      if (i === undefined || !(flags[i] & Flag.OPERATING) || flags[i] & Flag.COVERED) continue;
      if (rec.kind === 'work_coverage') flags[i] |= Flag.WORK_COVERED;
      else flags[i] |= Flag.COVERED | (rec.kind === 'standalone' ? Flag.OWN_ORG : 0);
    }
  }
  const out = { flags, categories: Uint8Array.from(flags, (f) => coverageCategory(f)), summary: summarize(flags) };
  recommendedCache.set(view, out);
  return out;
}

export function sideColouring(view: PlanView, planItems: PlanItem[], side: SideKind): SideColouring {
  if (side === 'plan') return afterPlan(view, planItems);
  if (side === 'recommended') return afterRecommendations(view);
  return { flags: view.flags, categories: view.categories, summary: summarize(view.flags) };
}

/** lon, lat of every mapped enterprise whose category differs between the two colourings (and is shown by the mask). */
export function changedPositions(view: PlanView, a: Uint8Array, b: Uint8Array, mask: Uint8Array | null): Float32Array {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i] || (mask && !mask[i])) continue;
    const lon = view.positions[i * 2];
    if (lon === lon) out.push(lon, view.positions[i * 2 + 1]);
  }
  return Float32Array.from(out);
}
