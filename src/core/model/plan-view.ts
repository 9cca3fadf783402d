/** What the app shows of one plan: the register in columns, the places as GeoJSON, the report. Made by the planning worker. */
import type { FeatureCollection } from 'geojson';
import type { Enterprise, RuleProfile } from './types';
import type { PlanReport } from './report';
import type { Problem } from '../io/problems';
import type { PlanStageTimes } from '../plan';

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
  areaList: { id: string; name: string; level: 'district' | 'street'; parent: string | null; leader?: string }[];
  /** Organization names by id (people read 临浦商务楼联合党支部, not plan-3f2a…). */
  organizationNames: Record<string, string>;
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
  /** How long the planning worker took to make this view from the change (or the start) it answers: patch, plan, view (ms). */
  workerMs?: number;
}
