/** Coverage figures (组建率, 单独组建率, work coverage, must-cover, six clears): summary and per area. */
import type { Area } from '../model/types';
import type { AreaRow, CoverageFigures, Summary } from '../model/report';
import { Flag } from '../model/enterprise-table';

interface Tally {
  enterprises: number;
  covered: number;
  ownOrg: number;
  workCovered: number;
  mustCover: number;
  mustCoverCovered: number;
  mustCoverWorkCovered: number;
  sixClears: number;
}

const emptyTally = (): Tally => ({
  enterprises: 0, covered: 0, ownOrg: 0, workCovered: 0, mustCover: 0, mustCoverCovered: 0, mustCoverWorkCovered: 0, sixClears: 0,
});

function addTo(t: Tally, f: number): void {
  if (!(f & Flag.OPERATING)) return;
  const covered = (f & Flag.COVERED) !== 0;
  const workOnly = !covered && (f & Flag.WORK_COVERED) !== 0;
  t.enterprises++;
  if (covered) t.covered++;
  if (f & Flag.OWN_ORG) t.ownOrg++;
  if (workOnly) t.workCovered++;
  if (f & Flag.MUST_COVER) {
    t.mustCover++;
    if (covered) t.mustCoverCovered++;
    else if (workOnly) t.mustCoverWorkCovered++;
  }
  if (f & Flag.SIX_CLEARS) t.sixClears++;
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1e6) / 1e6);

function toFigures(t: Tally): CoverageFigures {
  return {
    enterprises: t.enterprises,
    covered: t.covered,
    coverage_rate: rate(t.covered, t.enterprises),
    own_org: t.ownOrg,
    own_org_rate: rate(t.ownOrg, t.enterprises),
    work_covered: t.workCovered,
    must_cover: t.mustCover,
    must_cover_covered: t.mustCoverCovered,
    must_cover_work_covered: t.mustCoverWorkCovered,
    six_clears_complete: t.sixClears,
  };
}

/**
 * Figures over the enterprises whose flags are given (only those where `mask[i]` is set, when a mask
 * is given). `covered` is organization coverage only; `work_covered` counts enterprises with work
 * coverage and no organization.
 */
export function summarize(flags: Uint8Array, mask?: Uint8Array): Summary {
  const t = emptyTally();
  let listed = 0, unmapped = 0;
  for (let i = 0; i < flags.length; i++) {
    if (mask && !mask[i]) continue;
    listed++;
    addTo(t, flags[i]);
    if (!(flags[i] & Flag.MAPPED)) unmapped++;
  }
  return { listed, unmapped, ...toFigures(t) };
}

/** One row per area (districts first, then streets), in the areas' order; over `mask` when given. */
export function rollUpAreas(
  flags: Uint8Array, areas: ReadonlyArray<Pick<Area, 'id' | 'name' | 'level' | 'parent' | 'leader'>>, district: Int32Array, street: Int32Array, mask?: Uint8Array,
): AreaRow[] {
  const tallies = areas.map(emptyTally);
  for (let i = 0; i < flags.length; i++) {
    if (mask && !mask[i]) continue;
    const f = flags[i];
    if (district[i] >= 0) addTo(tallies[district[i]], f);
    if (street[i] >= 0) addTo(tallies[street[i]], f);
  }
  // 分片包干: the leader in charge rides along where the areas name one (report addition, issue 16).
  const rows = areas.map((a, k) => ({ id: a.id, name: a.name, level: a.level, parent: a.parent, ...(a.leader ? { leader: a.leader } : {}), ...toFigures(tallies[k]) }));
  return [...rows.filter((r) => r.level === 'district'), ...rows.filter((r) => r.level === 'street')];
}

/** 组建率 per place (building, zone) from each enterprise's place index; NaN where no operating enterprise lies in it. */
export function coverageByPlace(flags: Uint8Array, placeOf: Int32Array, placeCount: number): Float64Array {
  const operating = new Uint32Array(placeCount);
  const covered = new Uint32Array(placeCount);
  for (let i = 0; i < flags.length; i++) {
    const p = placeOf[i];
    if (p < 0 || !(flags[i] & Flag.OPERATING)) continue;
    operating[p]++;
    if (flags[i] & Flag.COVERED) covered[p]++;
  }
  const rates = new Float64Array(placeCount);
  for (let p = 0; p < placeCount; p++) rates[p] = operating[p] === 0 ? Number.NaN : covered[p] / operating[p];
  return rates;
}
