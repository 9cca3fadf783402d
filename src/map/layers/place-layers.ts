/** Zones (by kind) and office-building footprints. */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { ZoneKind } from '../../core/model/types';
import { BUILDING_COLOR, HIGHLIGHT_COLOR, ZONE_COLORS, coverageRampColor, type Rgba } from './palette';
import { LAYER_IDS } from './ids';

const zoneKindColor = (f: Feature): Rgba => ZONE_COLORS[(f.properties?.kind as ZoneKind) ?? 'business_district'];
const zoneLine = (f: Feature): Rgba => {
  const [r, g, b] = zoneKindColor(f);
  return [r, g, b, 220];
};
const rateOf = (f: Feature): number | null => (typeof f.properties?.coverage_rate === 'number' ? f.properties.coverage_rate : null);

/** Zones are outlined by kind and, with `byCoverage`, filled by their 组建率 (no operating enterprise: kind colour). */
export function createZoneLayer(zones: FeatureCollection, visible: boolean, byCoverage: boolean) {
  const fill = (f: Feature): Rgba => {
    const rate = rateOf(f);
    return byCoverage && rate !== null ? coverageRampColor(rate, 70) : zoneKindColor(f);
  };
  return new GeoJsonLayer({
    id: LAYER_IDS.zones,
    data: zones,
    visible,
    pickable: true,
    filled: true,
    stroked: true,
    getFillColor: fill,
    getLineColor: zoneLine,
    updateTriggers: { getFillColor: byCoverage },
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
  });
}

/** The building or zone chosen from the search list: a thick outline above everything. */
export function createPlaceHighlightLayer(feature: Feature) {
  return new GeoJsonLayer({
    id: LAYER_IDS.placeHighlight,
    data: { type: 'FeatureCollection', features: [feature] },
    filled: true,
    stroked: true,
    getFillColor: [HIGHLIGHT_COLOR[0], HIGHLIGHT_COLOR[1], HIGHLIGHT_COLOR[2], 50],
    getLineColor: HIGHLIGHT_COLOR,
    lineWidthUnits: 'pixels',
    getLineWidth: 4,
  });
}

export function createBuildingLayer(buildings: FeatureCollection, visible: boolean, byCoverage: boolean) {
  const fill = (f: Feature): Rgba => {
    const rate = rateOf(f);
    return byCoverage && rate !== null ? coverageRampColor(rate, 190) : BUILDING_COLOR;
  };
  return new GeoJsonLayer({
    id: LAYER_IDS.buildings,
    data: buildings,
    visible,
    pickable: true,
    filled: true,
    stroked: true,
    getFillColor: fill,
    updateTriggers: { getFillColor: byCoverage },
    getLineColor: [55, 71, 79, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    minZoom: 0,
  });
}
