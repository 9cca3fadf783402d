/** The whole plan: table → joins → coverage → uncovered clusters → recommendations → report. */
import { resolveRules, type Dataset, type RuleProfile } from './model/types';
import { REPORT_SCHEMA, type PlanReport } from './model/report';
import { buildEnterpriseTable, type EnterpriseTable } from './model/enterprise-table';
import { buildPlaceIndexes, joinEnterprisesToAreas, locateAll } from './spatial/join';
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
}

export function planDataset(dataset: Dataset, options: PlanOptions = {}): PlanResult {
  const now = options.now ?? (() => performance.now());
  const rules = resolveRules({ ...dataset.rules, ...options.rules });
  const t0 = now();
  const table = buildEnterpriseTable(dataset.enterprises, dataset.organizations, rules);
  const t1 = now();
  const indexes = buildPlaceIndexes(dataset.buildings, dataset.zones, dataset.areas);
  const { clusterOf: buildingCluster } = clusterBuildings(indexes.buildings, rules.buildingClusterGapM);
  const t1i = now();
  const building = locateAll(table, indexes.buildings);
  const zone = locateAll(table, indexes.zones);
  const { district, street } = joinEnterprisesToAreas(table, dataset.enterprises, dataset.areas, indexes);
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
