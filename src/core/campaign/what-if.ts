/**
 * The planner's what-if for 理顺党员组织关系: "if these relationships were transferred, N enterprises
 * reach the formal members for an own organization and M more joint branches become possible,
 * covering K must-cover enterprises" — in total and per area, and which enterprises transfers unlock.
 *
 * The register is planned a second time with every member still elsewhere counted as a formal member
 * of the enterprise they work in (the same rules, the same places), and the two plans are compared:
 *   own_org         enterprises with an own organization (standalone) in the second plan and not in the first;
 *   joint_branches  joint / association branches of the second plan whose formal members, without the
 *                   transfers, would not reach the profile's minimum (possible only through transfers);
 *   enterprise_ids  the enterprises of those organizations that the first plan puts in no organization
 *                   (the map's "transfers would unlock" filter);
 *   must_cover      how many of them are must-cover.
 * A branch counts in the district most of its members lie in, and in the street most of that district's
 * members of it lie in: one enterprise of it there is its anchor.
 *
 * The figures over any set of enterprises (the user's whole filter, not only an area) come from the
 * roles the enterprises play (`roles`: own organization, branch anchor, unlocked must-cover) and the
 * members still elsewhere in them (`whatIfOver`); over an area's enterprises they are the area's row.
 */
import type { Dataset, Enterprise } from '../model/types';
import type { Recommendation, RecommendationKind, WhatIfFigures } from '../model/report';
import { isMustCover } from '../model/scope';
import { Flag } from '../model/enterprise-table';
import { planDataset, type PlanResult } from '../plan';
import { pendingTransfers } from './members';

export type { WhatIfFigures };

export interface AreaWhatIf extends WhatIfFigures {
  id: string;
}

/** Which enterprises carry the what-if's figures (ids; each list in the register's order). */
export interface WhatIfRoles {
  /** N: an own organization only through the transfers. */
  own_org: string[];
  /** M: one enterprise per branch possible only through the transfers (where the branch counts). */
  branch_anchors: string[];
  /** K: unlocked must-cover enterprises. */
  must_cover: string[];
}

export interface TransferWhatIf extends WhatIfFigures {
  enterprise_ids: string[];
  /** In the areas' order. */
  areas: AreaWhatIf[];
  roles: WhatIfRoles;
}

const ORG_KINDS: ReadonlySet<RecommendationKind> = new Set(['standalone', 'joint_branch', 'association_branch']);
const empty = (): WhatIfFigures => ({ pending_members: 0, own_org: 0, joint_branches: 0, must_cover: 0 });

/** Every member still elsewhere counted as a formal member where they work (a new array; the input is not touched). */
export function withTransfersDone(enterprises: readonly Enterprise[]): Enterprise[] {
  return enterprises.map((e) => {
    const pending = pendingTransfers(e);
    if (pending === 0) return e;
    return { ...e, partyMembers: (e.partyMembers ?? 0) + pending, membersTransferred: e.membersElsewhere ?? pending, transferStatus: 'done' };
  });
}

/** The area (index) most of `members` lie in (the lowest index on a tie), or -1. */
function majority(members: readonly number[], areaOf: Int32Array): number {
  const counts = new Map<number, number>();
  for (const m of members) if (areaOf[m] >= 0) counts.set(areaOf[m], (counts.get(areaOf[m]) ?? 0) + 1);
  let best = -1;
  let bestCount = 0;
  for (const [a, c] of counts) if (c > bestCount || (c === bestCount && a < best)) [best, bestCount] = [a, c];
  return best;
}

/** The lowest-index member of `members` in area `a` of `areaOf` (the first member when `a` < 0 or none lies there). */
function firstIn(members: readonly number[], areaOf: Int32Array, a: number): number {
  if (a >= 0) for (const m of members) if (areaOf[m] === a) return m;
  return members[0];
}

/**
 * The what-if over the enterprises of `mask` (1 = in; null = all): members still elsewhere in the operating
 * ones, and the roles that lie in it. Over an area's enterprises this is the area's row of `transferWhatIf`.
 */
export function whatIfOver(
  enterprises: readonly Enterprise[], operating: (i: number) => boolean, roles: WhatIfRoles, indexOf: ReadonlyMap<string, number>, mask: Uint8Array | null,
): WhatIfFigures {
  const inMask = (i: number | undefined) => i !== undefined && (mask === null || mask[i] === 1);
  let pending = 0;
  for (let i = 0; i < enterprises.length; i++) if ((mask === null || mask[i] === 1) && operating(i)) pending += pendingTransfers(enterprises[i]);
  const count = (ids: readonly string[]) => ids.reduce((n, id) => n + (inMask(indexOf.get(id)) ? 1 : 0), 0);
  return { pending_members: pending, own_org: count(roles.own_org), joint_branches: count(roles.branch_anchors), must_cover: count(roles.must_cover) };
}

/** The what-if against `base`, the plan of `dataset` as it is (so the first plan is not made twice). */
export function transferWhatIf(dataset: Dataset, base: PlanResult): TransferWhatIf {
  const areas = dataset.areas.map(empty);
  const total = empty();
  const { district, street, rules } = base;
  const addTo = (i: number, key: keyof WhatIfFigures, n = 1) => {
    total[key] += n;
    if (district[i] >= 0) areas[district[i]][key] += n;
    if (street[i] >= 0) areas[street[i]][key] += n;
  };
  let anyPending = false;
  dataset.enterprises.forEach((e, i) => {
    const p = pendingTransfers(e);
    if (p > 0 && base.table.flags[i] & Flag.OPERATING) {
      anyPending = true;
      addTo(i, 'pending_members', p);
    }
  });
  const roles: WhatIfRoles = { own_org: [], branch_anchors: [], must_cover: [] };
  const result = (ids: string[]): TransferWhatIf => ({ ...total, enterprise_ids: ids, areas: dataset.areas.map((a, k) => ({ id: a.id, ...areas[k] })), roles });
  if (!anyPending) return result([]);
  // Built only when there are transfers to weigh (a register without the campaign's columns has none).
  const indexOf = new Map<string, number>();
  for (let i = 0; i < dataset.enterprises.length; i++) indexOf.set(dataset.enterprises[i].id, i);

  const afterEnterprises = withTransfersDone(dataset.enterprises);
  const after = planDataset({ ...dataset, enterprises: afterEnterprises }, { rules, compareWithGreedy: false, generatedAt: base.report.generated_at });
  const inOrgBefore = new Set<string>();
  const standaloneBefore = new Set<string>();
  for (const r of base.report.recommendations) {
    if (!ORG_KINDS.has(r.kind)) continue;
    for (const id of r.enterprise_ids) inOrgBefore.add(id);
    if (r.kind === 'standalone') standaloneBefore.add(r.enterprise_ids[0]);
  }
  const formalBefore = (id: string) => dataset.enterprises[indexOf.get(id) as number].partyMembers ?? 0;
  const unlocked = new Set<number>();
  const transferMade: Recommendation[] = [];
  for (const r of after.report.recommendations) {
    if (r.kind === 'standalone' && !standaloneBefore.has(r.enterprise_ids[0])) transferMade.push(r);
    else if ((r.kind === 'joint_branch' || r.kind === 'association_branch') && r.enterprise_ids.reduce((n, id) => n + formalBefore(id), 0) < rules.jointMinFormal) transferMade.push(r);
  }
  const ownOrg: number[] = [];
  const anchors: number[] = [];
  for (const r of transferMade) {
    const members = r.enterprise_ids.map((id) => indexOf.get(id) as number);
    if (r.kind === 'standalone') ownOrg.push(members[0]);
    else {
      // The branch's anchor: in the district most of its members lie in, and there in the street most of those lie in.
      const d = majority(members, district);
      const inDistrict = d >= 0 ? members.filter((m) => district[m] === d) : members;
      anchors.push(firstIn(inDistrict, street, majority(inDistrict, street)));
    }
    for (const m of members) if (!inOrgBefore.has(dataset.enterprises[m].id)) unlocked.add(m);
  }
  const mustCover = [...unlocked].filter((m) => isMustCover(afterEnterprises[m], rules));
  const byIndex = (list: number[]) => list.sort((a, b) => a - b);
  for (const m of ownOrg) addTo(m, 'own_org');
  for (const m of anchors) addTo(m, 'joint_branches');
  for (const m of mustCover) addTo(m, 'must_cover');
  const ids = (list: number[]) => byIndex(list).map((m) => dataset.enterprises[m].id);
  roles.own_org = ids(ownOrg);
  roles.branch_anchors = ids(anchors);
  roles.must_cover = ids(mustCover);
  return result(ids([...unlocked]));
}
