/**
 * Which enterprises the map, the figures and the lists show: a search text and attribute filters,
 * turned into one mask over the plan view's rows. One pass over typed arrays and prepared strings.
 */
import { Flag } from '../core/model/enterprise-table';
import type { CoverageCategory } from '../core/coverage/category';
import type { PlanView } from '../core/model/plan-view';
import { boxOrNull, emptyBox, extendBoxByOutline, type Bbox } from '../core/spatial/bbox';
import { isMassOrgWithoutParty, pendingTransfers } from '../core/campaign/members';

export const SIZE_BANDS = ['lt10', '10to29', '30to99', '100to299', 'ge300', 'unknown'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export interface EnterpriseFilter {
  /** Matched in name, credit code and address, case-insensitively. */
  text: string;
  /** A district or street id; its enterprises only. */
  areaId: string | null;
  industries: string[];
  sizes: SizeBand[];
  mustCover: 'any' | 'yes' | 'no';
  categories: CoverageCategory[];
  operating: 'any' | 'yes' | 'no';
  /** [west, south, east, north]: what is on screen, when the scope is the screen. */
  bbox: [number, number, number, number] | null;
  /** The campaign's lists (issue 16): transfers would unlock it, 已建群团未建党组织, members still elsewhere. */
  campaign?: CampaignFilter;
  /** Key enterprises of these categories (亿元以上 / 优势成长型 / 双重管理 …). */
  keyCategories?: string[];
}

export type CampaignFilter = 'any' | 'unlock' | 'mass_org_no_party' | 'pending_transfer';

export const EMPTY_FILTER: EnterpriseFilter = {
  text: '', areaId: null, industries: [], sizes: [], mustCover: 'any', categories: [], operating: 'any', bbox: null,
};

export function isEmptyFilter(f: EnterpriseFilter): boolean {
  return f.text.trim() === '' && f.areaId === null && f.industries.length === 0 && f.sizes.length === 0
    && f.mustCover === 'any' && f.categories.length === 0 && f.operating === 'any' && f.bbox === null
    && (f.campaign ?? 'any') === 'any' && (f.keyCategories ?? []).length === 0;
}

export function sizeBand(employees: number | null): SizeBand {
  if (employees === null) return 'unknown';
  if (employees < 10) return 'lt10';
  if (employees < 30) return '10to29';
  if (employees < 100) return '30to99';
  if (employees < 300) return '100to299';
  return 'ge300';
}

const searchText = new WeakMap<PlanView, string[]>();

/** Builds the search strings ahead of the first search (call when the page is idle). */
export function prepareSearch(view: PlanView): void {
  searchable(view);
}

function searchable(view: PlanView): string[] {
  let texts = searchText.get(view);
  if (!texts) {
    texts = view.enterprises.map((e) => `${e.name}\u0000${e.creditCode}\u0000${e.address}`.toLowerCase());
    searchText.set(view, texts);
  }
  return texts;
}

/** 1 where the enterprise passes the filter; null when the filter lets everything through. */
export function filterMask(view: PlanView, filter: EnterpriseFilter): Uint8Array | null {
  if (isEmptyFilter(filter)) return null;
  const n = view.enterprises.length;
  const mask = new Uint8Array(n);
  const text = filter.text.trim().toLowerCase();
  const texts = text ? searchable(view) : null;
  const area = filter.areaId === null ? -1 : view.areaList.findIndex((a) => a.id === filter.areaId);
  const industries = filter.industries.length > 0 ? new Set(filter.industries) : null;
  const sizes = filter.sizes.length > 0 ? new Set(filter.sizes) : null;
  const categories = filter.categories.length > 0 ? new Set<number>(filter.categories) : null;
  const box = filter.bbox;
  const campaign = campaignTest(view, filter);
  for (let i = 0; i < n; i++) {
    const f = view.flags[i];
    if (filter.operating !== 'any' && ((f & Flag.OPERATING) !== 0) !== (filter.operating === 'yes')) continue;
    if (filter.mustCover !== 'any' && ((f & Flag.MUST_COVER) !== 0) !== (filter.mustCover === 'yes')) continue;
    if (categories && !categories.has(view.categories[i])) continue;
    if (area >= 0 && view.district[i] !== area && view.street[i] !== area) continue;
    if (filter.areaId !== null && area < 0) continue;
    if (box) {
      const lon = view.positions[i * 2], lat = view.positions[i * 2 + 1];
      if (!(lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3])) continue;
    }
    const e = view.enterprises[i];
    if (industries && !industries.has(e.industry)) continue;
    if (sizes && !sizes.has(sizeBand(e.employees))) continue;
    if (texts && !texts[i].includes(text)) continue;
    if (campaign && !campaign(e)) continue;
    mask[i] = 1;
  }
  return mask;
}

const unlockSets = new WeakMap<PlanView, Set<string>>();

/** The enterprises the transfers of members still elsewhere would bring into an organization (the plan's what-if). */
export function unlockedByTransfers(view: PlanView): Set<string> {
  let set = unlockSets.get(view);
  if (!set) unlockSets.set(view, (set = new Set(view.report.what_if_transfers_enterprise_ids ?? [])));
  return set;
}

function campaignTest(view: PlanView, filter: EnterpriseFilter): ((e: PlanView['enterprises'][number]) => boolean) | null {
  const which = filter.campaign ?? 'any';
  const keys = filter.keyCategories && filter.keyCategories.length > 0 ? new Set(filter.keyCategories) : null;
  if (which === 'any' && !keys) return null;
  const unlocked = which === 'unlock' ? unlockedByTransfers(view) : null;
  return (e) => {
    if (keys && !keys.has((e.keyCategory ?? '').trim())) return false;
    if (which === 'unlock') return (unlocked as Set<string>).has(e.id);
    if (which === 'mass_org_no_party') return isMassOrgWithoutParty(e);
    if (which === 'pending_transfer') return pendingTransfers(e) > 0;
    return true;
  };
}

/** The key-enterprise categories the register uses, most frequent first. */
export function keyCategoriesOf(view: PlanView): string[] {
  const counts = new Map<string, number>();
  for (const e of view.enterprises) {
    const k = (e.keyCategory ?? '').trim();
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

/** The bounding box of an area's outline, for zooming to it. */
export function areaBbox(view: PlanView, areaId: string): Bbox | null {
  const g = view.areas.features.find((f) => f.properties?.id === areaId)?.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const box = emptyBox();
  extendBoxByOutline(box, g);
  return boxOrNull(box);
}
