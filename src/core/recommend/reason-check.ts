/**
 * Every reason, kind, building and zone of a report checked against the data: the numbers in a
 * reason are recomputed from the members (and the places located again), the thresholds in it must
 * be the rule profile's. Independent of how the planner wrote them; part of `checkReport`.
 */
import type { Dataset, Enterprise, RuleProfile } from '../model/types';
import type { PlanReport, Recommendation } from '../model/report';
import { isMicro, isMustCover, totalMembers } from '../model/scope';
import { massOrgsOf } from '../campaign/members';
import { createPolygonIndex, type PolygonIndex } from '../spatial/polygon-index';
import { distanceM } from '../spatial/geo';
import { planItemFigures } from './plan-item-check';

const dist = (a: Enterprise, b: Enterprise) => distanceM(a.lon as number, a.lat as number, b.lon as number, b.lat as number);

/** What `checkReport` has already worked out and hands on, so that the reason check does not work it out again. */
export interface ReasonCheckPrepared {
  /** Each recommendation's widest span, by id. */
  spans?: ReadonlyMap<string, number>;
  /** Position of each enterprise id in `dataset.enterprises` (invariants.ts indexById). */
  index?: ReadonlyMap<string, number>;
  /** Each recommendation's members as positions in `dataset.enterprises`, in the report's order (null where one is not in the dataset). */
  memberPositions?: readonly (Int32Array | null)[];
}

/** `prepared`: what the caller has measured already (checkReport has); anything missing is worked out here. */
export function checkReasons(report: PlanReport, dataset: Dataset, rules: RuleProfile, prepared: ReasonCheckPrepared = {}): string[] {
  const problems: string[] = [];
  const { spans } = prepared;
  const enterprises = dataset.enterprises;
  let index = prepared.index;
  if (!index) {
    const own = new Map<string, number>();
    for (let i = 0; i < enterprises.length; i++) own.set(enterprises[i].id, i);
    index = own;
  }
  const recs = new Map(report.recommendations.map((r) => [r.id, r]));
  let buildingIndex: PolygonIndex | null = null;
  let zoneIndex: PolygonIndex | null = null;
  // Each member's building and zone, located again here (-2: not yet located).
  const buildingAt = new Int32Array(enterprises.length).fill(-2);
  const zoneAt = new Int32Array(enterprises.length);
  const locate = (i: number) => {
    buildingIndex ??= createPolygonIndex(dataset.buildings.map((b) => b.geometry));
    zoneIndex ??= createPolygonIndex(dataset.zones.map((z) => z.geometry));
    const e = enterprises[i];
    const mapped = e.lon !== null && e.lat !== null;
    buildingAt[i] = mapped ? buildingIndex.locate(e.lon as number, e.lat as number) : -1;
    zoneAt[i] = mapped ? zoneIndex.locate(e.lon as number, e.lat as number) : -1;
  };
  const clusterOf = new Map<string, string>();
  for (const c of report.clusters) for (const id of c.enterprise_ids) clusterOf.set(id, c.id);
  const children = new Map<string, Recommendation[]>();
  for (const r of report.recommendations) {
    if (!r.parent_id) continue;
    const list = children.get(r.parent_id);
    if (list) list.push(r);
    else children.set(r.parent_id, [r]);
  }
  const branchesUnder = (id: string): number => (children.get(id) ?? []).reduce((n, c) => n + (c.kind === 'joint_branch' ? 1 : 0) + branchesUnder(c.id), 0);

  const positionsOf = (ids: readonly string[]): Int32Array | null => {
    const at = new Int32Array(ids.length);
    for (let m = 0; m < ids.length; m++) {
      const i = index.get(ids[m]);
      if (i === undefined) return null;
      at[m] = i;
    }
    return at;
  };
  report.recommendations.forEach((r, rk) => {
    const fail = (what: string) => problems.push(`${r.id}: ${what}`);
    if (r.reasons.length !== r.reasons_en.length || r.reasons.length !== r.reason_codes.length) fail('reasons, reasons_en and reason_codes differ in length');
    if (!r.name || !r.name_en) fail('has no name');
    const at = prepared.memberPositions ? prepared.memberPositions[rk] : positionsOf(r.enterprise_ids);
    if (at === null) return;
    const members = Array.from(at, (i) => enterprises[i]);
    // Each member's building and zone (aligned with `members`).
    const mb: number[] = new Array(at.length);
    const mz: number[] = new Array(at.length);
    for (let m = 0; m < at.length; m++) {
      if (buildingAt[at[m]] === -2) locate(at[m]);
      mb[m] = buildingAt[at[m]];
      mz[m] = zoneAt[at[m]];
    }
    const formal = members.reduce((s, e) => s + (e.partyMembers ?? 0), 0);
    const total = members.reduce((s, e) => s + totalMembers(e), 0);
    const units = members.length;
    const buildingName = (b: number) => (b >= 0 ? dataset.buildings[b].name : '');
    const buildingsHeld = new Set(mb.filter((b) => b >= 0));
    const isLeaf = r.kind === 'standalone' || r.kind === 'joint_branch' || r.kind === 'association_branch' || r.kind === 'work_coverage';

    // Kind, buildings and zone describe the members.
    if (isLeaf) {
      const expected = [...buildingsHeld].map((b) => dataset.buildings[b].id).sort();
      if ([...r.building_ids].sort().join() !== expected.join()) fail(`building_ids [${r.building_ids.join(', ')}] but its members lie in [${expected.join(', ')}]`);
      const zones = new Set(mz);
      const zone = zones.size === 1 ? [...zones][0] : -1;
      if ((zone >= 0 ? dataset.zones[zone].id : null) !== r.zone_id) fail(`zone_id ${r.zone_id} but its members' common zone is ${zone >= 0 ? dataset.zones[zone].id : 'none'}`);
    }
    if (r.kind === 'standalone' && (units !== 1 || formal < rules.standaloneMinFormal)) fail(`standalone with ${units} units and ${formal} formal members`);
    if ((r.kind === 'joint_branch' || r.kind === 'association_branch' || r.kind === 'work_coverage') && members.some((e) => (e.partyMembers ?? 0) >= rules.standaloneMinFormal || !isMustCover(e, rules))) fail('holds an enterprise that is not a joint candidate');
    if (r.kind === 'association_branch' && members.some((e, m) => !isMicro(e, rules) || mz[m] >= 0)) fail('association branch holds an enterprise that is not micro or lies in a zone');
    const committeeDue = (r.kind === 'joint_branch' || r.kind === 'association_branch') && formal >= rules.branchCommitteeMinFormal;
    if (committeeDue !== r.reason_codes.includes('branch_committee')) fail(`${formal} formal members, committee threshold ${rules.branchCommitteeMinFormal}: branch_committee reason ${committeeDue ? 'missing' : 'wrong'}`);
    if (r.kind === 'joint_branch' && !r.reason_codes.some((c) => c.startsWith('joint_') && c !== 'joint_span' && c !== 'joint_members' && c !== 'joint_industry')) fail('joint branch without a place reason');
    // 党群联动: an organization with a member that has a mass organization says so (work coverage and umbrellas do not).
    const massOrgMembers = members.filter((e) => massOrgsOf(e).length > 0 && e.orgId.trim() === '');
    const massOrgDue = (r.kind === 'standalone' || r.kind === 'joint_branch' || r.kind === 'association_branch') && massOrgMembers.length > 0;
    if (massOrgDue !== r.reason_codes.includes('mass_org_core')) fail(`${massOrgMembers.length} member(s) with a mass organization: mass_org_core reason ${massOrgDue ? 'missing' : 'wrong'}`);

    r.reason_codes.forEach((code, k) => {
      const zh = r.reasons[k] ?? '';
      const m = (re: RegExp) => re.exec(zh);
      const expectNum = (label: string, got: string | undefined, want: number) => {
        if (Number(got) !== want) fail(`${code}: ${label} ${got} in "${zh}", the data says ${want}`);
      };
      switch (code) {
        case 'standalone_formal': {
          const x = m(/有正式党员(\d+)名（≥(\d+)名）/);
          expectNum('formal', x?.[1], formal);
          expectNum('threshold', x?.[2], rules.standaloneMinFormal);
          break;
        }
        case 'level_branch':
        case 'level_general_branch':
        case 'level_committee': {
          const x = m(/党员总数(\d+)名（(.+)），设立/);
          expectNum('members', x?.[1], total);
          const range = code === 'level_branch' ? `${rules.generalBranchMinMembers}名以下` : code === 'level_committee' ? `≥${rules.committeeMinMembers}名` : `${rules.generalBranchMinMembers}–${rules.committeeMinMembers - 1}名`;
          if (x?.[2] !== range) fail(`${code}: range "${x?.[2]}", the profile says "${range}"`);
          const level = code.slice('level_'.length);
          if (r.level !== level) fail(`${code} on a ${r.level}`);
          break;
        }
        case 'joint_building': {
          const x = m(/同一楼宇（(.+)）内(\d+)家企业/);
          expectNum('units', x?.[2], units);
          if (buildingsHeld.size !== 1 || mb.some((b) => b < 0) || buildingName([...buildingsHeld][0]) !== x?.[1]) fail(`says every member is in ${x?.[1]}, they lie in ${buildingsHeld.size} buildings (${mb.filter((b) => b < 0).length} outside any)`);
          break;
        }
        case 'joint_building_cluster': {
          const x = m(/相邻楼宇（(.+)等(\d+)栋）内(\d+)家企业/);
          expectNum('buildings', x?.[2], buildingsHeld.size);
          expectNum('units', x?.[3], units);
          if (mb.some((b) => b < 0)) fail('says every member is in a building, some are not');
          if (buildingsHeld.size < 2) fail('names a cluster of buildings for members of one building');
          if (![...buildingsHeld].some((b) => buildingName(b) === x?.[1])) fail(`names ${x?.[1]}, which holds none of its members`);
          break;
        }
        case 'joint_building_nearby': {
          const x = m(/楼宇 (.+) 内(\d+)家 \+ 周边(\d+)家（最远(\d+)米）/);
          const b = [...buildingsHeld].find((k) => buildingName(k) === x?.[1]) ?? -1;
          const inside = members.filter((_, m) => b >= 0 && mb[m] === b);
          const outside = members.filter((_, m) => !(b >= 0 && mb[m] === b));
          if (b < 0) fail(`names ${x?.[1]}, which holds none of its members`);
          expectNum('inside', x?.[2], inside.length);
          expectNum('around', x?.[3], outside.length);
          if (outside.length === 0) fail('says some members lie around the building, all are inside');
          const farthest = Math.max(0, ...outside.map((o) => Math.min(...inside.map((i) => dist(o, i)))));
          expectNum('farthest', x?.[4], Math.round(farthest));
          break;
        }
        case 'joint_zone': {
          const x = m(/同一商圈、园区或市场「(.+)」内(\d+)家企业/);
          expectNum('units', x?.[2], units);
          const zs = new Set(mz);
          if (zs.size !== 1 || [...zs][0] < 0 || dataset.zones[[...zs][0]].name !== x?.[1]) fail(`says every member is in zone ${x?.[1]}, they are not`);
          break;
        }
        case 'joint_cluster': {
          expectNum('units', m(/集聚区内(\d+)家企业/)?.[1], units);
          const cs = new Set(r.enterprise_ids.map((id) => clusterOf.get(id)));
          if (cs.size !== 1 || cs.has(undefined)) fail('says every member is in one uncovered cluster, they are not');
          break;
        }
        case 'joint_nearby':
          expectNum('units', m(/地域相邻的(\d+)家企业/)?.[1], units);
          break;
        case 'joint_span': {
          const x = m(/最远相距(\d+)米（不超过(\d+)米）/);
          expectNum('span', x?.[1], Math.round(spans?.get(r.id) ?? planItemFigures(members, rules).spanM));
          expectNum('limit', x?.[2], rules.jointMaxSpanM);
          break;
        }
        case 'joint_industry': {
          const industry = m(/行业相近：(.+)$/)?.[1];
          const counts = new Map<string, number>();
          for (const e of members) counts.set(e.industry, (counts.get(e.industry) ?? 0) + 1);
          const most = Math.max(...counts.values());
          if (industry === undefined || (counts.get(industry) ?? 0) < 2 || counts.get(industry) !== most) fail(`names industry ${industry}, held by ${counts.get(industry ?? '') ?? 0} of ${units}`);
          break;
        }
        case 'joint_members': {
          const x = m(/正式党员(\d+)名，党员总数(\d+)名/);
          expectNum('formal', x?.[1], formal);
          expectNum('members', x?.[2], total);
          break;
        }
        case 'branch_committee': {
          const x = m(/正式党员(\d+)名（≥(\d+)名），设支部委员会/);
          expectNum('formal', x?.[1], formal);
          expectNum('threshold', x?.[2], rules.branchCommitteeMinFormal);
          break;
        }
        case 'mass_org_core': {
          const x = m(/^以已建(.+)、尚未建立党组织的(.+)为核心（党群联动/);
          const ORG_ZH = { union: '工会', youth_league: '共青团', womens_federation: '妇联' } as const;
          const core = massOrgMembers.find((e) => (e.name.trim() || e.id) === x?.[2]);
          if (!core) fail(`names ${x?.[2]} as the core, which is not a member with a mass organization and no Party organization`);
          else {
            if (massOrgsOf(core).map((o) => ORG_ZH[o]).join('、') !== x?.[1]) fail(`says ${x?.[2]} has ${x?.[1]}, the data says ${massOrgsOf(core).map((o) => ORG_ZH[o]).join('、')}`);
            const better = massOrgMembers.find((e) => (e.partyMembers ?? 0) > (core.partyMembers ?? 0));
            if (better) fail(`core ${x?.[2]} has fewer formal members than ${better.id}, which also has a mass organization`);
          }
          break;
        }
        case 'association': {
          const x = m(/(\d+)家小微企业（注册资本低于(\d+)万元）/);
          expectNum('units', x?.[1], units);
          expectNum('capital threshold', x?.[2], rules.microCapitalBelow);
          break;
        }
        case 'work_coverage':
          expectNum('units', m(/^(\d+)家应建企业/)?.[1], units);
          break;
        case 'unmapped':
          expectNum('unmapped', m(/^(\d+)家企业缺少坐标/)?.[1], members.filter((e) => e.lon === null || e.lat === null).length);
          break;
        case 'umbrella_building':
          expectNum('branches', m(/需设(\d+)个联合党支部/)?.[1], (children.get(r.id) ?? []).filter((c) => c.kind === 'joint_branch').length);
          break;
        case 'umbrella_zone':
          expectNum('branches', m(/需设(\d+)个联合党支部/)?.[1], branchesUnder(r.id));
          break;
        case 'new_zone': {
          const x = m(/^(\d+)家应建未建企业在(\d+)米/);
          const cluster = report.clusters.find((c) => c.id === r.cluster_id);
          if (!cluster) fail(`new zone for cluster ${r.cluster_id}, which is not in the report`);
          else expectNum('cluster size', x?.[1], cluster.enterprise_ids.length);
          expectNum('radius', x?.[2], rules.clusterRadiusM);
          break;
        }
        default:
          fail(`unknown reason code ${code}`);
      }
    });
    if (r.parent_id && !recs.has(r.parent_id)) fail(`parent ${r.parent_id} does not exist`);
  });
  return problems;
}
