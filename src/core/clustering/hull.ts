/** Hull polygons around groups of points (Turf's convex hull), padded so that one or two points still give an area. */
import convex from '@turf/convex';
import { featureCollection, point } from '@turf/helpers';
import type { Polygon } from 'geojson';
import { metresToDegrees } from '../spatial/geo';

const PAD_STEPS = 8;

/** Below this many points the hull is asked of Turf as they are. */
const CULL_FROM = 64;
/** How far inside (degrees, about 0.1 mm) a point must lie to be left out: far above the rounding of the test. */
const CULL_MARGIN = 1e-9;

/**
 * The points that can be corners of the hull: all but those strictly inside (by `CULL_MARGIN`) the
 * octagon of the extreme points along the axes and the diagonals. A point strictly inside a polygon
 * of the input's own points is never a corner, and Turf's hull (concaveman, with exact orientation
 * tests) depends only on the corners, so the polygon is the same; its R-tree then holds a few dozen
 * points instead of thousands. A degenerate octagon (collinear points) leaves every point in.
 */
function hullCandidates(coords: ReadonlyArray<readonly [number, number]>): ReadonlyArray<readonly [number, number]> {
  const n = coords.length;
  if (n < CULL_FROM) return coords;
  // Extremes in the directions −90°, −45°, 0°, 45°, 90°, 135°, 180°, 225°: in that order they go round the hull anticlockwise.
  const best = new Array<number>(8).fill(0);
  const score = (k: number, x: number, y: number) => {
    switch (k) {
      case 0: return -y;
      case 1: return x - y;
      case 2: return x;
      case 3: return x + y;
      case 4: return y;
      case 5: return y - x;
      case 6: return -x;
      default: return -x - y;
    }
  };
  for (let i = 1; i < n; i++) {
    const [x, y] = coords[i];
    for (let k = 0; k < 8; k++) {
      const [bx, by] = coords[best[k]];
      if (score(k, x, y) > score(k, bx, by)) best[k] = i;
    }
  }
  const ring: (readonly [number, number])[] = [];
  for (const i of best) {
    const p = coords[i];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
  if (ring.length < 3) return coords;
  const kept: (readonly [number, number])[] = [];
  for (let i = 0; i < n; i++) {
    const [x, y] = coords[i];
    let inside = true;
    for (let e = 0; e < ring.length && inside; e++) {
      const [ax, ay] = ring[e];
      const [bx, by] = ring[(e + 1) % ring.length];
      const dx = bx - ax;
      const dy = by - ay;
      // Left of the edge a → b by more than the margin (the cross product is the distance times the edge's length).
      inside = dx * (y - ay) - dy * (x - ax) > CULL_MARGIN * (Math.abs(dx) + Math.abs(dy));
    }
    if (!inside) kept.push(coords[i]);
  }
  return kept;
}

export function convexHull(coords: ReadonlyArray<readonly [number, number]>): Polygon | null {
  return convex(featureCollection(hullCandidates(coords).map(([x, y]) => point([x, y]))))?.geometry ?? null;
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
