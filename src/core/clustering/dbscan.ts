/** Density clustering (DBSCAN) of points in metres, through a k-d tree: O(n · neighbours). */
import KDBush from 'kdbush';
import { localProjection } from '../spatial/geo';

export interface DbscanResult {
  /** Per input point: cluster number, or -1 for noise. */
  labels: Int32Array;
  clusterCount: number;
}

export function dbscan(lon: ArrayLike<number>, lat: ArrayLike<number>, radiusM: number, minPoints: number): DbscanResult {
  const n = lon.length;
  const labels = new Int32Array(n).fill(-1);
  if (n === 0) return { labels, clusterCount: 0 };
  let latSum = 0;
  for (let i = 0; i < n; i++) latSum += lat[i];
  const proj = localProjection(latSum / n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const tree = new KDBush(n);
  for (let i = 0; i < n; i++) {
    xs[i] = proj.x(lon[i]);
    ys[i] = proj.y(lat[i]);
    tree.add(xs[i], ys[i]);
  }
  tree.finish();
  // visited = taken out of consideration as a seed (expanded, or queued for expansion).
  const visited = new Uint8Array(n);
  let clusterCount = 0;
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    if (visited[i]) continue;
    visited[i] = 1;
    const seeds = tree.within(xs[i], ys[i], radiusM);
    if (seeds.length < minPoints) continue;
    const c = clusterCount++;
    labels[i] = c;
    queue.length = 0;
    for (const k of seeds) {
      if (labels[k] < 0) labels[k] = c;
      if (!visited[k]) {
        visited[k] = 1;
        queue.push(k);
      }
    }
    while (queue.length > 0) {
      const j = queue.pop() as number;
      const around = tree.within(xs[j], ys[j], radiusM);
      if (around.length < minPoints) continue;
      for (const k of around) {
        if (labels[k] < 0) labels[k] = c;
        if (!visited[k]) {
          visited[k] = 1;
          queue.push(k);
        }
      }
    }
  }
  return { labels, clusterCount };
}
