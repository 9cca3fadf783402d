/**
 * The plain greedy pass the planner is measured against: take the enterprises in order, grow a
 * branch from each with its nearest unassigned neighbours until it is full, keep it if it reached the
 * formal minimum. Used only for comparison (report `plan_effect`, benchmark).
 */
import KDBush from 'kdbush';
import type { RuleProfile } from '../model/types';
import type { EnterpriseTable } from '../model/enterprise-table';
import { distanceM, localProjection } from '../spatial/geo';

export function greedyJointBranches(table: EnterpriseTable, joint: readonly number[], rules: RuleProfile): { branches: number; enterprisesInBranches: number } {
  const pts = joint.filter((i) => table.lon[i] === table.lon[i]);
  if (pts.length === 0) return { branches: 0, enterprisesInBranches: 0 };
  const proj = localProjection(table.lat[pts[0]]);
  const tree = new KDBush(pts.length);
  for (const i of pts) tree.add(proj.x(table.lon[i]), proj.y(table.lat[i]));
  tree.finish();
  const used = new Uint8Array(pts.length);
  const maxUnits = rules.jointMaxUnits > 0 ? rules.jointMaxUnits : Number.POSITIVE_INFINITY;
  let branches = 0;
  let covered = 0;
  for (let k = 0; k < pts.length; k++) {
    if (used[k]) continue;
    const seed = pts[k];
    const near = tree
      .within(proj.x(table.lon[seed]), proj.y(table.lat[seed]), rules.jointMaxSpanM)
      .filter((j) => !used[j] && j !== k)
      .map((j) => [j, distanceM(table.lon[seed], table.lat[seed], table.lon[pts[j]], table.lat[pts[j]])] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([j]) => j);
    const members = [k];
    let formal = table.formal[seed];
    let total = table.members[seed];
    for (const j of near) {
      if (members.length >= maxUnits) break;
      const e = pts[j];
      if (total + table.members[e] > rules.jointMaxMembers) continue;
      if (!members.every((m) => distanceM(table.lon[pts[m]], table.lat[pts[m]], table.lon[e], table.lat[e]) <= rules.jointMaxSpanM)) continue;
      members.push(j);
      formal += table.formal[e];
      total += table.members[e];
    }
    used[k] = 1;
    if (formal >= rules.jointMinFormal) {
      for (const m of members) used[m] = 1;
      branches++;
      covered += members.length;
    }
  }
  return { branches, enterprisesInBranches: covered };
}
