/**
 * The side-by-side view's scenario maps (scenario A | scenario B): each scenario's enterprise flags and
 * categories once its recommendations are formed, planned by the planning worker (compareScenarios with
 * `sides`) and kept for the plan view they were planned against. A re-plan (an edit) starts afresh.
 */
import { create } from 'zustand';
import type { PlanView } from '../core/model/plan-view';
import type { RuleProfile } from '../core/model/types';
import type { ScenarioComparison } from '../core/scenarios';
import { summarize } from '../core/coverage/coverage';
import type { Summary } from '../core/model/report';
import { compareScenarios } from './sync';

/** A scenario's enterprises once its recommendations are formed (the shape of the map's SideColouring). */
export interface ScenarioColouring {
  flags: Uint8Array;
  categories: Uint8Array;
  /** The organization each enterprise joins (ScenarioSide.groups). */
  groups: Int32Array;
  summary: Summary;
}

interface SplitSidesState {
  /** The view the sides below belong to. */
  view: PlanView | null;
  /** By scenarioKey(rules). */
  sides: Record<string, ScenarioColouring>;
  pending: Record<string, true>;
  failed: string | null;
}

export const useSplitSidesStore = create<SplitSidesState>()(() => ({ view: null, sides: {}, pending: {}, failed: null }));

/** The same rules give the same key, whatever the order of their fields. */
export function scenarioKey(rules: Partial<RuleProfile>): string {
  const entries = Object.entries(rules).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

function forView(view: PlanView): SplitSidesState {
  const s = useSplitSidesStore.getState();
  return s.view === view ? s : { view, sides: {}, pending: {}, failed: null };
}

/** Keeps the sides a comparison brought (the 方案比较 panel asks for them too). */
export function keepScenarioSides(view: PlanView, rules: readonly Partial<RuleProfile>[], comparison: ScenarioComparison): void {
  if (!comparison.sides || comparison.sides.length !== rules.length) return;
  const current = forView(view);
  const sides = { ...current.sides };
  const pending = { ...current.pending };
  rules.forEach((r, k) => {
    const side = comparison.sides![k];
    // A register planned for a limited view (tests) or a view replaced meanwhile: its length tells.
    if (side.flags.length !== view.flags.length) return;
    const key = scenarioKey(r);
    sides[key] = { flags: side.flags, categories: side.categories, groups: side.groups, summary: summarize(side.flags) };
    delete pending[key];
  });
  useSplitSidesStore.setState({ view, sides, pending, failed: null });
}

/** Plans the scenarios not yet kept for this view (at most one request per scenario at a time). */
export function requestScenarioSides(view: PlanView, rules: readonly Partial<RuleProfile>[]): void {
  const current = forView(view);
  const missing = rules.filter((r) => !current.sides[scenarioKey(r)] && !current.pending[scenarioKey(r)]);
  if (missing.length === 0) {
    if (current !== useSplitSidesStore.getState()) useSplitSidesStore.setState(current);
    return;
  }
  const pending = { ...current.pending };
  for (const r of missing) pending[scenarioKey(r)] = true;
  useSplitSidesStore.setState({ ...current, pending, failed: null });
  compareScenarios(missing.map((r, k) => ({ name: String(k), rules: { ...r } })), { sides: true })
    .then((comparison) => {
      if (useSplitSidesStore.getState().view === view) keepScenarioSides(view, missing, comparison);
    })
    .catch((error: Error) => {
      const s = useSplitSidesStore.getState();
      if (s.view !== view) return;
      const left = { ...s.pending };
      for (const r of missing) delete left[scenarioKey(r)];
      useSplitSidesStore.setState({ pending: left, failed: error.message });
    });
}

/** Resolves once every scenario is kept for this view (or its planning failed, or the view was replaced). */
export function scenarioSidesReady(view: PlanView, rules: readonly Partial<RuleProfile>[]): Promise<void> {
  requestScenarioSides(view, rules);
  const done = () => {
    const s = useSplitSidesStore.getState();
    return s.view !== view || rules.every((r) => s.sides[scenarioKey(r)] || !s.pending[scenarioKey(r)]);
  };
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useSplitSidesStore.subscribe(() => {
      if (!done()) return;
      stop();
      resolve();
    });
  });
}
