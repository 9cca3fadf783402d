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

export function checkReport(report: PlanReport, dataset: Dataset, rules: RuleProfile): string[] {
  const problems: string[] = [];
  const byId = new Map(dataset.enterprises.map((e) => [e.id, e]));
  const recs = new Map(report.recommendations.map((r) => [r.id, r]));
  const leafOf = new Map<string, string>();
  // The widest span of each recommendation, measured once here and read again by the reason check.
  const spans = new Map<string, number>();

  for (const r of report.recommendations) {
    const members = r.enterprise_ids.map((id) => byId.get(id));
    if (members.some((e) => e === undefined)) {
      problems.push(`${r.id}: names an enterprise that is not in the dataset`);
      continue;
    }
    const list = members as NonNullable<(typeof members)[number]>[];
    const formal = list.reduce((s, e) => s + (e.partyMembers ?? 0), 0);
    const total = list.reduce((s, e) => s + totalMembers(e), 0);
    if (formal !== r.formal_members || total !== r.members) problems.push(`${r.id}: member sums ${r.formal_members}/${r.members} should be ${formal}/${total}`);
    const isLeaf = !UMBRELLA_KINDS.has(r.kind);
    if (isLeaf) {
      for (const e of list) {
        const other = leafOf.get(e.id);
        if (other) problems.push(`${e.id} is in two leaves: ${other} and ${r.id}`);
        leafOf.set(e.id, r.id);
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

  for (const e of dataset.enterprises) {
    if (isOperating(e.status) && e.orgId.trim() === '' && isMustCover(e, rules) && !leafOf.has(e.id)) {
      problems.push(`${e.id}: uncovered must-cover enterprise is in no recommendation`);
    }
  }
  // Every reason, kind, building and zone says what is so of the members (reason-check.ts).
  problems.push(...checkReasons(report, dataset, rules, spans));
  const ids = new Set<string>();
  for (const r of report.recommendations) {
    if (ids.has(r.id)) problems.push(`${r.id}: id used twice`);
    ids.add(r.id);
  }
  return problems;
}
