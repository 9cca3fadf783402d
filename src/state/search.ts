/**
 * The search box's result list: enterprises (name, credit code, address), office buildings, zones and
 * areas by name. Choosing a result flies to it, highlights it and opens its detail; the highlighted
 * building or zone lives here (an enterprise is the store's selected enterprise).
 */
import { create } from 'zustand';
import type { PlanView } from '../core/model/plan-view';
import { boxOrNull, emptyBox, extendBox, extendBoxByOutline, type Bbox } from '../core/spatial/bbox';
import type { PolygonGeometry } from '../core/model/types';

export type SearchKind = 'enterprise' | 'building' | 'zone' | 'area';

export interface SearchHit {
  kind: SearchKind;
  /** Row of the enterprise, feature of the building / zone, entry of the area list. */
  index: number;
  name: string;
  /** What matched or where it is: the address, the credit code, the zone kind. */
  detail: string;
}

export interface SelectedPlace {
  kind: 'building' | 'zone';
  index: number;
}

interface SearchState {
  place: SelectedPlace | null;
  selectPlace(place: SelectedPlace | null): void;
}

export const useSearchStore = create<SearchState>()((set) => ({
  place: null,
  selectPlace: (place) => set({ place }),
}));

const texts = new WeakMap<PlanView, string[]>();

function enterpriseTexts(view: PlanView): string[] {
  let out = texts.get(view);
  if (!out) texts.set(view, (out = view.enterprises.map((e) => `${e.name}\u0000${e.creditCode}\u0000${e.address}`.toLowerCase())));
  return out;
}

const PER_KIND = { area: 5, building: 5, zone: 5, enterprise: 12 } as const;

/** The results for a text, places and areas first (few, and what a planner names), then enterprises. */
export function searchAll(view: PlanView, text: string): SearchHit[] {
  const q = text.trim().toLowerCase();
  if (q === '') return [];
  const hits: SearchHit[] = [];
  view.areaList.forEach((a, index) => {
    if (hits.filter((h) => h.kind === 'area').length < PER_KIND.area && a.name.toLowerCase().includes(q)) hits.push({ kind: 'area', index, name: a.name, detail: a.level });
  });
  for (const kind of ['building', 'zone'] as const) {
    const features = kind === 'building' ? view.buildings.features : view.zones.features;
    let n = 0;
    for (let index = 0; index < features.length && n < PER_KIND[kind]; index++) {
      const name = String(features[index].properties?.name ?? '');
      if (name.toLowerCase().includes(q)) {
        hits.push({ kind, index, name, detail: kind === 'zone' ? String(features[index].properties?.kind ?? '') : '' });
        n++;
      }
    }
  }
  const all = enterpriseTexts(view);
  let n = 0;
  for (let i = 0; i < all.length && n < PER_KIND.enterprise; i++) {
    if (!all[i].includes(q)) continue;
    const e = view.enterprises[i];
    const byCode = e.creditCode.toLowerCase().includes(q) && !e.name.toLowerCase().includes(q);
    hits.push({ kind: 'enterprise', index: i, name: e.name, detail: byCode ? e.creditCode : e.address });
    n++;
  }
  return hits;
}

/** Where to fly for a hit: around an enterprise, or the outline of a place or area. */
export function hitBbox(view: PlanView, hit: SearchHit): Bbox | null {
  const box = emptyBox();
  if (hit.kind === 'enterprise') {
    const lon = view.positions[hit.index * 2], lat = view.positions[hit.index * 2 + 1];
    if (lon !== lon) return null;
    extendBox(box, lon - 0.003, lat - 0.002);
    extendBox(box, lon + 0.003, lat + 0.002);
    return boxOrNull(box);
  }
  const feature = hit.kind === 'building' ? view.buildings.features[hit.index]
    : hit.kind === 'zone' ? view.zones.features[hit.index]
      : view.areas.features.find((f) => f.properties?.id === view.areaList[hit.index].id);
  const g = feature?.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  extendBoxByOutline(box, g as PolygonGeometry);
  return boxOrNull(box);
}
