/**
 * The map style: an offline basemap drawn from the dataset's own areas (no tile or glyph server;
 * labels come from the browser's local fonts), optionally over a raster basemap the user configured.
 * Few kinds of layers on purpose: with software WebGL each shader program maplibre compiles holds the
 * page for a second or more (a dashed line and an antialiased fill edge would be two more).
 */
import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Basemap } from '../../state/store';

export const AREA_SOURCE = 'areas';
const LABEL_FONT = ['Noto Sans CJK SC Regular'];

export function basemapStyle(areas: FeatureCollection, basemap: Basemap): StyleSpecification {
  const raster = basemap.kind !== 'offline';
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }];
  const sources: StyleSpecification['sources'] = { [AREA_SOURCE]: { type: 'geojson', data: areas } };
  if (basemap.kind === 'xyz') {
    sources.basemap = { type: 'raster', tiles: [basemap.url], tileSize: 256, attribution: '' };
  } else if (basemap.kind === 'pmtiles') {
    sources.basemap = { type: 'raster', url: `pmtiles://${basemap.url}`, tileSize: 256 };
  }
  if (raster) layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  layers.push(
    {
      id: 'district-fill',
      type: 'fill',
      source: AREA_SOURCE,
      filter: ['==', ['get', 'level'], 'district'],
      paint: {
        'fill-color': ['interpolate', ['linear'], ['get', 'coverage_rate'], 0.2, '#fff7ec', 0.45, '#fdd49e', 0.7, '#fc8d59'],
        'fill-opacity': raster ? 0.15 : 0.55,
        // The district lines outline them already; an antialiased fill edge is one more shader program to compile.
        'fill-antialias': false,
      },
    },
    { id: 'street-line', type: 'line', source: AREA_SOURCE, filter: ['==', ['get', 'level'], 'street'], minzoom: 9, paint: { 'line-color': '#b3bcc6', 'line-width': 0.7 } },
    { id: 'district-line', type: 'line', source: AREA_SOURCE, filter: ['==', ['get', 'level'], 'district'], paint: { 'line-color': '#5c6b7a', 'line-width': 1.6 } },
    {
      id: 'street-label',
      type: 'symbol',
      source: AREA_SOURCE,
      filter: ['==', ['get', 'level'], 'street'],
      minzoom: 11.5,
      layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-font': LABEL_FONT },
      paint: { 'text-color': '#52606d', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  );
  return { version: 8, sources, layers };
}
