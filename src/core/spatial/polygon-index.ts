/**
 * A packed spatial index over polygons: Flatbush over bounding boxes for candidates, then an exact
 * even-odd ring test on flat coordinate arrays. Built once per dataset; queries allocate nothing.
 */
import Flatbush from 'flatbush';
import type { PolygonGeometry } from '../model/types';

export interface PolygonIndex {
  readonly size: number;
  /** Memory held by the index and its flat coordinates. */
  readonly bytes: number;
  /** Index of the smallest polygon containing the point, or -1. */
  locate(lon: number, lat: number): number;
  bbox(i: number): [number, number, number, number];
}

export function createPolygonIndex(geometries: ReadonlyArray<PolygonGeometry | null>): PolygonIndex {
  const coords: number[] = [];
  const ringStart: number[] = [];
  const polyRingStart: number[] = [];
  const polyPartCount: number[] = [];
  const boxes = new Float64Array(geometries.length * 4);
  const areas = new Float64Array(geometries.length);
  const indexed: number[] = [];

  geometries.forEach((geometry, g) => {
    polyRingStart.push(ringStart.length);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    let area = 0;
    const parts = geometry == null ? [] : geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    let rings = 0;
    for (const part of parts) {
      part.forEach((ring, r) => {
        ringStart.push(coords.length);
        rings++;
        let ringArea = 0;
        for (let p = 0; p < ring.length; p++) {
          const [x, y] = ring[p];
          coords.push(x, y);
          if (x < minX) minX = x;
          if (y < minY) minY = y;
          if (x > maxX) maxX = x;
          if (y > maxY) maxY = y;
          const [nx, ny] = ring[(p + 1) % ring.length];
          ringArea += x * ny - nx * y;
        }
        area += r === 0 ? Math.abs(ringArea) / 2 : -Math.abs(ringArea) / 2;
      });
    }
    polyPartCount.push(rings);
    boxes.set([minX, minY, maxX, maxY], g * 4);
    areas[g] = area;
    if (rings > 0) indexed.push(g);
  });
  ringStart.push(coords.length);

  const flat = Float64Array.from(coords);
  const rs = Int32Array.from(ringStart);
  const prs = Int32Array.from(polyRingStart);
  const ppc = Int32Array.from(polyPartCount);
  const tree = new Flatbush(Math.max(1, indexed.length));
  for (const g of indexed) tree.add(boxes[g * 4], boxes[g * 4 + 1], boxes[g * 4 + 2], boxes[g * 4 + 3]);
  if (indexed.length === 0) tree.add(Infinity, Infinity, Infinity, Infinity);
  tree.finish();

  function contains(g: number, x: number, y: number): boolean {
    let inside = false;
    const first = prs[g];
    const last = first + ppc[g];
    for (let r = first; r < last; r++) {
      const start = rs[r];
      const end = rs[r + 1];
      for (let i = start, j = end - 2; i < end; j = i, i += 2) {
        const yi = flat[i + 1], yj = flat[j + 1];
        if (yi > y !== yj > y) {
          const xi = flat[i], xj = flat[j];
          if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
    }
    return inside;
  }

  let found = -1;
  let qx = 0, qy = 0;
  const visit = (k: number): boolean => {
    const g = indexed[k];
    if (contains(g, qx, qy) && (found < 0 || areas[g] < areas[found])) found = g;
    return false;
  };

  return {
    size: geometries.length,
    bytes: tree.data.byteLength + flat.byteLength + rs.byteLength + prs.byteLength + ppc.byteLength + boxes.byteLength + areas.byteLength,
    locate(lon, lat) {
      if (indexed.length === 0) return -1;
      found = -1;
      qx = lon;
      qy = lat;
      tree.search(lon, lat, lon, lat, visit);
      return found;
    },
    bbox(i) {
      return [boxes[i * 4], boxes[i * 4 + 1], boxes[i * 4 + 2], boxes[i * 4 + 3]];
    },
  };
}
