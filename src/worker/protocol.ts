/** Messages between the main thread and the planning worker. */
import type { Dataset, Enterprise } from '../core/model/types';
import type { PlanView } from '../core/model/plan-view';
import type { Recommendation } from '../core/model/report';
import type { Problem } from '../core/io/problems';

/**
 * Enterprises go to the worker in chunks of ENTERPRISE_CHUNK ('enterprises' messages before 'plan'),
 * one task each, so no single message takes long to copy and the page stays responsive with a
 * 200k-row register. They do not come back: the view's `enterprises` are the page's own rows.
 */
export const ENTERPRISE_CHUNK = 5000;

export interface EnterpriseChunk {
  type: 'enterprises';
  rows: Enterprise[];
}

export interface PlanRequest {
  type: 'plan';
  /** Its enterprises arrive in the 'enterprises' messages sent before this one. */
  dataset: Dataset;
  /** What dataset.json says about the data (shown in the header). */
  meta: { notice: string | null; synthetic: boolean };
  /** Keep only the first N enterprises (small datasets for software-rendered tests). */
  limit?: number;
  /** Problems found when the data was read, passed through to the view. */
  problems?: Problem[];
}


/** Recommendations come back in chunks too (a 200k register has tens of thousands), before 'planned'. */
export const RECOMMENDATION_CHUNK = 2000;

/**
 * 'planned' carries the view without its enterprises (the page fills in its own rows) and without
 * its recommendations (sent before it in 'recommendations' messages).
 */
export type PlanResponse =
  | { type: 'recommendations'; rows: Recommendation[] }
  | { type: 'planned'; view: PlanView }
  | { type: 'failed'; message: string };
