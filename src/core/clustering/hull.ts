/** Hull polygons around groups of points (convex hulls), padded so that one or two points still give an area. */
import type { Polygon } from 'geojson';
import { orient2d } from 'robust-predicates';
import { metresToDegrees } from '../spatial/geo';

const PAD_STEPS = 8;

type Point = readonly [number, number];

/**
 * Which way o → a → b turns, exactly (Shewchuk's predicate, as concaveman decides it): positive for a
 * clockwise turn, 0 when the three are collinear. Plain arithmetic calls nearly collinear corners of
 * registers on a 10⁻⁶° grid either way.
 */
function clockwise(o: Point, a: Point, b: Point): number {
  return orient2d(o[0], o[1], a[0], a[1], b[0], b[1]);
}

/**
 * The convex hull as a closed ring, or null for fewer than three corners: Andrew's monotone chain,
 * the ring clockwise and starting where Turf's convex starts it (its tests compare the two). Turf's
 * convex runs concaveman, which indexes every point in an R-tree to dig concavities that a convex hull
 * never has: 3 to 4 times the time on the thousands of points of an uncovered cluster.
 */
export function convexHull(coords: ReadonlyArray<Point>): Polygon | null {
  const points = [...coords].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] - b[0]));
  const chain = (order: Iterable<Point>): Point[] => {
    const out: Point[] = [];
    for (const p of order) {
      while (out.length >= 2 && clockwise(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const upper = chain(points);
  const lower = chain(points.reverse());
  const corners = upper.concat(lower);
  if (corners.length < 3) return null;
  const last = corners[corners.length - 1];
  return { type: 'Polygon', coordinates: [[last, ...corners].map(([x, y]) => [x, y])] };
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
