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

/** Above this many members a span is the bounding box's diagonal (an upper bound), not the exact pairwise maximum. */
export const EXACT_SPAN_LIMIT = 256;

/** Largest distance between two mapped members, metres (0 for fewer than two). */
export function spanOf(t: EnterpriseTable, members: readonly number[]): number {
  if (members.length > EXACT_SPAN_LIMIT) {
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const m of members) {
      if (!isMapped(t, m)) continue;
      w = Math.min(w, t.lon[m]);
      e = Math.max(e, t.lon[m]);
      s = Math.min(s, t.lat[m]);
      n = Math.max(n, t.lat[m]);
    }
    return Number.isFinite(w) ? distanceM(w, s, e, n) : 0;
  }
  let span = 0;
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const d = distanceBetween(t, members[a], members[b]);
      if (d > span) span = d;
    }
  }
  return span;
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
