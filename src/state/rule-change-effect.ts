/**
 * What a saved rule change did to the plan: its headline figures before the save and once the worker
 * has planned with the new rules (the plan arrives after the save, through the change feed).
 */
import type { PlanView } from '../core/model/plan-view';
import { DEFAULT_RULES, type RuleProfile } from '../core/model/types';
import { useAppStore } from './store';

export interface PlanHeadline {
  mustCover: number;
  mustCoverInOrgs: number;
  newOrgs: number;
  workCoverage: number;
}

export function planHeadline(view: PlanView): PlanHeadline {
  const e = view.report.plan_effect;
  return { mustCover: e.uncovered_must_cover, mustCoverInOrgs: e.must_cover_in_orgs, newOrgs: e.new_orgs, workCoverage: e.must_cover_to_work_coverage };
}

const sameRules = (a: RuleProfile, b: RuleProfile) => (Object.keys(DEFAULT_RULES) as (keyof RuleProfile)[]).every((k) => a[k] === b[k]);

/** The first plan made with `rules` (the current one if it already is), or null after `timeoutMs`. */
export function planMadeWith(rules: RuleProfile, timeoutMs = 120_000): Promise<PlanView | null> {
  const now = useAppStore.getState().view;
  if (now && sameRules(now.rules, rules)) return Promise.resolve(now);
  return new Promise((done) => {
    const timer = setTimeout(() => {
      stop();
      done(null);
    }, timeoutMs);
    const stop = useAppStore.subscribe((state) => {
      if (!state.view || !sameRules(state.view.rules, rules)) return;
      clearTimeout(timer);
      stop();
      done(state.view);
    });
  });
}
