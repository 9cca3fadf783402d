/** Each enterprise's coverage category, as the map and the lists show it. */
import { Flag } from '../model/enterprise-table';

export const CoverageCategory = {
  OWN_ORG: 0,
  JOINT_ORG: 1,
  WORK_ONLY: 2,
  UNCOVERED_MUST: 3,
  UNCOVERED_OTHER: 4,
  OUT_OF_SCOPE: 5,
} as const;
export type CoverageCategory = (typeof CoverageCategory)[keyof typeof CoverageCategory];

export const COVERAGE_CATEGORY_KEYS = ['own_org', 'joint_org', 'work_only', 'uncovered_must', 'uncovered_other', 'out_of_scope'] as const;

export function coverageCategory(flags: number): CoverageCategory {
  if (!(flags & Flag.OPERATING)) return CoverageCategory.OUT_OF_SCOPE;
  if (flags & Flag.OWN_ORG) return CoverageCategory.OWN_ORG;
  if (flags & Flag.COVERED) return CoverageCategory.JOINT_ORG;
  if (flags & Flag.WORK_COVERED) return CoverageCategory.WORK_ONLY;
  if (flags & Flag.MUST_COVER) return CoverageCategory.UNCOVERED_MUST;
  return CoverageCategory.UNCOVERED_OTHER;
}
