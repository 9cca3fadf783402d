/**
 * The rule engine: standalone orgs, joint branches by place (building → building cluster → zone →
 * uncovered cluster → neighbouring streets), association branches, work coverage, and the umbrellas
 * (building communities, zone organizations, new zones) over them.
 *
 * Everything is decided first (members, then the umbrella tree), and each recommendation is written
 * once from its final members: its place, reasons, id and name describe what it holds.
 */
import type { Building, Enterprise, OrgLevel, RuleProfile, Zone } from '../model/types';
import type { Cluster, PlanEffect, Recommendation, RecommendationKind } from '../model/report';
import { Flag, MassOrgBit, type EnterpriseTable } from '../model/enterprise-table';
import { canFormBranch, createPackState, insertIntoNearbyGroups, insertWithEjection, packAroundSeeds, packPool, splitByCells, type PackState, type PlaceKind } from './packing';
import { greedyJointBranches } from './greedy';
import { reasons, type ReasonText } from './reasons';
import { distanceBetween, isMapped, spanOf } from './points';
import { distinctNames, names, stableCode, uniqueIds, type RecName } from './identity';

export interface RecommendInput {
  table: EnterpriseTable;
  rules: RuleProfile;
  building: Int32Array;
  zone: Int32Array;
  street: Int32Array;
  /** The areas `street` indexes: ids name a recommendation's street whatever order the areas come in. */
  areas: readonly { id: string }[];
  buildings: readonly Building[];
  zones: readonly Zone[];
  /** Per building: its building cluster. */
  buildingCluster: Int32Array;
  clusters: readonly Cluster[];
  /** Per enterprise: uncovered cluster, or -1. */
  clusterOf: Int32Array;
  /** The enterprises, for the names of recommendations (ids stand in without them). */
  enterprises?: readonly Pick<Enterprise, 'name'>[];
  /** Also run the plain greedy pass, for `plan_effect`'s comparison (off in timing runs). */
  compareWithGreedy?: boolean;
}

export interface RecommendOutput {
  recommendations: Recommendation[];
  effect: PlanEffect;
}

/** Cells for the zone / cluster / nearby packing: a little under the side whose diagonal is the distance limit. */
const CELL_SHARE_OF_DIAGONAL = 0.98;

export function orgLevelFor(members: number, rules: RuleProfile): OrgLevel {
  if (members >= rules.committeeMinMembers) return 'committee';
  if (members >= rules.generalBranchMinMembers) return 'general_branch';
  return 'branch';
}

function groupBy<K>(indices: readonly number[], key: (i: number) => K): Map<K, number[]> {
  const out = new Map<K, number[]>();
  for (const i of indices) {
    const k = key(i);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(i);
  }
  return out;
}

/** The one value `key` gives every member, or -1 when they differ (or there are none). */
function common(members: readonly number[], key: (i: number) => number): number {
  if (members.length === 0) return -1;
  const first = key(members[0]);
  for (const m of members) if (key(m) !== first) return -1;
  return first;
}

function mostCommonIndustry(t: EnterpriseTable, members: readonly number[]): string | null {
  const counts = new Map<number, number>();
  for (const m of members) counts.set(t.industry[m], (counts.get(t.industry[m]) ?? 0) + 1);
  let best = -1;
  let bestCount = 1;
  for (const [k, c] of counts) if (c > bestCount) [best, bestCount] = [k, c];
  return best >= 0 && t.industries[best] ? t.industries[best] : null;
}

const MASS_ORG_NAMES: readonly [number, string, string][] = [
  [MassOrgBit.UNION, '工会', 'trade union'], [MassOrgBit.YOUTH_LEAGUE, '共青团', 'Youth League branch'], [MassOrgBit.WOMENS_FEDERATION, '妇联', "women's federation"],
];

/**
 * 党群联动: the member with a mass organization (the most formal members, then the most employees, then
 * the first) that the organization is built around, as a reason; null when no member has one.
 */
function massOrgReason(t: EnterpriseTable, members: readonly number[], enterpriseName: (i: number) => string): ReasonText | null {
  let core = -1;
  for (const m of members) {
    if (!t.massOrg[m]) continue;
    if (core < 0 || t.formal[m] > t.formal[core] || (t.formal[m] === t.formal[core] && t.employees[m] > t.employees[core])) core = m;
  }
  if (core < 0) return null;
  const orgs = MASS_ORG_NAMES.filter(([bit]) => t.massOrg[core] & bit);
  return reasons.massOrgCore(enterpriseName(core), orgs.map((o) => o[1]), orgs.map((o) => o[2]));
}

function uncoveredInScope(table: EnterpriseTable): number[] {
  const out: number[] = [];
  for (let i = 0; i < table.count; i++) {
    const f = table.flags[i];
    if (f & Flag.OPERATING && !(f & Flag.COVERED)) out.push(i);
  }
  return out;
}

/** Uncovered must-cover enterprises with too few formal members for an own organization. */
export function jointCandidates(table: EnterpriseTable, rules: RuleProfile, uncovered = uncoveredInScope(table)): number[] {
  return uncovered.filter((i) => table.formal[i] < rules.standaloneMinFormal && table.flags[i] & Flag.MUST_COVER);
}

function memberSums(table: EnterpriseTable, members: readonly number[]): { formal: number; total: number } {
  let formal = 0;
  let total = 0;
  for (const m of members) {
    formal += table.formal[m];
    total += table.members[m];
  }
  return { formal, total };
}

/** An umbrella is a committee from the committee threshold on, else a general branch. */
function umbrellaLevel(table: EnterpriseTable, members: readonly number[], rules: RuleProfile): OrgLevel {
  return orgLevelFor(memberSums(table, members).total, rules) === 'committee' ? 'committee' : 'general_branch';
}

/** A leaf as decided: its members, what it is, why, and what to call it. */
interface LeafDraft {
  kind: RecommendationKind;
  level: OrgLevel | null;
  members: number[];
  reasons: ReasonText[];
  /** The place its id is derived from (a building, a zone, a street …). */
  place: string;
  name: RecName;
}

interface UmbrellaDraft {
  id: string;
  kind: RecommendationKind;
  /** Leaves (indices into the leaf list) directly under it. */
  leaves: number[];
  /** Umbrellas directly under it. */
  umbrellas: UmbrellaDraft[];
  parent: UmbrellaDraft | null;
  describe: (members: number[], branchesUnder: number) => { level: OrgLevel | null; reasons: ReasonText[]; name: RecName };
  extra?: Partial<Recommendation>;
}

interface PlaceDescription {
  reason: ReasonText;
  place: string;
  name: RecName;
}

export function recommend(input: RecommendInput): RecommendOutput {
  const { table, rules, street, clusterOf } = input;
  const enterpriseName = (i: number) => input.enterprises?.[i]?.name?.trim() || table.ids[i];
  const streetId = (i: number) => (street[i] >= 0 ? input.areas[street[i]]?.id ?? '' : '');
  const leaves: LeafDraft[] = [];
  const uncovered = uncoveredInScope(table);

  // Rule 1: own organization.
  for (const i of uncovered) {
    if (table.formal[i] < rules.standaloneMinFormal) continue;
    const level = orgLevelFor(table.members[i], rules);
    const [from, below] = level === 'committee' ? [rules.committeeMinMembers, null] : level === 'general_branch' ? [rules.generalBranchMinMembers, rules.committeeMinMembers] : [null, rules.generalBranchMinMembers];
    const massOrg = massOrgReason(table, [i], enterpriseName);
    leaves.push({
      kind: 'standalone', level, members: [i], place: '',
      reasons: [reasons.standalone(table.formal[i], rules.standaloneMinFormal), reasons.level(level, table.members[i], from, below), ...(massOrg ? [massOrg] : [])],
      name: names.standalone(enterpriseName(i), level),
    });
  }

  // Rule 2: joint branches, place by place; rule 4: the association for micro enterprises outside zones.
  const joint = jointCandidates(table, rules, uncovered);
  const packed = packJointBranches(input, joint);

  for (const g of packed.groups) {
    if (!g.alive || g.members.length === 0) continue;
    const members = [...g.members].sort((a, b) => a - b);
    const { formal, total } = memberSums(table, members);
    const association = g.placeKind === 'association';
    const where = association ? null : describePlace(input, members, enterpriseName);
    const list: ReasonText[] = where
      ? [where.reason, reasons.span(spanOf(table, members), rules.jointMaxSpanM)]
      : [reasons.association(members.length, rules.microCapitalBelow)];
    const industry = mostCommonIndustry(table, members);
    if (industry) list.push(reasons.industry(industry));
    list.push(reasons.formalTotal(formal, total));
    if (formal >= rules.branchCommitteeMinFormal) list.push(reasons.branchCommittee(formal, rules.branchCommitteeMinFormal));
    const massOrg = massOrgReason(table, members, enterpriseName);
    if (massOrg) list.push(massOrg);
    leaves.push({
      kind: association ? 'association_branch' : 'joint_branch', level: 'branch', members, reasons: list,
      place: where?.place ?? `street:${streetId(members[0])}`,
      name: where?.name ?? names.association(enterpriseName(members[0]), members.length),
    });
  }

  // Rule 5: work coverage for the rest, per street (and per uncovered cluster).
  const rest = joint.filter((i) => packed.groupOf[i] < 0);
  for (const members of groupBy(rest, (i) => `${street[i]}|${clusterOf[i]}`).values()) {
    const unmapped = members.filter((m) => !isMapped(table, m)).length;
    leaves.push({
      kind: 'work_coverage', level: null, members, place: `street:${streetId(members[0])}|cluster:${clusterOf[members[0]]}`,
      reasons: unmapped > 0 ? [reasons.workCoverage(members.length), reasons.unmapped(unmapped)] : [reasons.workCoverage(members.length)],
      name: names.workCoverage(enterpriseName(members[0]), members.length),
    });
  }

  // Before the umbrellas' codes: the leaves' thousands of short codes get the hash optimized whole
  // (a new zone's code of thousands of ids first had it compiled mid-loop, then left at its tail on every later call).
  const leafIds = leafIdsOf(leaves, table);
  const umbrellas = umbrellaTree(leaves, input, enterpriseName);
  const recommendations = writeRecommendations(leaves, leafIds, umbrellas, input);

  const isOrg = (k: RecommendationKind) => k === 'standalone' || k === 'joint_branch' || k === 'association_branch';
  const orgs = recommendations.filter((r) => isOrg(r.kind));
  const greedy = input.compareWithGreedy === false ? null : greedyComparison(table, rules, recommendations);
  const uncoveredMustCover = uncovered.filter((i) => table.flags[i] & Flag.MUST_COVER).length;
  const inOrgs = orgs.reduce((n, r) => n + r.must_cover, 0);
  return {
    recommendations,
    effect: {
      uncovered_must_cover: uncoveredMustCover,
      must_cover_in_orgs: inOrgs,
      must_cover_to_work_coverage: uncoveredMustCover - inOrgs,
      new_orgs: orgs.length,
      greedy_must_cover_in_orgs: greedy?.greedy_must_cover_in_orgs ?? null,
      greedy_new_orgs: greedy?.greedy_new_orgs ?? null,
    },
  };
}

/**
 * What the plain greedy pass would place, beside the plan's own standalone organizations: the
 * comparison in `plan_effect`. Callable after the plan (the worker sends it after the plan's view).
 */
export function greedyComparison(table: EnterpriseTable, rules: RuleProfile, recommendations: readonly Recommendation[]): Pick<PlanEffect, 'greedy_must_cover_in_orgs' | 'greedy_new_orgs'> {
  const greedy = greedyJointBranches(table, jointCandidates(table, rules), rules);
  const standaloneCount = recommendations.filter((r) => r.kind === 'standalone').length;
  return { greedy_must_cover_in_orgs: greedy.enterprisesInBranches + standaloneCount, greedy_new_orgs: greedy.branches + standaloneCount };
}

/** Rule 2 (and 4): packs the joint candidates into branches, place by place, then fills and trades. */
function packJointBranches(input: RecommendInput, joint: readonly number[]): PackState {
  const { table, rules, building, zone, street, buildingCluster, clusterOf } = input;
  const s = createPackState(table, rules);
  const open = () => joint.filter((i) => s.groupOf[i] < 0 && isMapped(table, i));
  const cellM = (rules.jointMaxSpanM / Math.SQRT2) * CELL_SHARE_OF_DIAGONAL;
  const packByCells = (pool: readonly number[], placeKind: PlaceKind) => {
    if (!canFormBranch(s, pool)) return;
    for (const shift of [0, cellM / 2]) {
      for (const cell of splitByCells(table, pool.filter((i) => s.groupOf[i] < 0), cellM, shift)) packPool(s, cell, { placeKind, spanChecked: true });
    }
    packAroundSeeds(s, pool, placeKind);
  };
  for (const pool of groupBy(open().filter((i) => building[i] >= 0), (i) => building[i]).values()) {
    packPool(s, pool, { placeKind: 'building', spanChecked: true });
  }
  for (const pool of groupBy(open().filter((i) => building[i] >= 0), (i) => buildingCluster[building[i]]).values()) packByCells(pool, 'building_cluster');
  for (const pool of groupBy(open().filter((i) => zone[i] >= 0), (i) => zone[i]).values()) packByCells(pool, 'zone');
  for (const pool of groupBy(open().filter((i) => clusterOf[i] >= 0), (i) => clusterOf[i]).values()) packByCells(pool, 'cluster');
  packByCells(open(), 'nearby');
  packAroundSeeds(s, open(), 'nearby');
  insertIntoNearbyGroups(s, open());
  insertWithEjection(s, open());

  // Rule 4: micro enterprises outside every zone, through the association (no distance limit).
  const micro = joint.filter((i) => s.groupOf[i] < 0 && table.flags[i] & Flag.MICRO && zone[i] < 0);
  for (const pool of groupBy(micro, (i) => street[i]).values()) packPool(s, pool, { placeKind: 'association', spanChecked: false });
  return s;
}

/**
 * Where a joint branch's final members are, in the most specific words that are true of all of
 * them: one building; one cluster of neighbouring buildings; one zone; a building and its
 * surroundings; one uncovered cluster; else neighbouring enterprises.
 */
function describePlace(input: RecommendInput, members: readonly number[], enterpriseName: (i: number) => string): PlaceDescription {
  const { table, building, zone, buildings, zones, buildingCluster, clusterOf } = input;
  const units = members.length;
  const b = common(members, (m) => building[m]);
  if (b >= 0) return { reason: reasons.inBuilding(buildings[b].name, units), place: `building:${buildings[b].id}`, name: names.building(buildings[b].name) };

  const perBuilding = new Map<number, number>();
  for (const m of members) if (building[m] >= 0) perBuilding.set(building[m], (perBuilding.get(building[m]) ?? 0) + 1);
  // The building holding the most members; on a tie the one with the smallest id, not the first in
  // the input's order (the store returns buildings in another order than the files: the same
  // recommendation was named after another building, with another id, in the app and the CLI).
  let main = -1;
  for (const [k, n] of perBuilding) if (main < 0 || n > (perBuilding.get(main) as number) || (n === perBuilding.get(main) && buildings[k].id < buildings[main].id)) main = k;

  const cluster = common(members, (m) => (building[m] >= 0 ? buildingCluster[building[m]] : -1));
  if (cluster >= 0) {
    return { reason: reasons.inBuildingCluster(buildings[main].name, perBuilding.size, units), place: `buildings:${[...perBuilding.keys()].map((k) => buildings[k].id).sort().join('+')}`, name: names.buildingCluster(buildings[main].name, perBuilding.size) };
  }
  const z = common(members, (m) => zone[m]);
  if (z >= 0) return { reason: reasons.inZone(zones[z].name, units), place: `zone:${zones[z].id}`, name: names.zone(zones[z].name) };
  if (main >= 0) {
    const inside = members.filter((m) => building[m] === main);
    const outside = members.filter((m) => building[m] !== main);
    let farthest = 0;
    for (const o of outside) {
      let nearest = Infinity;
      for (const i of inside) nearest = Math.min(nearest, distanceBetween(table, o, i));
      if (nearest > farthest) farthest = nearest;
    }
    return { reason: reasons.buildingAndNearby(buildings[main].name, inside.length, outside.length, farthest), place: `building+:${buildings[main].id}`, name: names.buildingAndNearby(buildings[main].name) };
  }
  const c = common(members, (m) => clusterOf[m]);
  if (c >= 0) return { reason: reasons.inCluster(units), place: `cluster`, name: names.around(enterpriseName(members[0]), units) };
  return { reason: reasons.nearby(units), place: 'nearby', name: names.around(enterpriseName(members[0]), units) };
}

/**
 * The umbrellas over the leaves: building communities (several branches in one building or one
 * cluster of neighbouring buildings), zone organizations (several branches in one zone; communities
 * wholly inside it sit under it) and new zones (one per uncovered cluster, over the leaves wholly
 * inside it that have no umbrella yet). Returned in that order, parents linked.
 */
function umbrellaTree(leaves: readonly LeafDraft[], input: RecommendInput, enterpriseName: (i: number) => string): UmbrellaDraft[] {
  const { table, rules, building, zone, buildings, zones, buildingCluster, clusters, clusterOf } = input;
  const branches = leaves.map((_, k) => k).filter((k) => leaves[k].kind === 'joint_branch');
  const parentOfLeaf = new Map<number, UmbrellaDraft>();
  const out: UmbrellaDraft[] = [];
  const adopt = (u: UmbrellaDraft, leafIndices: readonly number[]) => {
    for (const k of leafIndices) {
      parentOfLeaf.set(k, u);
      u.leaves.push(k);
    }
  };

  // Building communities.
  const clusterOfLeaf = (k: number) => common(leaves[k].members, (m) => (building[m] >= 0 ? buildingCluster[building[m]] : -1));
  const communities: UmbrellaDraft[] = [];
  for (const ks of groupBy(branches.filter((k) => clusterOfLeaf(k) >= 0), clusterOfLeaf).values()) {
    if (ks.length < 2) continue;
    const ids = [...new Set(ks.flatMap((k) => leaves[k].members.map((m) => buildings[building[m]].id)))].sort();
    const first = buildings[building[leaves[ks[0]].members[0]]];
    const u: UmbrellaDraft = {
      id: `BC-${ids.length === 1 ? ids[0] : stableCode('building_community', '', ids)}`, kind: 'building_community', leaves: [], umbrellas: [], parent: null,
      describe: (members, under) => ({ level: umbrellaLevel(table, members, rules), reasons: [reasons.umbrellaBuilding(under)], name: names.buildingCommunity(first.name, ids.length) }),
    };
    adopt(u, ks);
    communities.push(u);
    out.push(u);
  }

  // Zone organizations.
  const zoneOfLeaf = (k: number) => common(leaves[k].members, (m) => zone[m]);
  for (const [z, ks] of groupBy(branches.filter((k) => zoneOfLeaf(k) >= 0), zoneOfLeaf)) {
    if (ks.length < 2) continue;
    const direct = ks.filter((k) => !parentOfLeaf.has(k));
    const inside = communities.filter((c) => c.parent === null && c.leaves.every((k) => zoneOfLeaf(k) === z));
    if (direct.length + inside.reduce((n, c) => n + c.leaves.length, 0) < 2) continue;
    const u: UmbrellaDraft = {
      id: `ZO-${zones[z].id}`, kind: 'zone_org', leaves: [], umbrellas: [], parent: null,
      describe: (members, under) => {
        const level = umbrellaLevel(table, members, rules);
        return { level, reasons: [reasons.umbrellaZone(under)], name: names.zoneOrg(zones[z].name, level) };
      },
      extra: { zone_id: zones[z].id },
    };
    adopt(u, direct);
    for (const c of inside) {
      c.parent = u;
      u.umbrellas.push(c);
    }
    out.push(u);
  }

  // New zones, each called after its first enterprise by id.
  const lead = new Int32Array(clusters.length).fill(-1);
  for (let i = 0; i < table.count; i++) {
    const c = clusterOf[i];
    if (c >= 0 && (lead[c] < 0 || table.ids[i] < table.ids[lead[c]])) lead[c] = i;
  }
  const byCluster = groupBy(
    leaves.map((_, k) => k).filter((k) => !parentOfLeaf.has(k) && leaves[k].members.length > 0),
    (k) => common(leaves[k].members, (m) => clusterOf[m]),
  );
  clusters.forEach((cluster, c) => {
    const memberIds = cluster.enterprise_ids;
    const u: UmbrellaDraft = {
      id: `NZ-${stableCode('new_zone', '', memberIds)}`, kind: 'new_zone', leaves: [], umbrellas: [], parent: null,
      describe: () => ({ level: null, reasons: [reasons.newZone(memberIds.length, rules.clusterRadiusM)], name: names.newZone(lead[c] >= 0 ? enterpriseName(lead[c]) : cluster.id, memberIds.length) }),
      extra: { geometry: cluster.geometry, cluster_id: cluster.id },
    };
    adopt(u, byCluster.get(c) ?? []);
    out.push(u);
  });
  return out;
}

/** What a recommendation is written from: its members and what was decided about them. */
interface RecordDraft {
  id: string;
  kind: RecommendationKind;
  level: OrgLevel | null;
  members: readonly number[];
  reasons: readonly ReasonText[];
  name: RecName;
  parent: string | null;
  extra: Partial<Recommendation> | undefined;
}

/** One recommendation from its final members (one shape of argument for every kind: see writeRecommendations for the order of calls). */
function recordOf(input: RecommendInput, d: RecordDraft): Recommendation {
  const { table, building, zone, buildings, zones } = input;
  const { members } = d;
  const { formal, total } = memberSums(table, members);
  const ids = new Array<string>(members.length);
  let mustCover = 0;
  for (let k = 0; k < members.length; k++) {
    const m = members[k];
    ids[k] = table.ids[m];
    if (table.flags[m] & Flag.MUST_COVER) mustCover++;
  }
  const z = common(members, (m) => zone[m]);
  const rec: Recommendation = {
    id: d.id, kind: d.kind, level: d.level, name: d.name.zh, name_en: d.name.en,
    enterprise_ids: ids,
    formal_members: formal, members: total,
    building_ids: buildingIdsByMembers(members, building, buildings),
    zone_id: z >= 0 ? zones[z].id : null,
    parent_id: d.parent,
    reasons: d.reasons.map((r) => r.zh), reasons_en: d.reasons.map((r) => r.en), reason_codes: d.reasons.map((r) => r.code),
    span_m: Math.round(spanOf(table, members) * 10) / 10,
    must_cover: mustCover,
  };
  if (d.extra) Object.assign(rec, d.extra);
  return rec;
}

/** The ids of the buildings members are in, the building holding the most members first (first seen on a tie). */
function buildingIdsByMembers(members: readonly number[], building: Int32Array, buildings: readonly Building[]): string[] {
  const counts = new Map<string, number>();
  for (const m of members) {
    const b = building[m];
    if (b < 0) continue;
    const id = buildings[b].id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const byCount = [...counts];
  if (byCount.length > 1) byCount.sort((a, b) => b[1] - a[1]);
  return byCount.map(([id]) => id);
}

/** Leaf ids from what each leaf is (kind, place, members). */
function leafIdsOf(leaves: readonly LeafDraft[], table: EnterpriseTable): string[] {
  return uniqueIds(leaves.map((l) => {
    if (l.kind === 'standalone') return `S-${table.ids[l.members[0]]}`;
    const prefix = l.kind === 'joint_branch' ? 'J' : l.kind === 'association_branch' ? 'A' : 'W';
    return `${prefix}-${stableCode(l.kind, l.place, l.members.map((m) => table.ids[m]))}`;
  }));
}

/** Writes every recommendation once, umbrellas first, from its final members and its place in the tree. */
function writeRecommendations(leaves: readonly LeafDraft[], leafIds: readonly string[], umbrellas: readonly UmbrellaDraft[], input: RecommendInput): Recommendation[] {
  const { table } = input;
  // Names numbered where several share one.
  const leafNames = distinctNames(leaves.map((l) => l.name), leaves.map((l) => table.ids[l.members[0]] ?? ''));
  const parentOf = new Map<number, string>();
  for (const u of umbrellas) for (const k of u.leaves) parentOf.set(k, u.id);

  const leavesUnder = (u: UmbrellaDraft): number[] => [...u.leaves, ...u.umbrellas.flatMap(leavesUnder)];
  // Leaves first: thousands of small calls get recordOf optimized with every path seen. An umbrella
  // of thousands of members first had it compiled mid-loop (on-stack replacement) with its tail never
  // run, and V8 keeps such code: every later call then left it at the tail (thousands of deopts a dense plan).
  const leafRecs = leaves.map((l, k) => recordOf(input, { id: leafIds[k], kind: l.kind, level: l.level, members: l.members, reasons: l.reasons, name: leafNames[k], parent: parentOf.get(k) ?? null, extra: undefined }));
  const umbrellaRecs = umbrellas.map((u) => {
    const under = leavesUnder(u);
    const members = [...new Set(under.flatMap((k) => leaves[k].members))].sort((a, b) => a - b);
    const branchesUnder = under.filter((k) => leaves[k].kind === 'joint_branch').length;
    const { level, reasons: list, name } = u.describe(members, branchesUnder);
    return recordOf(input, { id: u.id, kind: u.kind, level, members, reasons: list, name, parent: u.parent?.id ?? null, extra: u.extra });
  });
  return [...umbrellaRecs, ...leafRecs];
}
