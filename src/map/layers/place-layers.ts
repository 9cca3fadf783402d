/** Zones (by kind) and office-building footprints. */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { ZoneKind } from '../../core/model/types';
import { BUILDING_COLOR, ZONE_COLORS, type Rgba } from './palette';
import { LAYER_IDS } from './ids';

const zoneFill = (f: Feature): Rgba => ZONE_COLORS[(f.properties?.kind as ZoneKind) ?? 'business_district'];
const zoneLine = (f: Feature): Rgba => {
  const [r, g, b] = zoneFill(f);
  return [r, g, b, 220];
};

export function createZoneLayer(zones: FeatureCollection, visible: boolean) {
  return new GeoJsonLayer({
    id: LAYER_IDS.zones,
    data: zones,
    visible,
    pickable: true,
    filled: true,
    stroked: true,
    getFillColor: zoneFill,
    getLineColor: zoneLine,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
  });
}

export function createBuildingLayer(buildings: FeatureCollection, visible: boolean) {
  return new GeoJsonLayer({
    id: LAYER_IDS.buildings,
    data: buildings,
    visible,
    pickable: true,
    filled: true,
    stroked: true,
    getFillColor: BUILDING_COLOR,
    getLineColor: [55, 71, 79, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    minZoom: 0,
  });
}
