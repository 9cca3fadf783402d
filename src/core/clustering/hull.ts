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
  // Extremes in the directions −90°, −45°, 0°, 45°, 90°, 135°, 180°, 225° (the first point wins a tie):
  // in that order they go round the hull anticlockwise. Plain loops: this runs cold, once per cluster.
  let [x0, y0] = coords[0];
  let iMinY = 0, iMaxXmY = 0, iMaxX = 0, iMaxXpY = 0, iMaxY = 0, iMaxYmX = 0, iMinX = 0, iMinXpY = 0;
  let minY = y0, maxXmY = x0 - y0, maxX = x0, maxXpY = x0 + y0, maxY = y0, maxYmX = y0 - x0, minX = x0, minXpY = x0 + y0;
  for (let i = 1; i < n; i++) {
    const p = coords[i];
    x0 = p[0];
    y0 = p[1];
    if (y0 < minY) { minY = y0; iMinY = i; }
    if (x0 - y0 > maxXmY) { maxXmY = x0 - y0; iMaxXmY = i; }
    if (x0 > maxX) { maxX = x0; iMaxX = i; }
    if (x0 + y0 > maxXpY) { maxXpY = x0 + y0; iMaxXpY = i; }
    if (y0 > maxY) { maxY = y0; iMaxY = i; }
    if (y0 - x0 > maxYmX) { maxYmX = y0 - x0; iMaxYmX = i; }
    if (x0 < minX) { minX = x0; iMinX = i; }
    if (x0 + y0 < minXpY) { minXpY = x0 + y0; iMinXpY = i; }
  }
  const ring: (readonly [number, number])[] = [];
  for (const i of [iMinY, iMaxXmY, iMaxX, iMaxXpY, iMaxY, iMaxYmX, iMinX, iMinXpY]) {
    const p = coords[i];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
  const edges = ring.length;
  if (edges < 3) return coords;
  // Each edge a → b as a, b − a and its margin; a point is inside when it lies left of every edge by more than the margin.
  const ax = new Float64Array(edges), ay = new Float64Array(edges), dx = new Float64Array(edges), dy = new Float64Array(edges), margin = new Float64Array(edges);
  for (let e = 0; e < edges; e++) {
    const a = ring[e];
    const b = ring[(e + 1) % edges];
    ax[e] = a[0];
    ay[e] = a[1];
    dx[e] = b[0] - a[0];
    dy[e] = b[1] - a[1];
    // The cross product is the distance times the edge's length (≤ |dx| + |dy|).
    margin[e] = CULL_MARGIN * (Math.abs(dx[e]) + Math.abs(dy[e]));
  }
  const kept: (readonly [number, number])[] = [];
  for (let i = 0; i < n; i++) {
    const p = coords[i];
    const x = p[0];
    const y = p[1];
    let e = 0;
    while (e < edges && dx[e] * (y - ay[e]) - dy[e] * (x - ax[e]) > margin[e]) e++;
    if (e < edges) kept.push(p);
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
