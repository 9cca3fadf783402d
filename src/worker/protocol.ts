/** Messages between the main thread and the planning worker. */
import type { FeatureCollection } from 'geojson';
import type { Dataset, Enterprise, RuleProfile } from '../core/model/types';
import type { PlanReport, Recommendation } from '../core/model/report';
import type { Problem } from '../core/io/problems';
import type { PlanStageTimes } from '../core/plan';

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

export interface PlanView {
  datasetName: string;
  notice: string | null;
  synthetic: boolean;
  enterprises: Enterprise[];
  /** lon, lat per enterprise (NaN when unmapped). */
  positions: Float32Array;
  /** CoverageCategory per enterprise. */
  categories: Uint8Array;
  /** The core's Flag bits per enterprise (operating, covered, must-cover, …), for figures over any subset. */
  flags: Uint8Array;
  /** Per enterprise: index into `areaList` of its district / street, or -1. */
  district: Int32Array;
  street: Int32Array;
  areaList: { id: string; name: string; level: 'district' | 'street'; parent: string | null }[];
  /** The rule profile the plan was made with (defaults + the dataset's overrides): the live checks use it too. */
  rules: RuleProfile;
  /** The distinct industries, most frequent first (for the filter). */
  industries: string[];
  employees: Float32Array;
  /** Per enterprise: index into the buildings / zones arrays, or -1. */
  building: Int32Array;
  zone: Int32Array;
  areas: FeatureCollection;
  /** One point per area, where its name is written. */
  areaLabels: { name: string; level: 'district' | 'street'; position: [number, number] }[];
  /** [west, south, east, north] to open the map on. */
  initialBounds: [number, number, number, number] | null;
  buildings: FeatureCollection;
  zones: FeatureCollection;
  report: PlanReport;
  problems: Problem[];
  times: PlanStageTimes;
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
