/**
 * The state's services and write actions over a real embedded store (PGlite, nothing mocked): the UI
 * reaches the repository only through them. A stale edit brings in the others' changes before its
 * StaleWriteError reaches the UI; a register import is all or nothing, its refusals by the file's row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase, openLocalStore, type LocalStore } from '../../src/data/local/pglite-store';
import { createRpcRepository } from '../../src/data/rpc-repository';
import type { ChangeSet, Repository } from '../../src/data/repository';
import { readMigrations } from './migrations';
import { readDemo } from '../support/demo';
import { repository, setRepository } from '../../src/state/services';
import { useAppStore } from '../../src/state/store';
import { StaleWriteError } from '../../src/state/errors';
import { updateEnterprise } from '../../src/state/enterprise-actions';
import { importRegister } from '../../src/state/import-actions';
import { movePlanItem } from '../../src/state/plan-actions';
import { saveRuleProfile, useRuleProfileStore } from '../../src/state/rule-profile';
import { DEFAULT_RULES } from '../../src/core/model/types';

let store: LocalStore;
let other: Repository;
const { dataset } = readDemo('linpu');

beforeAll(async () => {
  store = await openLocalStore(await createEmbeddedDatabase(), { migrations: readMigrations() });
  other = createRpcRepository(store.gateway);
  await other.upsertPlaces('areas', dataset.areas);
  await other.upsertEnterprises(dataset.enterprises.slice(0, 50));
}, 180_000);

afterAll(async () => {
  setRepository(null);
  await store?.close();
});

describe('state services and actions', () => {
  it('hold the repository outside the zustand state, which says only whether one is open', async () => {
    setRepository(null);
    expect(useAppStore.getState().canWrite).toBe(false);
    expect(() => repository()).toThrow(/No repository is open/);
    await expect(updateEnterprise(dataset.enterprises[0].id, { employees: 1 }, 1)).rejects.toThrow(/No repository is open/);
    setRepository(store.repository);
    expect(useAppStore.getState().canWrite).toBe(true);
    expect(repository()).toBe(store.repository);
    expect(Object.values(useAppStore.getState()).some((v) => v === store.repository)).toBe(false);
  });

  it('a stale enterprise edit is refused, and the other client\'s change has arrived through the feed when the UI hears of it', async () => {
    setRepository(store.repository);
    store.repository.resumeFrom(await store.repository.feedHead());
    const id = dataset.enterprises[7].id;
    const [read] = (await other.readDataset('linpu')).enterprises.filter((e) => e.id === id) as { version: number }[];
    await other.updateEnterprise(id, { employees: 4321 }, read.version);
    const heard: ChangeSet[] = [];
    const stop = store.repository.onChanges((changes) => heard.push(changes));
    try {
      await expect(updateEnterprise(id, { employees: 1 }, read.version)).rejects.toBeInstanceOf(StaleWriteError);
      expect(heard.flatMap((c) => c.enterprises.upserted).filter((e) => e.id === id).map((e) => e.employees)).toEqual([4321]);
      expect(store.repository.feedSeq).toBe(await store.repository.feedHead());
      // From what arrived, the edit goes through at the new version.
      const saved = await updateEnterprise(id, { employees: 5 }, read.version + 1);
      expect(saved).toMatchObject({ id, employees: 5 });
    } finally {
      stop();
    }
  });

  it('a stale plan-item move and a stale rule-profile save bring in the other client\'s change before they fail', async () => {
    setRepository(store.repository);
    store.repository.resumeFrom(await store.repository.feedHead());
    const item = await other.createPlanItem({ districtId: null, title: '临浦测试联合党支部', kind: 'joint_branch', level: 'branch', enterpriseIds: [], recommendationId: null, geometry: null });
    await other.updatePlanItem(item.id, { title: '临浦测试联合党支部（改）' }, item.version);
    const heard: ChangeSet[] = [];
    const stop = store.repository.onChanges((changes) => heard.push(changes));
    try {
      await expect(movePlanItem(item, 'forming')).rejects.toBeInstanceOf(StaleWriteError);
      expect(heard.flatMap((c) => c.planItems.upserted).filter((p) => p.id === item.id).map((p) => p.title)).toContain('临浦测试联合党支部（改）');

      const seen = await other.saveRuleProfile({ jointMaxUnits: 6 }, undefined);
      useRuleProfileStore.getState().setProfile(seen); // what this page last saw
      const stored = await other.saveRuleProfile({ jointMaxUnits: 8 }, seen.version);
      await expect(saveRuleProfile({ ...DEFAULT_RULES, jointMaxUnits: 7 })).rejects.toBeInstanceOf(StaleWriteError);
      expect(heard.map((c) => c.ruleProfile).filter(Boolean).map((p) => p!.version)).toContain(stored.version);
    } finally {
      stop();
    }
  });

  it('a register import writes nothing when a row is refused, naming the file\'s row; else one run with its summary', async () => {
    setRepository(store.repository);
    const fresh = { ...dataset.enterprises[0], id: 'state-actions-new', creditCode: '', name: '临浦状态测试有限公司', row: 2 };
    const twice = { ...fresh, row: 3 }; // the same enterprise again in one import: refused
    const source = (rows: typeof fresh[]) => ({ rows: async (start: number, count: number) => rows.slice(start, start + count) });
    const progress: number[] = [];
    const refused = await importRegister(source([fresh, twice]), 2, false, (p) => progress.push(p));
    expect(refused.rejected.map((r) => [r.rowNo, r.action])).toEqual([[3, 'rejected']]);
    expect('summary' in refused).toBe(false);
    expect(progress).toEqual([50]);
    expect((await other.readDataset('linpu')).enterprises.some((e) => e.id === fresh.id)).toBe(false);

    progress.length = 0;
    const done = await importRegister(source([fresh]), 1, false, (p) => progress.push(p));
    expect(done.rejected).toEqual([]);
    expect('summary' in done && done.summary).toMatchObject({ rowCount: 1, newCount: 1, leftCount: 0 });
    expect(progress).toEqual([50, 100]);
    expect((await other.readDataset('linpu')).enterprises.some((e) => e.id === fresh.id)).toBe(true);
  });
});
