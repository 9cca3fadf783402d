/**
 * The point idioms the recommender repeats: is an enterprise on the map, how far apart are two, how
 * wide is a set of them, and which lie near one (a k-d tree queried in metres).
 */
import KDBush from 'kdbush';
import type { EnterpriseTable } from '../model/enterprise-table';
import { distanceM, localProjection } from '../spatial/geo';

/** Whether enterprise `i` has coordinates (unmapped rows carry NaN). */
export function isMapped(t: EnterpriseTable, i: number): boolean {
  return t.lon[i] === t.lon[i];
}

/** Metres between enterprises `a` and `b` (NaN when either is unmapped). */
export function distanceBetween(t: EnterpriseTable, a: number, b: number): number {
  return distanceM(t.lon[a], t.lat[a], t.lon[b], t.lat[b]);
}

/** Whether `i` lies within `limitM` of every enterprise of `members` (optionally leaving `skip` out). */
export function withinSpanOfAll(t: EnterpriseTable, members: readonly number[], i: number, limitM: number, skip = -1): boolean {
  for (const m of members) {
    if (m !== skip && !(distanceBetween(t, m, i) <= limitM)) return false;
  }
  return true;
}

/** Above this many members the span is measured over their convex hull's corners (the widest pair is always two corners). */
export const PAIRWISE_SPAN_LIMIT = 32;

/** Largest distance between two mapped members, metres (0 for fewer than two): exact at every size. */
export function spanOf(t: EnterpriseTable, members: readonly number[]): number {
  const points = members.length > PAIRWISE_SPAN_LIMIT ? hullCorners(t, members) : members;
  let span = 0;
  for (let a = 0; a < points.length; a++) {
    for (let b = a + 1; b < points.length; b++) {
      const d = distanceBetween(t, points[a], points[b]);
      if (d > span) span = d;
    }
  }
  return span;
}

/**
 * The corners of the convex hull of the mapped members (Andrew's monotone chain on lon/lat: the
 * local metric projection is affine, so the corners are the same in metres).
 */
function hullCorners(t: EnterpriseTable, members: readonly number[]): number[] {
  const pts = members.filter((m) => isMapped(t, m)).sort((a, b) => t.lon[a] - t.lon[b] || t.lat[a] - t.lat[b]);
  if (pts.length < 3) return pts;
  const cross = (o: number, a: number, b: number) => (t.lon[a] - t.lon[o]) * (t.lat[b] - t.lat[o]) - (t.lat[a] - t.lat[o]) * (t.lon[b] - t.lon[o]);
  const lower: number[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: number[] = [];
  for (let k = pts.length - 1; k >= 0; k--) {
    const p = pts[k];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/**
 * One local projection serves a whole city; across it the scale drifts by well under this factor,
 * so a tree query widened by it never misses a point that lies within the radius (exact checks follow).
 */
export const PROJECTION_MARGIN = 1.02;

export interface PointTree {
  /** Enterprises of the tree within about `radiusM` of enterprise `i` (a superset: check exactly after). */
  near(i: number, radiusM: number): number[];
  readonly size: number;
}

/** A k-d tree over the mapped enterprises of `indices`, queried in metres. */
export function pointTree(t: EnterpriseTable, indices: readonly number[]): PointTree {
  const mapped = indices.filter((i) => isMapped(t, i));
  if (mapped.length === 0) return { near: () => [], size: 0 };
  const proj = localProjection(t.lat[mapped[0]]);
  const tree = new KDBush(mapped.length);
  for (const i of mapped) tree.add(proj.x(t.lon[i]), proj.y(t.lat[i]));
  tree.finish();
  return {
    size: mapped.length,
    near(i, radiusM) {
      if (!isMapped(t, i)) return [];
      const hits = tree.within(proj.x(t.lon[i]), proj.y(t.lat[i]), radiusM * PROJECTION_MARGIN);
      for (let k = 0; k < hits.length; k++) hits[k] = mapped[hits[k]];
      return hits;
    },
  };
}
