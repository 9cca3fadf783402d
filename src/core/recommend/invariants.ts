/**
 * The invariants every recommendation set must keep (domain.md), checked from the report and the
 * dataset alone, independently of how the planner built it, and the truth of every reason, kind,
 * building and zone (reason-check.ts). Returns the violations found.
 */
import type { Dataset, RuleProfile } from '../model/types';
import { UMBRELLA_KINDS, type PlanReport, type Recommendation } from '../model/report';
import { isMustCover, isOperating, totalMembers } from '../model/scope';
import { checkPlanItem, type PlanItemViolation } from './plan-item-check';
import { checkReasons } from './reason-check';

function describe(v: PlanItemViolation): string {
  switch (v.rule) {
    case 'too_few_formal': return `${v.value} formal members < ${v.limit}`;
    case 'too_many_members': return `${v.value} members > ${v.limit}`;
    case 'too_many_units': return `${v.value} units > ${v.limit}`;
    case 'span_too_large': return `members are ${v.value} m apart (> ${v.limit} m)`;
    default: return `${v.rule}${v.enterpriseIds ? ` (${v.enterpriseIds.join(', ')})` : ''}${v.value !== undefined ? ` ${v.value}` : ''}`;
  }
}

/** Position of each enterprise id in the dataset (the last row wins where an id repeats, as a Map of rows would). */
export function indexById(enterprises: readonly { id: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < enterprises.length; i++) index.set(enterprises[i].id, i);
  return index;
}

export function checkReport(report: PlanReport, dataset: Dataset, rules: RuleProfile): string[] {
  const problems: string[] = [];
  const enterprises = dataset.enterprises;
  const index = indexById(enterprises);
  const recommendations = report.recommendations;
  const recs = new Map(recommendations.map((r) => [r.id, r]));
  /** Per enterprise position: the leaf recommendation (its position) that holds it, or -1. */
  const leafOf = new Int32Array(enterprises.length).fill(-1);
  // The widest span of each recommendation, measured once here and read again by the reason check.
  const spans = new Map<string, number>();
  // Each recommendation's members (positions), resolved once here and read again by the reason check (null: one is unknown).
  const memberPositions: (Int32Array | null)[] = new Array(recommendations.length);

  for (let k = 0; k < recommendations.length; k++) {
    const r = recommendations[k];
    const ids = r.enterprise_ids;
    const at = new Int32Array(ids.length);
    let known = true;
    for (let m = 0; m < ids.length; m++) {
      const i = index.get(ids[m]);
      if (i === undefined) known = false;
      else at[m] = i;
    }
    if (!known) {
      memberPositions[k] = null;
      problems.push(`${r.id}: names an enterprise that is not in the dataset`);
      continue;
    }
    const list = Array.from(at, (i) => enterprises[i]);
    memberPositions[k] = at;
    let formal = 0;
    let total = 0;
    for (const e of list) {
      formal += e.partyMembers ?? 0;
      total += totalMembers(e);
    }
    if (formal !== r.formal_members || total !== r.members) problems.push(`${r.id}: member sums ${r.formal_members}/${r.members} should be ${formal}/${total}`);
    const isLeaf = !UMBRELLA_KINDS.has(r.kind);
    if (isLeaf) {
      for (let m = 0; m < at.length; m++) {
        const other = leafOf[at[m]];
        if (other >= 0) problems.push(`${list[m].id} is in two leaves: ${recommendations[other].id} and ${r.id}`);
        leafOf[at[m]] = k;
      }
    }
    // Leaves are held to the same rule check the planner's live checks use; umbrellas only to their formal members.
    const { violations, figures } = checkPlanItem(isLeaf ? r.kind : 'work_coverage', list, rules);
    spans.set(r.id, figures.spanM);
    for (const v of violations) if (isLeaf || v.rule !== 'empty') problems.push(`${r.id}: ${describe(v)}`);
    if (r.kind === 'standalone') {
      const level = total >= rules.committeeMinMembers ? 'committee' : total >= rules.generalBranchMinMembers ? 'general_branch' : 'branch';
      if (r.level !== level) problems.push(`${r.id}: level ${r.level} should be ${level} for ${total} members`);
    }
    if ((r.kind === 'building_community' || r.kind === 'zone_org') && formal < rules.jointMinFormal) problems.push(`${r.id}: umbrella with ${formal} formal members`);
  }

  // Umbrellas list the union of what lies under them.
  const under = new Map<string, Set<string>>();
  const rootOf = (r: Recommendation): string[] => {
    const chain: string[] = [];
    for (let p = r.parent_id, guard = 0; p && guard < 10; p = recs.get(p)?.parent_id ?? null, guard++) chain.push(p);
    return chain;
  };
  for (const r of report.recommendations) {
    if (r.parent_id && !recs.has(r.parent_id)) problems.push(`${r.id}: parent ${r.parent_id} does not exist`);
    if (UMBRELLA_KINDS.has(r.kind)) continue;
    for (const u of rootOf(r)) {
      const set = under.get(u) ?? new Set<string>();
      r.enterprise_ids.forEach((id) => set.add(id));
      under.set(u, set);
    }
  }
  for (const r of report.recommendations) {
    if (!UMBRELLA_KINDS.has(r.kind)) continue;
    const expected = under.get(r.id) ?? new Set<string>();
    if (expected.size !== r.enterprise_ids.length || r.enterprise_ids.some((id) => !expected.has(id))) {
      problems.push(`${r.id}: lists ${r.enterprise_ids.length} enterprises, its branches hold ${expected.size}`);
    }
  }

  // Where ids repeat, an enterprise counts as placed when a row with its id is (the check reads ids, not rows).
  const unique = index.size === enterprises.length;
  for (let i = 0; i < enterprises.length; i++) {
    const e = enterprises[i];
    if ((unique ? leafOf[i] : leafOf[index.get(e.id) as number]) >= 0) continue;
    if (e.orgId.trim() === '' && isMustCover(e, rules) && isOperating(e.status)) {
      problems.push(`${e.id}: uncovered must-cover enterprise is in no recommendation`);
    }
  }
  // Every reason, kind, building and zone says what is so of the members (reason-check.ts).
  for (const p of checkReasons(report, dataset, rules, { spans, index, memberPositions })) problems.push(p);
  const ids = new Set<string>();
  for (const r of report.recommendations) {
    if (ids.has(r.id)) problems.push(`${r.id}: id used twice`);
    ids.add(r.id);
  }
  return problems;
}
