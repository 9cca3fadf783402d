/** Groups buildings whose footprints lie within `gapM` of each other (single linkage over bounding boxes). */
import Flatbush from 'flatbush';
import { metresToDegrees } from './geo';
import type { PolygonIndex } from './polygon-index';

/** Per building: cluster number. Every building belongs to a cluster (often of one). */
export function clusterBuildings(polygons: PolygonIndex, gapM: number): { clusterOf: Int32Array; sizes: number[] } {
  const n = polygons.size;
  const clusterOf = new Int32Array(n);
  if (n === 0) return { clusterOf, sizes: [] };
  const tree = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const [a, b, c, d] = polygons.bbox(i);
    tree.add(a, b, c, d);
  }
  tree.finish();
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    const [minX, minY, maxX, maxY] = polygons.bbox(i);
    const { dLon, dLat } = metresToDegrees(gapM, (minY + maxY) / 2);
    for (const j of tree.search(minX - dLon, minY - dLat, maxX + dLon, maxY + dLat)) {
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const number = new Map<number, number>();
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let c = number.get(root);
    if (c === undefined) {
      c = sizes.length;
      number.set(root, c);
      sizes.push(0);
    }
    clusterOf[i] = c;
    sizes[c]++;
  }
  return { clusterOf, sizes };
}
