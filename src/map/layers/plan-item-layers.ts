/** Plan items outlined by status, and the plan item being edited: its outline and its members ringed. */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { PlanItem } from '../../core/model/records';
import type { Draft } from '../../state/planning';
import type { PlanView } from '../../core/model/plan-view';
import { enterpriseIndexById } from '../../state/selectors';
import { paddedHull } from '../../core/clustering/hull';
import { DRAFT_COLOR, PLAN_STATUS_COLORS, type Rgba } from './palette';
import { LAYER_IDS } from './ids';
import { createHighlightLayer } from './plan-layers';
import { STATUS_LIGHT_COLORS, statusLight, todayInChina, type StatusLight } from '../../core/followup/status-light';

const HULL_PAD_M = 40;

function memberCoordinates(view: PlanView, ids: readonly string[]): [number, number][] {
  const index = enterpriseIndexById(view);
  const coords: [number, number][] = [];
  for (const id of ids) {
    const i = index.get(id);
    if (i !== undefined && view.positions[i * 2] === view.positions[i * 2]) coords.push([view.positions[i * 2], view.positions[i * 2 + 1]]);
  }
  return coords;
}

function outline(view: PlanView, geometry: PlanItem['geometry'], ids: readonly string[]): Feature['geometry'] | null {
  if (geometry) return geometry;
  const coords = memberCoordinates(view, ids);
  return coords.length > 0 ? paddedHull(coords, HULL_PAD_M) : null;
}

// By the view's positions, not the view: an edit shown in place or the what-if's figures make a new
// view over the same rows and places, and new outlines would make deck.gl tessellate them all again.
const featureCache = new WeakMap<Float32Array, WeakMap<PlanItem[], FeatureCollection>>();

function planItemFeatures(view: PlanView, items: PlanItem[], editing: string | null): FeatureCollection {
  let byItems = featureCache.get(view.positions);
  if (!byItems) featureCache.set(view.positions, (byItems = new WeakMap()));
  let collection = byItems.get(items);
  if (!collection) {
    const features: Feature[] = [];
    for (const item of items) {
      const geometry = outline(view, item.geometry, item.enterpriseIds);
      // The outline carries the status light (红黄绿) of its deadline; a formed item has none.
      const light = statusLight(item.dueDate, item.status === 'formed', todayInChina());
      if (geometry) features.push({ type: 'Feature', geometry, properties: { id: item.id, title: item.title, status: item.status, light } });
    }
    byItems.set(items, (collection = { type: 'FeatureCollection', features }));
  }
  return editing ? { ...collection, features: collection.features.filter((f) => f.properties?.id !== editing) } : collection;
}

const statusColor = (f: Feature, alpha: number): Rgba => {
  const [r, g, b] = PLAN_STATUS_COLORS[(f.properties?.status as PlanItem['status']) ?? 'proposed'];
  return [r, g, b, alpha];
};

/** The outline: the status light of the item's deadline, or the status colour when it has none (formed). */
export const outlineColor = (f: Feature): Rgba => {
  const light = f.properties?.light as StatusLight | null | undefined;
  return light ? [...STATUS_LIGHT_COLORS[light], 255] : statusColor(f, 255);
};

export function createPlanItemLayer(view: PlanView, items: PlanItem[], editing: string | null, visible: boolean) {
  return new GeoJsonLayer({
    id: LAYER_IDS.planItems,
    data: planItemFeatures(view, items, editing),
    visible,
    pickable: true,
    filled: true,
    stroked: true,
    getFillColor: (f: Feature) => statusColor(f, 45),
    getLineColor: outlineColor,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
  });
}

export function createDraftLayers(view: PlanView, draft: Draft) {
  const geometry = outline(view, draft.geometry, draft.enterpriseIds);
  const positions = Float32Array.from(memberCoordinates(view, draft.enterpriseIds).flat());
  return [
    new GeoJsonLayer({
      id: LAYER_IDS.draftOutline,
      data: geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: {} }] } : { type: 'FeatureCollection', features: [] },
      filled: true,
      stroked: true,
      getFillColor: [DRAFT_COLOR[0], DRAFT_COLOR[1], DRAFT_COLOR[2], 35],
      getLineColor: DRAFT_COLOR,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
    createHighlightLayer(LAYER_IDS.draftMembers, positions, 8),
  ];
}
