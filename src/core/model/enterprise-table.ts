/**
 * Columnar view of the enterprises: typed arrays the planning stages read without touching objects.
 * Built once per plan; never mutated afterwards.
 */
import type { Enterprise, Organization, RuleProfile } from './types';
import { hasSixClears, isMicro, isMustCover, isOperating, totalMembers } from './scope';

export const Flag = {
  OPERATING: 1,
  COVERED: 2,
  OWN_ORG: 4,
  WORK_COVERED: 8,
  MUST_COVER: 16,
  SIX_CLEARS: 32,
  MICRO: 64,
  MAPPED: 128,
} as const;

export interface EnterpriseTable {
  readonly count: number;
  readonly ids: readonly string[];
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly formal: Int32Array;
  readonly members: Int32Array;
  readonly employees: Int32Array;
  readonly capital: Float64Array;
  readonly industry: Int32Array;
  readonly industries: readonly string[];
  readonly flags: Uint8Array;
  /** Mass organizations (MassOrgBit: 工会 / 共青团 / 妇联); 0 for none or unknown. */
  readonly massOrg: Uint8Array;
}

export const MassOrgBit = { UNION: 1, YOUTH_LEAGUE: 2, WOMENS_FEDERATION: 4 } as const;

export function buildEnterpriseTable(
  enterprises: readonly Enterprise[],
  organizations: readonly Organization[],
  rules: RuleProfile,
): EnterpriseTable {
  const n = enterprises.length;
  const formByOrg = new Map(organizations.map((o) => [o.id, o.form]));
  const industryIndex = new Map<string, number>();
  const table = {
    count: n,
    ids: enterprises.map((e) => e.id),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    formal: new Int32Array(n),
    members: new Int32Array(n),
    employees: new Int32Array(n),
    capital: new Float64Array(n),
    industry: new Int32Array(n),
    industries: [] as string[],
    flags: new Uint8Array(n),
    massOrg: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const e = enterprises[i];
    const mapped = e.lon !== null && e.lat !== null;
    table.lon[i] = mapped ? (e.lon as number) : NaN;
    table.lat[i] = mapped ? (e.lat as number) : NaN;
    table.formal[i] = Math.max(0, e.partyMembers ?? 0);
    table.members[i] = Math.max(0, totalMembers(e));
    table.employees[i] = Math.max(0, e.employees ?? 0);
    table.capital[i] = e.registeredCapital ?? NaN;
    let code = industryIndex.get(e.industry);
    if (code === undefined) {
      code = table.industries.length;
      industryIndex.set(e.industry, code);
      table.industries.push(e.industry);
    }
    table.industry[i] = code;
    const covered = e.orgId.trim() !== '';
    let f = 0;
    if (isOperating(e.status)) f |= Flag.OPERATING;
    if (covered) f |= Flag.COVERED;
    if (covered && formByOrg.get(e.orgId) === 'standalone') f |= Flag.OWN_ORG;
    if (e.workCovered) f |= Flag.WORK_COVERED;
    if (isMustCover(e, rules)) f |= Flag.MUST_COVER;
    if (hasSixClears(e)) f |= Flag.SIX_CLEARS;
    if (isMicro(e, rules)) f |= Flag.MICRO;
    if (mapped) f |= Flag.MAPPED;
    table.flags[i] = f;
    table.massOrg[i] = (e.tradeUnion === true ? MassOrgBit.UNION : 0) | (e.youthLeague === true ? MassOrgBit.YOUTH_LEAGUE : 0) | (e.womensFederation === true ? MassOrgBit.WOMENS_FEDERATION : 0);
  }
  return table;
}
