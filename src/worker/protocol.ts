/** Messages between the main thread and the planning worker. */
import type { FeatureCollection } from 'geojson';
import type { Enterprise } from '../core/model/types';
import type { PlanReport } from '../core/model/report';
import type { Problem } from '../core/io/problems';
import type { PlanStageTimes } from '../core/plan';

export interface PlanRequest {
  type: 'plan';
  /** Base URL of a dataset folder (ends with '/'). */
  datasetUrl: string;
  /** Keep only the first N enterprises (small datasets for software-rendered tests). */
  limit?: number;
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
  times: PlanStageTimes & { load: number };
}

export type PlanResponse = { type: 'planned'; view: PlanView } | { type: 'failed'; message: string };
