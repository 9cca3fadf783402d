/** Which of many points lie inside one drawn polygon: a box test first, the exact test only inside the box. */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { PolygonGeometry } from '../model/types';

/** Indices of the points (lon, lat pairs; NaN = unmapped) inside the polygon, in order. */
export function pointsInPolygon(positions: ArrayLike<number>, polygon: PolygonGeometry): number[] {
  const rings = polygon.type === 'Polygon' ? [polygon.coordinates[0]] : polygon.coordinates.map((p) => p[0]);
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  }
  const inside: number[] = [];
  for (let i = 0; i < positions.length / 2; i++) {
    const x = positions[i * 2], y = positions[i * 2 + 1];
    if (!(x >= w && x <= e && y >= s && y <= n)) continue;
    if (booleanPointInPolygon([x, y], polygon)) inside.push(i);
  }
  return inside;
}
