/** Messages between the main thread and the planning worker (one worker per page, kept for the page's life). */
import type { Area, Building, Dataset, Enterprise, Organization, RuleProfile, Zone } from '../core/model/types';
import type { PlanView } from '../core/model/plan-view';
import type { PlanReport, Recommendation } from '../core/model/report';
import type { RowChanges } from '../core/model/records';
import type { Problem } from '../core/io/problems';
import type { Scenario, ScenarioComparison } from '../core/scenarios';

/**
 * Enterprises go to the worker in chunks of ENTERPRISE_CHUNK ('enterprises' messages before 'start'),
 * one task each, so no single message takes long to copy and the page stays responsive with a
 * 200k-row register. They do not come back: the view's `enterprises` are the page's own rows.
 */
export const ENTERPRISE_CHUNK = 5000;

export interface EnterpriseChunk {
  type: 'enterprises';
  rows: Enterprise[];
}

/** Plans the register sent before it; the worker keeps it for the patches that follow. */
export interface StartRequest {
  type: 'start';
  /** Its enterprises arrive in the 'enterprises' messages sent before this one. */
  dataset: Dataset;
  /** What dataset.json says about the data (shown in the header). */
  meta: { notice: string | null; synthetic: boolean };
  /** Keep only the first N enterprises (small datasets for software-rendered tests). */
  limit?: number;
  /** Problems found when the data was read, passed through to the view. */
  problems?: Problem[];
}

/** What changed in the register (from the change feed); applied with `patchRows` on both sides, in `seq` order. */
export interface RegisterPatch {
  enterprises: RowChanges<Enterprise>;
  areas: RowChanges<Area>;
  buildings: RowChanges<Building>;
  zones: RowChanges<Zone>;
  organizations: RowChanges<Organization>;
  /** The stored rule profile's overrides, when they changed: they replace the kept dataset's `rules`. */
  rules?: Partial<RuleProfile>;
}

/** Patches the kept register; patches that queue up while a plan runs are planned together. */
export interface PatchRequest {
  type: 'patch';
  /** Increases by one with every patch the page sends. */
  seq: number;
  patch: RegisterPatch;
}

/** Plans the kept register under each scenario's profile and compares them (the view is not replaced). */
export interface ScenarioRequest {
  type: 'scenarios';
  id: number;
  scenarios: Scenario[];
  /** Also return each scenario's enterprise flags and categories (the side-by-side map); transferred. */
  sides?: boolean;
}

export type PlanMessage = EnterpriseChunk | StartRequest | PatchRequest | ScenarioRequest;

/**
 * The parts of the plan report that follow its view: the greedy comparison in `plan_effect`, and the
 * transfer what-if (a second plan: the summary, the areas and the what-if ids).
 */
export type FollowUpReport = Partial<Pick<PlanReport, 'summary' | 'areas' | 'what_if_transfers_enterprise_ids' | 'what_if_transfers_roles' | 'plan_effect'>>;

/** Recommendations come back in chunks too (a 200k register has tens of thousands), before 'planned'. */
export const RECOMMENDATION_CHUNK = 2000;

/**
 * 'planned' carries the view without its enterprises (the page fills in its own rows) and without
 * its recommendations (sent before it in 'recommendations' messages); `seq` is the last patch it includes (0: none).
 */
export type PlanResponse =
  | { type: 'recommendations'; rows: Recommendation[] }
  | { type: 'planned'; seq: number; view: PlanView }
  /** After 'planned': the greedy comparison, then (when members are still elsewhere) the transfer what-if. */
  | { type: 'follow-up'; seq: number; report: FollowUpReport }
  | { type: 'failed'; seq: number; message: string }
  | { type: 'scenarios'; id: number; comparison: ScenarioComparison | null; message?: string };
