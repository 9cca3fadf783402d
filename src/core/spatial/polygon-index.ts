/**
 * A packed spatial index over polygons: a uniform grid of bounding boxes (CSR arrays) for candidates,
 * then an exact even-odd ring test on flat coordinate arrays. Built once per dataset; a query is one
 * cell lookup and allocates nothing. (A Flatbush search per point measured 3× slower at 1M points.)
 */
import type { PolygonGeometry } from '../model/types';

/** Upper bound on grid cells per side; the grid aims at about two cells per polygon. */
const MAX_GRID_SIDE = 2048;

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
  // The grid: cells over the extent of all boxes, each cell listing the polygons whose box touches it.
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const g of indexed) {
    minX = Math.min(minX, boxes[g * 4]);
    minY = Math.min(minY, boxes[g * 4 + 1]);
    maxX = Math.max(maxX, boxes[g * 4 + 2]);
    maxY = Math.max(maxY, boxes[g * 4 + 3]);
  }
  const side = Math.max(1, Math.min(MAX_GRID_SIDE, Math.ceil(Math.sqrt(indexed.length * 2))));
  const cols = side;
  const rows = side;
  const cellW = Math.max((maxX - minX) / cols, 1e-12);
  const cellH = Math.max((maxY - minY) / rows, 1e-12);
  const colOf = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - minX) / cellW)));
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - minY) / cellH)));
  const cellStart = new Int32Array(cols * rows + 1);
  const eachCell = (g: number, visitCell: (c: number) => void) => {
    const c0 = colOf(boxes[g * 4]), c1 = colOf(boxes[g * 4 + 2]);
    const r0 = rowOf(boxes[g * 4 + 1]), r1 = rowOf(boxes[g * 4 + 3]);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visitCell(r * cols + c);
  };
  for (const g of indexed) eachCell(g, (c) => cellStart[c + 1]++);
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] += cellStart[c];
  const cellItems = new Int32Array(cellStart[cols * rows]);
  const fill = cellStart.slice(0, cols * rows);
  for (const g of indexed) eachCell(g, (c) => (cellItems[fill[c]++] = g));

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

  return {
    size: geometries.length,
    bytes: cellStart.byteLength + cellItems.byteLength + flat.byteLength + rs.byteLength + prs.byteLength + ppc.byteLength + boxes.byteLength + areas.byteLength,
    locate(x, y) {
      if (indexed.length === 0 || !(x >= minX && x <= maxX && y >= minY && y <= maxY)) return -1;
      const cell = rowOf(y) * cols + colOf(x);
      let found = -1;
      for (let k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
        const g = cellItems[k];
        const b = g * 4;
        if (x < boxes[b] || x > boxes[b + 2] || y < boxes[b + 1] || y > boxes[b + 3]) continue;
        if ((found < 0 || areas[g] < areas[found]) && contains(g, x, y)) found = g;
      }
      return found;
    },
    bbox(i) {
      return [boxes[i * 4], boxes[i * 4 + 1], boxes[i * 4 + 2], boxes[i * 4 + 3]];
    },
  };
}
