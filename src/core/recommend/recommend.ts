/**
 * The rule engine: standalone orgs, joint branches by place (building → building cluster → zone →
 * uncovered cluster → neighbouring streets), association branches, work coverage, and the umbrellas
 * (building communities, zone organizations, new zones) over them.
 */
import type { Building, OrgLevel, RuleProfile, Zone } from '../model/types';
import type { Cluster, PlanEffect, Recommendation, RecommendationKind } from '../model/report';
import { Flag, type EnterpriseTable } from '../model/enterprise-table';
import { spanOf } from './points';
import { createPackState, insertIntoNearbyGroups, insertWithEjection, packAroundSeeds, packPool, splitByCells, type Group, type PackState, type PlaceKind } from './packing';
import { greedyJointBranches } from './greedy';
import { reasons, type ReasonText } from './reasons';

export interface RecommendInput {
  table: EnterpriseTable;
  rules: RuleProfile;
  building: Int32Array;
  zone: Int32Array;
  street: Int32Array;
  buildings: readonly Building[];
  zones: readonly Zone[];
  /** Per building: its building cluster. */
  buildingCluster: Int32Array;
  clusters: readonly Cluster[];
  /** Per enterprise: uncovered cluster, or -1. */
  clusterOf: Int32Array;
  /** Also run the plain greedy pass, for `plan_effect`'s comparison (off in timing runs). */
  compareWithGreedy?: boolean;
}

export interface RecommendOutput {
  recommendations: Recommendation[];
  effect: PlanEffect;
}

export function orgLevelFor(members: number, rules: RuleProfile): OrgLevel {
  if (members >= rules.committeeMinMembers) return 'committee';
  if (members >= rules.generalBranchMinMembers) return 'general_branch';
  return 'branch';
}

function groupBy(indices: readonly number[], key: (i: number) => number | string): Map<number | string, number[]> {
  const out = new Map<number | string, number[]>();
  for (const i of indices) {
    const k = key(i);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(i);
  }
  return out;
}

/** The one value `key` gives every member, or -1 when they differ. */
function common(members: readonly number[], key: (i: number) => number): number {
  const first = key(members[0]);
  return members.every((m) => key(m) === first) ? first : -1;
}

function texts(list: ReasonText[]): Pick<Recommendation, 'reasons' | 'reasons_en' | 'reason_codes'> {
  return { reasons: list.map((r) => r.zh), reasons_en: list.map((r) => r.en), reason_codes: list.map((r) => r.code) };
}

function mostCommonIndustry(t: EnterpriseTable, members: readonly number[]): string | null {
  const counts = new Map<number, number>();
  for (const m of members) counts.set(t.industry[m], (counts.get(t.industry[m]) ?? 0) + 1);
  let best = -1;
  let bestCount = 1;
  for (const [k, c] of counts) if (c > bestCount) [best, bestCount] = [k, c];
  return best >= 0 && t.industries[best] ? t.industries[best] : null;
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

interface Leaf {
  rec: Recommendation;
  members: number[];
}

export function recommend(input: RecommendInput): RecommendOutput {
  const { table, rules, building, zone, street, buildings, zones, buildingCluster, clusterOf } = input;
  const leaves: Leaf[] = [];
  const mustCoverOf = (members: readonly number[]) => members.filter((m) => table.flags[m] & Flag.MUST_COVER).length;
  const base = (id: string, kind: RecommendationKind, level: OrgLevel | null, members: number[]): Recommendation => {
    const { formal, total } = memberSums(table, members);
    const buildingIds = [...new Set(members.filter((m) => building[m] >= 0).map((m) => buildings[building[m]].id))];
    const z = common(members, (m) => zone[m]);
    return {
      id, kind, level,
      enterprise_ids: members.map((m) => table.ids[m]),
      formal_members: formal, members: total,
      building_ids: buildingIds,
      zone_id: z >= 0 ? zones[z].id : null,
      parent_id: null,
      reasons: [], reasons_en: [], reason_codes: [],
      span_m: Math.round(spanOf(table, members) * 10) / 10,
      must_cover: mustCoverOf(members),
    };
  };

  const uncovered = uncoveredInScope(table);

  // Rule 1: own organization.
  for (const i of uncovered) {
    if (table.formal[i] < rules.standaloneMinFormal) continue;
    const level = orgLevelFor(table.members[i], rules);
    const rec = base(`S-${table.ids[i]}`, 'standalone', level, [i]);
    Object.assign(rec, texts([reasons.standalone(table.formal[i], rules.standaloneMinFormal), reasons.level(level, table.members[i])]));
    leaves.push({ rec, members: [i] });
  }

  // Rule 2: joint branches, place by place.
  const joint = jointCandidates(table, rules, uncovered);
  const s = createPackState(table, rules);
  const open = () => joint.filter((i) => s.groupOf[i] < 0 && table.flags[i] & Flag.MAPPED);
  const cellM = (rules.jointMaxSpanM / Math.SQRT2) * 0.98;
  const packByCells = (pool: readonly number[], placeKind: PlaceKind) => {
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

  const branchLeaves = branchRecommendations(s, rules, base);
  leaves.push(...branchLeaves);

  // Rule 5: work coverage for the rest, per street (and per uncovered cluster).
  const rest = joint.filter((i) => s.groupOf[i] < 0);
  let wc = 0;
  for (const members of groupBy(rest, (i) => `${street[i]}|${clusterOf[i]}`).values()) {
    const rec = base(`W${String(++wc).padStart(4, '0')}`, 'work_coverage', null, members);
    const unmapped = members.filter((m) => !(table.flags[m] & Flag.MAPPED)).length;
    Object.assign(rec, texts(unmapped > 0 ? [reasons.workCoverage(members.length), reasons.unmapped(unmapped)] : [reasons.workCoverage(members.length)]));
    leaves.push({ rec, members });
  }

  const umbrellas = umbrellaRecommendations(leaves, input, base);
  const recommendations = [...umbrellas, ...leaves.map((l) => l.rec)];

  const isOrg = (k: RecommendationKind) => k === 'standalone' || k === 'joint_branch' || k === 'association_branch';
  const orgLeaves = leaves.filter((l) => isOrg(l.rec.kind));
  const greedy = input.compareWithGreedy === false ? null : greedyJointBranches(table, joint, rules);
  const standaloneCount = leaves.filter((l) => l.rec.kind === 'standalone').length;
  const uncoveredMustCover = uncovered.filter((i) => table.flags[i] & Flag.MUST_COVER).length;
  const inOrgs = orgLeaves.reduce((n, l) => n + l.rec.must_cover, 0);
  return {
    recommendations,
    effect: {
      uncovered_must_cover: uncoveredMustCover,
      must_cover_in_orgs: inOrgs,
      must_cover_to_work_coverage: uncoveredMustCover - inOrgs,
      new_orgs: orgLeaves.length,
      greedy_must_cover_in_orgs: greedy ? greedy.enterprisesInBranches + standaloneCount : null,
      greedy_new_orgs: greedy ? greedy.branches + standaloneCount : null,
    },
  };
}

type BaseFn = (id: string, kind: RecommendationKind, level: OrgLevel | null, members: number[]) => Recommendation;

function branchRecommendations(s: PackState, rules: RuleProfile, base: BaseFn): Leaf[] {
  const { table } = s;
  const alive = s.groups.filter((g: Group) => g.alive && g.members.length > 0);
  let jb = 0;
  let ab = 0;
  return alive.map((g) => {
    const members = [...g.members].sort((a, b) => a - b);
    const association = g.placeKind === 'association';
    const id = association ? `A${String(++ab).padStart(4, '0')}` : `J${String(++jb).padStart(5, '0')}`;
    const rec = base(id, association ? 'association_branch' : 'joint_branch', 'branch', members);
    const list: ReasonText[] = association
      ? [reasons.association(members.length, rules.microCapitalBelow)]
      : [reasons.place(g.placeKind as Exclude<PlaceKind, 'association'>, members.length), reasons.span(rec.span_m, rules.jointMaxSpanM)];
    const industry = mostCommonIndustry(table, members);
    if (industry) list.push(reasons.industry(industry));
    list.push(reasons.formalTotal(rec.formal_members, rec.members));
    if (rec.formal_members >= rules.branchCommitteeMinFormal) list.push(reasons.branchCommittee(rec.formal_members));
    Object.assign(rec, texts(list));
    return { rec, members };
  });
}

function umbrellaRecommendations(leaves: Leaf[], input: RecommendInput, base: BaseFn): Recommendation[] {
  const { table, rules, building, zone, buildings, zones, buildingCluster, clusters, clusterOf } = input;
  const branches = leaves.filter((l) => l.rec.kind === 'joint_branch');
  const out: Recommendation[] = [];
  const union = (children: Leaf[]) => [...new Set(children.flatMap((c) => c.members))].sort((a, b) => a - b);
  const umbrella = (id: string, kind: RecommendationKind, level: OrgLevel | null, children: Leaf[], text: ReasonText[], extra: Partial<Recommendation> = {}) => {
    const rec = { ...base(id, kind, level, union(children)), ...texts(text), ...extra };
    for (const c of children) c.rec.parent_id = id;
    out.push(rec);
    return rec;
  };

  // Building communities: several branches within one building or one cluster of nearby buildings.
  const byBuildingCluster = groupBy(
    branches.map((_, k) => k).filter((k) => common(branches[k].members, (m) => (building[m] >= 0 ? buildingCluster[building[m]] : -1)) >= 0),
    (k) => buildingCluster[building[branches[k].members[0]]],
  );
  const communities: { rec: Recommendation; children: Leaf[] }[] = [];
  for (const [cluster, ks] of byBuildingCluster) {
    if (ks.length < 2) continue;
    const children = ks.map((k) => branches[k]);
    const members = union(children);
    const level = umbrellaLevel(table, members, rules);
    const ids = [...new Set(members.map((m) => buildings[building[m]].id))];
    const rec = umbrella(`BC-${ids.length === 1 ? ids[0] : `cluster${cluster}`}`, 'building_community', level, children, [reasons.umbrellaBuilding(children.length)]);
    communities.push({ rec, children });
  }

  // Zone organizations: several branches within one business district, park or market.
  const inZone = (l: Leaf) => common(l.members, (m) => zone[m]);
  const zoneChildren = new Map<number, Leaf[]>();
  for (const l of branches) {
    const z = inZone(l);
    if (z >= 0) zoneChildren.set(z, [...(zoneChildren.get(z) ?? []), l]);
  }
  for (const [z, children] of zoneChildren) {
    if (children.length < 2) continue;
    const members = union(children);
    const level = umbrellaLevel(table, members, rules);
    const id = `ZO-${zones[z].id}`;
    // Branches already under a building community stay there; the community sits under the zone.
    for (const c of children) if (c.rec.parent_id === null) c.rec.parent_id = id;
    for (const c of communities) if (c.children.every((x) => inZone(x) === z)) c.rec.parent_id = id;
    out.push({ ...base(id, 'zone_org', level, members), ...texts([reasons.umbrellaZone(children.length)]) });
  }

  // New zones: one per uncovered cluster, over the leaves that lie wholly inside it.
  const leavesByCluster = groupBy(
    leaves.map((_, k) => k).filter((k) => leaves[k].rec.parent_id === null && leaves[k].members.length > 0),
    (k) => common(leaves[k].members, (m) => clusterOf[m]),
  );
  clusters.forEach((cluster, c) => {
    const children = (leavesByCluster.get(c) ?? []).map((k) => leaves[k]);
    umbrella(`NZ-${cluster.id}`, 'new_zone', null, children, [reasons.newZone(cluster.enterprise_ids.length, rules.clusterRadiusM)], { geometry: cluster.geometry });
  });

  // An umbrella lists every enterprise of the leaves under it, however deep.
  const byId = new Map(out.map((u) => [u.id, u]));
  const under = new Map<string, Set<number>>();
  for (const leaf of leaves) {
    for (let p = leaf.rec.parent_id; p !== null; p = byId.get(p)?.parent_id ?? null) {
      const set = under.get(p) ?? new Set<number>();
      leaf.members.forEach((m) => set.add(m));
      under.set(p, set);
    }
  }
  return out.map((u) => {
    const members = [...(under.get(u.id) ?? [])].sort((a, b) => a - b);
    const filled = base(u.id, u.kind, u.level, members);
    return { ...u, enterprise_ids: filled.enterprise_ids, formal_members: filled.formal_members, members: filled.members, building_ids: filled.building_ids, zone_id: u.zone_id ?? filled.zone_id, span_m: filled.span_m, must_cover: filled.must_cover };
  });
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
