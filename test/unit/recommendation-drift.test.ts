import { describe, expect, it } from 'vitest';
import { readDemo } from '../support/demo';
import { planDataset } from '../../src/core/plan';
import { recommendationDrift } from '../../src/core/recommend/drift';
import type { Recommendation } from '../../src/core/model/report';

const rec = (id: string, enterprise_ids: string[]): Recommendation => ({
  id, name: id, name_en: id, kind: id.startsWith('S-') ? 'standalone' : 'joint_branch', level: 'branch', enterprise_ids, formal_members: 3, members: 3,
  building_ids: [], zone_id: null, parent_id: null, reasons: [], reasons_en: [], reason_codes: [], span_m: 0, must_cover: 0,
});

describe('recommendationDrift (an accepted item against the current recommendations)', () => {
  const current = [rec('J-AAAA', ['a', 'b', 'c']), rec('J-BBBB', ['d', 'e', 'x', 'y']), rec('S-f', ['f']), rec('A-CCCC', ['g', 'h'])];

  it('is null for an item that came from no recommendation', () => {
    expect(recommendationDrift({ recommendationId: null, enterpriseIds: ['a'] }, current)).toBeNull();
  });

  it('is the same while the id is there (the id is derived from kind, place and members), even after the item was edited', () => {
    expect(recommendationDrift({ recommendationId: 'J-AAAA', enterpriseIds: ['a', 'b', 'c', 'z'] }, current)).toEqual({ state: 'same', current: current[0] });
  });

  it('finds the successor of a changed recommendation: same kind, most shared members; lists members added and removed', () => {
    const drift = recommendationDrift({ recommendationId: 'J-OLD1', enterpriseIds: ['d', 'e', 'q', 'a'] }, current);
    expect(drift).toEqual({ state: 'changed', current: current[1], added: ['x', 'y'], removed: ['a', 'q'] });
  });

  it('does not take a recommendation of another kind as the successor', () => {
    expect(recommendationDrift({ recommendationId: 'J-OLD2', enterpriseIds: ['g', 'h'] }, current)).toEqual({ state: 'gone' });
    expect(recommendationDrift({ recommendationId: 'A-OLD3', enterpriseIds: ['g', 'q'] }, current)).toMatchObject({ state: 'changed', current: current[3], added: ['h'], removed: ['q'] });
  });

  it('is gone when no current recommendation of the kind shares a member', () => {
    expect(recommendationDrift({ recommendationId: 'J-OLD4', enterpriseIds: ['m', 'n'] }, current)).toEqual({ state: 'gone' });
    expect(recommendationDrift({ recommendationId: 'S-m', enterpriseIds: ['m'] }, current)).toEqual({ state: 'gone' });
  });

  it('breaks a tie between successors by the smaller id, whatever the order', () => {
    const tied = [rec('J-ZZ', ['a', 'p']), rec('J-YY', ['b', 'q'])];
    const item = { recommendationId: 'J-OLD5', enterpriseIds: ['a', 'b'] };
    expect(recommendationDrift(item, tied)).toMatchObject({ current: { id: 'J-YY' } });
    expect(recommendationDrift(item, [...tied].reverse())).toMatchObject({ current: { id: 'J-YY' } });
  });

  it('on a real plan: an unrelated edit keeps an accepted branch the same; closing one of its members changes it or makes it go', () => {
    const { dataset } = readDemo('linpu');
    const before = planDataset(dataset, { compareWithGreedy: false }).report.recommendations;
    const byId = new Map(dataset.enterprises.map((e) => [e.id, e]));
    const isMemberless = (id: string) => (byId.get(id)?.partyMembers ?? 0) === 0 && (byId.get(id)?.probationaryMembers ?? 0) === 0;
    // A branch with a member that has no Party members of its own (closing it changes the branch).
    const branch = before.find((r) => r.kind === 'joint_branch' && r.enterprise_ids.length >= 4 && r.enterprise_ids.some(isMemberless));
    expect(branch).toBeDefined();
    const b = branch as Recommendation;
    const item = { recommendationId: b.id, enterpriseIds: [...b.enterprise_ids] };
    const memberless = b.enterprise_ids.find(isMemberless);
    expect(memberless).toBeDefined();
    const closed = { ...dataset, enterprises: dataset.enterprises.map((e) => (e.id === memberless ? { ...e, status: '注销' } : e)) };
    const after = planDataset(closed, { compareWithGreedy: false }).report.recommendations;
    const drift = recommendationDrift(item, after);
    expect(drift?.state).not.toBe('same');
    if (drift?.state === 'changed') {
      expect(drift.removed).toContain(memberless);
      expect(drift.current.enterprise_ids).not.toContain(memberless);
    }
    const other = before.find((r) => r.kind === 'joint_branch' && r.id !== b.id && !r.enterprise_ids.some((id) => b.enterprise_ids.includes(id)) && after.some((a) => a.id === r.id));
    expect(other).toBeDefined();
    expect(recommendationDrift({ recommendationId: (other as Recommendation).id, enterpriseIds: (other as Recommendation).enterprise_ids }, after)?.state).toBe('same');
  });
});
