import { describe, expect, it } from 'vitest';
import { resolveRules, type Area, type Dataset, type Enterprise } from '../../src/core/model/types';
import { checkReasons } from '../../src/core/recommend/reason-check';
import { planDataset } from '../../src/core/plan';
import { transferWhatIf, whatIfOver, withTransfersDone } from '../../src/core/campaign/what-if';
import { Flag } from '../../src/core/model/enterprise-table';
import type { WhatIfFigures } from '../../src/core/model/report';
import { withCampaignFigures } from '../../src/core/campaign/report';
import {
  campaignFigures, derivedTransferStatus, isMassOrgWithoutParty, massOrgsOf, normalizeElsewherePlaces, parseTransferStatus, pendingTransfers,
} from '../../src/core/campaign/members';
import { readDemo } from '../support/demo';

const square = (w: number, s: number, e: number, n: number): Area['geometry'] => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const AREAS: Area[] = [
  { id: 'd1', name: '甲区', level: 'district', parent: null, geometry: square(119.9, 29.9, 120.3, 30.1) },
  { id: 's1', name: '一街道', level: 'street', parent: 'd1', geometry: square(119.9, 29.9, 120.025, 30.1) },
  { id: 's2', name: '二街道', level: 'street', parent: 'd1', geometry: square(120.025, 29.9, 120.3, 30.1) },
];
const ent = (id: string, lon: number, o: Partial<Enterprise>): Enterprise => ({
  row: 0, id, name: id, creditCode: '', district: '', street: '', address: '', lon, lat: 30, employees: 10, partyMembers: 0, probationaryMembers: 0,
  registeredCapital: 100, industry: '制造业', status: '正常', ownerIsMember: false, orgId: '', workCovered: false, extra: {}, ...o,
});
/**
 * Worked by hand (default rules: 3 formal for an own organization and for a joint branch, 1,000 m):
 *  s1: A has 2 formal + 1 elsewhere, alone → after the transfer an own organization (N).
 *  s2: B 1 formal + 1 elsewhere, C none (50 employees), D none + 1 elsewhere (35 employees), 100 m apart:
 *      before 1 formal among them (no branch), after 2 + 1 = 3 → one joint branch B + C + D (M);
 *      E has 3 formal already (own organization either way); F's 2 elsewhere have all transferred.
 *  Unlocked: A, B, C, D — all must-cover (K = 4); pending members 3 (2 of them in s2).
 */
const DATASET: Dataset = {
  name: 'what-if', crs: 'wgs84', rules: {}, buildings: [], zones: [], areas: AREAS, organizations: [],
  enterprises: [
    ent('A', 120.0, { partyMembers: 2, membersElsewhere: 1, membersTransferred: 0, employees: 40 }),
    ent('B', 120.05, { partyMembers: 1, membersElsewhere: 1, employees: 12 }),
    ent('C', 120.051, { employees: 50 }),
    ent('D', 120.052, { membersElsewhere: 1, membersTransferred: 0, employees: 35 }),
    ent('E', 120.1, { partyMembers: 3, employees: 20 }),
    ent('F', 120.15, { partyMembers: 3, membersElsewhere: 2, membersTransferred: 2, employees: 8 }),
    ent('G', 120.2, { partyMembers: 0, membersElsewhere: 5, status: '注销' }),
  ],
};

describe('the transfer what-if', () => {
  const base = planDataset(DATASET, { compareWithGreedy: false });
  const whatIf = transferWhatIf(DATASET, base);

  it('counts what the hand-worked register gives, in total and per street', () => {
    expect({ ...whatIf, areas: undefined, roles: undefined }).toEqual({ pending_members: 3, own_org: 1, joint_branches: 1, must_cover: 4, enterprise_ids: ['A', 'B', 'C', 'D'], areas: undefined, roles: undefined });
    // The branch B + C + D counts where its anchor B lies (s2); A carries the own organization.
    expect(whatIf.roles).toEqual({ own_org: ['A'], branch_anchors: ['B'], must_cover: ['A', 'B', 'C', 'D'] });
    const byId = Object.fromEntries(whatIf.areas.map((a) => [a.id, a]));
    expect(byId.d1).toEqual({ id: 'd1', pending_members: 3, own_org: 1, joint_branches: 1, must_cover: 4 });
    expect(byId.s1).toEqual({ id: 's1', pending_members: 1, own_org: 1, joint_branches: 0, must_cover: 1 });
    expect(byId.s2).toEqual({ id: 's2', pending_members: 2, own_org: 0, joint_branches: 1, must_cover: 3 });
  });

  it('matches the second plan it describes, and leaves the register untouched', () => {
    const after = planDataset({ ...DATASET, enterprises: withTransfersDone(DATASET.enterprises) }, { compareWithGreedy: false }).report;
    const joint = after.recommendations.find((r) => r.kind === 'joint_branch');
    expect(joint?.enterprise_ids.slice().sort()).toEqual(['B', 'C', 'D']);
    expect(after.recommendations.filter((r) => r.kind === 'standalone').map((r) => r.enterprise_ids[0]).sort()).toEqual(['A', 'E', 'F']);
    expect(base.report.recommendations.filter((r) => r.kind === 'standalone').map((r) => r.enterprise_ids[0]).sort()).toEqual(['E', 'F']);
    expect(DATASET.enterprises[0].partyMembers).toBe(2);
    expect(DATASET.enterprises[0].membersTransferred).toBe(0);
  });

  it('the report without the what-if (what the app shows first) has the counts and leaves only the what-if out', () => {
    const full = withCampaignFigures(DATASET, base, whatIf);
    const first = withCampaignFigures(DATASET, base, null);
    const strip = <T extends { what_if_transfers?: unknown }>(row: T) => ({ ...row, what_if_transfers: undefined });
    expect(first.what_if_transfers_enterprise_ids).toBeUndefined();
    expect(first.summary.what_if_transfers).toBeUndefined();
    expect(strip(first.summary)).toEqual(strip(full.summary));
    expect(first.areas.map(strip)).toEqual(full.areas.map(strip));
    expect(first.what_if_transfers_roles).toBeUndefined();
    expect({ ...first, summary: full.summary, areas: full.areas, what_if_transfers_enterprise_ids: full.what_if_transfers_enterprise_ids, what_if_transfers_roles: full.what_if_transfers_roles }).toEqual(full);
  });

  it('with nobody elsewhere: nothing to unlock, and no second plan needed', () => {
    const plain = { ...DATASET, enterprises: DATASET.enterprises.map((e) => ({ ...e, membersElsewhere: null })) };
    const none = transferWhatIf(plain, planDataset(plain, { compareWithGreedy: false }));
    expect({ ...none, areas: [] }).toEqual({ pending_members: 0, own_org: 0, joint_branches: 0, must_cover: 0, enterprise_ids: [], areas: [], roles: { own_org: [], branch_anchors: [], must_cover: [] } });
  });

  it('on the Linpu register with members elsewhere: own organizations are exactly the enterprises the transfers lift to 3 formal members', () => {
    const { dataset } = readDemo('linpu');
    // Every fifth enterprise without an organization gets members elsewhere (1–3), deterministically.
    const enterprises = dataset.enterprises.map((e, i) => (i % 5 === 0 && e.orgId === '' ? { ...e, membersElsewhere: 1 + (i % 3), membersTransferred: 0 } : e));
    const d = { ...dataset, enterprises };
    const result = transferWhatIf(d, planDataset(d, { compareWithGreedy: false }));
    const lifted = enterprises.filter((e) => e.orgId === '' && (e.partyMembers ?? 0) < 3 && (e.partyMembers ?? 0) + pendingTransfers(e) >= 3 && e.status !== '注销');
    expect(result.own_org).toBe(lifted.length);
    expect(result.pending_members).toBe(enterprises.reduce((n, e) => n + pendingTransfers(e), 0));
    expect(result.own_org + result.joint_branches).toBeGreaterThan(0);
    expect(result.must_cover).toBeLessThanOrEqual(result.enterprise_ids.length);
    const districts = result.areas.filter((a) => d.areas.find((x) => x.id === a.id)?.level === 'district');
    expect(districts.reduce((n, a) => n + a.own_org, 0)).toBe(result.own_org);
  });
});

describe('the transfer what-if over a filter', () => {
  const base = planDataset(DATASET, { compareWithGreedy: false });
  const whatIf = transferWhatIf(DATASET, base);
  const indexOf = new Map(DATASET.enterprises.map((e, i) => [e.id, i]));
  const operating = (i: number) => (base.table.flags[i] & Flag.OPERATING) !== 0;
  const maskOf = (keep: (e: Enterprise, i: number) => boolean) => Uint8Array.from(DATASET.enterprises.map((e, i) => (keep(e, i) ? 1 : 0)));
  const over = (mask: Uint8Array | null) => whatIfOver(DATASET.enterprises, operating, whatIf.roles, indexOf, mask);

  it('over everything, the total; over an area, its row', () => {
    const pick = (w: WhatIfFigures): WhatIfFigures => ({ pending_members: w.pending_members, own_org: w.own_org, joint_branches: w.joint_branches, must_cover: w.must_cover });
    const total = pick(whatIf);
    expect(over(null)).toEqual(total);
    expect(over(maskOf(() => true))).toEqual(total);
    for (const row of whatIf.areas) {
      const k = DATASET.areas.findIndex((a) => a.id === row.id);
      expect(over(maskOf((_e, i) => base.district[i] === k || base.street[i] === k)), row.id).toEqual(pick(row));
    }
  });

  it('follows filters other than the area (hand-worked)', () => {
    // 30+ employees (A 40, C 50, D 35): A's 1 member elsewhere and D's 1; A's own organization; the branch's anchor B is out; A, C, D unlocked must-cover.
    expect(over(maskOf((e) => (e.employees ?? 0) >= 30))).toEqual({ pending_members: 2, own_org: 1, joint_branches: 0, must_cover: 3 });
    // Only B: its member elsewhere, and the branch it anchors.
    expect(over(maskOf((e) => e.id === 'B'))).toEqual({ pending_members: 1, own_org: 0, joint_branches: 1, must_cover: 1 });
    // The deregistered G's 5 members do not count; E and F carry nothing.
    expect(over(maskOf((e) => ['E', 'F', 'G'].includes(e.id)))).toEqual({ pending_members: 0, own_org: 0, joint_branches: 0, must_cover: 0 });
  });

  it('on Linpu with members elsewhere: a filter by industry splits the total exactly', () => {
    const { dataset } = readDemo('linpu');
    const enterprises = dataset.enterprises.map((e, i) => (i % 5 === 0 && e.orgId === '' ? { ...e, membersElsewhere: 1 + (i % 3), membersTransferred: 0 } : e));
    const d = { ...dataset, enterprises };
    const planned = planDataset(d, { compareWithGreedy: false });
    const result = transferWhatIf(d, planned);
    const index = new Map(enterprises.map((e, i) => [e.id, i]));
    const op = (i: number) => (planned.table.flags[i] & Flag.OPERATING) !== 0;
    const industries = [...new Set(enterprises.map((e) => e.industry))];
    expect(industries.length).toBeGreaterThan(1);
    const parts = industries.map((ind) => whatIfOver(enterprises, op, result.roles, index, Uint8Array.from(enterprises.map((e) => (e.industry === ind ? 1 : 0)))));
    const sum = (key: keyof WhatIfFigures) => parts.reduce((n, p) => n + p[key], 0);
    expect({ pending_members: sum('pending_members'), own_org: sum('own_org'), joint_branches: sum('joint_branches'), must_cover: sum('must_cover') })
      .toEqual({ pending_members: result.pending_members, own_org: result.own_org, joint_branches: result.joint_branches, must_cover: result.must_cover });
    // Some industry's share is a proper part: the figures follow the filter, not the whole register.
    expect(parts.some((p) => p.own_org + p.joint_branches > 0 && p.pending_members < result.pending_members)).toBe(true);
  });
});

describe('campaign register facts', () => {
  it('normalizes where relationships are held, and reads transfer statuses', () => {
    expect(normalizeElsewherePlaces('人才中心；原籍, 流动党委;原籍;某县组织部')).toBe('市人才中心;原籍;流动人员党委;某县组织部');
    expect(parseTransferStatus('已转接')).toBe('done');
    expect(parseTransferStatus(' 转接中 ')).toBe('in_progress');
    expect(parseTransferStatus('')).toBeNull();
    expect(parseTransferStatus('差不多')).toBeUndefined();
    expect([derivedTransferStatus(3, 0), derivedTransferStatus(3, 1), derivedTransferStatus(3, 3), derivedTransferStatus(0, 0), derivedTransferStatus(null, null)])
      .toEqual(['pending', 'in_progress', 'done', null, null]);
  });

  it('counts members elsewhere, mass organizations without Party organization and key enterprises per area, operating only', () => {
    const enterprises = [
      ent('a', 120, { membersElsewhere: 4, membersTransferred: 1, tradeUnion: true, keyCategory: '亿元以上' }),
      ent('b', 120, { youthLeague: true, orgId: 'org-1' }),
      ent('c', 120.1, { womensFederation: true, tradeUnion: false }),
      ent('d', 120.1, { tradeUnion: null, youthLeague: false, keyCategory: ' ' }),
      ent('e', 120.1, { membersElsewhere: 9, tradeUnion: true, keyCategory: '双重管理', status: '吊销' }),
    ];
    expect(massOrgsOf(enterprises[2])).toEqual(['womens_federation']);
    expect(enterprises.map(isMassOrgWithoutParty)).toEqual([true, false, true, false, false]);
    const district = Int32Array.from([0, 0, 0, 0, 0]);
    const street = Int32Array.from([1, 1, 2, 2, 2]);
    const { total, areas } = campaignFigures(enterprises, 3, district, street);
    expect(total).toEqual({ members_elsewhere: 4, members_transferred: 1, mass_org_no_party: 2, key_enterprises: 1 });
    expect(areas[0]).toEqual(total);
    expect(areas[1]).toEqual({ members_elsewhere: 4, members_transferred: 1, mass_org_no_party: 1, key_enterprises: 1 });
    expect(areas[2]).toEqual({ members_elsewhere: 0, members_transferred: 0, mass_org_no_party: 1, key_enterprises: 0 });
  });
});

describe('党群联动 in the planner', () => {
  // Two enterprises with 2 formal members each could start a branch with the member-less C (1 formal
  // member needed): B has a 工会 and no Party organization, A does not; both lie as near to C.
  const firms = [
    ent('A', 120.0, { partyMembers: 2, employees: 40 }),
    ent('B', 120.0012, { partyMembers: 2, employees: 40, tradeUnion: true, womensFederation: true }),
    ent('C', 120.0006, { partyMembers: 1, employees: 35 }),
    ent('D', 120.0007, { employees: 50, youthLeague: true }),
  ];
  const dataset: Dataset = { ...DATASET, enterprises: firms };
  const { report } = planDataset(dataset, { compareWithGreedy: false });
  const branches = report.recommendations.filter((r) => r.kind === 'joint_branch');

  it('takes the enterprise with a mass organization into the core, and says so in the reason', () => {
    const withB = branches.find((r) => r.enterprise_ids.includes('B'));
    expect(withB?.enterprise_ids).toContain('C');
    expect(withB?.reason_codes).toContain('mass_org_core');
    expect(withB?.reasons.find((x) => x.startsWith('以已建'))).toBe('以已建工会、妇联、尚未建立党组织的B为核心（党群联动，群团组织先行）');
    expect(withB?.reasons_en.some((x) => x.includes("trade union and a women's federation"))).toBe(true);
  });

  it('the independent reason check accepts it, and catches a false core or missing reason', () => {
    expect(checkReasons(report, dataset, resolveRules({}))).toEqual([]);
    const forged = structuredClone(report);
    const rec = forged.recommendations.find((r) => r.reason_codes.includes('mass_org_core'))!;
    const k = rec.reason_codes.indexOf('mass_org_core');
    rec.reasons[k] = rec.reasons[k].replace('工会、妇联', '共青团');
    expect(checkReasons(forged, dataset, resolveRules({})).some((p) => p.includes('the data says 工会、妇联'))).toBe(true);
    rec.reasons.splice(k, 1);
    rec.reasons_en.splice(k, 1);
    rec.reason_codes.splice(k, 1);
    expect(checkReasons(forged, dataset, resolveRules({})).some((p) => p.includes('mass_org_core reason missing'))).toBe(true);
  });
});

describe('the campaign columns in the edit history', () => {
  it('labels and words, not columns and codes', async () => {
    const { i18n } = await import('../../src/ui/i18n');
    const { historyChanges } = await import('../../src/ui/history-lines');
    const zh = i18n.getFixedT('zh-CN');
    const entry = {
      at: '2026-12-01T13:05:00Z', userId: null, action: 'update' as const,
      oldRow: { party_members: 0, members_transferred: 0, transfer_status: 'pending', transfer_on: null, trade_union: null },
      newRow: { party_members: 3, members_transferred: 3, transfer_status: 'done', transfer_on: '2026-12-02', trade_union: true },
    };
    expect(historyChanges(zh, entry, (c) => c).map((c) => zh('history.change', { field: c.label, before: c.before, after: c.after }))).toEqual([
      '正式党员：0 → 3', '已转入党员：0 → 3', '转接状态：待转接 → 已转接', '转接日期：未填 → 2026-12-02', '工会：未填 → 是',
    ]);
  });
});
