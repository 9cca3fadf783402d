/**
 * What each side of the side-by-side view colours: the situation now, after every plan item is formed,
 * or after every recommendation is formed; and which enterprises differ between two sides (the
 * enterprises a plan or a scenario changes, highlighted on the map).
 */
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { coverageCategory } from '../../core/coverage/category';
import { summarize } from '../../core/coverage/coverage';
import { flagsAfterRecommendations } from '../../core/scenarios';
import type { Summary } from '../../core/model/report';
import type { BulletinSnapshot } from '../../core/model/records';
import type { PlanItem } from '../../core/model/records';
import type { PlanView } from '../../core/model/plan-view';
import { afterPlan } from '../../state/after-plan';
import { enterpriseIndexById } from '../../state/selectors';
import type { SideKind, SplitSetting } from '../../state/presentation';
import { scenarioKey, useSplitSidesStore } from '../../state/split-sides';
import { useAppStore } from '../../state/store';
import { buildLayers, PRESENTING_LABEL_PX, type LayerInput } from '../layers/build-layers';
import { createAreaLabelLayer } from '../layers/label-layer';
import { coverageRampColor } from '../layers/palette';

export interface SideColouring {
  flags: Uint8Array;
  categories: Uint8Array;
  /** Scenarios only: the organization each enterprise joins, so that a regrouping shows as a change too. */
  groups?: Int32Array;
  summary: Summary;
}

const recommendedCache = new WeakMap<PlanView, SideColouring>();

/** Every recommendation formed: members of an organization count as covered, of work coverage as work-covered. */
export function afterRecommendations(view: PlanView): SideColouring {
  const cached = recommendedCache.get(view);
  if (cached) return cached;
  const flags = flagsAfterRecommendations(view.flags, enterpriseIndexById(view), view.report.recommendations);
  const out = { flags, categories: Uint8Array.from(flags, (f) => coverageCategory(f)), summary: summarize(flags) };
  recommendedCache.set(view, out);
  return out;
}

export function sideColouring(view: PlanView, planItems: PlanItem[], side: SideKind): SideColouring {
  if (side === 'plan') return afterPlan(view, planItems);
  if (side === 'recommended') return afterRecommendations(view);
  return { flags: view.flags, categories: view.categories, summary: summarize(view.flags) };
}

/**
 * lon, lat of every mapped enterprise (shown by the mask) whose category differs between the two
 * colourings, or, where both carry groups (two scenarios), whose organization differs.
 */
export function changedPositions(view: PlanView, a: SideColouring, b: SideColouring, mask: Uint8Array | null): Float32Array {
  const out: number[] = [];
  const ga = a.groups && b.groups ? a.groups : null;
  const gb = ga ? b.groups! : null;
  for (let i = 0; i < a.categories.length; i++) {
    if ((a.categories[i] === b.categories[i] && (!ga || ga[i] === gb![i])) || (mask && !mask[i])) continue;
    const lon = view.positions[i * 2];
    if (lon === lon) out.push(lon, view.positions[i * 2 + 1]);
  }
  return Float32Array.from(out);
}

/** A snapshot's figures summed over its top areas (the districts, or the streets where it has no districts). */
export interface SnapshotTotals {
  enterprises: number;
  covered: number;
  mustCover: number;
  mustCoverCovered: number;
  rate: number;
}

/**
 * One side of the view: enterprises coloured by a coverage (null: a scenario still being planned), or
 * the areas filled by their 组建率 on a snapshot date (snapshots keep per-area figures only).
 */
export type SplitSide =
  | { kind: 'coverage'; colouring: SideColouring | null }
  | { kind: 'snapshot'; date: string | null; areas: FeatureCollection; totals: SnapshotTotals | null };

export const SPLIT_SNAPSHOT_LAYER = 'split-snapshot-areas';

const snapshotCache = new WeakMap<readonly BulletinSnapshot[], WeakMap<PlanView, Map<string, SplitSide>>>();

/** The areas of the level the snapshot has figures for (streets where it has them), with `snapshot_rate`. */
export function snapshotSide(view: PlanView, snapshots: readonly BulletinSnapshot[], date: string | null): SplitSide {
  let byView = snapshotCache.get(snapshots);
  if (!byView) snapshotCache.set(snapshots, (byView = new WeakMap()));
  let byDate = byView.get(view);
  if (!byDate) byView.set(view, (byDate = new Map()));
  const key = date ?? '';
  const kept = byDate.get(key);
  if (kept) return kept;
  const rows = new Map(snapshots.filter((s) => s.takenOn === date).map((s) => [s.areaId, s]));
  const level = (id: unknown) => view.areaList.find((a) => a.id === id)?.level;
  const streets = [...rows.keys()].some((id) => level(id) === 'street');
  const features: Feature[] = [];
  for (const f of view.areas.features) {
    const row = rows.get(String(f.properties?.id));
    if (!row || (f.properties?.level === 'street') !== streets || row.enterprises === 0) continue;
    features.push({ ...f, properties: { ...f.properties, snapshot_rate: row.covered / row.enterprises } });
  }
  const tops = [...rows.values()].filter((s) => level(s.areaId) === 'district');
  const counted = tops.length > 0 ? tops : [...rows.values()].filter((s) => level(s.areaId) === 'street');
  const sum = (k: 'enterprises' | 'covered' | 'mustCover' | 'mustCoverCovered') => counted.reduce((n, s) => n + s[k], 0);
  const totals: SnapshotTotals | null = counted.length === 0 ? null : {
    enterprises: sum('enterprises'), covered: sum('covered'), mustCover: sum('mustCover'), mustCoverCovered: sum('mustCoverCovered'),
    rate: sum('enterprises') === 0 ? NaN : sum('covered') / sum('enterprises'),
  };
  const side: SplitSide = { kind: 'snapshot', date, areas: { type: 'FeatureCollection', features }, totals };
  byDate.set(key, side);
  return side;
}

/** What one side of the view shows, from the setting, the plan items, the scenario maps kept and the snapshots. */
export function resolveSide(view: PlanView, planItems: PlanItem[], split: SplitSetting, which: 'left' | 'right'): SplitSide {
  const k = which === 'left' ? 0 : 1;
  if (split.compare === 'snapshots') return snapshotSide(view, useAppStore.getState().snapshots, split.dates?.[k] ?? null);
  if (split.compare === 'scenarios' && split.scenarios) {
    const state = useSplitSidesStore.getState();
    return { kind: 'coverage', colouring: state.view === view ? state.sides[scenarioKey(split.scenarios[k].rules)] ?? null : null };
  }
  return { kind: 'coverage', colouring: sideColouring(view, planItems, split[which]) };
}

/** The deck.gl layers of one side: the usual ones in that side's colours, or the snapshot's area fills and the area names. */
export function sideLayers(input: LayerInput, side: SplitSide): Layer[] {
  if (side.kind === 'coverage') {
    if (side.colouring) return buildLayers({ ...input, categories: side.colouring.categories });
    // Still being planned: no enterprise shows a colour it may not have.
    return buildLayers({ ...input, layers: { ...input.layers, enterprises: false } });
  }
  return [
    new GeoJsonLayer({
      id: SPLIT_SNAPSHOT_LAYER,
      data: side.areas,
      filled: true,
      stroked: true,
      getFillColor: (f: Feature) => coverageRampColor(Number(f.properties?.snapshot_rate ?? 0), 215),
      getLineColor: [92, 107, 122, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1.6,
    }),
    createAreaLabelLayer(input.view, input.layers.areas, input.presenting ? PRESENTING_LABEL_PX : undefined),
  ];
}

/** A value that changes with what the sides are made of (the scenario maps kept, the snapshots): for effects' dependencies. */
export function useSideSources(): object {
  const sides = useSplitSidesStore((s) => s.sides);
  const view = useSplitSidesStore((s) => s.view);
  const snapshots = useAppStore((s) => s.snapshots);
  return useMemo(() => ({ sides, view, snapshots }), [sides, view, snapshots]);
}
