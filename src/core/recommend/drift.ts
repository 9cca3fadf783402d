/**
 * Whether an accepted plan item's recommendation is still what the plan recommends. Ids are derived
 * from a recommendation's kind, place and members (identity.ts), so the same id means the same
 * recommendation; when the id is gone, the current recommendation of the same kind that shares the
 * most of the item's enterprises is its successor ("建议已变化：成员 +2 −1"); with none it is gone.
 */
import type { Recommendation } from '../model/report';

export type RecommendationDrift =
  | { state: 'same'; current: Recommendation }
  | { state: 'changed'; current: Recommendation; added: string[]; removed: string[] }
  | { state: 'gone' };

/** What a plan item brings to the comparison. */
export interface AcceptedItem {
  recommendationId: string | null;
  enterpriseIds: readonly string[];
}

/** The id's kind prefix: S, J, A, W, BC, ZO, NZ (ids are "<prefix>-<rest>"). */
const prefixOf = (id: string): string => id.slice(0, Math.max(0, id.indexOf('-')));

/**
 * Compares an accepted item with the current recommendations. `null` when the item came from no
 * recommendation. `added` / `removed` are the current recommendation's enterprises not in the item,
 * and the item's not in it, each sorted.
 */
export function recommendationDrift(item: AcceptedItem, recommendations: readonly Recommendation[]): RecommendationDrift | null {
  const id = item.recommendationId;
  if (!id) return null;
  const same = recommendations.find((r) => r.id === id);
  if (same) return { state: 'same', current: same };
  const members = new Set(item.enterpriseIds);
  const prefix = prefixOf(id);
  let best: Recommendation | null = null;
  let bestShared = 0;
  for (const r of recommendations) {
    if (prefixOf(r.id) !== prefix) continue;
    let shared = 0;
    for (const e of r.enterprise_ids) if (members.has(e)) shared++;
    if (shared > bestShared || (shared === bestShared && shared > 0 && best !== null && r.id < best.id)) [best, bestShared] = [r, shared];
  }
  if (!best) return { state: 'gone' };
  const current = new Set(best.enterprise_ids);
  return {
    state: 'changed',
    current: best,
    added: best.enterprise_ids.filter((e) => !members.has(e)).sort(),
    removed: item.enterpriseIds.filter((e) => !current.has(e)).sort(),
  };
}
