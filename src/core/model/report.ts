/** The planning report of the dataset contract (`lianjian.plan/1`). Field names are the contract's. */
import type { Polygon } from 'geojson';
import type { AreaLevel, OrgLevel } from './types';

export const REPORT_SCHEMA = 'lianjian.plan/1';

export interface CoverageFigures {
  enterprises: number;
  covered: number;
  coverage_rate: number;
  own_org: number;
  own_org_rate: number;
  work_covered: number;
  must_cover: number;
  must_cover_covered: number;
  must_cover_work_covered: number;
  six_clears_complete: number;
}

export interface Summary extends CoverageFigures, Partial<CampaignCounts> {
  listed: number;
  unmapped: number;
  /** The transfer what-if over the whole register (`lianjian plan`; issue 16). */
  what_if_transfers?: WhatIfFigures;
  /** Operating enterprises registered (成立日期) in the report's period (`lianjian plan`; issue 16). */
  new_registrations?: RegistrationCounts;
}

export interface AreaRow extends CoverageFigures, Partial<CampaignCounts> {
  id: string;
  name: string;
  level: AreaLevel;
  parent: string | null;
  /** 分片包干责任领导 (areas.geojson `leader`), where one is named. */
  leader?: string;
  what_if_transfers?: WhatIfFigures;
  new_registrations?: RegistrationCounts;
}

/** New registrations (成立日期 in the period): how many, how many must be covered, how many are covered by an organization. */
export interface RegistrationCounts {
  count: number;
  must_cover: number;
  covered: number;
}

/** New registrations of one month in one area (the street, else the district; null when the enterprise lies in none). */
export interface RegistrationMonthRow extends RegistrationCounts {
  /** YYYY-MM. */
  month: string;
  area_id: string | null;
  area_name: string | null;
}

/** The campaign's per-area counts (operating enterprises; dataset contract "Additions"). */
export interface CampaignCounts {
  /** Members working there whose Party relationship was found elsewhere (including those since transferred). */
  members_elsewhere: number;
  /** … of them transferred here. */
  members_transferred: number;
  /** Enterprises with a 工会 / 共青团 / 妇联 branch and no Party organization (已建群团未建党组织). */
  mass_org_no_party: number;
  /** Enterprises with a key-enterprise category (结对联系). */
  key_enterprises: number;
}

/** "If these relationships were transferred, N enterprises reach an own organization and M more joint branches become possible, covering K must-cover enterprises." */
export interface WhatIfFigures {
  /** Members still elsewhere (operating enterprises). */
  pending_members: number;
  /** N: enterprises with an own organization only through the transfers. */
  own_org: number;
  /** M: joint / association branches possible only through the transfers. */
  joint_branches: number;
  /** K: must-cover enterprises in those organizations that the plan without transfers leaves out of every organization. */
  must_cover: number;
}

export type RecommendationKind =
  | 'standalone'
  | 'joint_branch'
  | 'building_community'
  | 'zone_org'
  | 'association_branch'
  | 'work_coverage'
  | 'new_zone';

export const UMBRELLA_KINDS: ReadonlySet<RecommendationKind> = new Set(['building_community', 'zone_org', 'new_zone']);

export interface Recommendation {
  /**
   * Derived from what the recommendation is (kind, place, members): the same in the next plan while
   * those stay the same. S-<enterprise id>, J-/A-/W-<code>, BC-<building id or code>, ZO-<zone id>, NZ-<code>.
   */
  id: string;
  /** A name a person can say, zh-CN ("西湖文化广场 楼宇联合党支部（建议）"); `name_en` in English. */
  name: string;
  name_en: string;
  kind: RecommendationKind;
  level: OrgLevel | null;
  enterprise_ids: string[];
  formal_members: number;
  members: number;
  building_ids: string[];
  zone_id: string | null;
  parent_id: string | null;
  /** Why, in zh-CN (the contract's field); `reasons_en` holds the same in English. */
  reasons: string[];
  reasons_en: string[];
  reason_codes: string[];
  /** Largest distance between two of its enterprises, metres (joint kinds). */
  span_m: number;
  must_cover: number;
  geometry?: Polygon;
  /** new_zone: the uncovered cluster it is drawn around. */
  cluster_id?: string;
}

export interface Cluster {
  id: string;
  enterprise_ids: string[];
  geometry: Polygon;
}

export interface PlanReport {
  schema: typeof REPORT_SCHEMA;
  dataset: string;
  generated_at: string;
  summary: Summary;
  areas: AreaRow[];
  recommendations: Recommendation[];
  clusters: Cluster[];
  /** What the plan achieves, and what a plain greedy pass would have achieved. */
  plan_effect: PlanEffect;
  /** The enterprises the transfers would bring into an organization (`lianjian plan`; issue 16). */
  what_if_transfers_enterprise_ids?: string[];
  /** Which enterprises carry the what-if's N (own_org), M (branch_anchors: one per branch, where it counts) and K (must_cover), so that its figures follow any filter (`lianjian plan`; issue 16). */
  what_if_transfers_roles?: { own_org: string[]; branch_anchors: string[]; must_cover: string[] };
  /** The period of the new registrations (YYYY-MM-DD, both ends included) and their counts per month and area (`lianjian plan`; issue 16). */
  new_registrations?: { since: string; until: string; months: RegistrationMonthRow[] };
}

export interface PlanEffect {
  uncovered_must_cover: number;
  must_cover_in_orgs: number;
  must_cover_to_work_coverage: number;
  new_orgs: number;
  /** null when the comparison was not run. */
  greedy_must_cover_in_orgs: number | null;
  greedy_new_orgs: number | null;
}
