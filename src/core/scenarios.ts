/**
 * Scenarios side by side (issue 14, item 4): the same register planned under two or three rule
 * profiles, compared in total and per area — uncovered must-cover enterprises, how many of them the
 * plan puts into organizations, new organizations, enterprises left to work coverage, umbrellas.
 */
import { planDataset } from './plan';
import { Flag } from './model/enterprise-table';
import { coverageCategory } from './coverage/category';
import { UMBRELLA_KINDS, type RecommendationKind } from './model/report';
import type { Dataset, RuleProfile } from './model/types';
import { idKey } from './recommend/identity';

export interface Scenario {
  name: string;
  /** Overrides of the defaults, as stored (they replace the dataset's own rules). */
  rules: Partial<RuleProfile>;
}

export interface ScenarioFigures {
  /** Operating, not covered, must-cover under the scenario's profile. */
  mustCover: number;
  /** … of them placed in a recommended organization (standalone, joint or association branch). */
  mustCoverInOrgs: number;
  /** Recommended organizations (counted in the area most of their members are in). */
  newOrgs: number;
  /** Enterprises recommended for work coverage. */
  workCoverage: number;
  /** Building communities, zone organizations and new zones over the branches. */
  umbrellas: number;
}

export interface ScenarioRow {
  /** null: the whole register. */
  areaId: string | null;
  name: string;
  level: 'total' | 'district' | 'street';
  /** One per scenario, in the scenarios' order. */
  figures: ScenarioFigures[];
}

/**
 * One scenario's map: every enterprise's flags and coverage category (register order) once the
 * scenario's recommendations are formed — the side-by-side view colours enterprises by these.
 */
export interface ScenarioSide {
  flags: Uint8Array;
  categories: Uint8Array;
  /** The organization each enterprise joins (idKey of its recommendation's id, 0: none): the same number on two sides is the same organization. */
  groups: Int32Array;
}

export interface ScenarioComparison {
  scenarios: { name: string; rules: RuleProfile }[];
  rows: ScenarioRow[];
  /** With `sides` asked for: one per scenario, in the scenarios' order. */
  sides?: ScenarioSide[];
}

export interface CompareOptions {
  /** Also return each scenario's flags and categories after its recommendations (ScenarioSide). */
  sides?: boolean;
  /** Keep the sides' first N enterprises only (the view shows no more). */
  limit?: number;
}

/**
 * Flags once every recommendation is formed: members of an organization count as covered (standalone
 * ones as their own organization), members of work coverage as work-covered; umbrellas and new zones
 * cover no one themselves. `flags` is not changed.
 */
export function flagsAfterRecommendations(flags: Uint8Array, index: ReadonlyMap<string, number>, recommendations: readonly { kind: RecommendationKind; enterprise_ids: readonly string[] }[]): Uint8Array {
  const out = flags.slice();
  for (const rec of recommendations) {
    if (UMBRELLA_KINDS.has(rec.kind) || rec.kind === 'new_zone') continue;
    for (const id of rec.enterprise_ids) {
      const i = index.get(id);
      if (i === undefined || !(out[i] & Flag.OPERATING) || out[i] & Flag.COVERED) continue;
      if (rec.kind === 'work_coverage') out[i] |= Flag.WORK_COVERED;
      else out[i] |= Flag.COVERED | (rec.kind === 'standalone' ? Flag.OWN_ORG : 0);
    }
  }
  return out;
}

const ORG_KINDS: ReadonlySet<RecommendationKind> = new Set(['standalone', 'joint_branch', 'association_branch']);
const empty = (): ScenarioFigures => ({ mustCover: 0, mustCoverInOrgs: 0, newOrgs: 0, workCoverage: 0, umbrellas: 0 });

/** The area (index) most of the members lie in, or -1. */
function majority(members: readonly number[], areaOf: Int32Array): number {
  const counts = new Map<number, number>();
  for (const m of members) if (areaOf[m] >= 0) counts.set(areaOf[m], (counts.get(areaOf[m]) ?? 0) + 1);
  let best = -1, bestCount = 0;
  for (const [a, c] of counts) if (c > bestCount || (c === bestCount && a < best)) [best, bestCount] = [a, c];
  return best;
}

/** Per enterprise (register order, the first `n`): the organization or work coverage it is put in, as idKey of the recommendation. */
function groupsOf(recommendations: readonly { id: string; kind: RecommendationKind; enterprise_ids: readonly string[] }[], index: ReadonlyMap<string, number>, n: number): Int32Array {
  const groups = new Int32Array(n);
  for (const rec of recommendations) {
    if (UMBRELLA_KINDS.has(rec.kind) || rec.kind === 'new_zone') continue;
    const key = idKey(rec.id);
    for (const id of rec.enterprise_ids) {
      const i = index.get(id);
      if (i !== undefined && i < n) groups[i] = key;
    }
  }
  return groups;
}

export function compareScenarios(dataset: Dataset, scenarios: readonly Scenario[], options: CompareOptions = {}): ScenarioComparison {
  const areaCount = dataset.areas.length;
  const perScenario: ScenarioFigures[][] = [];
  const sides: ScenarioSide[] = [];
  const resolved: { name: string; rules: RuleProfile }[] = [];
  for (const scenario of scenarios) {
    const result = planDataset({ ...dataset, rules: scenario.rules }, { compareWithGreedy: false });
    resolved.push({ name: scenario.name, rules: result.rules });
    const { flags, ids } = result.table;
    const index = new Map(ids.map((id, i) => [id, i]));
    // Slot areaCount is the total.
    const figures = Array.from({ length: areaCount + 1 }, empty);
    const total = figures[areaCount];
    const areasOf = (i: number) => [result.district[i], result.street[i]].filter((a) => a >= 0);
    for (let i = 0; i < flags.length; i++) {
      const f = flags[i];
      if (f & Flag.OPERATING && !(f & Flag.COVERED) && f & Flag.MUST_COVER) {
        total.mustCover++;
        for (const a of areasOf(i)) figures[a].mustCover++;
      }
    }
    for (const rec of result.report.recommendations) {
      const members = rec.enterprise_ids.map((id) => index.get(id) ?? -1).filter((i) => i >= 0);
      const counted = [majority(members, result.district), majority(members, result.street)].filter((a) => a >= 0);
      if (ORG_KINDS.has(rec.kind)) {
        total.newOrgs++;
        for (const a of counted) figures[a].newOrgs++;
        for (const m of members) {
          if (!(flags[m] & Flag.MUST_COVER)) continue;
          total.mustCoverInOrgs++;
          for (const a of areasOf(m)) figures[a].mustCoverInOrgs++;
        }
      } else if (rec.kind === 'work_coverage') {
        total.workCoverage += members.length;
        for (const m of members) for (const a of areasOf(m)) figures[a].workCoverage++;
      } else if (UMBRELLA_KINDS.has(rec.kind)) {
        total.umbrellas++;
        for (const a of counted) figures[a].umbrellas++;
      }
    }
    perScenario.push(figures);
    if (options.sides) {
      const after = flagsAfterRecommendations(flags, index, result.report.recommendations);
      const shown = options.limit ? after.slice(0, options.limit) : after;
      sides.push({ flags: shown, categories: Uint8Array.from(shown, (f) => coverageCategory(f)), groups: groupsOf(result.report.recommendations, index, shown.length) });
    }
  }
  const rows: ScenarioRow[] = [{ areaId: null, name: '', level: 'total', figures: perScenario.map((f) => f[areaCount]) }];
  dataset.areas.forEach((area, k) => rows.push({ areaId: area.id, name: area.name, level: area.level, figures: perScenario.map((f) => f[k]) }));
  return { scenarios: resolved, rows, ...(options.sides ? { sides } : {}) };
}
