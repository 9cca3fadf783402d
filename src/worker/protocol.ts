/** Messages between the main thread and the planning worker. */
import type { FeatureCollection } from 'geojson';
import type { Dataset, Enterprise } from '../core/model/types';
import type { PlanReport } from '../core/model/report';
import type { Problem } from '../core/io/problems';
import type { PlanStageTimes } from '../core/plan';

/**
 * Enterprises cross between the page and the worker in chunks of ENTERPRISE_CHUNK ('enterprises'
 * messages before 'plan' and before 'planned'), so no single message takes long to copy: the page
 * stays responsive with a 200k-row register.
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

/** The view's enterprises arrive in the 'enterprises' messages sent before 'planned'. */
export type PlanResponse = EnterpriseChunk | { type: 'planned'; view: PlanView } | { type: 'failed'; message: string };
