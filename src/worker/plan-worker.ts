/// <reference lib="webworker" />
/** Runs the planning core on a dataset, off the main thread, and shapes the result for the map. */
import { planDataset, type PlanMemo } from '../core/plan';
import { greedyComparison } from '../core/recommend/recommend';
import { coverageCategory } from '../core/coverage/category';
import { coverageByPlace } from '../core/coverage/coverage';
import { boxOrNull, emptyBox, extendBox, extendBoxByOutline, type Bbox } from '../core/spatial/bbox';
import { labelPoint } from '../core/spatial/label-point';
import type { Area, Enterprise } from '../core/model/types';
import { patchRows } from '../core/model/row-changes';
import { RECOMMENDATION_CHUNK, type PatchRequest, type PlanMessage, type PlanResponse, type StartRequest } from './protocol';
import type { PlanView } from '../core/model/plan-view';
import { compareScenarios } from '../core/scenarios';
import { withCampaignFigures } from '../core/campaign/report';
import { transferWhatIf } from '../core/campaign/what-if';
import { pendingTransfers } from '../core/campaign/members';
import type { Dataset } from '../core/model/types';
import type { PlanResult } from '../core/plan';

/** The last plan's place indexes and located rows, for the replan after a change (reset with each register). */
let memo: PlanMemo = {};

function plan(request: StartRequest): { view: PlanView; dataset: Dataset; result: PlanResult } {
  const dataset = request.limit ? { ...request.dataset, enterprises: request.dataset.enterprises.slice(0, request.limit) } : request.dataset;
  // The greedy comparison follows the view (sendFollowUps), off the path of an edit's figures.
  const result = planDataset(dataset, { memo, compareWithGreedy: false });
  return { view: planView(request, dataset, result), dataset, result };
}

function planView(request: StartRequest, dataset: Dataset, result: PlanResult): PlanView {
  const n = dataset.enterprises.length;
  const positions = new Float32Array(n * 2);
  const categories = new Uint8Array(n);
  const employees = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    positions[i * 2] = result.table.lon[i];
    positions[i * 2 + 1] = result.table.lat[i];
    categories[i] = coverageCategory(result.table.flags[i]);
    employees[i] = result.table.employees[i];
  }
  const areaFigures = new Map(result.report.areas.map((a) => [a.id, a]));
  const buildingRates = coverageByPlace(result.table.flags, result.building, dataset.buildings.length);
  const zoneRates = coverageByPlace(result.table.flags, result.zone, dataset.zones.length);
  const rate = (r: number) => (r === r ? r : null);
  return {
    datasetName: dataset.name,
    notice: request.meta.notice,
    synthetic: request.meta.synthetic,
    enterprises: dataset.enterprises,
    positions, categories, employees,
    flags: result.table.flags,
    district: result.district,
    street: result.street,
    areaList: dataset.areas.map((a) => ({ id: a.id, name: a.name, level: a.level, parent: a.parent, leader: a.leader ?? '' })),
    organizationNames: Object.fromEntries(dataset.organizations.filter((o) => o.name).map((o) => [o.id, o.name])),
    rules: result.rules,
    industries: industriesByFrequency(dataset.enterprises),
    building: result.building,
    zone: result.zone,
    areas: {
      type: 'FeatureCollection',
      features: dataset.areas.map((a) => ({ type: 'Feature', properties: { id: a.id, name: a.name, level: a.level, coverage_rate: areaFigures.get(a.id)?.coverage_rate ?? 0 }, geometry: a.geometry })),
    },
    buildings: { type: 'FeatureCollection', features: dataset.buildings.map((b, k) => ({ type: 'Feature', id: k, properties: { id: b.id, name: b.name, floors: b.floors, coverage_rate: rate(buildingRates[k]) }, geometry: b.geometry })) },
    zones: { type: 'FeatureCollection', features: dataset.zones.map((z, k) => ({ type: 'Feature', id: k, properties: { id: z.id, name: z.name, kind: z.kind, coverage_rate: rate(zoneRates[k]) }, geometry: z.geometry })) },
    areaLabels: dataset.areas.map((a) => ({ name: a.name, level: a.level, position: labelPoint(a.geometry) })),
    initialBounds: initialBounds(dataset.areas, positions),
    // The campaign's counts; the transfer what-if (a second plan) follows in its own message.
    report: withCampaignFigures(dataset, result, null),
    problems: request.problems ?? [],
    times: result.times,
  };
}

function industriesByFrequency(enterprises: readonly Enterprise[]): string[] {
  const counts = new Map<string, number>();
  for (const e of enterprises) if (e.industry) counts.set(e.industry, (counts.get(e.industry) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/** The streets' extent (where people work), else all areas', else the enterprises'. */
function initialBounds(areas: readonly Area[], positions: Float32Array): Bbox | null {
  const box = emptyBox();
  const streets = areas.filter((a) => a.level === 'street');
  for (const a of streets.length > 0 ? streets : areas) extendBoxByOutline(box, a.geometry);
  if (!Number.isFinite(box[0])) for (let i = 0; i < positions.length; i += 2) extendBox(box, positions[i], positions[i + 1]);
  return boxOrNull(box);
}

let received: Enterprise[] = [];
/** The register as last planned (the start request with its enterprises, patched since). */
let kept: StartRequest | null = null;
let pending: PatchRequest[] = [];
let planScheduled = false;

/** The last plan sent, for what follows it; `transfers`: members are still elsewhere (the what-if runs). */
let lastPlan: { seq: number; dataset: Dataset; result: PlanResult; transfers: boolean } | null = null;

/**
 * What follows a plan, each skipped when a newer change is already waiting: the greedy comparison
 * (plan_effect), then the transfer what-if, which plans the register a second time. An edit's
 * figures are not held back by either.
 */
function sendFollowUps() {
  const last = lastPlan;
  if (!last || pending.length > 0) return;
  const stillCurrent = () => lastPlan === last && pending.length === 0;
  try {
    const effect = { ...last.result.report.plan_effect, ...greedyComparison(last.result.table, last.result.rules, last.result.report.recommendations) };
    if (!stillCurrent()) return;
    self.postMessage({ type: 'follow-up', seq: last.seq, report: { plan_effect: effect } } satisfies PlanResponse);
  } catch {
    // The plan itself stands; the comparison is left out.
  }
  if (!last.transfers) return;
  setTimeout(() => {
    if (!stillCurrent()) return;
    try {
      const report = withCampaignFigures(last.dataset, last.result, transferWhatIf(last.dataset, last.result));
      if (!stillCurrent()) return;
      self.postMessage({ type: 'follow-up', seq: last.seq, report: { summary: report.summary, areas: report.areas, what_if_transfers_enterprise_ids: report.what_if_transfers_enterprise_ids, what_if_transfers_roles: report.what_if_transfers_roles } } satisfies PlanResponse);
    } catch {
      // The plan itself stands; the what-if is left out.
    }
  }, 0);
}

function planAndSend(request: StartRequest, seq: number, startedMs: number) {
  try {
    const { view, dataset, result } = plan(request);
    view.workerMs = performance.now() - startedMs;
    // The view's typed arrays are the plan's own and are handed over (transferred) below: what follows
    // the plan needs copies of those it reads (the comparison the flags, the what-if the areas too).
    const transfers = dataset.enterprises.some((e) => pendingTransfers(e) > 0);
    lastPlan = {
      seq, dataset, transfers,
      result: { ...result, table: { ...result.table, flags: result.table.flags.slice() }, district: transfers ? result.district.slice() : result.district, street: transfers ? result.street.slice() : result.street },
    };
    const { recommendations } = view.report;
    for (let start = 0; start < recommendations.length; start += RECOMMENDATION_CHUNK) {
      self.postMessage({ type: 'recommendations', rows: recommendations.slice(start, start + RECOMMENDATION_CHUNK) } satisfies PlanResponse);
    }
    const message: PlanResponse = { type: 'planned', seq, view: { ...view, enterprises: [], report: { ...view.report, recommendations: [] } } };
    self.postMessage(message, [view.positions.buffer, view.categories.buffer, view.employees.buffer, view.building.buffer, view.zone.buffer, view.flags.buffer, view.district.buffer, view.street.buffer]);
    setTimeout(sendFollowUps, 0);
  } catch (error) {
    self.postMessage({ type: 'failed', seq, message: (error as Error).message } satisfies PlanResponse);
  }
}

/** Applies every patch that arrived, then plans once (an import's chunks, a burst of feed pages). */
function planPending() {
  planScheduled = false;
  if (!kept || pending.length === 0) return;
  const startedMs = performance.now();
  let { dataset } = kept;
  for (const { patch } of pending) {
    dataset = {
      ...dataset,
      enterprises: patchRows(dataset.enterprises, patch.enterprises),
      areas: patchRows(dataset.areas, patch.areas),
      buildings: patchRows(dataset.buildings, patch.buildings),
      zones: patchRows(dataset.zones, patch.zones),
      organizations: patchRows(dataset.organizations, patch.organizations),
      rules: patch.rules ?? dataset.rules,
    };
  }
  const seq = pending[pending.length - 1].seq;
  pending = [];
  kept = { ...kept, dataset };
  planAndSend(kept, seq, startedMs);
}

self.onmessage = (event: MessageEvent<PlanMessage>) => {
  const message = event.data;
  if (message.type === 'enterprises') {
    for (const e of message.rows) received.push(e);
    return;
  }
  if (message.type === 'scenarios') {
    // Patches that arrived first are applied (and planned) before the comparison.
    planPending();
    try {
      if (!kept) throw new Error('no register yet');
      const comparison = compareScenarios(kept.dataset, message.scenarios, { sides: message.sides === true, limit: kept.limit });
      const buffers = (comparison.sides ?? []).flatMap((side) => [side.flags.buffer, side.categories.buffer, side.groups.buffer]);
      self.postMessage({ type: 'scenarios', id: message.id, comparison } satisfies PlanResponse, buffers);
    } catch (error) {
      self.postMessage({ type: 'scenarios', id: message.id, comparison: null, message: (error as Error).message } satisfies PlanResponse);
    }
    return;
  }
  if (message.type === 'start') {
    kept = { ...message, dataset: { ...message.dataset, enterprises: received } };
    received = [];
    memo = {};
    planAndSend(kept, 0, performance.now());
    return;
  }
  pending.push(message);
  if (!planScheduled) {
    planScheduled = true;
    setTimeout(planPending, 0);
  }
};
