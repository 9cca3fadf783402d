/**
 * Writes and reads of one enterprise through the repository: the six-clears edit and 已转接 (members
 * transferred), both at the version the page read, and its edit history. A stale write (someone saved
 * meanwhile) is refused by the store: the others' changes are brought in through the feed and the
 * StaleWriteError is passed on, so the next try starts from them. What a write changed comes back
 * through the data path (state/sync.ts) before it resolves.
 */
import type { AuditEntry, EnterprisePatch } from '../core/model/records';
import type { Enterprise } from '../core/model/types';
import { catchingUp } from './catching-up';
import { repository } from './services';

export function updateEnterprise(id: string, patch: EnterprisePatch, expectedVersion: number): Promise<Enterprise> {
  return catchingUp(() => repository().updateEnterprise(id, patch, expectedVersion));
}

/** 已转接: `members` of those still elsewhere have transferred; the database adds them to the formal members. */
export function completeMemberTransfer(id: string, members: number, expectedVersion: number): Promise<Enterprise> {
  return catchingUp(() => repository().completeMemberTransfer(id, members, expectedVersion));
}

/** The enterprise's edits from the audit log, oldest first. */
export function enterpriseHistory(id: string): Promise<AuditEntry[]> {
  return repository().enterpriseHistory(id);
}
