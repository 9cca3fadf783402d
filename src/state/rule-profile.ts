/**
 * The city's rule profile as stored: set from the start-up read and from the change feed (state/sync.ts),
 * saved through the repository at the version it was read. A saved change comes back through the feed
 * before the save resolves, and the data path replans with it.
 */
import { create } from 'zustand';
import type { StoredRuleProfile } from '../core/model/records';
import { DEFAULT_RULES, type RuleProfile } from '../core/model/types';
import { repository } from './services';
import { catchingUp } from './catching-up';

export interface RuleProfileState {
  /** null until the store has been read (or when contents kept from an older version lack it). */
  profile: StoredRuleProfile | null;
  setProfile(profile: StoredRuleProfile | null): void;
}

export const useRuleProfileStore = create<RuleProfileState>()((set) => ({
  profile: null,
  setProfile: (profile) => set({ profile }),
}));

/** The settings that differ from the defaults: what is stored (an absent key is the default). */
export function overridesOf(profile: RuleProfile): Partial<RuleProfile> {
  const overrides: Partial<RuleProfile> = {};
  for (const key of Object.keys(DEFAULT_RULES) as (keyof RuleProfile)[]) {
    if (profile[key] !== DEFAULT_RULES[key]) (overrides as Record<string, unknown>)[key] = profile[key];
  }
  return overrides;
}

/** Saves a whole profile at the version last read; a stale save throws StaleWriteError. */
export async function saveRuleProfile(profile: RuleProfile): Promise<StoredRuleProfile> {
  const current = useRuleProfileStore.getState().profile;
  const saved = await catchingUp(() => repository().saveRuleProfile(overridesOf(profile), current?.version));
  useRuleProfileStore.getState().setProfile(saved);
  return saved;
}
