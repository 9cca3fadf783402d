/** The whole plan: table → joins → coverage → uncovered clusters → recommendations → report. */
import { resolveRules, type Area, type Building, type Dataset, type Enterprise, type RuleProfile, type Zone } from './model/types';
import { REPORT_SCHEMA, type PlanReport } from './model/report';
import { buildEnterpriseTable, type EnterpriseTable } from './model/enterprise-table';
import { buildPlaceIndexes, joinEnterprisesToAreas, locateAll, type PlaceIndexes } from './spatial/join';
import { clusterBuildings } from './spatial/building-clusters';
import { rollUpAreas, summarize } from './coverage/coverage';
import { findUncoveredClusters } from './clustering/uncovered-clusters';
import { recommend } from './recommend/recommend';

export interface PlanStageTimes {
  table: number;
  index: number;
  join: number;
  coverage: number;
  cluster: number;
  recommend: number;
  total: number;
}

export interface PlanResult {
  report: PlanReport;
  table: EnterpriseTable;
  rules: RuleProfile;
  /** Per enterprise: building / zone / district / street / cluster index, or -1. */
  building: Int32Array;
  zone: Int32Array;
  district: Int32Array;
  street: Int32Array;
  clusterOf: Int32Array;
  times: PlanStageTimes;
  /** Memory held by the polygon indexes. */
  indexBytes: number;
}

export interface PlanOptions {
  rules?: Partial<RuleProfile>;
  now?: () => number;
  /** Run the plain greedy pass too, for the report's comparison (default true). */
  compareWithGreedy?: boolean;
  generatedAt?: string;
  /** What the last plan of this register kept for the next (the planning worker's replans after an edit). */
  memo?: PlanMemo;
}

/**
 * What a plan keeps for the next one: the place indexes and building clusters while the places and
 * the gap are the same arrays and value, and each enterprise's places while its row is the same
 * object at the same index (an edit replaces one row, `patchRows` keeps the others where they were).
 * Filled in by planDataset; the result does not depend on it.
 */
export interface PlanMemo {
  places?: { buildings: readonly Building[]; zones: readonly Zone[]; areas: readonly Area[]; indexes: PlaceIndexes };
  buildingClusters?: { indexes: PlaceIndexes; gapM: number; clusterOf: Int32Array };
  located?: { enterprises: readonly Enterprise[]; indexes: PlaceIndexes; building: Int32Array; zone: Int32Array; district: Int32Array; street: Int32Array };
}

function placeIndexes(dataset: Dataset, memo: PlanMemo | undefined): PlaceIndexes {
  const kept = memo?.places;
  if (kept && kept.buildings === dataset.buildings && kept.zones === dataset.zones && kept.areas === dataset.areas) return kept.indexes;
  const indexes = buildPlaceIndexes(dataset.buildings, dataset.zones, dataset.areas);
  if (memo) memo.places = { buildings: dataset.buildings, zones: dataset.zones, areas: dataset.areas, indexes };
  return indexes;
}

function buildingClusters(indexes: PlaceIndexes, gapM: number, memo: PlanMemo | undefined): Int32Array {
  const kept = memo?.buildingClusters;
  if (kept && kept.indexes === indexes && kept.gapM === gapM) return kept.clusterOf;
  const { clusterOf } = clusterBuildings(indexes.buildings, gapM);
  if (memo) memo.buildingClusters = { indexes, gapM, clusterOf };
  return clusterOf;
}

/** Every enterprise's building, zone, district and street; only the changed rows are located again. */
function locate(table: EnterpriseTable, dataset: Dataset, indexes: PlaceIndexes, memo: PlanMemo | undefined) {
  const kept = memo?.located;
  let places: { building: Int32Array; zone: Int32Array; district: Int32Array; street: Int32Array };
  if (kept && kept.indexes === indexes) {
    const n = table.count;
    const reused = Math.min(n, kept.enterprises.length);
    const changed: number[] = [];
    for (let i = 0; i < reused; i++) if (dataset.enterprises[i] !== kept.enterprises[i]) changed.push(i);
    for (let i = reused; i < n; i++) changed.push(i);
    const copy = (from: Int32Array) => {
      const out = new Int32Array(n).fill(-1);
      out.set(from.subarray(0, reused));
      return out;
    };
    places = { building: copy(kept.building), zone: copy(kept.zone), district: copy(kept.district), street: copy(kept.street) };
    locateAll(table, indexes.buildings, { indices: changed, into: places.building });
    locateAll(table, indexes.zones, { indices: changed, into: places.zone });
    joinEnterprisesToAreas(table, dataset.enterprises, dataset.areas, indexes, { indices: changed, into: places });
  } else {
    const { district, street } = joinEnterprisesToAreas(table, dataset.enterprises, dataset.areas, indexes);
    places = { building: locateAll(table, indexes.buildings), zone: locateAll(table, indexes.zones), district, street };
  }
  // The memo keeps its own copies: a caller may hand the result's arrays away (the worker transfers them).
  if (memo) {
    memo.located = {
      enterprises: dataset.enterprises, indexes,
      building: places.building.slice(), zone: places.zone.slice(), district: places.district.slice(), street: places.street.slice(),
    };
  }
  return places;
}

export function planDataset(dataset: Dataset, options: PlanOptions = {}): PlanResult {
  const now = options.now ?? (() => performance.now());
  const rules = resolveRules({ ...dataset.rules, ...options.rules });
  const t0 = now();
  const table = buildEnterpriseTable(dataset.enterprises, dataset.organizations, rules);
  const t1 = now();
  const indexes = placeIndexes(dataset, options.memo);
  const buildingCluster = buildingClusters(indexes, rules.buildingClusterGapM, options.memo);
  const t1i = now();
  const { building, zone, district, street } = locate(table, dataset, indexes, options.memo);
  const t2 = now();
  const summary = summarize(table.flags);
  const areas = rollUpAreas(table.flags, dataset.areas, district, street);
  const t3 = now();
  const { clusters, clusterOf } = findUncoveredClusters(table, building, zone, rules);
  const t4 = now();
  const { recommendations, effect } = recommend({
    table, rules, building, zone, street, areas: dataset.areas, buildings: dataset.buildings, zones: dataset.zones,
    buildingCluster, clusters, clusterOf, enterprises: dataset.enterprises, compareWithGreedy: options.compareWithGreedy,
  });
  const t5 = now();
  return {
    report: {
      schema: REPORT_SCHEMA,
      dataset: dataset.name,
      generated_at: options.generatedAt ?? new Date().toISOString(),
      summary,
      areas,
      recommendations,
      clusters,
      plan_effect: effect,
    },
    table, rules, building, zone, district, street, clusterOf,
    indexBytes: indexes.buildings.bytes + indexes.zones.bytes + indexes.districts.index.bytes + indexes.streets.index.bytes,
    times: { table: t1 - t0, index: t1i - t1, join: t2 - t1i, coverage: t3 - t2, cluster: t4 - t3, recommend: t5 - t4, total: t5 - t0 },
  };
}
