/** State → deck.gl layers, nothing else. Data arrays come from memoized builders so references stay stable. */
import type { Layer } from '@deck.gl/core';
import type { PlanView } from '../../core/model/plan-view';
import type { LayerKey } from '../../state/store';
import { enterpriseIndexById, recommendationsById } from '../../state/selectors';
import { createEnterpriseLayer, enterpriseAttributes } from './enterprise-layer';
import { createBuildingLayer, createZoneLayer } from './place-layers';
import { createClusterLayer, createHeatLayer, createHighlightLayer, uncoveredMustCoverPositions } from './plan-layers';
import { LAYER_IDS } from './ids';
import { createAreaLabelLayer } from './label-layer';
import { createDraftLayers, createPlanItemLayer } from './plan-item-layers';
import type { PlanItem } from '../../core/model/records';
import type { Draft } from '../../state/planning';
import type { SelectedPlace } from '../../state/search';
import { createPlaceHighlightLayer } from './place-layers';

/** Area names when presenting: legible from the back of a meeting room (≥ 18 px at 1080p). */
export const PRESENTING_LABEL_PX = 24;

export interface LayerInput {
  view: PlanView;
  layers: Record<LayerKey, boolean>;
  selectedEnterprise: number | null;
  selectedRecommendation: string | null;
  mask: Uint8Array | null;
  planItems: PlanItem[];
  draft: Draft | null;
  /** Colours by these categories instead of the view's (e.g. after the plan). */
  categories?: Uint8Array;
  /** A building or zone chosen from the search list, outlined. */
  selectedPlace?: SelectedPlace | null;
  /** Projector sizes for the labels. */
  presenting?: boolean;
  /** Only the enterprise dots: the map's first frames (see MapCanvas). */
  dotsOnly?: boolean;
}

const selectionCache = new WeakMap<PlanView, Map<string, Float32Array>>();

function recommendationPositions(view: PlanView, id: string): Float32Array {
  let byId = selectionCache.get(view);
  if (!byId) selectionCache.set(view, (byId = new Map()));
  let out = byId.get(id);
  if (out) return out;
  const rec = recommendationsById(view).get(id);
  const index = enterpriseIndexById(view);
  const coords: number[] = [];
  for (const eid of rec?.enterprise_ids ?? []) {
    const i = index.get(eid);
    if (i !== undefined && view.positions[i * 2] === view.positions[i * 2]) coords.push(view.positions[i * 2], view.positions[i * 2 + 1]);
  }
  byId.set(id, (out = Float32Array.from(coords)));
  return out;
}

export function buildLayers({ view, layers, selectedEnterprise, selectedRecommendation, mask, planItems, draft, categories, selectedPlace, presenting, dotsOnly }: LayerInput): Layer[] {
  if (dotsOnly) return [createEnterpriseLayer(enterpriseAttributes(view, categories), layers.enterprises, mask)];
  const out: Layer[] = [
    createZoneLayer(view.zones, layers.zones, layers.coverageFill),
    createBuildingLayer(view.buildings, layers.buildings, layers.coverageFill),
    createClusterLayer(view.report.clusters, layers.clusters),
    createPlanItemLayer(view, planItems, draft?.itemId ?? null, layers.planItems),
  ];
  if (layers.heat) out.push(createHeatLayer(uncoveredMustCoverPositions(view), true));
  out.push(createEnterpriseLayer(enterpriseAttributes(view, categories), layers.enterprises, mask));
  if (draft) out.push(...createDraftLayers(view, draft));
  if (selectedRecommendation && layers.recommendation) {
    out.push(createHighlightLayer(LAYER_IDS.recommendation, recommendationPositions(view, selectedRecommendation), 9));
  }
  if (selectedEnterprise !== null && view.positions[selectedEnterprise * 2] === view.positions[selectedEnterprise * 2]) {
    out.push(createHighlightLayer(LAYER_IDS.selection, view.positions.slice(selectedEnterprise * 2, selectedEnterprise * 2 + 2), 12));
  }
  if (selectedPlace) {
    const feature = (selectedPlace.kind === 'building' ? view.buildings : view.zones).features[selectedPlace.index];
    if (feature) out.push(createPlaceHighlightLayer(feature));
  }
  out.push(createAreaLabelLayer(view, layers.areas, presenting ? PRESENTING_LABEL_PX : undefined));
  return out;
}
