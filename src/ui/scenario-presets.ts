/** The 方案比较 variants: changes to the rules in force (the `scenarios.presets` strings name them). */
import { resolveRules, type RuleProfile } from '../core/model/types';

export const SCENARIO_PRESETS: Record<string, Partial<RuleProfile>> = {
  units8: { jointMaxUnits: 8 },
  unitsUnlimited: { jointMaxUnits: 0 },
  span1500: { jointMaxSpanM: 1500 },
  mustCover50: { mustCoverMinEmployees: 50 },
};

/** 'current' (the rules in force) or a preset's key, as the rules to plan under. */
export function scenarioRules(key: string, current: Partial<RuleProfile> | undefined): Partial<RuleProfile> {
  return { ...current, ...(SCENARIO_PRESETS[key] ?? {}) };
}

/** A preset that changes nothing in the rules in force (e.g. ≤ 8 units when 8 is the rule already). */
export function presetIsCurrent(key: string, current: Partial<RuleProfile> | undefined): boolean {
  const rules = resolveRules(current);
  return Object.entries(SCENARIO_PRESETS[key] ?? {}).every(([k, v]) => rules[k as keyof RuleProfile] === v);
}
