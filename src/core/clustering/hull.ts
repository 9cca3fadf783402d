/** Hull polygons around groups of points (Turf's convex hull over small padded markers). */
import convex from '@turf/convex';
import { featureCollection, point } from '@turf/helpers';
import type { Polygon } from 'geojson';
import { metresToDegrees } from '../spatial/geo';

const PAD_STEPS = 8;

/** A convex hull around the points, padded by `padM` so that even one or two points give an area. */
export function paddedHull(coords: ReadonlyArray<readonly [number, number]>, padM: number): Polygon {
  const pts = [];
  for (const [lon, lat] of coords) {
    const { dLon, dLat } = metresToDegrees(padM, lat);
    for (let k = 0; k < PAD_STEPS; k++) {
      const a = (2 * Math.PI * k) / PAD_STEPS;
      pts.push(point([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]));
    }
  }
  const hull = convex(featureCollection(pts));
  if (!hull) throw new Error('hull of an empty point set');
  return hull.geometry;
}
