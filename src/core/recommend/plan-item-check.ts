/**
 * The figures and rule checks of one group of enterprises as a planned organization of a kind: what
 * the planner sees live while drawing a plan item, and what `checkReport` holds every recommendation to.
 */
import { convexHull } from '../clustering/hull';
import type { Enterprise, RuleProfile } from '../model/types';
import type { RecommendationKind } from '../model/report';
import { isMicro, isMustCover, isOperating, totalMembers } from '../model/scope';
import { distanceM } from '../spatial/geo';

export interface PlanItemFigures {
  units: number;
  formalMembers: number;
  /** Formal + probationary. */
  members: number;
  mustCover: number;
  /** Largest distance between two mapped members, metres (0 for fewer than two). */
  spanM: number;
  industries: string[];
  unmapped: number;
}

export type PlanItemRule =
  | 'empty'
  | 'already_covered'
  | 'out_of_scope'
  | 'standalone_one_unit'
  | 'too_few_formal'
  | 'too_many_members'
  | 'too_many_units'
  | 'span_too_large'
  | 'unmapped_member'
  | 'not_micro';

export interface PlanItemViolation {
  rule: PlanItemRule;
  /** The figure that breaks the rule and the rule's limit, where there are numbers. */
  value?: number;
  limit?: number;
  /** The enterprises concerned, where the rule is about some of them. */
  enterpriseIds?: string[];
}

export interface PlanItemCheck {
  figures: PlanItemFigures;
  violations: PlanItemViolation[];
}

const SPAN_TOLERANCE_M = 0.5;
/** Above this many points the span is measured over the convex hull's vertices (the farthest pair is always on it). */
const PAIRWISE_LIMIT = 64;

type Point = [number, number];

function span(points: Point[]): number {
  let candidates = points;
  if (points.length > PAIRWISE_LIMIT) {
    const hull = convexHull(points);
    if (hull) candidates = hull.coordinates[0] as Point[];
  }
  let widest = 0;
  for (let a = 0; a < candidates.length; a++) {
    for (let b = a + 1; b < candidates.length; b++) {
      widest = Math.max(widest, distanceM(candidates[a][0], candidates[a][1], candidates[b][0], candidates[b][1]));
    }
  }
  return widest;
}

export function planItemFigures(members: readonly Enterprise[], rules: RuleProfile): PlanItemFigures {
  const points: Point[] = [];
  const industries = new Set<string>();
  let formalMembers = 0, allMembers = 0, mustCover = 0;
  for (const e of members) {
    formalMembers += e.partyMembers ?? 0;
    allMembers += totalMembers(e);
    if (isMustCover(e, rules)) mustCover++;
    if (e.industry.trim() !== '') industries.add(e.industry.trim());
    if (e.lon !== null && e.lat !== null) points.push([e.lon, e.lat]);
  }
  return {
    units: members.length, formalMembers, members: allMembers, mustCover, spanM: span(points),
    industries: [...industries].sort(), unmapped: members.length - points.length,
  };
}

const isJoint = (kind: RecommendationKind) => kind === 'joint_branch' || kind === 'association_branch';

/** Checks a group against the rule profile for the kind of organization it would form. Work coverage has no member rules. */
export function checkPlanItem(kind: RecommendationKind, members: readonly Enterprise[], rules: RuleProfile): PlanItemCheck {
  const figures = planItemFigures(members, rules);
  const violations: PlanItemViolation[] = [];
  const ids = (pick: (e: Enterprise) => boolean) => members.filter(pick).map((e) => e.id);
  if (members.length === 0) violations.push({ rule: 'empty' });
  const covered = ids((e) => e.orgId.trim() !== '');
  if (covered.length > 0) violations.push({ rule: 'already_covered', enterpriseIds: covered });
  const outOfScope = ids((e) => !isOperating(e.status));
  if (outOfScope.length > 0) violations.push({ rule: 'out_of_scope', enterpriseIds: outOfScope });
  if (kind === 'work_coverage') return { figures, violations };

  if (kind === 'standalone' && members.length !== 1) violations.push({ rule: 'standalone_one_unit', value: members.length, limit: 1 });
  const minFormal = kind === 'standalone' ? rules.standaloneMinFormal : rules.jointMinFormal;
  if (figures.formalMembers < minFormal) violations.push({ rule: 'too_few_formal', value: figures.formalMembers, limit: minFormal });
  if (isJoint(kind)) {
    if (figures.members > rules.jointMaxMembers) violations.push({ rule: 'too_many_members', value: figures.members, limit: rules.jointMaxMembers });
    if (rules.jointMaxUnits > 0 && members.length > rules.jointMaxUnits) violations.push({ rule: 'too_many_units', value: members.length, limit: rules.jointMaxUnits });
  }
  if (kind === 'joint_branch') {
    if (figures.spanM > rules.jointMaxSpanM + SPAN_TOLERANCE_M) violations.push({ rule: 'span_too_large', value: Math.round(figures.spanM), limit: rules.jointMaxSpanM });
    const unmapped = ids((e) => e.lon === null || e.lat === null);
    if (unmapped.length > 0) violations.push({ rule: 'unmapped_member', enterpriseIds: unmapped });
  }
  if (kind === 'association_branch') {
    const notMicro = ids((e) => !isMicro(e, rules));
    if (notMicro.length > 0) violations.push({ rule: 'not_micro', enterpriseIds: notMicro });
  }
  return { figures, violations };
}
