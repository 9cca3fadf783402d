/** Uncovered clusters: uncovered must-cover enterprises outside every building and zone that lie close together. */
import type { Cluster } from '../model/report';
import type { RuleProfile } from '../model/types';
import { Flag, type EnterpriseTable } from '../model/enterprise-table';
import { dbscan } from './dbscan';
import { paddedHull } from './hull';

export interface UncoveredClusters {
  clusters: Cluster[];
  /** Per enterprise: cluster index, or -1. */
  clusterOf: Int32Array;
  noise: number;
}

export function isUncoveredMustCover(flags: number): boolean {
  return (flags & (Flag.OPERATING | Flag.COVERED | Flag.MUST_COVER | Flag.MAPPED)) === (Flag.OPERATING | Flag.MUST_COVER | Flag.MAPPED);
}

export function findUncoveredClusters(
  table: EnterpriseTable,
  building: Int32Array,
  zone: Int32Array,
  rules: RuleProfile,
): UncoveredClusters {
  const picked: number[] = [];
  for (let i = 0; i < table.count; i++) {
    if (isUncoveredMustCover(table.flags[i]) && building[i] < 0 && zone[i] < 0) picked.push(i);
  }
  const lon = Float64Array.from(picked, (i) => table.lon[i]);
  const lat = Float64Array.from(picked, (i) => table.lat[i]);
  const { labels, clusterCount } = dbscan(lon, lat, rules.clusterRadiusM, rules.clusterMinPoints);
  const members: number[][] = Array.from({ length: clusterCount }, () => []);
  const clusterOf = new Int32Array(table.count).fill(-1);
  let noise = 0;
  picked.forEach((i, k) => {
    const c = labels[k];
    if (c < 0) {
      noise++;
      return;
    }
    members[c].push(i);
    clusterOf[i] = c;
  });
  const clusters = members.map((m, c) => ({
    id: `C${String(c + 1).padStart(4, '0')}`,
    enterprise_ids: m.map((i) => table.ids[i]),
    geometry: paddedHull(m.map((i) => [table.lon[i], table.lat[i]] as const), Math.min(60, rules.clusterRadiusM / 4)),
  }));
  return { clusters, clusterOf, noise };
}
