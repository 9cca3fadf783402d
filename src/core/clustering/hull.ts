/** Hull polygons around groups of points (Turf's convex hull), padded so that one or two points still give an area. */
import convex from '@turf/convex';
import { featureCollection, point } from '@turf/helpers';
import type { Polygon } from 'geojson';
import { metresToDegrees } from '../spatial/geo';

const PAD_STEPS = 8;

export function convexHull(coords: ReadonlyArray<readonly [number, number]>): Polygon | null {
  return convex(featureCollection(coords.map(([x, y]) => point([x, y]))))?.geometry ?? null;
}

/**
 * The convex hull of the points, grown by `padM`: the hull of small octagons around the hull's own
 * corners (padding every input point would cost eight times the points for the same shape).
 */
export function paddedHull(coords: ReadonlyArray<readonly [number, number]>, padM: number): Polygon {
  const corners = convexHull(coords)?.coordinates[0] ?? coords;
  const padded: [number, number][] = [];
  for (const [lon, lat] of corners) {
    const { dLon, dLat } = metresToDegrees(padM, lat);
    for (let k = 0; k < PAD_STEPS; k++) {
      const a = (2 * Math.PI * k) / PAD_STEPS;
      padded.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
    }
  }
  const hull = convexHull(padded);
  if (!hull) throw new Error('hull of an empty point set');
  return hull;
}
