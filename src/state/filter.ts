/**
 * Which enterprises the map, the figures and the lists show: a search text and attribute filters,
 * turned into one mask over the plan view's rows. One pass over typed arrays and prepared strings.
 */
import { Flag } from '../core/model/enterprise-table';
import type { CoverageCategory } from '../core/coverage/category';
import type { PlanView } from '../core/model/plan-view';
import { boxOrNull, emptyBox, extendBoxByOutline, type Bbox } from '../core/spatial/bbox';

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
}

export const EMPTY_FILTER: EnterpriseFilter = {
  text: '', areaId: null, industries: [], sizes: [], mustCover: 'any', categories: [], operating: 'any', bbox: null,
};

export function isEmptyFilter(f: EnterpriseFilter): boolean {
  return f.text.trim() === '' && f.areaId === null && f.industries.length === 0 && f.sizes.length === 0
    && f.mustCover === 'any' && f.categories.length === 0 && f.operating === 'any' && f.bbox === null;
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
    mask[i] = 1;
  }
  return mask;
}

/** The bounding box of an area's outline, for zooming to it. */
export function areaBbox(view: PlanView, areaId: string): Bbox | null {
  const g = view.areas.features.find((f) => f.properties?.id === areaId)?.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const box = emptyBox();
  extendBoxByOutline(box, g);
  return boxOrNull(box);
}
