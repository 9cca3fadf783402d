/** What the planner adds to the map: uncovered clusters, the heat of uncovered must-cover, the selection. */
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { Cluster } from '../../core/model/report';
import { CoverageCategory } from '../../core/coverage/category';
import type { PlanView } from '../../core/model/plan-view';
import { CLUSTER_COLOR, HIGHLIGHT_COLOR } from './palette';
import { LAYER_IDS } from './ids';

export function createClusterLayer(clusters: readonly Cluster[], visible: boolean) {
  return new GeoJsonLayer({
    id: LAYER_IDS.clusters,
    data: { type: 'FeatureCollection', features: clusters.map((c) => ({ type: 'Feature', properties: { id: c.id, count: c.enterprise_ids.length }, geometry: c.geometry })) },
    visible,
    pickable: true,
    filled: true,
    stroked: true,
    getFillColor: [CLUSTER_COLOR[0], CLUSTER_COLOR[1], CLUSTER_COLOR[2], 40],
    getLineColor: CLUSTER_COLOR,
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
  });
}

const uncoveredCache = new WeakMap<PlanView, Float32Array>();

/** Positions of the uncovered must-cover enterprises. */
export function uncoveredMustCoverPositions(view: PlanView): Float32Array {
  let out = uncoveredCache.get(view);
  if (out) return out;
  const picked: number[] = [];
  for (let i = 0; i < view.categories.length; i++) {
    const lon = view.positions[i * 2];
    if (view.categories[i] === CoverageCategory.UNCOVERED_MUST && lon === lon) picked.push(lon, view.positions[i * 2 + 1]);
  }
  out = Float32Array.from(picked);
  uncoveredCache.set(view, out);
  return out;
}

export function createHeatLayer(positions: Float32Array, visible: boolean) {
  return new HeatmapLayer({
    id: LAYER_IDS.heat,
    data: { length: positions.length / 2, attributes: { getPosition: { value: positions, size: 2 } } },
    visible,
    radiusPixels: 40,
    intensity: 1,
    threshold: 0.05,
    getWeight: 1,
  });
}

export function createHighlightLayer(id: string, positions: Float32Array, radiusPixels: number) {
  return new ScatterplotLayer({
    id,
    data: { length: positions.length / 2, attributes: { getPosition: { value: positions, size: 2 } } },
    radiusUnits: 'pixels',
    getRadius: radiusPixels,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getLineColor: HIGHLIGHT_COLOR,
  });
}

export { LAYER_IDS };
