/** Which of many points lie inside one drawn polygon: a box test first, the exact test only inside the box. */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { PolygonGeometry } from '../model/types';
import { emptyBox, extendBoxByOutline } from './bbox';

/** Indices of the points (lon, lat pairs; NaN = unmapped) inside the polygon, in order. */
export function pointsInPolygon(positions: ArrayLike<number>, polygon: PolygonGeometry): number[] {
  const box = emptyBox();
  extendBoxByOutline(box, polygon);
  const [w, s, e, n] = box;
  const inside: number[] = [];
  for (let i = 0; i < positions.length / 2; i++) {
    const x = positions[i * 2], y = positions[i * 2 + 1];
    if (!(x >= w && x <= e && y >= s && y <= n)) continue;
    if (booleanPointInPolygon([x, y], polygon)) inside.push(i);
  }
  return inside;
}
