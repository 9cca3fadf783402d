/**
 * The plain greedy pass the planner is measured against: take the enterprises in order, grow a
 * branch from each with its nearest unassigned neighbours until it is full, keep it if it reached the
 * formal minimum. Used only for comparison (report `plan_effect`, benchmark).
 *
 * Neighbours are read ring by ring (a quarter of the distance limit, then half, then all of it), so a
 * seed in a dense city sorts the few dozen enterprises it needs, not the thousands within the limit.
 */
import type { RuleProfile } from '../model/types';
import type { EnterpriseTable } from '../model/enterprise-table';
import { distanceBetween, isMapped, pointTree, withinSpanOfAll } from './points';

/** The search radii, as shares of the distance limit. */
const RINGS = [0.125, 0.25, 0.5, 1] as const;

export function greedyJointBranches(table: EnterpriseTable, joint: readonly number[], rules: RuleProfile): { branches: number; enterprisesInBranches: number } {
  const pts = joint.filter((i) => isMapped(table, i));
  if (pts.length === 0) return { branches: 0, enterprisesInBranches: 0 };
  const tree = pointTree(table, pts);
  const used = new Uint8Array(table.count);
  const maxUnits = rules.jointMaxUnits > 0 ? rules.jointMaxUnits : Number.POSITIVE_INFINITY;
  const limitM = rules.jointMaxSpanM;
  let branches = 0;
  let covered = 0;
  for (const seed of pts) {
    if (used[seed]) continue;
    const members = [seed];
    let formal = table.formal[seed];
    let total = table.members[seed];
    let innerM = -1;
    for (const share of RINGS) {
      if (members.length >= maxUnits) break;
      const outerM = limitM * share;
      const ring = tree
        .near(seed, outerM)
        .filter((j) => !used[j] && j !== seed)
        .map((j) => [j, distanceBetween(table, seed, j)] as const)
        .filter(([, d]) => d > innerM && d <= outerM)
        .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      for (const [e] of ring) {
        if (members.length >= maxUnits) break;
        if (total + table.members[e] > rules.jointMaxMembers) continue;
        if (!withinSpanOfAll(table, members, e, limitM)) continue;
        members.push(e);
        formal += table.formal[e];
        total += table.members[e];
      }
      innerM = outerM;
    }
    used[seed] = 1;
    if (formal >= rules.jointMinFormal) {
      for (const m of members) used[m] = 1;
      branches++;
      covered += members.length;
    }
  }
  return { branches, enterprisesInBranches: covered };
}
