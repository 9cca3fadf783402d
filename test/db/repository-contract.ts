/**
 * One contract for every Repository implementation: the embedded PGlite store and Supabase through
 * PostgREST run the same cases against a real engine. Nothing is mocked.
 */
import { describe, expect, it } from 'vitest';
import type { ChangeSet, Repository } from '../../src/data/repository';
import { StaleWriteError } from '../../src/data/repository';
import { readDemo } from '../support/demo';
import { planDataset } from '../../src/core/plan';
import type { Building, Enterprise } from '../../src/core/model/types';

const CAMPAIGN_FIELDS = ['membersElsewhere', 'membersElsewhereAt', 'membersTransferred', 'transferStatus', 'transferOn', 'tradeUnion', 'youthLeague', 'womensFederation', 'keyCategory', 'liaison', 'registeredOn'];

export interface ContractSubject {
  repository: Repository;
  /** Another client of the same store, with its own feed position. */
  other: Repository;
}

export function repositoryContract(name: string, subject: () => ContractSubject) {
  const { dataset } = readDemo('linpu');
  const town = dataset.areas.find((a) => a.level === 'street')!;
  const core = planDataset(dataset);

  describe(`Repository contract: ${name}`, () => {
    it('imports areas, buildings and zones, one result per feature; an invalid polygon is rejected, not dropped', async () => {
      const repo = subject().repository;
      expect((await repo.upsertPlaces('areas', dataset.areas)).map((r) => r.action)).toEqual(dataset.areas.map(() => 'upserted'));
      const bowTie: Building = { id: 'bow-tie', name: '蝴蝶楼', floors: null, geometry: { type: 'Polygon', coordinates: [[[120.25, 30.05], [120.251, 30.051], [120.251, 30.05], [120.25, 30.051], [120.25, 30.05]]] } };
      const results = await repo.upsertPlaces('buildings', [...dataset.buildings, bowTie]);
      expect(results).toHaveLength(dataset.buildings.length + 1);
      expect(results.slice(0, -1).every((r) => r.action === 'upserted')).toBe(true);
      expect(results.at(-1)).toMatchObject({ rowNo: dataset.buildings.length + 1, id: 'bow-tie', action: 'rejected' });
      expect(results.at(-1)?.message).toMatch(/check constraint|st_isvalid/i);
      expect((await repo.upsertPlaces('zones', dataset.zones)).every((r) => r.action === 'upserted')).toBe(true);
    });

    it('imports enterprises, and re-importing upserts instead of duplicating', async () => {
      const repo = subject().repository;
      const first = await repo.upsertEnterprises(dataset.enterprises);
      expect(first.map((r) => r.action)).toEqual(dataset.enterprises.map(() => 'inserted'));
      const again = await repo.upsertEnterprises(dataset.enterprises.slice(0, 10));
      expect(again.map((r) => r.action)).toEqual(Array(10).fill('updated'));
      const inTown = await repo.enterprisesInArea(town.id);
      expect(inTown.length).toBe(core.street.filter((s) => s >= 0).length);
      expect(new Set(inTown.map((e) => e.id)).size).toBe(inTown.length);
    });

    it('finds enterprises in a bounding box with their coordinates and attributes', async () => {
      const repo = subject().repository;
      const e = dataset.enterprises[0];
      const found = await repo.enterprisesInBbox([(e.lon as number) - 1e-4, (e.lat as number) - 1e-4, (e.lon as number) + 1e-4, (e.lat as number) + 1e-4]);
      const same = found.find((x) => x.id === e.id);
      expect(same).toMatchObject({ name: e.name, creditCode: e.creditCode, employees: e.employees, partyMembers: e.partyMembers, street: town.id });
      expect(same?.lon).toBeCloseTo(e.lon as number, 6);
    });

    it('rolls up coverage per area with the same figures as the planning core', async () => {
      const repo = subject().repository;
      const rows = await repo.coverageByArea();
      const fromCore = core.report.areas.find((a) => a.id === town.id)!;
      const fromDb = rows.find((r) => r.areaId === town.id)!;
      expect({ enterprises: fromDb.enterprises, covered: fromDb.covered, mustCover: fromDb.mustCover, sixClears: fromDb.sixClearsComplete, workCovered: fromDb.workCovered })
        .toEqual({ enterprises: fromCore.enterprises, covered: fromCore.covered, mustCover: fromCore.must_cover, sixClears: fromCore.six_clears_complete, workCovered: fromCore.work_covered });
    });

    it('reads the whole dataset back page by page, whatever the page size', async () => {
      const repo = subject().repository;
      const progress: number[] = [];
      const paged = await repo.readDataset('linpu', { pageSize: 100, onProgress: (n) => progress.push(n) });
      const whole = await repo.readDataset('linpu');
      expect(paged.enterprises.length).toBe(dataset.enterprises.length);
      expect(paged.enterprises.map((e) => e.id)).toEqual(whole.enterprises.map((e) => e.id));
      expect(new Set(paged.enterprises.map((e) => e.id)).size).toBe(dataset.enterprises.length);
      expect(progress).toEqual(Array.from({ length: Math.ceil(dataset.enterprises.length / 100) }, (_, k) => Math.min((k + 1) * 100, dataset.enterprises.length)));
      expect((await repo.readDataset('linpu', { pageSize: 7 })).buildings.length).toBe(dataset.buildings.length);
    });

    it('takes bulletin snapshots of the live figures, and keeps slides in deck order', async () => {
      const repo = subject().repository;
      const taken = await repo.takeBulletinSnapshot('2011-11-15');
      const live = await repo.coverageByArea();
      expect(taken.length).toBe(live.length);
      const row = taken.find((t) => t.areaId === town.id)!;
      expect({ covered: row.covered, enterprises: row.enterprises, takenOn: row.takenOn }).toEqual({ covered: live.find((l) => l.areaId === town.id)!.covered, enterprises: live.find((l) => l.areaId === town.id)!.enterprises, takenOn: '2011-11-15' });
      expect((await repo.listBulletinSnapshots()).filter((s) => s.takenOn === '2011-11-15')).toHaveLength(taken.length);

      const deck = `contract-${Date.now()}`;
      const first = await repo.saveSlide({ deck, title: '全镇概况', note: '', view: { camera: { zoom: 12 } } });
      const second = await repo.saveSlide({ deck, title: '重点楼宇', note: '说明', view: { layers: { heat: true } } });
      expect(second.position).toBe(first.position + 1);
      const edited = await repo.saveSlide({ ...first, title: '全镇概况（更新）' });
      expect(edited).toMatchObject({ version: 2, view: { camera: { zoom: 12 } } });
      await expect(repo.saveSlide({ ...first, title: '旧版本' })).rejects.toBeInstanceOf(StaleWriteError);
      expect((await repo.listSlides(deck)).map((x) => x.title)).toEqual(['全镇概况（更新）', '重点楼宇']);
      await repo.deleteSlide(second.id);
      expect((await repo.listSlides(deck)).map((x) => x.id)).toEqual([first.id]);
    });

    it('refuses a stale edit and keeps the history of the accepted one', async () => {
      const repo = subject().repository;
      const id = dataset.enterprises[20].id; // not among the re-imported first ten
      const [before] = (await repo.enterprisesInArea(town.id)).filter((e) => e.id === id);
      const edited = await repo.updateEnterprise(id, { employees: 77, partyMembers: 2 }, before.version);
      expect(edited).toMatchObject({ id, employees: 77, partyMembers: 2, version: before.version + 1 });
      await expect(repo.updateEnterprise(id, { employees: 1 }, before.version)).rejects.toBeInstanceOf(StaleWriteError);
      const history = await repo.enterpriseHistory(id);
      expect(history.map((h) => h.action)).toEqual(['insert', 'update']);
      expect(history[1].newRow).toMatchObject({ employees: 77 });
    });

    it('moves a plan item 拟建 → 组建中 → 已组建 with optimistic locking; 已组建 covers its enterprises', async () => {
      const repo = subject().repository;
      const members = dataset.enterprises.filter((e) => e.orgId === '' && e.status === '在营').slice(0, 3).map((e) => e.id);
      const item = await repo.createPlanItem({ districtId: '330109', title: '临浦商务楼联合党支部', kind: 'joint_branch', level: 'branch', enterpriseIds: members });
      expect(item).toMatchObject({ status: 'proposed', version: 1, enterpriseIds: [...members].sort() });
      const edited = await repo.updatePlanItem(item.id, { owner: '张三', instructor: '李四', dueDate: '2011-12-31', enterpriseIds: members.slice(0, 2) }, 1);
      expect(edited).toMatchObject({ owner: '张三', instructor: '李四', dueDate: '2011-12-31', version: 2, enterpriseIds: members.slice(0, 2).sort() });
      await expect(repo.updatePlanItem(item.id, { owner: '王五' }, 1)).rejects.toBeInstanceOf(StaleWriteError);
      const forming = await repo.setPlanItemStatus(item.id, 'forming', 2);
      expect(forming).toMatchObject({ status: 'forming', version: 3 });
      await expect(repo.setPlanItemStatus(item.id, 'formed', 2)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await repo.setPlanItemStatus(item.id, 'formed', 3)).toMatchObject({ status: 'formed', version: 4 });
      const after = await repo.readDataset('linpu');
      for (const id of members.slice(0, 2)) expect(after.enterprises.find((e) => e.id === id)?.orgId).toBe(`plan-${item.id}`);
      expect(after.enterprises.find((e) => e.id === members[2])?.orgId).toBe('');
      expect(after.organizations.some((o) => o.id === `plan-${item.id}`)).toBe(true);
      expect((await repo.listPlanItems()).find((p) => p.id === item.id)).toMatchObject({ status: 'formed', owner: '张三', enterpriseIds: members.slice(0, 2).sort() });
      await repo.setPlanItemStatus(item.id, 'forming', 4);
      expect((await repo.readDataset('linpu')).enterprises.find((e) => e.id === members[0])?.orgId).toBe('');
      await repo.deletePlanItem(item.id, 5);
      expect((await repo.listPlanItems()).some((p) => p.id === item.id)).toBe(false);
    });

    it('follows the change feed: an own write arrives before it resolves, another client\'s on the next pull, deletions as tombstones', async () => {
      const { repository: repo, other } = subject();
      const mine: ChangeSet[] = [];
      const theirs: ChangeSet[] = [];
      // A change reaches the page while its write is still pending (the embedded store: not yet durable), never after it resolved.
      const pendingWhenDelivered: number[] = [];
      const stopMine = repo.onChanges((c) => {
        mine.push(c);
        pendingWhenDelivered.push(repo.pendingWrites);
      });
      const stopTheirs = other.onChanges((c) => theirs.push(c));
      try {
        const start = await repo.readDataset('linpu');
        await other.readDataset('linpu');
        expect(repo.feedSeq).toBe(await repo.feedHead());
        const target = start.enterprises.find((e) => e.id === dataset.enterprises[30].id)!;

        const edited = await repo.updateEnterprise(target.id, { employees: 123 }, target.version);
        expect(mine).toHaveLength(1);
        expect(pendingWhenDelivered).toEqual([1]);
        expect(repo.pendingWrites).toBe(0);
        expect(mine[0].enterprises.upserted).toEqual([edited]);
        expect(mine[0].enterprises.deleted).toEqual([]);
        expect(repo.feedSeq).toBe(mine[0].lastSeq);

        expect(theirs).toHaveLength(0);
        expect(await other.pullChanges()).toBe(1);
        expect(theirs[0].enterprises.upserted.map((e) => [e.id, e.employees, e.version])).toEqual([[target.id, 123, target.version + 1]]);
        expect(await other.pullChanges()).toBe(0);

        // 已组建: the item, its new organization and the enterprises it covers arrive in one batch.
        const members = start.enterprises.filter((e) => e.orgId === '' && e.status === '在营' && e.id !== target.id).slice(0, 2).map((e) => e.id);
        const item = await repo.createPlanItem({ districtId: '330109', title: '临浦测试联合党支部', kind: 'joint_branch', level: 'branch', enterpriseIds: members });
        await repo.setPlanItemStatus(item.id, 'forming', 1);
        mine.length = 0;
        await repo.setPlanItemStatus(item.id, 'formed', 2);
        expect(mine[0].planItems.upserted.map((p) => [p.id, p.status])).toEqual([[item.id, 'formed']]);
        expect(mine[0].organizations.upserted.map((o) => o.id)).toEqual([`plan-${item.id}`]);
        expect(mine[0].enterprises.upserted.map((e) => [e.id, e.orgId]).sort()).toEqual(members.map((id) => [id, `plan-${item.id}`]).sort());

        await repo.setPlanItemStatus(item.id, 'forming', 3);
        mine.length = 0;
        await repo.deletePlanItem(item.id, 4);
        expect(mine[0].planItems.deleted).toEqual([item.id]);
        theirs.length = 0;
        await other.pullChanges();
        const seen = theirs.flatMap((c) => c.planItems.deleted);
        expect(seen).toContain(item.id);
        expect(theirs.flatMap((c) => c.organizations.deleted)).toContain(`plan-${item.id}`);
        expect(other.feedSeq).toBe(repo.feedSeq);
      } finally {
        stopMine();
        stopTheirs();
      }
    });

    it('takes a batch another client handed over (another tab of the same store) without reading the store, and refuses one after a gap', async () => {
      const { repository: repo, other } = subject();
      const mine: { changes: ChangeSet; afterSeq: number }[] = [];
      const theirs: ChangeSet[] = [];
      const stopMine = repo.onChanges((changes, afterSeq) => mine.push({ changes, afterSeq }));
      const stopTheirs = other.onChanges((c) => theirs.push(c));
      try {
        const start = await repo.readDataset('linpu');
        await other.readDataset('linpu');
        const [a, b] = start.enterprises.filter((e) => e.status === '在营').slice(40, 42);
        await repo.updateEnterprise(a.id, { employees: 321 }, a.version);
        expect(await other.acceptChanges(mine[0].changes, mine[0].afterSeq)).toBe(true);
        expect(theirs.map((c) => c.enterprises.upserted.map((e) => [e.id, e.employees]))).toEqual([[[a.id, 321]]]);
        expect(other.feedSeq).toBe(repo.feedSeq);
        expect(await other.pullChanges()).toBe(0);
        // The same batch again changes nothing.
        expect(await other.acceptChanges(mine[0].changes, mine[0].afterSeq)).toBe(true);
        expect(theirs).toHaveLength(1);

        // Two writes, only the second handed over: there is a gap, so it is refused and a pull brings both.
        await repo.updateEnterprise(a.id, { employees: 322 }, a.version + 1);
        await repo.updateEnterprise(b.id, { employees: 323 }, b.version);
        expect(await other.acceptChanges(mine[2].changes, mine[2].afterSeq)).toBe(false);
        expect(theirs).toHaveLength(1);
        expect(await other.pullChanges()).toBe(2);
        expect(other.feedSeq).toBe(repo.feedSeq);
      } finally {
        stopMine();
        stopTheirs();
      }
    });

    it('stores a non-default rule profile: read at start, versioned, followed through the feed, used alike by the SQL figures and the core', async () => {
      const { repository: repo, other } = subject();
      const theirs: ChangeSet[] = [];
      const stopTheirs = other.onChanges((c) => theirs.push(c));
      try {
        const before = await repo.readRuleProfile();
        expect(before.rules).toEqual({});
        await other.readDataset('linpu');
        const rules = { jointMaxUnits: 8, jointMaxSpanM: 1500, mustCoverMinEmployees: 50, mustCoverAnyMember: false };
        const saved = await repo.saveRuleProfile(rules, before.version);
        expect(saved).toMatchObject({ rules, version: before.version + 1 });
        await expect(repo.saveRuleProfile({ jointMaxUnits: 6 }, before.version)).rejects.toBeInstanceOf(StaleWriteError);
        await expect(repo.saveRuleProfile({ jointMaxUnit: 6 } as never, saved.version)).rejects.toMatchObject({ code: '22023' });

        const read = await repo.readDataset('linpu');
        expect(read.rules).toEqual(rules);
        expect(read.ruleProfile).toMatchObject({ rules, version: saved.version });
        expect(await other.pullChanges()).toBe(1);
        expect(theirs.at(-1)?.ruleProfile).toMatchObject({ rules, version: saved.version });

        // The SQL figures and the core count must-cover the same way under the stored profile, and not as by default.
        const planned = planDataset(read);
        expect(planned.rules).toMatchObject(rules);
        const byDefault = planDataset({ ...read, rules: {} });
        const mustCover = (areas: { id: string; must_cover: number; must_cover_covered: number }[]) => areas.map((a) => [a.id, a.must_cover, a.must_cover_covered]).sort();
        const fromDb = (await repo.coverageByArea()).map((r) => ({ id: r.areaId, must_cover: r.mustCover, must_cover_covered: r.mustCoverCovered }));
        expect(mustCover(fromDb)).toEqual(mustCover(planned.report.areas));
        expect(mustCover(fromDb)).not.toEqual(mustCover(byDefault.report.areas));
      } finally {
        stopTheirs();
        await repo.saveRuleProfile({});
      }
      expect((await repo.readRuleProfile()).rules).toEqual({});
    });

    it('carries the campaign columns through import, edit and the feed; 已转接 adds the members to the formal ones', async () => {
      const { repository: repo, other } = subject();
      await other.readDataset('linpu');
      // The enterprise as a register without the campaign columns has it.
      const plain = Object.fromEntries(Object.entries(dataset.enterprises[45]).filter(([k]) => !CAMPAIGN_FIELDS.includes(k))) as unknown as Enterprise;
      // Every campaign column named (the demo row may carry some already).
      const campaign = { membersElsewhere: 3, membersElsewhereAt: '市人才中心;原籍', membersTransferred: 0, transferStatus: null, transferOn: null, tradeUnion: true, youthLeague: null, womensFederation: null, keyCategory: '亿元以上', liaison: '王书记', registeredOn: '2009-05-01' };
      expect((await repo.upsertEnterprises([{ ...plain, ...campaign }])).map((r) => [r.action, r.message])).toEqual([['updated', null]]);
      const read = async () => (await repo.enterprisesInArea(town.id)).find((e) => e.id === plain.id)!;
      expect(await read()).toMatchObject({ ...campaign, transferStatus: 'pending' });
      // A file without the columns keeps them.
      await repo.upsertEnterprises([{ ...plain, employees: 66 }]);
      const kept = await read();
      expect(kept).toMatchObject({ employees: 66, membersElsewhere: 3, tradeUnion: true, keyCategory: '亿元以上', registeredOn: '2009-05-01' });

      const edited = await repo.updateEnterprise(plain.id, { womensFederation: true, keyCategory: '', transferStatus: 'in_progress', transferOn: '2011-10-20' }, kept.version);
      expect(edited).toMatchObject({ womensFederation: true, keyCategory: '', transferStatus: 'in_progress', transferOn: '2011-10-20', liaison: '王书记' });

      const formal = edited.partyMembers ?? 0;
      const two = await repo.completeMemberTransfer(plain.id, 2, edited.version, '2011-11-01');
      expect(two).toMatchObject({ partyMembers: formal + 2, membersTransferred: 2, transferStatus: 'in_progress', transferOn: '2011-11-01', version: edited.version + 1 });
      await expect(repo.completeMemberTransfer(plain.id, 1, edited.version)).rejects.toBeInstanceOf(StaleWriteError);
      await expect(repo.completeMemberTransfer(plain.id, 2, two.version)).rejects.toThrow(/1 member\(s\) to transfer, not 2/);
      const done = await repo.completeMemberTransfer(plain.id, null, two.version, '2011-11-08');
      expect(done).toMatchObject({ partyMembers: formal + 3, membersElsewhere: 3, membersTransferred: 3, transferStatus: 'done' });
      const seen: ChangeSet[] = [];
      const stop = other.onChanges((c) => seen.push(c));
      try {
        await other.pullChanges();
        expect(seen.flatMap((c) => c.enterprises.upserted).filter((e) => e.id === plain.id).at(-1)).toMatchObject({ partyMembers: formal + 3, transferStatus: 'done', womensFederation: true });
      } finally {
        stop();
      }
      const history = await repo.enterpriseHistory(plain.id);
      expect(history.at(-1)?.newRow).toMatchObject({ party_members: formal + 3, members_transferred: 3, transfer_status: 'done' });
    });

    it('keeps the follow-up loop: the leader of an area, inspection notes, and what a register import brought and lost, all through the feed', async () => {
      const { repository: repo, other } = subject();
      const mine: ChangeSet[] = [];
      const theirs: ChangeSet[] = [];
      const stopMine = repo.onChanges((c) => mine.push(c));
      const stopTheirs = other.onChanges((c) => theirs.push(c));
      try {
        const start = await repo.readDataset('linpu');
        await other.readDataset('linpu');
        await repo.setAreaLeader(town.id, ' 王镇长 ');
        expect(mine.flatMap((c) => c.areas.upserted).find((a) => a.id === town.id)?.leader).toBe('王镇长');
        await other.pullChanges();
        expect(theirs.flatMap((c) => c.areas.upserted).find((a) => a.id === town.id)?.leader).toBe('王镇长');

        mine.length = 0;
        const note = await repo.saveInspectionNote({ areaId: town.id, inspectedOn: '2011-11-08', inspector: '区督查组', finding: '摸排台账不全', followUpDue: '2011-11-15' });
        expect(note).toMatchObject({ areaId: town.id, planItemId: null, districtId: '330109', inspectedOn: '2011-11-08', followUpDue: '2011-11-15', resolved: false, version: 1 });
        expect(mine.flatMap((c) => c.inspectionNotes.upserted).map((n) => n.id)).toEqual([note.id]);
        const resolved = await repo.saveInspectionNote({ id: note.id, version: 1, resolved: true });
        expect(resolved).toMatchObject({ resolved: true, version: 2, finding: '摸排台账不全' });
        await expect(repo.saveInspectionNote({ id: note.id, version: 1, finding: '旧' })).rejects.toBeInstanceOf(StaleWriteError);

        // A register import run: one enterprise new to the register, one deregistered by it.
        const leaving = start.enterprises.filter((e) => e.status === '在营' || e.status === '').at(-1)!;
        const fresh = { ...dataset.enterprises[0], id: 'new-registration-1', creditCode: '', name: '临浦新登记贸易有限公司' };
        mine.length = 0;
        const run = await repo.startRegisterImport(false, 2);
        const results = await repo.importRegisterRows(run, [fresh, { ...leaving, status: '注销' }]);
        expect(results.map((r) => r.action)).toEqual(['inserted', 'updated']);
        const summary = await repo.finishRegisterImport(run);
        expect(summary).toMatchObject({ id: run, rowCount: 2, newCount: 1, leftCount: 1, fullRegister: false });
        const changes = mine.flatMap((c) => c.registerChanges.upserted).map((c) => [c.enterpriseId, c.change, c.reason]).sort();
        expect(changes).toEqual([[fresh.id, 'new', 'registered'], [leaving.id, 'left', 'deregistered']].sort());
        await expect(repo.finishRegisterImport(run)).rejects.toThrow(/not an open import/);

        const again = await other.readDataset('linpu');
        expect(again.areas.find((a) => a.id === town.id)?.leader).toBe('王镇长');
        expect(again.inspectionNotes?.map((n) => [n.id, n.resolved])).toEqual([[note.id, true]]);
        expect(again.registerChanges?.map((c) => c.enterpriseId).sort()).toEqual([fresh.id, leaving.id].sort());
      } finally {
        stopMine();
        stopTheirs();
      }
    });

    it('replays the feed from 0 into exactly what a full read gives', async () => {
      const repo = subject().repository;
      const full = await repo.readDataset('linpu');
      const latest = new Map<string, Record<string, unknown> | null>();
      let after = 0;
      for (;;) {
        const page = await repo.changesSince(after, 1000);
        if (page.length === 0) break;
        for (const e of page) latest.set(`${e.kind}|${e.id}`, e.deleted ? null : e.data);
        after = page[page.length - 1].seq;
      }
      const live = (kind: string) => [...latest.entries()].filter(([k, v]) => k.startsWith(`${kind}|`) && v !== null).map(([k]) => k.slice(kind.length + 1)).sort();
      expect(live('enterprise')).toEqual(full.enterprises.map((e) => e.id).sort());
      expect(live('area')).toEqual(full.areas.map((a) => a.id).sort());
      expect(live('building')).toEqual(full.buildings.map((b) => b.id).sort());
      expect(live('organization')).toEqual(full.organizations.map((o) => o.id).sort());
      expect(live('plan_item')).toEqual(full.planItems.map((p) => p.id).sort());
      expect(live('inspection_note')).toEqual((full.inspectionNotes ?? []).map((n) => n.id).sort());
      expect(live('register_change')).toEqual((full.registerChanges ?? []).map((c) => c.id).sort());
      for (const e of full.enterprises.slice(0, 50)) expect(latest.get(`enterprise|${e.id}`)).toMatchObject({ id: e.id, version: e.version, employees: e.employees });
    });
  });
}
