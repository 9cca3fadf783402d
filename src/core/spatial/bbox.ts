/** Growing a [west, south, east, north] box over points and polygon outlines. */
import type { PolygonGeometry } from '../model/types';

export type Bbox = [number, number, number, number];

export const emptyBox = (): Bbox => [Infinity, Infinity, -Infinity, -Infinity];

/** Adds a point; NaN (unmapped) is skipped. */
export function extendBox(box: Bbox, x: number, y: number): void {
  if (x !== x || y !== y) return;
  if (x < box[0]) box[0] = x;
  if (y < box[1]) box[1] = y;
  if (x > box[2]) box[2] = x;
  if (y > box[3]) box[3] = y;
}

/** Adds the outer rings of a polygon or multipolygon. */
export function extendBoxByOutline(box: Bbox, geometry: PolygonGeometry): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const [x, y] of polygon[0]) extendBox(box, x, y);
}

/** The box, or null when nothing was added. */
export const boxOrNull = (box: Bbox): Bbox | null => (Number.isFinite(box[0]) ? box : null);
