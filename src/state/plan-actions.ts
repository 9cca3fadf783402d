/**
 * Writes of the planning workspace, through the repository: accept a recommendation, save the draft,
 * edit an item's people and dates, move its status. Each write hands what it changed (the item, and
 * for 已组建 its organization and covered enterprises) to the data path (state/sync.ts) before it
 * resolves, so nothing is read again here. A write at a stale version brings in the others' changes
 * before it fails (state/catching-up.ts).
 */
import type { Recommendation } from '../core/model/report';
import type { PlanItem, PlanItemPatch, PlanItemStatus } from '../core/model/records';
import { Flag } from '../core/model/enterprise-table';
import { pointsInPolygon } from '../core/spatial/points-in-polygon';
import type { PolygonGeometry } from '../core/model/types';
import type { PlanView } from '../core/model/plan-view';
import { repository } from './services';
import { catchingUp } from './catching-up';
import { usePlanningStore, type Draft } from './planning';
import { enterpriseIndexById } from './selectors';

/** The district most of the members lie in (plan items and their rows are kept per district). */
export function districtOfMembers(view: PlanView, enterpriseIds: readonly string[]): string | null {
  const index = enterpriseIndexById(view);
  const counts = new Map<number, number>();
  for (const id of enterpriseIds) {
    const d = view.district[index.get(id) ?? -1] ?? -1;
    if (d >= 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = -1, bestCount = 0;
  for (const [d, c] of counts) if (c > bestCount) [best, bestCount] = [d, c];
  return best >= 0 ? view.areaList[best].id : null;
}

export async function acceptRecommendation(view: PlanView, rec: Recommendation, title: string): Promise<PlanItem> {
  const item = await repository().createPlanItem({
    districtId: districtOfMembers(view, rec.enterprise_ids), title, kind: rec.kind, level: rec.level,
    enterpriseIds: rec.enterprise_ids, recommendationId: rec.id, geometry: rec.geometry ?? null,
  });
  return item;
}

/**
 * A new zone (区域联建) around an uncovered cluster, named `name`; a refusal throws with the database's
 * reason. `created` runs once the zone is stored. The zone reaches the register with the write's own
 * changes and the worker plans again (the next plan groups the cluster's enterprises by the zone).
 */
export async function createRecommendedZone(rec: Recommendation, name: string, created?: () => void): Promise<void> {
  if (!rec.geometry) return;
  const results = await repository().upsertPlaces('zones', [{ id: `Z-${rec.id}-${Date.now().toString(36)}`, name, kind: 'business_district', geometry: rec.geometry }]);
  const refused = results.find((x) => x.action === 'rejected');
  if (refused) throw new Error(refused.message ?? '');
  created?.();
}

export async function saveDraft(view: PlanView, draft: Draft): Promise<PlanItem> {
  const repo = repository();
  const fields = { title: draft.title, kind: draft.kind, level: draft.level, enterpriseIds: draft.enterpriseIds, geometry: draft.geometry };
  const saved = draft.itemId === null || draft.version === null
    ? await repo.createPlanItem({ ...fields, districtId: districtOfMembers(view, draft.enterpriseIds), recommendationId: draft.recommendationId })
    : await catchingUp(() => repo.updatePlanItem(draft.itemId as string, fields, draft.version as number));
  usePlanningStore.getState().closeDraft();
  return saved;
}

export async function updatePlanItem(item: PlanItem, patch: PlanItemPatch): Promise<void> {
  await catchingUp(() => repository().updatePlanItem(item.id, patch, item.version));
}

export async function deletePlanItem(item: PlanItem): Promise<void> {
  await catchingUp(() => repository().deletePlanItem(item.id, item.version));
}

export async function movePlanItem(item: PlanItem, status: PlanItemStatus): Promise<void> {
  await catchingUp(() => repository().setPlanItemStatus(item.id, status, item.version));
}

/** Enterprises a drawn outline takes: operating, not yet in an organization; the covered ones inside are counted apart. */
export function enterprisesInOutline(view: PlanView, outline: PolygonGeometry): { ids: string[]; skipped: number } {
  const ids: string[] = [];
  let skipped = 0;
  for (const i of pointsInPolygon(view.positions, outline)) {
    const f = view.flags[i];
    if (!(f & Flag.OPERATING) || f & Flag.COVERED) skipped++;
    else ids.push(view.enterprises[i].id);
  }
  return { ids, skipped };
}

/** The operating, not yet covered enterprises whose place index (building or zone) is `place`. */
export function candidatesIn(view: PlanView, placeOf: Int32Array, place: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < placeOf.length; i++) {
    if (placeOf[i] !== place) continue;
    const f = view.flags[i];
    if (f & Flag.OPERATING && !(f & Flag.COVERED)) ids.push(view.enterprises[i].id);
  }
  return ids;
}

/** Which saved plan item (not the one being edited) each enterprise belongs to. */
const itemOfCache = new WeakMap<PlanItem[], Map<string, PlanItem>>();
export function planItemOfEnterprise(items: PlanItem[]): Map<string, PlanItem> {
  let map = itemOfCache.get(items);
  if (!map) {
    map = new Map();
    for (const item of items) for (const id of item.enterpriseIds) if (!map.has(id) || item.status !== 'formed') map.set(id, item);
    itemOfCache.set(items, map);
  }
  return map;
}

/** The other plan items, not formed, that hold some of `ids`, with how many each: saving these ids takes them from there. */
export function openItemsHolding(items: PlanItem[], ids: readonly string[], exceptItemId: string | null = null): Map<PlanItem, number> {
  const itemOf = planItemOfEnterprise(items);
  const held = new Map<PlanItem, number>();
  for (const id of ids) {
    const other = itemOf.get(id);
    if (other && other.id !== exceptItemId && other.status !== 'formed') held.set(other, (held.get(other) ?? 0) + 1);
  }
  return held;
}
